/**
 * Calls of the user, audit and API-token endpoints. Types are the server's own zod
 * schemas (type-only imports); errors become the shared `ApiError`.
 */
import type { z } from 'zod';
import type { AuditEntry } from '../../../api/routes/audit.js';
import type { TokenCreated, TokenInfo } from '../../../api/routes/tokens.js';
import type { User } from '../../../api/routes/users.js';
import { errorFromResponse, queryString, type QueryValue } from '../lib/api.js';

export type UserT = z.infer<typeof User>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
export type TokenInfoT = z.infer<typeof TokenInfo>;
export type TokenCreatedT = z.infer<typeof TokenCreated>;

async function call<T>(path: string, init: { method?: string; body?: unknown; ifMatch?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.ifMatch !== undefined) headers['If-Match'] = `"${init.ifMatch}"`;
  const res = await fetch(path, {
    method: init.method ?? 'GET', credentials: 'same-origin', headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw await errorFromResponse(res);
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const adminApi = {
  users: () => call<{ users: UserT[] }>('/api/users'),
  createUser: (body: { email: string; name: string; role: string; password: string }) => call<UserT>('/api/users', { method: 'POST', body }),
  changeUser: (u: UserT, body: Partial<{ name: string; role: string; active: boolean }>) =>
    call<UserT>(`/api/users/${u.id}`, { method: 'PATCH', body, ifMatch: u.version }),
  audit: (params: Record<string, QueryValue>) => call<{ entries: AuditEntryT[]; total: number }>(`/api/audit${queryString(params)}`),
  tokens: () => call<{ tokens: TokenInfoT[] }>('/api/auth/tokens'),
  createToken: (name: string) => call<TokenCreatedT>('/api/auth/tokens', { method: 'POST', body: { name } }),
  revokeToken: (id: number) => call<void>(`/api/auth/tokens/${id}`, { method: 'DELETE' }),
};
