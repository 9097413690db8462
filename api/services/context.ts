import { hasNeedToKnow } from '../auth/roles.js';
import type { Database } from '../db/types.js';
import type { CurrentUser } from '../env.js';

/**
 * What every service call is given, built once per request by the HTTP layer. Services
 * read through `reader` when an answer may be a second old, and write (the audit
 * included) through `db`; `now` is the request's one clock reading, so every rule in
 * one request judges the same instant.
 */
export interface RequestContext {
  /** The primary database: writes, audit entries, and reads that decide a write. */
  db: Database;
  /** The read replica when one is configured, else `db`. */
  reader: Database;
  /** The caller; undefined only on routes open to anyone. */
  user: CurrentUser | undefined;
  now: Date;
}

/** The caller of a write. Write routes require a role, so a missing user is a wiring mistake, not a 401. */
export function writerOf(ctx: RequestContext): CurrentUser {
  if (!ctx.user) throw new Error('A write service was called without a signed-in user: its route must require a role.');
  return ctx.user;
}

/** Whether the caller may see exact locations of restricted units (need-to-know). */
export const seesExact = (ctx: RequestContext): boolean => hasNeedToKnow(ctx.user);
