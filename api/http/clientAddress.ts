import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../env.js';

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
