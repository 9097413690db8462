import { assertPasswordAcceptable } from '../auth/passwordPolicy.js';
import { hashPassword } from '../auth/passwords.js';
import { query } from '../db/sqlFiles.js';
import type { Database } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import type { Role } from '../schemas/common.js';
import { audit } from './audit.js';
import { staleVersion } from './versions.js';

/** A user account as the API shows it: never the password hash. */
export interface UserRecord {
  id: number; email: string; name: string; role: Role; active: boolean; version: number; created_at: string; updated_at: string;
}

export interface UserChange { name?: string; role?: Role; active?: boolean; password?: string }

/** What the audit log keeps of a user: everything but the password hash (never logged). */
const auditView = (u: UserRecord) => ({ email: u.email, name: u.name, role: u.role, active: u.active, version: u.version });

export const listUsers = (db: Database): Promise<UserRecord[]> => db.query<UserRecord>(query('users_list'), [null]);

export async function getUser(db: Database, id: number): Promise<UserRecord | undefined> {
  const [u] = await db.query<UserRecord>(query('users_list'), [id]);
  return u;
}

/** Creates an account (409 when the e-mail is taken; 400 `weak_password` for a refused password), audited in the same transaction. */
export async function createUser(db: Database, actor: CurrentUser, now: Date, input: { email: string; name: string; role: Role; password: string }): Promise<UserRecord> {
  assertPasswordAcceptable(input.password, input.email);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await tx.query(query('auth_user_by_email'), [input.email]);
    if (existing.length) throw new ApiError('conflict', `A user with the e-mail ${input.email} already exists.`);
    const [u] = await tx.query<UserRecord>(query('users_insert'), [input.email, input.name, input.role, hash, now.toISOString()]);
    await audit(tx, { at: now, user: actor, action: 'create', entity: 'user', entityId: u!.id, after: auditView(u!), details: { password_set: true } });
    return u!;
  });
}

/**
 * Changes an account at `version` (412 when stale). Disabling it or changing its
 * password ends all its sessions and revokes all its API tokens in the same
 * transaction: revoked, not merely blocked while disabled, so enabling the account
 * again does not bring an old token back. A new password must pass the password
 * rules (400 `weak_password`). The last active administrator cannot be demoted or
 * disabled (409).
 */
export async function updateUser(db: Database, actor: CurrentUser, now: Date, id: number, version: number, change: UserChange): Promise<UserRecord> {
  let hash: string | null = null;
  if (change.password !== undefined) {
    const current = await getUser(db, id);
    if (!current) throw notFound('user', id);
    assertPasswordAcceptable(change.password, current.email);
    hash = await hashPassword(change.password);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.query<UserRecord>(query('users_list'), [id]);
    if (!before) throw notFound('user', id);
    const [after] = await tx.query<UserRecord>(query('users_update'), [
      id, version, change.name ?? null, change.role ?? null, change.active ?? null, hash, now.toISOString(),
    ]);
    if (!after) throw staleVersion('user', id);
    const [admins] = await tx.query<{ n: number }>(query('users_admin_count'));
    if (!admins || admins.n < 1) throw new ApiError('conflict', 'This would leave no active administrator; make someone else administrator first.');
    let tokensRevoked = 0;
    if (!after.active || hash) {
      await tx.query(query('users_sessions_delete'), [id]);
      tokensRevoked = (await tx.query(query('users_tokens_revoke'), [id, now.toISOString()])).length;
    }
    const details = { ...(hash ? { password_changed: true } : {}), ...(tokensRevoked ? { api_tokens_revoked: tokensRevoked } : {}) };
    await audit(tx, {
      at: now, user: actor, action: 'update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after),
      ...(Object.keys(details).length ? { details } : {}),
    });
    return after;
  });
}
