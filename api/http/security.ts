import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { isHttps, publicOrigin } from './publicOrigin.js';

/** One year, over https only: on plain http the header means nothing and would only mislead. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers with a CSP that keeps MapLibre working: its workers and images
 * come from blob: URLs, and the basemap host must be reachable by fetch.
 */
export function securityHeaders(basemapStyleUrl: string) {
  const basemapOrigin = originOf(basemapStyleUrl);
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:', ...(basemapOrigin ? [basemapOrigin] : [])],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", ...(basemapOrigin ? [basemapOrigin] : [])],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'same-origin',
    // Only features Chromium knows: an unknown one is a console error on every page.
    permissionsPolicy: {
      accelerometer: [], autoplay: [], camera: [], displayCapture: [], gyroscope: [], hid: [], magnetometer: [],
      microphone: [], midi: [], payment: [], serial: [], usb: [], xrSpatialTracking: [],
      // Field work places observations at the phone's position.
      geolocation: ['self'],
    },
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    await headers(c, next);
    if (isHttps(c)) c.header('Strict-Transport-Security', HSTS);
  });
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses forged cross-site writes: a mutation must come from our own origin (the one users
 * reach, `publicOrigin`: behind a TLS proxy the browser says https while the request arrives
 * as http) when the browser says where it comes from, and a body must be JSON (a form post or
 * text/plain, which a foreign page can send without CORS, gets 415). Routes that
 * take other media types (imports) list them in `extraTypes`.
 */
export const csrfGuard = (extraTypes: (path: string) => readonly string[] = () => []) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!MUTATING.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== publicOrigin(c)) {
      throw new ApiError('forbidden', `Cross-site request refused: Origin ${origin} is not this site.`);
    }
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const hasBody = type !== '' || Number(c.req.header('content-length') ?? '0') > 0;
    const allowed = ['application/json', ...extraTypes(c.req.path)];
    if (hasBody && !allowed.includes(type)) {
      throw new ApiError('unsupported_media_type', `Content-Type must be ${allowed.join(' or ')}, got "${type || '(none)'}".`);
    }
    await next();
  });

/** `Cache-Control: no-store` on API answers: they carry personal data (contact persons). */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});

/** Keys refused anywhere in a JSON body: they could reach an object's prototype. */
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses JSON bodies with a `__proto__`, `constructor` or `prototype` key at any
 * depth (400), so no handler ever merges one into an object. Runs after the body
 * limit, so it reads at most that much. Malformed JSON is left to the route's
 * validator, which answers 400 itself.
 */
export const jsonKeyGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (!MUTATING.has(c.req.method)) return next();
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return next();
  const text = await c.req.text();
  let bad: string | undefined;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (POLLUTING_KEYS.has(key)) bad ??= key;
      return value;
    });
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError('bad_request', 'The JSON body is nested too deeply.');
  }
  if (bad) throw new ApiError('bad_request', `The body must not contain the key "${bad}" (refused at any depth).`);
  await next();
});

/**
 * Ends the connection after a 413. The body limit answers as soon as it knows the body is too
 * large, while the client is still sending it; on a kept-alive connection the rest of that body
 * would be read as the next request, so the Node adapter drained it for half a second and then
 * dropped the socket under the client. `Connection: close` tells the client the connection ends
 * with this answer, and Node's HTTP server then closes it in order: the answer, then its side.
 */
export const closeAfterRefusedBody = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.res.status === 413) c.header('Connection', 'close');
});
