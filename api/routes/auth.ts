import { createRoute, z } from '@hono/zod-openapi';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { query } from '../db/sqlFiles.js';
import { ApiError, MESSAGES } from '../errors.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../http/cookies.js';
import { errorResponses, ROLES } from '../schemas/common.js';
import { audit } from '../services/audit.js';
import { clientAddress } from '../http/clientAddress.js';
import { releaseLoginAttempt, reserveLoginAttempt, settleLoginAttempt } from '../services/rateLimit.js';
import { newRouter } from '../validation.js';

const Me = z
  .object({ id: z.number().int(), email: z.string(), name: z.string(), role: z.enum(ROLES) })
  .openapi('Me');

const Login = z
  .strictObject({
    email: z.string().trim().toLowerCase().email({ error: 'email must be an e-mail address' }).max(200),
    password: z.string().min(1, { error: 'password must not be empty' }).max(256, { error: 'password must be at most 256 characters' }),
  })
  .openapi('Login');

export const authRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Auth'],
      summary: 'Sign in; sets the session cookie',
      description: 'A new session token at every sign-in. Failed sign-ins are limited, counted before the password is checked: per account and client address with growing delays, per client address, and per account except from an address it signed in from lately (429 with Retry-After). 503 with Retry-After when too many password checks wait.',
      security: [],
      request: { body: { required: true, content: { 'application/json': { schema: Login } } } },
      responses: {
        200: { description: 'Signed in.', content: { 'application/json': { schema: Me } } },
        ...errorResponses(400, 401, 415, 429, 503),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { db, clock } = c.var.deps;
      const now = clock();
      const address = clientAddress(c);
      const attempt = await reserveLoginAttempt(db, email, address, now);
      const [user] = await db.query<{ id: number; email: string; name: string; role: (typeof ROLES)[number]; password_hash: string; active: boolean }>(
        query('auth_user_by_email'), [email],
      );
      let ok: boolean;
      try {
        ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
      } catch (err) {
        await releaseLoginAttempt(db, attempt);
        throw err;
      }
      if (!user || !ok || !user.active) {
        await settleLoginAttempt(db, attempt, false, now);
        throw new ApiError('unauthorized', 'Wrong e-mail or password.');
      }
      const token = newToken();
      const previous = readSessionCookie(c);
      await db.transaction(async (tx) => {
        if (previous) await tx.query(query('auth_session_delete'), [hashToken(previous)]);
        await tx.query(query('auth_session_create'), [hashToken(token), user.id, now.toISOString()]);
        await settleLoginAttempt(tx, attempt, true, now);
        await audit(tx, { at: now, user, action: 'login', entity: 'session', entityId: user.id, details: { address } });
      });
      setSessionCookie(c, token);
      return c.json({ id: user.id, email: user.email, name: user.name, role: user.role }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Auth'],
      summary: 'Sign out; destroys the session',
      responses: { 204: { description: 'Signed out.' }, ...errorResponses(401) },
    }),
    async (c) => {
      const token = readSessionCookie(c);
      const { db, clock } = c.var.deps;
      const user = c.var.user;
      if (token && user?.via === 'session') {
        await db.transaction(async (tx) => {
          await tx.query(query('auth_session_delete'), [hashToken(token)]);
          await audit(tx, { at: clock(), user, action: 'logout', entity: 'session', entityId: user.id });
        });
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Auth'],
      summary: 'The signed-in user',
      responses: { 200: { description: 'The caller.', content: { 'application/json': { schema: Me } } }, ...errorResponses(401) },
    }),
    async (c) => {
      const user = c.var.user;
      if (!user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
      return c.json({ id: user.id, email: user.email, name: user.name, role: user.role }, 200);
    },
  );
