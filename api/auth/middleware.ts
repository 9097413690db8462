import { createMiddleware } from 'hono/factory';
import type { AppEnv, CurrentUser } from '../env.js';
import { ApiError, MESSAGES } from '../errors.js';
import { readSessionCookie } from '../http/cookies.js';
import type { Role } from '../schemas/common.js';
import { callerBySession, callerByToken } from '../services/sessions.js';
import { roleAtLeast } from './roles.js';

export { hasNeedToKnow } from './roles.js';

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie; anonymous stays
 * undefined (a bearer token that is unknown or revoked is a 401).
 */
export const resolveUser = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock } = c.var.deps;
  const now = clock();
  let user: CurrentUser | undefined;
  const auth = c.req.header('authorization');
  if (auth && /^bearer\s+/i.test(auth)) {
    user = await callerByToken(db, now, auth.replace(/^bearer\s+/i, '').trim());
  } else {
    const token = readSessionCookie(c);
    if (token) user = await callerBySession(db, now, token);
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
