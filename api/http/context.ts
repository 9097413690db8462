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
