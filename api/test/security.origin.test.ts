/**
 * PUBLIC_URL and TRUST_PROXY: the origin a write must come from, absolute links, cookie flags
 * and HSTS follow the origin users reach; forwarded headers count only behind a trusted proxy.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';
import { createTestContext, type TestContext } from './harness.js';

const PUBLIC = 'https://platssamverkan.example.se';
const behindProxy = await createTestContext({ publicUrl: PUBLIC, trustProxy: true });
const forwarded = await createTestContext({ trustProxy: true });
const direct = await createTestContext();

const FORWARDED_HTTPS = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'kartan.example.se' };

let addressSeq = 0;
const login = (t: TestContext, headers: Record<string, string> = {}) =>
  t.request('anonymous', 'POST', '/api/auth/login', { email: TEST_USERS.editor.email, password: TEST_PASSWORD }, { 'x-forwarded-for': `203.0.113.${++addressSeq}`, ...headers });

/** GET through the app with any request URL (what `Host` makes of it on a real socket). */
const getAt = (t: TestContext, url: string, headers: Record<string, string> = {}) =>
  t.app.request(url, { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}`, ...headers } });

const hrefs = (body: { links: { href: string }[] }) => body.links.map((l) => l.href);

describe('origin checks of writes', () => {
  it('accepts the browser\'s https Origin behind a TLS proxy when it is PUBLIC_URL', async () => {
    const res = await behindProxy.request('admin', 'POST', '/api/auth/tokens', { name: 'via proxy' }, { origin: PUBLIC });
    expect(res.status).toBe(201);
  });

  it('refuses every other origin, the request\'s own http one included, when PUBLIC_URL is set', async () => {
    for (const origin of ['http://localhost', 'http://platssamverkan.example.se', 'https://evil.example', 'null']) {
      const res = await behindProxy.request('admin', 'POST', '/api/auth/tokens', { name: 'x' }, { origin });
      expect(res.status, origin).toBe(403);
    }
  });

  it('takes the origin from X-Forwarded-Proto and -Host only with TRUST_PROXY', async () => {
    const trusted = await forwarded.request('admin', 'POST', '/api/auth/tokens', { name: 'x' }, { origin: 'https://kartan.example.se', ...FORWARDED_HTTPS });
    expect(trusted.status).toBe(201);
    const untrusted = await direct.request('admin', 'POST', '/api/auth/tokens', { name: 'x' }, { origin: 'https://kartan.example.se', ...FORWARDED_HTTPS });
    expect(untrusted.status).toBe(403);
  });

  it('ignores a forwarded host that carries more than a host and port', async () => {
    const res = await forwarded.request('admin', 'POST', '/api/auth/tokens', { name: 'x' }, { origin: 'https://evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example/x' });
    expect(res.status).toBe(403);
  });
});

describe('session cookie', () => {
  it('over https is __Host-ps_session with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain, and is the one read back', async () => {
    const res = await login(behindProxy, { origin: PUBLIC });
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^__Host-ps_session=[^;]+;/);
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//]) expect(set).toMatch(flag);
    expect(set).not.toMatch(/Domain=/i);
    const cookie = set.split(';')[0]!;
    expect((await behindProxy.request('anonymous', 'GET', '/api/auth/me', undefined, { cookie })).status).toBe(200);
    const plain = cookie.replace('__Host-ps_session', 'ps_session');
    expect((await behindProxy.request('anonymous', 'GET', '/api/auth/me', undefined, { cookie: plain })).status).toBe(401);
    const out = await behindProxy.request('anonymous', 'POST', '/api/auth/logout', undefined, { cookie, origin: PUBLIC });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-ps_session=;.*Max-Age=0/);
  });

  it('is Secure behind a trusted proxy that says https, without PUBLIC_URL', async () => {
    const set = (await login(forwarded, FORWARDED_HTTPS)).headers.get('set-cookie')!;
    expect(set).toMatch(/^__Host-ps_session=.*; Secure/i);
  });

  it('over plain http is ps_session without Secure, whatever an untrusted X-Forwarded-Proto says', async () => {
    const set = (await login(direct, FORWARDED_HTTPS)).headers.get('set-cookie')!;
    expect(set).toMatch(/^ps_session=/);
    expect(set).not.toMatch(/Secure/i);
  });

  it('the OpenAPI session scheme names the cookie the server reads', async () => {
    const scheme = async (t: TestContext) => (await (await t.request('anonymous', 'GET', '/api/openapi.json')).json()).components.securitySchemes.session;
    expect(await scheme(behindProxy)).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__Host-ps_session' });
    expect(await scheme(direct)).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'ps_session' });
  });
});

describe('OGC links', () => {
  it('start at PUBLIC_URL whatever Host or forwarded header the request names', async () => {
    const landing = await (await getAt(behindProxy, 'http://evil.example/ogc', { 'x-forwarded-host': 'evil.example' })).json();
    for (const href of hrefs(landing)) expect(href.startsWith(`${PUBLIC}/`), href).toBe(true);
    const page = await (await getAt(behindProxy, 'http://evil.example/ogc/collections/units/items?limit=1')).json();
    expect(page.links.find((l: { rel: string }) => l.rel === 'next').href).toBe(`${PUBLIC}/ogc/collections/units/items?limit=1&offset=1`);
    const one = await (await getAt(behindProxy, 'http://evil.example/ogc/collections/units')).json();
    for (const href of hrefs(one)) expect(href.startsWith(`${PUBLIC}/ogc/`), href).toBe(true);
  });

  it('without PUBLIC_URL follow the request, and forwarded headers only with TRUST_PROXY', async () => {
    expect(hrefs(await (await getAt(direct, 'http://localhost:3000/ogc', FORWARDED_HTTPS)).json())[0]).toBe('http://localhost:3000/ogc');
    expect(hrefs(await (await getAt(forwarded, 'http://localhost:3000/ogc', FORWARDED_HTTPS)).json())[0]).toBe('https://kartan.example.se/ogc');
  });
});

describe('headers', () => {
  it('sends HSTS for a year over https only', async () => {
    expect((await behindProxy.request('viewer', 'GET', '/api/auth/me')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await forwarded.request('viewer', 'GET', '/api/auth/me', undefined, FORWARDED_HTTPS)).headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect((await direct.request('viewer', 'GET', '/api/auth/me')).headers.get('strict-transport-security')).toBeNull();
    expect((await direct.request('viewer', 'GET', '/api/auth/me', undefined, FORWARDED_HTTPS)).headers.get('strict-transport-security')).toBeNull();
  });

  it('sends a Permissions-Policy that denies camera, microphone, payment and usb, and allows geolocation to this site', async () => {
    for (const path of ['/api/auth/me', '/']) {
      const policy = (await direct.request('viewer', 'GET', path)).headers.get('permissions-policy') ?? '';
      for (const denied of ['camera', 'microphone', 'payment', 'usb']) expect(policy, path).toContain(`${denied}=()`);
      expect(policy, path).toContain('geolocation=(self)');
    }
  });
});

describe('the built client', () => {
  it('answers a missing /assets/ file with 404 and no immutable cache', async () => {
    const res = await direct.request('anonymous', 'GET', '/assets/index-doesnotexist.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('still answers other paths with the page (client-side routing)', async () => {
    const res = await direct.request('anonymous', 'GET', '/karta/enheter');
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });
});
