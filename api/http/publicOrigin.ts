import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * The origin users reach for this request, e.g. `https://platssamverkan.example.se`: PUBLIC_URL
 * when set; else, with TRUST_PROXY, what the proxy says in `X-Forwarded-Proto` and
 * `X-Forwarded-Host`; else the request's own URL. Behind a TLS-terminating proxy the request
 * itself arrives as plain http, so without one of the first two the product would see an
 * http origin where the browser sees https. A forwarded header from anyone but our own proxy
 * is a lie a client can tell, hence only with TRUST_PROXY.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { publicUrl, trustProxy } = c.var.deps.config;
  if (publicUrl) return publicUrl;
  const own = new URL(c.req.url);
  if (!trustProxy) return own.origin;
  const proto = firstValue(c.req.header('x-forwarded-proto'))?.toLowerCase();
  const host = firstValue(c.req.header('x-forwarded-host'));
  const scheme = proto === 'https' || proto === 'http' ? proto : own.protocol.slice(0, -1);
  return originOf(scheme, host) ?? originOf(scheme, own.host) ?? own.origin;
}

/** Whether users reach this request over https (the cookie's `Secure`, HSTS). */
export const isHttps = (c: Context<AppEnv>): boolean => publicOrigin(c).startsWith('https:');

/** The first entry of a comma-separated forwarded header (the one the outermost proxy saw). */
function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}

/** A host name, IPv4 or bracketed IPv6 address with an optional port: nothing a forged header could add a path or credentials with. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** `scheme://host` when `host` is a bare host[:port]. */
function originOf(scheme: string, host: string | undefined): string | undefined {
  if (!host || !HOST.test(host)) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}
