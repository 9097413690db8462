import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { clientAddress } from '../http/clientAddress.js';
import { isHttps } from '../http/publicOrigin.js';

/**
 * HTTP Basic for GIS clients. QGIS 3.22 cannot send a Bearer header (its "API Header"
 * method does not exist there), and GDAL's OAPIF and MVT drivers are configured most
 * simply with GDAL_HTTP_AUTH=BASIC; both send a user name and a password. A personal
 * API token is accepted as that password, and only on the paths such clients read:
 * the OGC API and the vector tiles. The user name is not checked (the token names its
 * owner); the docs ask for the account's e-mail so a QGIS configuration reads well.
 */
export const BASIC_REALM = 'Platssamverkan';

/**
 * Whether a path is one a GIS client reads, where Basic with a token is accepted. The
 * OpenAPI document is one: the /ogc landing page links it as `service-desc`, and QGIS's
 * OAPIF provider fetches it with the layer's credentials and refuses the layer when that
 * fails (the document itself is public).
 */
export const acceptsBasic = (path: string): boolean =>
  path === '/ogc' || path.startsWith('/ogc/') || path.startsWith('/api/tiles/') || path === OPENAPI_PATH;

/** Where the OpenAPI document is served (app.ts). */
export const OPENAPI_PATH = '/api/openapi.json';

/** The challenge a 401 on those paths carries, so a client that waits for one answers it. */
export const BASIC_CHALLENGE = { 'WWW-Authenticate': `Basic realm="${BASIC_REALM}", charset="UTF-8"` } as const;

/** The password of a `Basic` Authorization header (user:password, base64), or undefined when it is not one. */
export function basicPassword(header: string): string | undefined {
  const m = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * Basic sends the token itself with every request, so it is taken only over TLS, or
 * from this machine (a GIS client or a test beside the server), where nothing crosses
 * a network.
 */
export const basicTransportSafe = (c: Context<AppEnv>): boolean => isHttps(c) || LOOPBACK.test(clientAddress(c));
