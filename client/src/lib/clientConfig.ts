import { api } from './api.js';
import type { ClientConfig } from './apiTypes.js';

let pending: Promise<ClientConfig> | null = null;

/**
 * The public client configuration (`GET /api/client-config`: basemap style, tile
 * threshold), asked for once per page load and shared by every caller. It holds
 * nothing about the user, so one page-wide promise is safe. A failed read is not
 * kept, so a later call asks again. `signal` only stops this caller's wait; the
 * shared request goes on for the others.
 */
export function clientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  pending ??= api.clientConfig().catch((err: unknown) => {
    pending = null;
    throw err;
  });
  return abortable(pending, signal);
}

/** `p`, rejected early when `signal` aborts. */
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
