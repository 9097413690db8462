import { hashRecoveryCode } from '../auth/recoveryCodes.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { openTotpSecret, totpStep } from '../auth/totp.js';
import { authenticationOptions, verifyAuthentication, type RelyingParty, type StoredPasskey } from '../auth/webauthn.js';
import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { ruleError } from '../errors.js';
import type { Role } from '../schemas/common.js';
import type { RequestContext } from './context.js';
import { reserveLoginAttempt, settleLoginAttempt } from './rateLimit.js';
import { openSession, type SignedIn, type SignInRequest } from './sessions.js';

export const factorStatus = statement('sf_status', ['user_id']);
export const challengeCreate = statement('sf_challenge_create', ['token_hash', 'user_id', 'purpose', 'challenge', 'address', 'user_agent', 'now', 'minutes']);
const challengeGet = statement('sf_challenge_get', ['token_hash', 'purpose', 'now']);
const challengeSet = statement('sf_challenge_set', ['token_hash', 'challenge']);
const challengeFail = statement('sf_challenge_fail', ['token_hash']);
const challengeTake = statement('sf_challenge_take', ['token_hash']);
export const totpGet = statement('sf_totp_get', ['user_id']);
export const totpUse = statement('sf_totp_use', ['user_id', 'step', 'now']);
const recoveryUse = statement('sf_recovery_use', ['user_id', 'code_hash', 'now']);
export const passkeyList = statement('sf_passkey_list', ['user_id']);
const passkeyUse = statement('sf_passkey_use', ['id', 'counter', 'now']);

export type SecondFactorMethod = 'totp' | 'recovery' | 'passkey';

export interface FactorStatusRow { totp_confirmed_at: string | null; recovery_codes_left: number; passkey_count: number; required: boolean }

/** The ways a user can pass the second step of sign-in (none when they have no factor), and whether their role must have one. */
export async function secondFactorOf(db: Queryable, userId: number): Promise<{ methods: SecondFactorMethod[]; required: boolean }> {
  const s = await factorStatus.one<FactorStatusRow>(db, { user_id: userId });
  if (!s) return { methods: [], required: false };
  const methods: SecondFactorMethod[] = [];
  if (s.totp_confirmed_at) methods.push('totp');
  if (s.passkey_count > 0) methods.push('passkey');
  // Recovery codes stand in for a lost factor; alone they are no factor.
  if (methods.length && s.recovery_codes_left > 0) methods.push('recovery');
  return { methods, required: s.required };
}

/** Opens the pending sign-in of a user whose password passed, returning its token once (only its SHA-256 is kept). */
export async function startSecondFactor(ctx: RequestContext, userId: number, req: Pick<SignInRequest, 'address' | 'userAgent'>): Promise<string> {
  const token = newToken();
  await challengeCreate.run(ctx.db, {
    token_hash: hashToken(token), user_id: userId, purpose: 'second_factor', challenge: null, address: req.address,
    user_agent: req.userAgent?.slice(0, 300) ?? null, now: ctx.now.toISOString(), minutes: DEFAULTS.secondFactorPendingMinutes,
  });
  return token;
}

interface Pending { user_id: number; challenge: string | null; attempts: number; email: string; name: string; role: Role; must_change_password: boolean }

const noPending = () =>
  ruleError('unauthorized', 'second_factor_pending_missing', 'No sign-in waits for a second factor (it expired, or too many codes were wrong): sign in with your password again.');

async function pendingOf(ctx: RequestContext, token: string | undefined): Promise<Pending> {
  const row = token ? await challengeGet.one<Pending>(ctx.db, { token_hash: hashToken(token), purpose: 'second_factor', now: ctx.now.toISOString() }) : undefined;
  if (!row) throw noPending();
  return row;
}

/** What the second step of sign-in is given besides its answer: the pending token from its cookie and the sign-in's own fields. */
export type SecondStep = Pick<SignInRequest, 'address' | 'previousToken' | 'userAgent'> & { pendingToken: string | undefined };

/**
 * Runs one answer to the second step under the sign-in limits: counted before it is
 * checked (429 with Retry-After past the limits), a wrong answer a failed sign-in and a
 * strike against the pending sign-in, which ends at DEFAULTS.secondFactorMaxAttempts.
 * A right answer ends the pending sign-in (once: a second use finds none) and opens the session.
 */
