import { DEFAULTS } from '../config.js';
import { query } from '../db/sqlFiles.js';
import type { Database, Queryable } from '../db/types.js';
import { ApiError } from '../errors.js';

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
    await tx.query(query('login_lock'), [email, address]);
    const [r] = await tx.query<ReserveRow>(query('login_attempt_reserve'), [
      email.slice(0, 320), address, now.toISOString(), DEFAULTS.loginWindowMinutes, DEFAULTS.loginMaxFailuresPerAccount,
      DEFAULTS.loginMaxFailuresPerAddress, DEFAULTS.loginFreeFailuresPerPair, DEFAULTS.loginDelayFirstSeconds,
      DEFAULTS.loginDelayMaxSeconds, DEFAULTS.loginKnownAddressDays,
    ]);
    return r!;
  });
  if (row.id !== null) return row.id;
  const retry = Math.max(1, row.retry_s);
  throw new ApiError('too_many_requests', REFUSALS[row.refused_by ?? 'address'](retry), undefined, { 'Retry-After': String(retry) });
}

/** Records a reserved attempt's outcome (and forgets old attempts after a failure). A success resets the account's and the pair's counts. */
export async function settleLoginAttempt(db: Queryable, id: number, success: boolean, now: Date): Promise<void> {
  await db.query(query('login_attempt_settle'), [id, success]);
  if (!success) await db.query(query('login_attempts_prune'), [now.toISOString(), DEFAULTS.loginKnownAddressDays]);
}

/** Gives back a reserved attempt whose password was never checked (the server was too busy). */
export async function releaseLoginAttempt(db: Queryable, id: number): Promise<void> {
  await db.query(query('login_attempt_release'), [id]);
}
