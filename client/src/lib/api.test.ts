import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, errorFromResponse, queryString, request, setUnauthorizedHandler } from './api.js';

describe('queryString', () => {
  it('leaves out empty values and joins lists', () => {
    expect(queryString({ a: 1, b: undefined, c: '', d: null, e: ['x', 'y'], f: [] })).toBe('?a=1&e=x%2Cy');
  });
  it('is empty without values', () => {
    expect(queryString({})).toBe('');
  });
  it('encodes names with spaces and quotes', () => {
    expect(queryString({ q: "Kallebäck's torg" })).toBe('?q=Kalleb%C3%A4ck\'s%20torg');
  });
});

describe('errorFromResponse', () => {
  it('reads the API error shape', async () => {
    const res = new Response(JSON.stringify({ error: { code: 'bad_request', message: 'id must be a positive integer', request_id: 'r1' } }), {
      status: 400,
    });
    const err = await errorFromResponse(res);
    expect(err).toMatchObject({ status: 400, code: 'bad_request', message: 'id must be a positive integer', requestId: 'r1' });
  });
  it('survives a body that is not JSON', async () => {
    const err = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(err).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway' });
  });
  it('keeps Retry-After', async () => {
    const res = new Response(JSON.stringify({ error: { code: 'too_many_requests', message: 'slow down' } }), {
      status: 429,
      headers: { 'Retry-After': '120' },
    });
    expect((await errorFromResponse(res)).retryAfterSeconds).toBe(120);
  });
});

describe('requests', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(() => {});
  });

  it('sends the cookie and JSON content type on mutations', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ rings: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.siteAnalysis(12, 57.7);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/site-analysis');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"lon":12,"lat":57.7}');
  });

  it('sends a file as it is, as octet-stream, not as JSON', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ job_id: 'j' }), { status: 202 }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new Blob([new Uint8Array([0x0a, 0x0d, 0xff])]);
    await request('/api/base-data/import?name=x.osm.pbf', { method: 'POST', body: file });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect(init.body).toBe(file);
  });

  it('calls the 401 handler and throws', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Sign in first' } }), { status: 401 }));
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(api.units()).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('does not call the 401 handler for the session check', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'x' } }), { status: 401 }));
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.units()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('formats the bbox with five decimals', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.actors({ bbox: [11.9, 57.6, 12.1234567, 57.8], limit: 500 });
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/actors?bbox=11.90000%2C57.60000%2C12.12346%2C57.80000&limit=500');
  });
});
