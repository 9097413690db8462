import { createMiddleware } from 'hono/factory';
import type { AppEnv, CurrentUser } from '../env.js';
import { ApiError, MESSAGES, ruleError } from '../errors.js';
import { readSessionCookie } from '../http/cookies.js';
import type { Role } from '../schemas/common.js';
import { callerBySession, callerByToken } from '../services/sessions.js';
import { roleAtLeast } from './roles.js';
import { acceptsBasic, BASIC_CHALLENGE, basicPassword, basicTransportSafe } from './basic.js';

export { hasNeedToKnow } from './roles.js';

/**
 * Resolves the caller from `Authorization: Bearer`, from `Basic` with a personal API token
 * as the password on the paths GIS clients read (basic.ts), or from the session cookie;
 * anonymous stays undefined (a token that is unknown or revoked is a 401).
 */
export const resolveUser = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock } = c.var.deps;
  const now = clock();
  let user: CurrentUser | undefined;
  const auth = c.req.header('authorization');
  if (auth && /^bearer\s+/i.test(auth)) {
    user = await callerByToken(db, now, auth.replace(/^bearer\s+/i, '').trim());
  } else if (auth && /^basic\s/i.test(auth)) {
    user = await callerByToken(db, now, basicToken(c, auth));
  } else {
    const token = readSessionCookie(c);
    if (token) user = await callerBySession(db, now, token);
  }
  c.set('user', user);
  await next();
});

/** The token of a Basic header, after the checks of where Basic is taken (basic.ts). */
function basicToken(c: Parameters<typeof resolveUser>[0], header: string): string {
  if (!acceptsBasic(c.req.path)) throw new ApiError('unauthorized', MESSAGES.basicElsewhere);
  if (!basicTransportSafe(c)) throw new ApiError('unauthorized', MESSAGES.basicNeedsHttps);
  const token = basicPassword(header);
  if (!token) throw new ApiError('unauthorized', MESSAGES.basicMalformed, undefined, BASIC_CHALLENGE);
  return token;
}

/**
 * What an account with a temporary password (set by an administrator, who knows it) may
 * do until its owner has chosen their own: change it, ask who it is, sign out. Every
 * other route is a 403 `password_change_required`, whatever the role.
 */
const TEMPORARY_PASSWORD_ROUTES = new Set(['POST /api/auth/password', 'GET /api/auth/me', 'POST /api/auth/logout']);

/**
 * What an account that must have a second factor and has none may do (after its password
 * sign-in) until it has set one up: the enrolment routes, and what a temporary password
 * allows. Every other route is a 403 `second_factor_enrolment_required`.
 */
const ENROLMENT_ROUTES = new Set([
  ...TEMPORARY_PASSWORD_ROUTES,
  'GET /api/auth/second-factor', 'POST /api/auth/second-factor/totp', 'POST /api/auth/second-factor/totp/confirm',
  'POST /api/auth/second-factor/passkeys/options', 'POST /api/auth/second-factor/passkeys',
]);

/**
 * Lets the request through only for a signed-in caller with at least `role` (401
 * anonymous, 403 too low, 403 `password_change_required` with a temporary password,
 * 403 `second_factor_enrolment_required` without a second factor its role must have).
 */
export const requireRole = (role: Role) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user;
    // GIS clients are challenged for Basic; a browser (with its cookie, even an expired
    // one) never is, or it would open its own sign-in box over the product's.
    if (!user) {
      const challenge = acceptsBasic(c.req.path) && !c.req.header('cookie') ? BASIC_CHALLENGE : undefined;
      throw new ApiError('unauthorized', MESSAGES.unauthorized, undefined, challenge);
    }
    if (user.must_change_password && !TEMPORARY_PASSWORD_ROUTES.has(`${c.req.method} ${c.req.path}`)) {
      throw ruleError('forbidden', 'password_change_required', MESSAGES.passwordChangeRequired);
    }
    if (user.second_factor_enrolment_required && !ENROLMENT_ROUTES.has(`${c.req.method} ${c.req.path}`)) {
      throw ruleError('forbidden', 'second_factor_enrolment_required', MESSAGES.secondFactorEnrolmentRequired);
    }
    if (!roleAtLeast(user.role, role)) throw new ApiError('forbidden', MESSAGES.forbidden(role));
    await next();
  });
