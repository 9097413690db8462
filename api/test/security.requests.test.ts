/** Forged cross-site writes, media types, body limits, polluting keys and security headers. */
import { describe, expect, it } from 'vitest';
import { createTestContext } from './harness.js';

const t = await createTestContext();

/** State-changing routes to attack, with a body that would otherwise be acceptable in shape. */
const TARGETS: [string, string, unknown][] = [
  ['POST', '/api/auth/tokens', { name: 'x' }],
  ['POST', '/api/users', { email: 'csrf@test.example', name: 'C', role: 'admin', password: 'password1' }],
  ['POST', '/api/auth/logout', {}],
  ['POST', '/api/contact-persons/purge', {}],
];

describe('forged cross-site writes', () => {
  for (const [method, path, body] of TARGETS) {
    it(`${method} ${path}: form post, text/plain and multipart get 415`, async () => {
      const form = await t.request('admin', method, path, 'email=x%40y.se&role=admin', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      const text = await t.request('admin', method, path, JSON.stringify(body), { 'content-type': 'text/plain' });
      expect(text.status).toBe(415);
      const multipart = await t.request('admin', method, path, '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n', { 'content-type': 'multipart/form-data; boundary=b' });
      expect(multipart.status).toBe(415);
      expect((await multipart.json()).error.code).toBe('unsupported_media_type');
    });
    it(`${method} ${path}: a foreign Origin gets 403`, async () => {
      const res = await t.request('admin', method, path, body, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/Cross-site/);
      const nul = await t.request('admin', method, path, body, { origin: 'null' });
      expect(nul.status).toBe(403);
    });
  }

  it('nothing was written by the refused requests', async () => {
    expect(await t.db.query("SELECT 1 FROM users WHERE email = 'csrf@test.example'")).toHaveLength(0);
  });

  it('the same origin is allowed', async () => {
    const res = await t.request('admin', 'POST', '/api/auth/tokens', { name: 'same origin' }, { origin: 'http://localhost' });
    expect(res.status).toBe(201);
  });

  it('enables no CORS', async () => {
    const res = await t.request('anonymous', 'OPTIONS', '/api/units', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await t.request('viewer', 'GET', '/api/units', undefined, { origin: 'https://evil.example' });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bodies', () => {
  it('answers 413 to a 200 kB JSON body', async () => {
    const res = await t.request('admin', 'POST', '/api/auth/tokens', { name: 'x', padding: 'a'.repeat(200 * 1024) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses __proto__, constructor and prototype keys at any depth with 400', async () => {
    for (const raw of [
      '{"name":"x","__proto__":{"role":"admin"}}',
      '{"name":"x","constructor":{"prototype":{"admin":true}}}',
      '{"email":"a@b.se","name":"n","role":"viewer","password":"password1","x":[{"y":{"__proto__":1}}]}',
    ]) {
      const res = await t.request('admin', 'POST', '/api/users', raw);
      expect(res.status, raw).toBe(400);
      expect((await res.json()).error.message).toMatch(/__proto__|constructor|prototype/);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('answers 400, not 500, to malformed and deeply nested JSON', async () => {
    expect((await t.request('admin', 'POST', '/api/auth/tokens', '{"name":')).status).toBe(400);
    expect((await t.request('admin', 'POST', '/api/auth/tokens', '[]')).status).toBe(400);
    const deep = '{"name":' + '['.repeat(20000) + ']'.repeat(20000) + '}';
    expect((await t.request('admin', 'POST', '/api/auth/tokens', deep)).status).toBe(400);
  });
});

describe('headers', () => {
  it('sends the CSP, nosniff, Referrer-Policy and no-store on API answers', async () => {
    const res = await t.request('viewer', 'GET', '/api/auth/me');
    const csp = res.headers.get('content-security-policy')!;
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", 'worker-src', 'blob:']) expect(csp).toContain(d);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Plain http here: HSTS is sent over https only (security.origin.test.ts).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('500 bodies carry a request id and no stack', async () => {
    const res = await t.request('viewer', 'GET', '/api/units/1');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
