/**
 * Calls of the user, audit, API-token and settings endpoints. Types are the server's own zod
 * schemas (type-only imports); the calls go through the one request function of `lib/api.ts`.
 */
import type { z } from 'zod';
import type { AuditEntry } from '../../../api/routes/audit.js';
import type { TokenCreated, TokenInfo } from '../../../api/routes/tokens.js';
import type { User } from '../../../api/routes/users.js';
import type { RadiiInputT } from '../../../api/schemas/proximity.js';
import type { WalkingSettingsInputT, WalkingSettingsT } from '../../../api/schemas/walkingSettings.js';
import type { RoleMappingsInputT, RoleMappingsT } from '../../../api/schemas/oidc.js';
import type { GlobalRadii } from '../lib/apiTypes.js';
import { queryString, request, type QueryValue } from '../lib/api.js';

export type UserT = z.infer<typeof User>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
export type TokenInfoT = z.infer<typeof TokenInfo>;
export type TokenCreatedT = z.infer<typeof TokenCreated>;

export const adminApi = {
  users: () => request<{ users: UserT[] }>('/api/users'),
  createUser: (body: { email: string; name: string; role: string; password: string }) => request<UserT>('/api/users', { method: 'POST', body }),
  user: (id: number) => request<UserT>(`/api/users/${id}`),
  changeUser: (u: UserT, body: Partial<{ name: string; role: string; active: boolean; password: string }>) =>
    request<UserT>(`/api/users/${u.id}`, { method: 'PATCH', body, ifMatch: u.version }),
  audit: (params: Record<string, QueryValue>) => request<{ entries: AuditEntryT[]; number_matched: number; number_returned: number }>(`/api/audit${queryString(params)}`),
  tokens: () => request<{ tokens: TokenInfoT[] }>('/api/auth/tokens'),
  createToken: (name: string) => request<TokenCreatedT>('/api/auth/tokens', { method: 'POST', body: { name } }),
  revokeToken: (id: number) => request<void>(`/api/auth/tokens/${id}`, { method: 'DELETE' }),
  changeOwnPassword: (body: { current_password: string; new_password: string }) =>
    request<{ sessions_ended: number; tokens_revoked: number }>('/api/auth/password', { method: 'POST', body }),
  zoneRadii: () => request<GlobalRadii>('/api/settings/zone-radii'),
  setZoneRadii: (body: RadiiInputT) => request<GlobalRadii>('/api/settings/zone-radii', { method: 'PUT', body }),
  walking: () => request<WalkingSettingsT>('/api/settings/walking'),
  setWalking: (body: WalkingSettingsInputT) => request<WalkingSettingsT>('/api/settings/walking', { method: 'PUT', body }),
  roleMappings: () => request<RoleMappingsT>('/api/settings/oidc-role-mappings'),
  setRoleMappings: (body: RoleMappingsInputT) => request<RoleMappingsT>('/api/settings/oidc-role-mappings', { method: 'PUT', body }),
};
export type { RoleMappingsT, WalkingSettingsT };
