import type { Context } from 'hono';
import { readerOf } from '../db/reader.js';
import type { AppEnv } from '../env.js';
import type { RequestContext } from '../services/context.js';

/** The request context services take, from Hono's: the databases, the caller and one reading of the clock. */
export const contextOf = (c: Context<AppEnv>): RequestContext => ({
  db: c.var.deps.db,
  reader: readerOf(c.var.deps),
  user: c.var.user,
  now: c.var.deps.clock(),
});

/**
 * The key of second-factor secrets at rest. The server resolves it at start (`withFactorKey`)
 * and the test harness sets one, so a missing key is a wiring mistake, not a client error.
 */
export function factorKeyOf(c: Context<AppEnv>): Buffer {
  const key = c.var.deps.config.factorEncryptionKey;
  if (!key) throw new Error('The app was built without config.factorEncryptionKey: resolve it with withFactorKey (api/auth/factorKey.ts) before createApp.');
  return key;
}
