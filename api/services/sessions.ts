import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { statement } from '../db/statements.js';
import { ApiError } from '../errors.js';
import type { Role } from '../schemas/common.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';
import { releaseLoginAttempt, reserveLoginAttempt, settleLoginAttempt } from './rateLimit.js';

/** The account with an e-mail, password hash included: for sign-in, and for the check that an e-mail is free. */
export const userByEmail = statement('auth_user_by_email', ['email']);
const sessionCreate = statement('auth_session_create', ['token_hash', 'user_id', 'now']);
const sessionDelete = statement('auth_session_delete', ['token_hash']);

/** The signed-in user as the API shows it. */
export interface SignedIn { id: number; email: string; name: string; role: Role }

export interface SignInRequest {
  /** Lower-cased by the caller. */
  email: string;
  password: string;
  /** The client's address, for the sign-in limits and the audit. */
  address: string;
  /** The session token the client already holds, ended by this sign-in. */
  previousToken: string | undefined;
}

/**
 * Checks a password and opens a new session, returning its token once. The attempt
 * is counted before the password is checked (see `reserveLoginAttempt`), and an
 * unknown e-mail costs the same hash as a known one, so neither the time nor the
 * answer tells whether the account exists.
 */
export async function signIn(ctx: RequestContext, req: SignInRequest): Promise<{ user: SignedIn; token: string }> {
  const { db, now } = ctx;
  const attempt = await reserveLoginAttempt(db, req.email, req.address, now);
  const user = await userByEmail.one<SignedIn & { password_hash: string; active: boolean }>(db, { email: req.email });
  let ok: boolean;
  try {
    ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), req.password);
  } catch (err) {
    await releaseLoginAttempt(db, attempt);
    throw err;
  }
  if (!user || !ok || !user.active) {
    await settleLoginAttempt(db, attempt, false, now);
    throw new ApiError('unauthorized', 'Wrong e-mail or password.');
  }
  const token = newToken();
  await db.transaction(async (tx) => {
    if (req.previousToken) await sessionDelete.run(tx, { token_hash: hashToken(req.previousToken) });
    await sessionCreate.run(tx, { token_hash: hashToken(token), user_id: user.id, now: now.toISOString() });
    await settleLoginAttempt(tx, attempt, true, now);
    await audit(tx, { at: now, user, action: 'login', entity: 'session', entityId: user.id, details: { address: req.address } });
  });
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, token };
}

/** Ends the caller's session when it signed in with `token`; a caller using an API token keeps it (tokens are revoked on their own). */
export async function signOut(ctx: RequestContext, token: string | undefined): Promise<void> {
  const user = ctx.user;
  if (!token || user?.via !== 'session') return;
  await ctx.db.transaction(async (tx) => {
    await sessionDelete.run(tx, { token_hash: hashToken(token) });
    await audit(tx, { at: ctx.now, user, action: 'logout', entity: 'session', entityId: user.id });
  });
}
