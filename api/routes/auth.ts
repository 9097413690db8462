import { createRoute, z } from '@hono/zod-openapi';
import { ApiError, MESSAGES, ruleError } from '../errors.js';
import { clientAddress } from '../http/clientAddress.js';
import { contextOf } from '../http/context.js';
import { clearSessionCookie, readSessionCookie, setPendingCookie, setSessionCookie } from '../http/cookies.js';
import { DEFAULTS } from '../config.js';
import { errorResponses, ROLES } from '../schemas/common.js';
import { changeOwnPassword } from '../services/account.js';
import { endOwnSession, listOwnSessions, signIn, signOut } from '../services/sessions.js';
import { oidcSignOutUrl } from '../services/oidc.js';
import { publicOrigin } from '../http/publicOrigin.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwordPolicy.js';
import { newRouter } from '../validation.js';

export const Me = z
  .object({
    id: z.number().int(), email: z.string(), name: z.string(), role: z.enum(ROLES),
    must_change_password: z.boolean().openapi({ description: 'The password is temporary (an administrator set it): change it with POST /api/auth/password before anything else; every other route answers 403 `password_change_required` until then.' }),
    second_factor_enrolment_required: z.boolean().optional().openapi({ description: 'Your role must have a second factor and you have none: set one up under /api/auth/second-factor before anything else; every other route answers 403 `second_factor_enrolment_required` until then.' }),
  })
  .openapi('Me');

export const SecondFactorRequired = z
  .object({
    second_factor_required: z.literal(true),
    methods: z.array(z.enum(['totp', 'recovery', 'passkey'])).openapi({ description: 'The ways this account can finish signing in.' }),
  })
  .openapi('SecondFactorRequired');

const Login = z
  .strictObject({
    email: z.string().trim().toLowerCase().email({ error: 'email must be an e-mail address' }).max(200),
    password: z.string().min(1, { error: 'password must not be empty' }).max(256, { error: 'password must be at most 256 characters' }),
  })
  .openapi('Login');

const PasswordChange = z
  .strictObject({
    current_password: z.string().min(1, { error: 'current_password must not be empty' }).max(256, { error: 'current_password must be at most 256 characters' }),
    new_password: z.string()
      .min(MIN_PASSWORD_LENGTH, { error: `new_password must be at least ${MIN_PASSWORD_LENGTH} characters` })
      .max(MAX_PASSWORD_LENGTH, { error: `new_password must be at most ${MAX_PASSWORD_LENGTH} characters` }),
  })
  .openapi('PasswordChange');

const PasswordChanged = z
  .object({
    sessions_ended: z.number().int().openapi({ description: 'Your other sessions (other browsers and devices), now signed out.' }),
    tokens_revoked: z.number().int().openapi({ description: 'Your personal API tokens, now revoked for good.' }),
  })
  .openapi('PasswordChanged');

const EndSession = z
  .object({ end_session_url: z.string().openapi({ description: 'The provider\'s end-session URL (RP-initiated logout, with the ID token as the hint).' }) })
  .openapi('EndSession');

export const OwnSession = z
  .object({
    id: z.number().int(),
    created_at: z.string().openapi({ description: 'When it signed in.' }),
    last_seen_at: z.string().openapi({ description: 'When it was last used (written at most once a minute).' }),
    user_agent: z.string().nullable().openapi({ description: 'The browser it signed in with, as the browser named itself.' }),
    address: z.string().nullable().openapi({ description: 'The client address it signed in from.' }),
    current: z.boolean().openapi({ description: 'Whether this request was made in it.' }),
  })
  .openapi('OwnSession');

