/**
 * The one typed client of the API. Every call sends the session cookie
 * (`credentials: 'same-origin'`), parses the error shape
 * `{"error":{"code","message"}}` into an `ApiError`, and reports a 401 to the
 * handler the app registers (which shows the sign-in view).
 */
import type {
  AuthConfig,
  ActorCategory,
  ActorLayer,
  AreaCollection,
  ChildPlaceKind,
  ChildPlaceLayer,
  ClientConfig,
  Collection,
  ContactCollection,
  GlobalRadii,
  InformationNeedCollection,
  InformationStatus,
  Me,
  NearChildPlaceCollection,
  Priority,
  Ring,
  SiteAnalysis,
  Unit,
  ZoneCollection,
} from './apiTypes.js';

/** An API or network failure. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly retryAfterSeconds?: number,
    /** The error's `details` (an import's report of rejected rows, the fields at fault…). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let onUnauthorized: () => void = () => {};

/** Registers what happens when the API says the session is gone (401). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** `?a=1&b=x,y` from an object; empty, null and undefined values are left out. */
export function queryString(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (Array.isArray(value) && value.length === 0) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Parses an error answer; falls back to the status text for bodies that are not our shape. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  let requestId: string | undefined = res.headers.get('x-request-id') ?? undefined;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; request_id?: unknown; details?: unknown } };
    if (body?.error && typeof body.error.code === 'string') code = body.error.code;
    if (body?.error && typeof body.error.message === 'string') message = body.error.message;
    if (body?.error && typeof body.error.request_id === 'string') requestId = body.error.request_id;
    details = body?.error?.details;
  } catch {
    // Not JSON (a proxy's error page): keep the status text.
  }
  const retry = Number(res.headers.get('retry-after'));
  return new ApiError(res.status, code, message, requestId, Number.isFinite(retry) && retry > 0 ? retry : undefined, details);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a `Blob` (an uploaded file) is sent as it is, as `application/octet-stream`. */
  body?: unknown;
  /** The version read, sent as `If-Match` (the API answers 428 without it on changes, 412 when stale). */
  ifMatch?: number;
  signal?: AbortSignal;
  /** Do not call the 401 handler (the sign-in and session checks handle 401 themselves). */
  quiet401?: boolean;
}

/**
 * The one function that calls the API: every module of the client (views, outreach,
 * administration, import) goes through it, so 401 and network failures are handled
 * in one place.
 */
export async function request<T>(path: string, { method = 'GET', body, ifMatch, signal, quiet401 }: RequestOptions = {}): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    if (res.status === 401 && !quiet401) onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export type Bbox = readonly [number, number, number, number];

export interface LayerQuery {
  bbox?: Bbox;
  q?: string;
  limit?: number;
  offset?: number;
  signal?: AbortSignal;
}

export interface NeedsQuery {
  /** Several at once (OR). */
  status?: readonly InformationStatus[];
  priority?: Priority;
  unit_id?: number;
  kind?: ChildPlaceKind;
  /** `distance`, `-due`…; the server's default order (most urgent first) when left out. */
  sort?: string;
  /** Page size; the server's default page when left out. */
  limit?: number;
  /** Needs to skip, for the next page. */
  offset?: number;
}

const bboxParam = (b?: Bbox) => (b ? b.map((x) => x.toFixed(5)).join(',') : undefined);

export const api = {
  clientConfig: (signal?: AbortSignal) => request<ClientConfig>('/api/client-config', { signal }),
  me: (signal?: AbortSignal) => request<Me>('/api/auth/me', { signal, quiet401: true }),
  /** The signed-in user, or undefined when no one is (204: a signed-out visitor is no error, and logs none). */
  session: (signal?: AbortSignal) => request<Me | undefined>('/api/auth/me?optional=true', { signal, quiet401: true }),
  login: (email: string, password: string) => request<Me | { second_factor_required: true; methods: ('totp' | 'recovery' | 'passkey')[] }>('/api/auth/login', { method: 'POST', body: { email, password }, quiet401: true }),
  /** Signs out here; a work-account session gets the provider's end-session URL to send the browser to (undefined otherwise). */
  logout: () => request<{ end_session_url: string } | undefined>('/api/auth/logout', { method: 'POST', quiet401: true }),
  /** Which ways of signing in are on (public). */
  authConfig: (signal?: AbortSignal) => request<AuthConfig>('/api/auth/config', { signal }),

  units: (signal?: AbortSignal) => request<Collection<Unit>>('/api/units', { signal }),
  unit: (id: number, signal?: AbortSignal) => request<Unit>(`/api/units/${id}`, { signal }),
  zones: (id: number, signal?: AbortSignal) => request<ZoneCollection>(`/api/units/${id}/zones`, { signal }),
  contacts: (id: number, filters: { ring?: Ring; category?: ActorCategory } = {}, signal?: AbortSignal) =>
    request<ContactCollection>(`/api/units/${id}/contacts${queryString({ ...filters })}`, { signal }),
  unitChildPlaces: (id: number, signal?: AbortSignal) => request<NearChildPlaceCollection>(`/api/units/${id}/child-places`, { signal }),

  actors: ({ bbox, q, limit, offset, signal, category }: LayerQuery & { category?: readonly ActorCategory[] } = {}) =>
    request<ActorLayer>(`/api/actors${queryString({ bbox: bboxParam(bbox), q, limit, offset, category })}`, { signal }),
  childPlaces: ({ bbox, q, limit, offset, signal, kind }: LayerQuery & { kind?: readonly ChildPlaceKind[] } = {}) =>
    request<ChildPlaceLayer>(`/api/child-places${queryString({ bbox: bboxParam(bbox), q, limit, offset, kind })}`, { signal }),
  areas: ({ bbox, q, limit, offset, signal }: LayerQuery = {}) =>
    request<AreaCollection>(`/api/areas${queryString({ bbox: bboxParam(bbox), q, limit, offset })}`, { signal }),

  zoneRadii: (signal?: AbortSignal) => request<GlobalRadii>('/api/settings/zone-radii', { signal }),
  siteAnalysis: (lon: number, lat: number, signal?: AbortSignal) =>
    request<SiteAnalysis>('/api/site-analysis', { method: 'POST', body: { lon, lat }, signal }),
  /** A page of the information needs, with the number matched and the counts by status and priority over all of them. */
  informationNeeds: (filters: NeedsQuery = {}, signal?: AbortSignal) =>
    request<InformationNeedCollection>(`/api/information-needs${queryString({ ...filters })}`, { signal }),
  /**
   * The address of the CSV of exactly the needs `filters` select (every page, the list's
   * order): `excel_sv` for Excel with Swedish settings, `standard` for other programs;
   * headers in the user's language. A download link, not a fetch.
   */
  informationNeedsCsvUrl: (filters: Omit<NeedsQuery, 'limit' | 'offset'>, dialect: 'excel_sv' | 'standard', headers: 'sv' | 'en') =>
    `/api/exports/information-needs.csv${queryString({ ...filters, dialect, headers })}`,
};
