import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DEFAULTS } from '../config.js';
import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

/**
 * The caller's address, for the per-address sign-in limit: the socket's peer, or the
 * last `X-Forwarded-For` entry (the one our own proxy appended) with TRUST_PROXY=true.
 * Without a socket (in-process requests in tests) the header is the only source.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  const address = (peer && !c.var.deps.config.trustProxy ? peer : forwarded ?? peer) ?? 'unknown';
  return address.slice(0, 100);
}

interface LimitRow { account_failures: number; account_retry_s: number | null; address_failures: number; address_retry_s: number | null }

/**
 * Refuses a sign-in with 429 and `Retry-After` when the account or the address has
 * had too many failures in the window (DEFAULTS.login*). Checked before the password
 * is hashed, so a locked flood costs no argon2 time. The answer does not say whether
 * the account exists.
 */
export async function assertLoginAllowed(db: Queryable, email: string, address: string, now: Date): Promise<void> {
  const [row] = await db.query<LimitRow>(query('login_limits'), [email, address, now.toISOString(), DEFAULTS.loginWindowMinutes]);
  if (!row) return;
  const retry = (s: number | null) => String(Math.max(1, s ?? DEFAULTS.loginWindowMinutes * 60));
  if (row.account_failures >= DEFAULTS.loginMaxFailuresPerAccount) {
    throw new ApiError('too_many_requests', `Too many failed sign-ins for this account: it is locked for a while. Try again after ${retry(row.account_retry_s)} seconds.`,
      undefined, { 'Retry-After': retry(row.account_retry_s) });
  }
  if (row.address_failures >= DEFAULTS.loginMaxFailuresPerAddress) {
    throw new ApiError('too_many_requests', `Too many failed sign-ins from your address. Try again after ${retry(row.address_retry_s)} seconds.`,
      undefined, { 'Retry-After': retry(row.address_retry_s) });
  }
}

/** Records a sign-in attempt (and forgets those older than a day). */
export async function recordLoginAttempt(db: Queryable, email: string, address: string, now: Date, success: boolean): Promise<void> {
  await db.query(query('login_attempt_insert'), [now.toISOString(), email.slice(0, 320), address, success]);
  if (!success) await db.query(query('login_attempts_prune'), [now.toISOString()]);
}
