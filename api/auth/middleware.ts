import { createMiddleware } from 'hono/factory';
import { DEFAULTS } from '../config.js';
import { query } from '../db/sqlFiles.js';
import type { AppEnv, CurrentUser } from '../env.js';
import { ApiError, MESSAGES } from '../errors.js';
import { readSessionCookie } from '../http/cookies.js';
import type { Role } from '../schemas/common.js';
import { roleAtLeast } from './roles.js';
import { hashToken } from './tokens.js';

export { hasNeedToKnow } from './roles.js';

/** Whether a last-use time (ISO text or null) is older than the touch interval at `now`. */
const stale = (at: string | null, now: Date) => at === null || now.getTime() - Date.parse(at) >= DEFAULTS.touchIntervalSeconds * 1000;

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie; anonymous stays
 * undefined. The lookup is a read; the token's or session's last use is written only when
 * it is more than `DEFAULTS.touchIntervalSeconds` old, so a burst of calls with one token
 * does not queue on that row's lock.
 */
export const resolveUser = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock } = c.var.deps;
  const now = clock();
  let user: CurrentUser | undefined;
  const auth = c.req.header('authorization');
  if (auth && /^bearer\s+/i.test(auth)) {
    const token = auth.replace(/^bearer\s+/i, '').trim();
    const [row] = await db.query<Omit<CurrentUser, 'via'> & { token_id: number; last_used_at: string | null }>(query('auth_token_user'), [hashToken(token)]);
    if (!row) throw new ApiError('unauthorized', 'The API token is unknown or revoked.');
    const { token_id, last_used_at, ...who } = row;
    if (stale(last_used_at, now)) await db.query(query('auth_token_touch'), [token_id, now.toISOString()]);
    user = { ...who, via: 'token' };
  } else {
    const token = readSessionCookie(c);
    if (token) {
      const hash = hashToken(token);
      const [row] = await db.query<Omit<CurrentUser, 'via'> & { last_seen_at: string }>(query('auth_session_user'), [
        hash, now.toISOString(), DEFAULTS.sessionIdleMinutes, DEFAULTS.sessionAbsoluteHours,
      ]);
      if (row) {
        const { last_seen_at, ...who } = row;
        if (stale(last_seen_at, now)) await db.query(query('auth_session_touch'), [hash, now.toISOString()]);
        user = { ...who, via: 'session' };
      }
    }
  }
  c.set('user', user);
  await next();
});

/** Lets the request through only for a signed-in caller with at least `role` (401 anonymous, 403 too low). */
export const requireRole = (role: Role) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user;
    if (!user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
    if (!roleAtLeast(user.role, role)) throw new ApiError('forbidden', MESSAGES.forbidden(role));
    await next();
  });