export const authRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Auth'],
      summary: 'Sign in; sets the session cookie',
      description: 'A new session token at every sign-in. For an account with a second factor the right password opens no session: the answer is `second_factor_required` with the ways to finish, and a short-lived HttpOnly cookie `ps_second_factor` (`__Host-ps_second_factor` over https) names the pending sign-in for POST /api/auth/login/totp or /api/auth/login/passkey/*. Failed sign-ins are limited, counted before the password is checked: per account and client address with growing delays, per client address, and per account except from an address it signed in from lately (429 with Retry-After). 503 with Retry-After when too many password checks wait.',
      security: [],
      request: { body: { required: true, content: { 'application/json': { schema: Login } } } },
      responses: {
        200: { description: 'Signed in, or (with a second factor) the password accepted and the second step awaited.', content: { 'application/json': { schema: z.union([Me, SecondFactorRequired]) } } },
        ...errorResponses(400, 401, 403, 415, 429, 503),
      },
    }),
    async (c) => {
      // LOCAL_PASSWORDS=off: the work account is the only way in (403 before any password is checked)
      if (!c.var.deps.config.localPasswords) throw ruleError('forbidden', 'local_passwords_off', MESSAGES.localPasswordsOff);
      const { email, password } = c.req.valid('json');
      const result = await signIn(contextOf(c), {
        email, password, address: clientAddress(c), previousToken: readSessionCookie(c), userAgent: c.req.header('user-agent'),
      });
      if ('pending' in result) {
        setPendingCookie(c, result.pending, DEFAULTS.secondFactorPendingMinutes * 60);
        return c.json({ second_factor_required: true as const, methods: result.methods }, 200);
      }
      const { user, token } = result;
      setSessionCookie(c, token);
      return c.json({
        id: user.id, email: user.email, name: user.name, role: user.role, must_change_password: user.must_change_password,
        second_factor_enrolment_required: user.second_factor_enrolment_required ?? false,
      }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Auth'],
      summary: 'Sign out; destroys the session',
      description: 'A session signed in with the work account (OpenID Connect) at a provider with an end-session endpoint answers 200 with `end_session_url`: send the browser there to sign out at the provider too; it comes back to `/`.',
      responses: {
        200: { description: 'Signed out here; sign out at the provider too.', content: { 'application/json': { schema: EndSession } } },
        204: { description: 'Signed out.' },
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const ctx = contextOf(c);
      const token = readSessionCookie(c);
      const endSessionUrl = await oidcSignOutUrl(ctx, c.var.deps.config.oidc, token, `${publicOrigin(c)}/`);
      await signOut(ctx, token);
      clearSessionCookie(c);
      if (endSessionUrl) return c.json({ end_session_url: endSessionUrl }, 200);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['Auth'],
      summary: 'Change your own password (the current one required)',
      description:
        'A wrong `current_password` is 400 naming that field and counts as a failed sign-in (the same limits, 429 with Retry-After). ' +
        '`new_password` must pass the password rules (400 `weak_password`). Your other sessions end and your personal API tokens are revoked for good; ' +
        'the session the change is made in stays signed in. Audited.',
      request: { body: { required: true, content: { 'application/json': { schema: PasswordChange } } } },
      responses: {
        200: { description: 'Changed.', content: { 'application/json': { schema: PasswordChanged } } },
        ...errorResponses(400, 401, 415, 429, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await changeOwnPassword(contextOf(c), {
        currentPassword: body.current_password, newPassword: body.new_password, address: clientAddress(c), sessionToken: readSessionCookie(c),
      });
      return c.json(result, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/auth/sessions',
      tags: ['Auth'],
      summary: 'Your signed-in sessions (browsers and devices)',
      description: 'Live sessions only, the latest used first; `current` marks the one this request was made in (none when you call with an API token).',
      ok: { status: 200, description: 'Your live sessions.', schema: z.object({ sessions: z.array(OwnSession) }) },
    }),
    async (c) => c.json({ sessions: await listOwnSessions(contextOf(c), readSessionCookie(c)) }, 200),
  )
  .openapi(
    jsonRoute({
      method: 'delete',
      path: '/auth/sessions/{id}',
      tags: ['Auth'],
      summary: 'Sign out one of your sessions',
      description: 'Ends the session at once: its next request is a 401. Ending the current one signs you out here too (the cookie is cleared). Another user\'s session is a 404. Audited.',
      request: { params: IdParam },
      ok: { status: 204, description: 'Ended.' },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { current } = await endOwnSession(contextOf(c), id, readSessionCookie(c));
      if (current) clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Auth'],
      summary: 'The signed-in user',
      description:
        'Without a session, 401; with `optional=true`, 204 instead. The web app asks with `optional=true` at every load: a signed-out visitor is the normal case ' +
        'there, not an error (a 401 would be logged in the browser console on every visit to the sign-in page).',
      request: { query: z.object({ optional: z.enum(['true', 'false']).optional().openapi({ description: 'Answer 204, not 401, when no one is signed in.' }) }) },
      responses: {
        200: { description: 'The caller.', content: { 'application/json': { schema: Me } } },
        204: { description: 'No one is signed in (only with `optional=true`).' },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const user = c.var.user;
      if (!user && c.req.valid('query').optional === 'true') return c.body(null, 204);
      if (!user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
      return c.json({
        id: user.id, email: user.email, name: user.name, role: user.role, must_change_password: user.must_change_password ?? false,
        second_factor_enrolment_required: user.second_factor_enrolment_required ?? false,
      }, 200);
    },
  );
