import { assertPasswordAcceptable } from '../auth/passwordPolicy.js';
import { hashPassword } from '../auth/passwords.js';
import { statement } from '../db/statements.js';
import { notFound, ruleError } from '../errors.js';
import type { Role } from '../schemas/common.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { userByEmail } from './sessions.js';
import { staleVersion } from './versions.js';

const usersList = statement('user_list', ['id']);
export const usersInsert = statement('user_insert', ['email', 'name', 'role', 'password_hash', 'now']);
const usersUpdate = statement('user_update', ['id', 'version', 'name', 'role', 'active', 'password_hash', 'now']);
const adminCount = statement('user_admin_count', []);
export const sessionsDelete = statement('user_sessions_delete', ['user_id']);
export const roleSourceSet = statement('oidc_role_source_set', ['user_id', 'role_source']);
export const tokensRevokeAll = statement('user_tokens_revoke', ['user_id', 'now']);

/** Who decides an account's role: administrators (local), the work account's groups at each sign-in, or an administrator's hand change until the groups map to a role again. */
export type RoleSource = 'local' | 'groups' | 'override';

/** A user account as the API shows it: never the password hash. */
export interface UserRecord {
  id: number; email: string; name: string; role: Role; active: boolean; must_change_password: boolean; version: number; created_at: string; updated_at: string;
  role_source: RoleSource;
  /** Made by a work-account sign-in whose groups map to no role, and not let in by an administrator. */
  waiting: boolean;
}

export interface UserChange { name?: string; role?: Role; active?: boolean; password?: string }

/** What the audit log keeps of a user: everything but the password hash (never logged). */
const auditView = (u: UserRecord) => ({ email: u.email, name: u.name, role: u.role, active: u.active, version: u.version, role_source: u.role_source });

export const listUsers = (ctx: RequestContext): Promise<UserRecord[]> => usersList.run<UserRecord>(ctx.db, { id: null });

export async function getUser(ctx: RequestContext, id: number): Promise<UserRecord | undefined> {
  return usersList.one<UserRecord>(ctx.db, { id });
}

/** Creates an account (409 when the e-mail is taken; 400 `weak_password` for a refused password), audited in the same transaction. */
export async function createUser(ctx: RequestContext, input: { email: string; name: string; role: Role; password: string }): Promise<UserRecord> {
  const { db, now } = ctx;
  const actor = writerOf(ctx);
  assertPasswordAcceptable(input.password, input.email);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await userByEmail.one(tx, { email: input.email })) throw ruleError('conflict', 'email_taken', `A user with the e-mail ${input.email} already exists.`, { email: input.email }, ['email']);
    const made = await usersInsert.one<{ id: number }>(tx, { email: input.email, name: input.name, role: input.role, password_hash: hash, now: now.toISOString() });
    const u = (await usersList.one<UserRecord>(tx, { id: made!.id }))!;
    await audit(tx, { at: now, user: actor, action: 'create', entity: 'user', entityId: u.id, after: auditView(u), details: { password_set: true } });
    return u;
  });
}

/**
 * Changes an account at `version` (412 when stale). Disabling it or changing its
 * password ends all its sessions and revokes all its API tokens in the same
 * transaction: revoked, not merely blocked while disabled, so enabling the account
 * again does not bring an old token back. A new password must pass the password
 * rules (400 `weak_password`). The last active administrator cannot be demoted or
 * disabled (409). A changed role or enabled state of an account the work account made is
 * the administrator's from then on (`override`), until a sign-in's groups map to a role.
 */
export async function updateUser(ctx: RequestContext, id: number, version: number, change: UserChange): Promise<UserRecord> {
  const { db, now } = ctx;
  const actor = writerOf(ctx);
  let hash: string | null = null;
  if (change.password !== undefined) {
    const current = await getUser(ctx, id);
    if (!current) throw notFound('user', id);
    assertPasswordAcceptable(change.password, current.email);
    hash = await hashPassword(change.password);
  }
  return db.transaction(async (tx) => {
    const before = await usersList.one<UserRecord>(tx, { id });
    if (!before) throw notFound('user', id);
    const updated = await usersUpdate.one<{ id: number }>(tx, {
      id, version, name: change.name ?? null, role: change.role ?? null, active: change.active ?? null, password_hash: hash, now: now.toISOString(),
    });
    if (!updated) throw staleVersion('user', id);
    let after = (await usersList.one<UserRecord>(tx, { id }))!;
    if (after.role_source === 'groups' && (after.role !== before.role || after.active !== before.active)) {
      await roleSourceSet.run(tx, { user_id: id, role_source: 'override' });
      after = (await usersList.one<UserRecord>(tx, { id }))!;
    }
    const admins = await adminCount.one<{ n: number }>(tx, {});
    if (!admins || admins.n < 1) throw ruleError('conflict', 'last_admin', 'This would leave no active administrator; make someone else administrator first.');
    let tokensRevoked = 0;
    if (!after.active || hash) {
      await sessionsDelete.run(tx, { user_id: id });
      tokensRevoked = (await tokensRevokeAll.run(tx, { user_id: id, now: now.toISOString() })).length;
    }
    const details = { ...(hash ? { password_changed: true } : {}), ...(tokensRevoked ? { api_tokens_revoked: tokensRevoked } : {}) };
    await audit(tx, {
      at: now, user: actor, action: 'update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after),
      ...(Object.keys(details).length ? { details } : {}),
    });
    return after;
  });
}
