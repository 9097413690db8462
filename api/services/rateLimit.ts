import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Database, Queryable } from '../db/types.js';
import { ApiError } from '../errors.js';

const loginLock = statement('login_lock', ['email', 'address']);
const attemptReserve = statement('login_attempt_reserve', [
  'email', 'address', 'now', 'window_minutes', 'max_failures_per_account', 'max_failures_per_address',
  'free_failures_per_pair', 'delay_first_seconds', 'delay_max_seconds', 'known_address_days',
]);
const attemptSettle = statement('login_attempt_settle', ['id', 'success']);
const attemptsPrune = statement('login_attempts_prune', ['now', 'known_address_days']);
const attemptRelease = statement('login_attempt_release', ['id']);

interface ReserveRow { id: number | null; refused_by: 'pair' | 'account' | 'address' | null; retry_s: number }

const REFUSALS = {
  pair: (s: number) => `Too many failed sign-ins to this account from your address: wait ${s} seconds before the next attempt.`,
  account: (s: number) => `Too many failed sign-ins for this account. Try again after ${s} seconds.`,
  address: (s: number) => `Too many failed sign-ins from your address. Try again after ${s} seconds.`,
} as const;

/**
 * Takes a sign-in attempt's place before its password is checked, or refuses it with
 * 429 and `Retry-After` (DEFAULTS.login*). Counting and recording are one step under
 * locks on the account and the address, so N parallel attempts get at most the
 * limit of password checks on either database, and a refused flood costs no argon2
 * time. Returns the attempt's id for `settleLoginAttempt`. The answer does not say
 * whether the account exists.
 */
export async function reserveLoginAttempt(db: Database, email: string, address: string, now: Date): Promise<number> {
  const row = await db.transaction(async (tx) => {
    await loginLock.run(tx, { email, address });
    const r = await attemptReserve.one<ReserveRow>(tx, {
      email: email.slice(0, 320), address, now: now.toISOString(), window_minutes: DEFAULTS.loginWindowMinutes,
      max_failures_per_account: DEFAULTS.loginMaxFailuresPerAccount, max_failures_per_address: DEFAULTS.loginMaxFailuresPerAddress,
      free_failures_per_pair: DEFAULTS.loginFreeFailuresPerPair, delay_first_seconds: DEFAULTS.loginDelayFirstSeconds,
      delay_max_seconds: DEFAULTS.loginDelayMaxSeconds, known_address_days: DEFAULTS.loginKnownAddressDays,
    });
    return r!;
  });
  if (row.id !== null) return row.id;
  const retry = Math.max(1, row.retry_s);
  throw new ApiError('too_many_requests', REFUSALS[row.refused_by ?? 'address'](retry), { params: { retry_after_seconds: retry } }, { 'Retry-After': String(retry) });
}

/** Records a reserved attempt's outcome (and forgets old attempts after a failure). A success resets the account's and the pair's counts. */
export async function settleLoginAttempt(db: Queryable, id: number, success: boolean, now: Date): Promise<void> {
  await attemptSettle.run(db, { id, success });
  if (!success) await attemptsPrune.run(db, { now: now.toISOString(), known_address_days: DEFAULTS.loginKnownAddressDays });
}

/** Gives back a reserved attempt whose password was never checked (the server was too busy). */
export async function releaseLoginAttempt(db: Queryable, id: number): Promise<void> {
  await attemptRelease.run(db, { id });
}
