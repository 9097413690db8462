import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEFAULTS, type OidcConfig } from '../config.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { OidcSignInError } from '../auth/oidcProvider.js';
import { clientAddress } from '../http/clientAddress.js';
import { contextOf } from '../http/context.js';
import { readSessionCookie, setSessionCookie } from '../http/cookies.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { clearOidcCookie, readOidcCookie, setOidcCookie } from '../http/oidcCookie.js';
import { publicOrigin } from '../http/publicOrigin.js';
import { errorResponses } from '../schemas/common.js';
import { AuthConfig, RoleMappings, RoleMappingsInput } from '../schemas/oidc.js';
import { beginOidcSignIn, finishOidcSignIn, getRoleMappings, setRoleMappings } from '../services/oidc.js';
import { newRouter } from '../validation.js';

/** The callback path the provider sends the browser back to (OIDC_REDIRECT_URL overrides the whole URL). */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Where the provider sends the browser back: OIDC_REDIRECT_URL, else the origin users reach + the callback path. */
export const redirectUrlOf = (c: Context<AppEnv>, oidc: OidcConfig): string => oidc.redirectUrl ?? `${publicOrigin(c)}${OIDC_CALLBACK_PATH}`;

/** OpenID Connect sign-in, or a 404 when OIDC_ISSUER is unset (the feature is off). */
function oidcOf(c: Context<AppEnv>): OidcConfig {
  const oidc = c.var.deps.config.oidc;
  if (!oidc) throw new ApiError('not_found', 'OpenID Connect sign-in is not set up here (OIDC_ISSUER is unset).');
  return oidc;
}

/** The sign-in page (the client shows it at any path while signed out) with what happened; only our own origin's root. */
const backToSignIn = (c: Context<AppEnv>, query: string) => c.redirect(`/?${query}`, 302);

const Redirect = { description: 'To the provider (start) or back to the product (callback).', headers: { Location: { schema: { type: 'string' as const } } } };

export const oidcRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/config',
      tags: ['Auth'],
      summary: 'Which ways of signing in are on',
      description: 'For the sign-in page: whether "Sign in with your work account" (OpenID Connect) and sign-in with a password are on.',
      security: [],
      responses: { 200: { description: 'The ways of signing in.', content: { 'application/json': { schema: AuthConfig } } } },
    }),
    (c) => c.json({ oidc: !!c.var.deps.config.oidc, local_passwords: c.var.deps.config.localPasswords }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/start',
      tags: ['Auth'],
      summary: 'Sign in with your work account: to the OpenID provider',
      description:
        'Redirects the browser to the provider (authorization code flow with PKCE, S256) with a fresh state and nonce; they and the verifier are kept on the server ' +
        'under a random key set as the HttpOnly cookie `ps_oidc`, used once and for at most 10 minutes. 404 when OpenID Connect is not set up; ' +
        'a provider that cannot be reached sends the browser back to the sign-in page with `?signin_error=provider`. ' +
        `Each start holds its row until its callback or its ${DEFAULTS.oidcLoginMinutes} minutes are over, so one client address may have ${DEFAULTS.oidcStartsPerAddress} under way; ` +
        'past that, the browser is sent back to the sign-in page with `?signin_error=busy` (and `Retry-After`): the start is a navigation, so the answer is a page the person reads, not an error body.',
      security: [],
      responses: { 302: Redirect, ...errorResponses(404) },
    }),
    async (c) => {
      const oidc = oidcOf(c);
      try {
        const { key, url } = await beginOidcSignIn(contextOf(c), oidc, redirectUrlOf(c, oidc), clientAddress(c));
        setOidcCookie(c, key);
        return c.redirect(url, 302);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'too_many_requests') {
          for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
          return backToSignIn(c, 'signin_error=busy');
        }
        if (err instanceof ApiError) throw err;
        console.warn(`OpenID Connect sign-in could not start: ${(err as Error).message}`);
        return backToSignIn(c, 'signin_error=provider');
      }
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/callback',
      tags: ['Auth'],
      summary: 'Where the OpenID provider sends the browser back',
      description:
        'Exchanges the code (checking state, nonce and the PKCE verifier of this browser\'s sign-in, once), finds the account by the provider\'s issuer and subject or makes it ' +
        '(the role from the claim mappings, GET /api/settings/oidc-role-mappings; none matching: inactive, waiting for an administrator; an account made so gets its role ' +
        'from the mappings again at every sign-in, see User.role_source), sets the session cookie and sends the browser to `/`. ' +
        'A waiting account gets no session: `/?signin_waiting=1`. A refused sign-in: `/?signin_error=` `expired`, `state`, `nonce`, `denied`, `provider`, `claims` or `email_taken`. Audited (login, method oidc).',
      security: [],
      responses: { 302: Redirect, ...errorResponses(404) },
    }),
    async (c) => {
      const oidc = oidcOf(c);
      const redirectUrl = redirectUrlOf(c, oidc);
      const callbackUrl = new URL(redirectUrl);
      callbackUrl.search = new URL(c.req.url).search;
      clearOidcCookie(c);
      try {
        const outcome = await finishOidcSignIn(contextOf(c), oidc, {
          key: readOidcCookie(c), callbackUrl, redirectUrl, address: clientAddress(c), userAgent: c.req.header('user-agent'), previousToken: readSessionCookie(c),
        });
        if (!outcome.signedIn) return backToSignIn(c, 'signin_waiting=1');
        setSessionCookie(c, outcome.token);
        return c.redirect('/', 302);
      } catch (err) {
        if (!(err instanceof OidcSignInError)) throw err;
        console.warn(`OpenID Connect sign-in refused (${err.reason}): ${err.message}`);
        return backToSignIn(c, `signin_error=${err.reason}`);
      }
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/settings/oidc-role-mappings',
      tags: ['Settings'],
      summary: 'Which provider groups or roles give which role (admin)',
      description: 'The values of the claim OIDC_ROLE_CLAIM (`groups` by default) and the role each gives an account the work account made, at each of its sign-ins.',
      role: 'admin',
      ok: { status: 200, description: 'The mappings.', schema: RoleMappings },
    }),
    async (c) => c.json(await getRoleMappings(contextOf(c), c.var.deps.config.oidc), 200),
  )
  .openapi(
    jsonRoute({
      method: 'put',
      path: '/settings/oidc-role-mappings',
      tags: ['Settings'],
      summary: 'Change the provider group → role mappings (admin)',
      description: 'Replaces every mapping. They decide the role of every account the work account made at its next sign-in (User.role_source `groups` or `override`); accounts that existed before they were tied keep theirs. Audited (before and after).',
      role: 'admin',
      body: RoleMappingsInput,
      ok: { status: 200, description: 'The new mappings.', schema: RoleMappings },
      errors: [413],
    }),
    async (c) => c.json(await setRoleMappings(contextOf(c), c.var.deps.config.oidc, c.req.valid('json')), 200),
  );
