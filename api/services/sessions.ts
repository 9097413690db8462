import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ApiError, MESSAGES, notFound } from '../errors.js';
import type { Role } from '../schemas/common.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';
import { releaseLoginAttempt, reserveLoginAttempt, settleLoginAttempt } from './rateLimit.js';
import { secondFactorOf, startSecondFactor, type SecondFactorMethod } from './secondFactorLogin.js';

/** The account with an e-mail, password hash included: for sign-in, and for the check that an e-mail is free. */
export const userByEmail = statement('auth_user_by_email', ['email']);
export const sessionCreate = statement('auth_session_create', ['token_hash', 'user_id', 'now', 'user_agent', 'address']);
const sessionsOfUser = statement('session_list_own', ['user_id', 'current_token_hash', 'now', 'idle_minutes', 'absolute_hours']);
const sessionOfUserDelete = statement('session_delete_own', ['id', 'user_id', 'current_token_hash']);
export const sessionDelete = statement('auth_session_delete', ['token_hash']);
const tokenUser = statement('auth_token_user', ['token_hash']);
const tokenTouch = statement('auth_token_touch', ['token_id', 'now']);
const sessionUser = statement('auth_session_user', ['token_hash', 'now', 'idle_minutes', 'absolute_hours']);
const sessionTouch = statement('auth_session_touch', ['token_hash', 'now']);

/** The signed-in user as the API shows it. */
export interface SignedIn {
  id: number; email: string; name: string; role: Role; must_change_password: boolean;
  /** The role must have a second factor and the account has none (set at password sign-in; the session's gate reads it afresh). */
  second_factor_enrolment_required?: boolean;
}

export interface SignInRequest {
  /** Lower-cased by the caller. */
  email: string;
  password: string;
  /** The client's address, for the sign-in limits and the audit. */
  address: string;
  /** The session token the client already holds, ended by this sign-in. */
  previousToken: string | undefined;
  /** The browser's User-Agent, kept so its owner can tell the session apart in their list. */
  userAgent: string | undefined;
}

/** A password accepted for an account with a second factor: the pending token (for its HttpOnly cookie) and the ways to finish. */
export interface SecondFactorPending { pending: string; methods: SecondFactorMethod[] }

/**
 * Checks a password and opens a new session, returning its token once. The attempt
 * is counted before the password is checked (see `reserveLoginAttempt`), and an
 * unknown e-mail costs the same hash as a known one, so neither the time nor the
 * answer tells whether the account exists. An account with a second factor gets no
 * session yet but a pending sign-in (secondFactorLogin.ts); its attempt is given back
 * rather than counted a success, so a known password never resets the count of wrong codes.
 */
export async function signIn(ctx: RequestContext, req: SignInRequest): Promise<{ user: SignedIn; token: string } | SecondFactorPending> {
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
  const { methods, required } = await secondFactorOf(db, user.id);
  if (methods.length) {
    await releaseLoginAttempt(db, attempt);
    return { pending: await startSecondFactor(ctx, user.id, req), methods };
  }
  const opened = await openSession(ctx, user, req, attempt);
  return { ...opened, user: { ...opened.user, second_factor_enrolment_required: required } };
}

/**
 * Opens a session for a user whose sign-in has passed (password, and second factor when
 * set), ending the one the browser held: the session, the attempt's success and the audit
 * entry in one transaction.
 */
export async function openSession(
  ctx: RequestContext, user: SignedIn, req: Pick<SignInRequest, 'address' | 'previousToken' | 'userAgent'>, attempt: number, details: Record<string, unknown> = {},
): Promise<{ user: SignedIn; token: string }> {
  const { db, now } = ctx;
  const token = newToken();
  await db.transaction(async (tx) => {
    if (req.previousToken) await sessionDelete.run(tx, { token_hash: hashToken(req.previousToken) });
    await sessionCreate.run(tx, {
      token_hash: hashToken(token), user_id: user.id, now: now.toISOString(), user_agent: req.userAgent ?? null, address: req.address,
    });
    await settleLoginAttempt(tx, attempt, true, now);
    await audit(tx, { at: now, user, action: 'login', entity: 'session', entityId: user.id, details: { address: req.address, ...details } });
  });
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role, must_change_password: user.must_change_password }, token };
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