async function finish(ctx: RequestContext, step: SecondStep, method: SecondFactorMethod, check: (p: Pending) => Promise<boolean>): Promise<{ user: SignedIn; token: string }> {
  const pending = await pendingOf(ctx, step.pendingToken);
  const token_hash = hashToken(step.pendingToken!);
  const attempt = await reserveLoginAttempt(ctx.db, pending.email, step.address, ctx.now);
  const ok = await check(pending);
  if (!ok) {
    await settleLoginAttempt(ctx.db, attempt, false, ctx.now);
    const attempts = (await challengeFail.one<{ attempts: number }>(ctx.db, { token_hash }))?.attempts ?? DEFAULTS.secondFactorMaxAttempts;
    if (attempts >= DEFAULTS.secondFactorMaxAttempts) await challengeTake.run(ctx.db, { token_hash });
    const attempts_left = Math.max(0, DEFAULTS.secondFactorMaxAttempts - attempts);
    throw ruleError('unauthorized', 'wrong_second_factor', `The ${method === 'recovery' ? 'recovery code' : method === 'totp' ? 'code' : 'passkey answer'} is wrong, used already or expired.`, { attempts_left });
  }
  if (!(await challengeTake.one(ctx.db, { token_hash }))) throw noPending();
  const user: SignedIn = { id: pending.user_id, email: pending.email, name: pending.name, role: pending.role, must_change_password: pending.must_change_password };
  return openSession(ctx, user, step, attempt, { second_factor: method });
}

/** The second step with a code from the authenticator app (its secret opened with the factor key): right within the tolerance, and never a time step already used. */
export function signInWithTotp(ctx: RequestContext, factorKey: Buffer, step: SecondStep, code: string) {
  return finish(ctx, step, 'totp', async (p) => {
    const f = await totpGet.one<{ secret: string; confirmed: boolean; last_used_step: string | number | null }>(ctx.db, { user_id: p.user_id });
    if (!f?.confirmed) return false;
    const secret = openTotpSecret(factorKey, p.user_id, f.secret);
    if (!secret) {
      console.error(`The TOTP secret of user ${p.user_id} does not open with the factor key (FACTOR_ENCRYPTION_KEY or DATA_DIR/factor-encryption-key): its codes are refused. Configure the key it was sealed with, or reset the user's second factor.`);
      return false;
    }
    const used = await totpStep(secret, code, ctx.now, f.last_used_step === null ? null : Number(f.last_used_step));
    return used !== undefined && !!(await totpUse.one(ctx.db, { user_id: p.user_id, step: used, now: ctx.now.toISOString() }));
  });
}

/** The second step with one of the user's recovery codes, each accepted once. */
export function signInWithRecoveryCode(ctx: RequestContext, step: SecondStep, code: string) {
  return finish(ctx, step, 'recovery', async (p) =>
    !!(await recoveryUse.one(ctx.db, { user_id: p.user_id, code_hash: hashRecoveryCode(code), now: ctx.now.toISOString() })));
}

type PasskeyRow = StoredPasskey & { id: number };

/** WebAuthn options for the pending sign-in, with a new single-use challenge kept server side. */
export async function passkeySignInOptions(ctx: RequestContext, pendingToken: string | undefined, rp: RelyingParty) {
  const pending = await pendingOf(ctx, pendingToken);
  const passkeys = await passkeyList.run<PasskeyRow>(ctx.db, { user_id: pending.user_id });
  if (!passkeys.length) throw ruleError('bad_request', 'wrong_second_factor', 'This account has no passkey: use a code instead.', { attempts_left: DEFAULTS.secondFactorMaxAttempts - pending.attempts });
  const options = await authenticationOptions(rp, passkeys);
  await challengeSet.run(ctx.db, { token_hash: hashToken(pendingToken!), challenge: options.challenge });
  return options;
}

/** The second step with a passkey: the browser's signature over the challenge, by one of the user's passkeys. */
export function signInWithPasskey(ctx: RequestContext, step: SecondStep, rp: RelyingParty, response: { id: string }) {
  return finish(ctx, step, 'passkey', async (p) => {
    if (!p.challenge) return false;
    const passkey = (await passkeyList.run<PasskeyRow>(ctx.db, { user_id: p.user_id })).find((k) => k.credential_id === response.id);
    if (!passkey) return false;
    const counter = await verifyAuthentication(rp, p.challenge, passkey, response);
    if (counter === undefined) return false;
    await passkeyUse.run(ctx.db, { id: passkey.id, counter, now: ctx.now.toISOString() });
    return true;
  });
}
