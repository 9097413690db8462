/**
 * Calls of the second-factor endpoints (issue 18): one's own enrolment, the second step of
 * sign-in, and the administrator's reset and setting. The calls go through the one request
 * function of `lib/api.ts`; a 401 of the second step is the user's wrong code, not an ended session.
 */
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { request } from '../lib/api.js';
import type { Me } from '../lib/apiTypes.js';

export interface PasskeyT { id: number; name: string; created_at: string; last_used_at: string | null }
export interface SecondFactorT { required: boolean; totp: { confirmed_at: string } | null; recovery_codes_left: number; passkeys: PasskeyT[] }
export type RequiredFor = 'none' | 'admin' | 'editor';

export const secondFactorApi = {
  state: () => request<SecondFactorT>('/api/auth/second-factor'),
  startTotp: () => request<{ secret: string; otpauth_uri: string; qr_data_url: string }>('/api/auth/second-factor/totp', { method: 'POST' }),
  confirmTotp: (code: string) => request<{ recovery_codes: string[] | null }>('/api/auth/second-factor/totp/confirm', { method: 'POST', body: { code } }),
  removeTotp: (current_password: string) => request<void>('/api/auth/second-factor/totp', { method: 'DELETE', body: { current_password } }),
  renewCodes: (current_password: string) => request<{ recovery_codes: string[] }>('/api/auth/second-factor/recovery-codes', { method: 'POST', body: { current_password } }),
  passkeyOptions: () => request<PublicKeyCredentialCreationOptionsJSON>('/api/auth/second-factor/passkeys/options', { method: 'POST' }),
  addPasskey: (name: string, response: unknown) =>
    request<{ passkey: PasskeyT; recovery_codes: string[] | null }>('/api/auth/second-factor/passkeys', { method: 'POST', body: { name, response } }),
  removePasskey: (id: number, current_password: string) => request<void>(`/api/auth/second-factor/passkeys/${id}`, { method: 'DELETE', body: { current_password } }),
  // The second step of sign-in (the pending cookie set by POST /api/auth/login).
  loginCode: (body: { code: string } | { recovery_code: string }) => request<Me>('/api/auth/login/totp', { method: 'POST', body, quiet401: true }),
  loginPasskeyOptions: () => request<PublicKeyCredentialRequestOptionsJSON>('/api/auth/login/passkey/options', { method: 'POST', quiet401: true }),
  loginPasskey: (response: unknown) => request<Me>('/api/auth/login/passkey/verify', { method: 'POST', body: { response }, quiet401: true }),
  // Administrators.
  reset: (userId: number) => request<{ sessions_ended: number }>(`/api/users/${userId}/second-factor/reset`, { method: 'POST' }),
  setting: () => request<{ required_for: RequiredFor; updated_at: string }>('/api/settings/second-factor'),
  setSetting: (required_for: RequiredFor) => request<{ required_for: RequiredFor; updated_at: string }>('/api/settings/second-factor', { method: 'PUT', body: { required_for } }),
};
