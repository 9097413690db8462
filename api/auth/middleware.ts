import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DEFAULTS } from '../config.js';
import { query } from '../db/sqlFiles.js';
import type { AppEnv, CurrentUser } from '../env.js';
import { ApiError, MESSAGES } from '../errors.js';
import type { Role } from '../schemas/common.js';
import { hashToken } from './tokens.js';

/** Session cookie names: `__Host-` prefixed when served over https (SECURITY.md). */
export const SESSION_COOKIE = 'ps_session';
export const SESSION_COOKIE_SECURE = '__Host-ps_session';

const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Resolves the caller from `Authorization: Bearer` or the session cookie; anonymous stays undefined. */
export const resolveUser = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock } = c.var.deps;
  const now = clock().toISOString();
  let user: CurrentUser | undefined;
  const auth = c.req.header('authorization');
  if (auth && /^bearer\s+/i.test(auth)) {
    const token = auth.replace(/^bearer\s+/i, '').trim();
    const [row] = await db.query<Omit<CurrentUser, 'via'>>(query('auth_token_user'), [hashToken(token), now, DEFAULTS.touchIntervalSeconds]);
    if (!row) throw new ApiError('unauthorized', 'The API token is unknown or revoked.');
    user = { ...row, via: 'token' };
  } else {
    const token = getCookie(c, SESSION_COOKIE_SECURE) ?? getCookie(c, SESSION_COOKIE);
    if (token) {
      const [row] = await db.query<Omit<CurrentUser, 'via'>>(query('auth_session_user'), [
        hashToken(token), now, DEFAULTS.sessionIdleMinutes, DEFAULTS.sessionAbsoluteHours, DEFAULTS.touchIntervalSeconds,
      ]);
      if (row) user = { ...row, via: 'session' };
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
    if (ROLE_RANK[user.role] < ROLE_RANK[role]) throw new ApiError('forbidden', MESSAGES.forbidden(role));
    await next();
  });

/** Whether the caller may see exact locations and addresses of restricted units (need-to-know). */
export const hasNeedToKnow = (user: CurrentUser | undefined): boolean => !!user && ROLE_RANK[user.role] >= ROLE_RANK.editor;
