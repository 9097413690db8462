import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import type { AppEnv } from '../env.js';
import { isHttps } from './publicOrigin.js';

/** The session cookie over plain http (a development machine). */
export const SESSION_COOKIE = 'ps_session';
/**
 * The session cookie over https. The `__Host-` prefix makes the browser refuse it unless it is
 * `Secure`, `Path=/` and has no `Domain`, so a neighbouring host of the same site cannot plant
 * or overwrite it (SECURITY.md).
 */
export const SESSION_COOKIE_SECURE = '__Host-ps_session';

/** The session cookie's name where users reach this request: one name per scheme, read and written alike. */
export const sessionCookieName = (c: Context<AppEnv>): string => (isHttps(c) ? SESSION_COOKIE_SECURE : SESSION_COOKIE);

/** The name the OpenAPI document states: fixed by PUBLIC_URL when set, else the plain-http one (the https one is named in the description). */
export const documentedSessionCookie = (config: Config): string =>
  config.publicUrl?.startsWith('https:') ? SESSION_COOKIE_SECURE : SESSION_COOKIE;

export const readSessionCookie = (c: Context<AppEnv>): string | undefined => getCookie(c, sessionCookieName(c));

/** `HttpOnly; SameSite=Lax; Path=/`, and over https `Secure` with the `__Host-` name; never a `Domain`. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const secure = isHttps(c);
  setCookie(c, sessionCookieName(c), token, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = isHttps(c);
  deleteCookie(c, sessionCookieName(c), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}

/**
 * The pending sign-in cookie: a password accepted, a second factor awaited (secondFactorLogin.ts).
 * HttpOnly and short-lived like the wait itself; the `__Host-` name over https, as the session's.
 */
const PENDING_COOKIE = 'ps_second_factor';
const pendingCookieName = (c: Context<AppEnv>): string => (isHttps(c) ? `__Host-${PENDING_COOKIE}` : PENDING_COOKIE);

export const readPendingCookie = (c: Context<AppEnv>): string | undefined => getCookie(c, pendingCookieName(c));

export function setPendingCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, pendingCookieName(c), token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c), maxAge: maxAgeSeconds });
}

export function clearPendingCookie(c: Context<AppEnv>): void {
  deleteCookie(c, pendingCookieName(c), { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
}
