import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEFAULTS } from '../config.js';
import type { AppEnv } from '../env.js';
import { isHttps } from './publicOrigin.js';

/**
 * The key of a sign-in under way at the OpenID provider (its state, nonce and verifier are
 * kept server side under the key's hash). Sent only to the callback's path, HttpOnly, and
 * `SameSite=Lax` because the provider sends the browser back with a top-level GET from
 * another site, which Lax allows and Strict would not.
 */
const NAME = 'ps_oidc';
const PATH = '/api/auth/oidc';

export const readOidcCookie = (c: Context<AppEnv>): string | undefined => getCookie(c, NAME);

export function setOidcCookie(c: Context<AppEnv>, key: string): void {
  setCookie(c, NAME, key, { httpOnly: true, sameSite: 'Lax', path: PATH, secure: isHttps(c), maxAge: DEFAULTS.oidcLoginMinutes * 60 });
}

export function clearOidcCookie(c: Context<AppEnv>): void {
  deleteCookie(c, NAME, { path: PATH, secure: isHttps(c), httpOnly: true, sameSite: 'Lax' });
}