/** Whether a last-use time (ISO text or null) is older than the touch interval at `now`. */
const stale = (at: string | null, now: Date) => at === null || now.getTime() - Date.parse(at) >= DEFAULTS.touchIntervalSeconds * 1000;

/**
 * The user of a personal API token (401 when it is unknown or revoked). The token's
 * last use is written only when it is more than `DEFAULTS.touchIntervalSeconds` old,
 * so a burst of calls with one token does not queue on that row's lock.
 */
export async function callerByToken(db: Queryable, now: Date, token: string): Promise<CurrentUser> {
  const row = await tokenUser.one<Omit<CurrentUser, 'via'> & { token_id: number; last_used_at: string | null }>(db, { token_hash: hashToken(token) });
  if (!row) throw new ApiError('unauthorized', 'The API token is unknown or revoked.');
  const { token_id, last_used_at, ...who } = row;
  if (stale(last_used_at, now)) await tokenTouch.run(db, { token_id, now: now.toISOString() });
  return { ...who, via: 'token' };
}

/** The user of a live session, or undefined when it has ended (idle or absolute limit); its last activity is written as seldom as a token's. */
export async function callerBySession(db: Queryable, now: Date, token: string): Promise<CurrentUser | undefined> {
  const token_hash = hashToken(token);
  const row = await sessionUser.one<Omit<CurrentUser, 'via'> & { last_seen_at: string }>(db, {
    token_hash, now: now.toISOString(), idle_minutes: DEFAULTS.sessionIdleMinutes, absolute_hours: DEFAULTS.sessionAbsoluteHours,
  });
  if (!row) return undefined;
  const { last_seen_at, ...who } = row;
  if (stale(last_seen_at, now)) await sessionTouch.run(db, { token_hash, now: now.toISOString() });
  return { ...who, via: 'session' };
}

/** One of a user's own live sessions as its owner sees it: never the token or its hash. */
export interface OwnSession {
  id: number;
  created_at: string;
  last_seen_at: string;
  user_agent: string | null;
  address: string | null;
  /** Whether the listing request itself was made in this session. */
  current: boolean;
}

/** The signed-in caller, whatever the role: an anonymous call is a 401. */
function callerOf(ctx: RequestContext): CurrentUser {
  if (!ctx.user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
  return ctx.user;
}

/**
 * The caller's live sessions, latest used first, the one of this request marked
 * `current` (none when the caller signed in with an API token). Read from the primary:
 * a session just opened elsewhere is listed.
 */
export async function listOwnSessions(ctx: RequestContext, token: string | undefined): Promise<OwnSession[]> {
  const user = callerOf(ctx);
  return sessionsOfUser.run<OwnSession>(ctx.db, {
    user_id: user.id,
    current_token_hash: token && user.via === 'session' ? hashToken(token) : null,
    now: ctx.now.toISOString(),
    idle_minutes: DEFAULTS.sessionIdleMinutes,
    absolute_hours: DEFAULTS.sessionAbsoluteHours,
  });
}

/**
 * Ends one of the caller's own sessions (signed out elsewhere, a lost phone). Another
 * user's session, or one already ended, is a 404 that does not tell which. Returns
 * whether it was the session of this request, so the route can clear its cookie.
 */
export async function endOwnSession(ctx: RequestContext, id: number, token: string | undefined): Promise<{ current: boolean }> {
  const user = callerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const ended = await sessionOfUserDelete.one<{ id: number; current: boolean }>(tx, {
      id, user_id: user.id, current_token_hash: token && user.via === 'session' ? hashToken(token) : null,
    });
    if (!ended) throw notFound('session of yours', id);
    await audit(tx, { at: ctx.now, user, action: 'logout', entity: 'session', entityId: user.id, details: { session: id, by: 'owner' } });
    return { current: ended.current };
  });
}
