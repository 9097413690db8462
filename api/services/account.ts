import { assertPasswordAcceptable } from '../auth/passwordPolicy.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken } from '../auth/tokens.js';
import { statement } from '../db/statements.js';
import { ApiError, ruleError } from '../errors.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { releaseLoginAttempt, reserveLoginAttempt, settleLoginAttempt } from './rateLimit.js';
import { userByEmail } from './sessions.js';
import { tokensRevokeAll } from './users.js';

const passwordSet = statement('user_password_set', ['id', 'password_hash', 'now']);
const otherSessionsDelete = statement('user_other_sessions_delete', ['user_id', 'keep_token_hash']);

export interface OwnPasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The client's address: a wrong current password counts as a failed sign-in from it. */
  address: string;
  /** The session token the change is made in, which stays signed in; every other session ends. */
  sessionToken: string | undefined;
}

/**
 * Changes the caller's own password. The current password is required and checked like a
 * sign-in (counted first, so guessing it is limited as sign-in is: 429 with Retry-After).
 * The new one must pass the password rules. As when an administrator sets a password,
 * every personal API token is revoked for good and every other session ends, in one
 * transaction with the audit entry; the session the change is made in stays.
 */
export async function changeOwnPassword(ctx: RequestContext, req: OwnPasswordChange): Promise<{ sessions_ended: number; tokens_revoked: number }> {
  const { db, now } = ctx;
  const me = writerOf(ctx);
  assertPasswordAcceptable(req.newPassword, me.email, 'new_password');
  const attempt = await reserveLoginAttempt(db, me.email, req.address, now);
  const stored = await userByEmail.one<{ password_hash: string }>(db, { email: me.email });
  let ok: boolean;
  try {
    ok = !!stored && (await verifyPassword(stored.password_hash, req.currentPassword));
  } catch (err) {
    await releaseLoginAttempt(db, attempt);
    throw err;
  }
  await settleLoginAttempt(db, attempt, ok, now);
  if (!ok) throw ruleError('bad_request', 'wrong_password', 'current_password: this is not your current password.', {}, ['current_password']);
  const hash = await hashPassword(req.newPassword);
  return db.transaction(async (tx) => {
    const row = await passwordSet.one<{ id: number }>(tx, { id: me.id, password_hash: hash, now: now.toISOString() });
    if (!row) throw new ApiError('forbidden', 'The account is disabled.');
    const keep = me.via === 'session' && req.sessionToken ? hashToken(req.sessionToken) : null;
    const sessions_ended = (await otherSessionsDelete.run(tx, { user_id: me.id, keep_token_hash: keep })).length;
    const tokens_revoked = (await tokensRevokeAll.run(tx, { user_id: me.id, now: now.toISOString() })).length;
    await audit(tx, {
      at: now, user: me, action: 'update', entity: 'user', entityId: me.id,
      details: { password_changed: true, by: 'self', sessions_ended, ...(tokens_revoked ? { api_tokens_revoked: tokens_revoked } : {}) },
    });
    return { sessions_ended, tokens_revoked };
  });
}
