import type { APIRequestContext } from 'playwright-core';

/**
 * A request through the API as the context's signed-in user, with the Origin the CSRF guard
 * wants on a write. `ifMatch` is a version number (sent as the ETag `"n"`) or an ETag as the
 * server gave it. An answer other than 2xx throws with the status and the body; a 2xx
 * answer's JSON body is returned.
 */
export async function apiRequest(
  request: APIRequestContext,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  data?: unknown,
  ifMatch?: number | string,
) {
  const headers: Record<string, string> = { Origin: baseUrl };
  if (ifMatch !== undefined) headers['If-Match'] = typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch;
  const res = await request.fetch(`${baseUrl}${path}`, { method, data, headers });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}
