/**
 * An administrator resets a user's password: the one they set is temporary, so until its
 * owner has chosen their own the account can only change it, ask who it is and sign out.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext, sessionCookieOf } from '../test/harness.js';

const t = await createTestContext();
let seq = 0;
const address = () => `198.51.100.${30 + ++seq}`;


async function editorWhoForgot() {
  const email = `glomde${Date.now()}${++seq}@test.example`;
  const created = await t.request('admin', 'POST', '/api/users', { email, name: 'Glömde Lösenordet', role: 'editor', password: 'det första lösenordet' });
  expect(created.status).toBe(201);
  const user = await created.json();
  expect(user.must_change_password).toBe(false);
  const login = (password: string) => t.request('anonymous', 'POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address() });
  const as = (cookie: string, method: string, url: string, body?: unknown) => t.request('anonymous', method, url, body, { cookie, 'x-forwarded-for': address() });
  return { email, user, login, as };
}

describe('a password an administrator resets', () => {
  it('is temporary: every route but change, me and sign-out is refused until the owner chooses their own', async () => {
    const u = await editorWhoForgot();
    const before = sessionCookieOf(await u.login('det första lösenordet'));
    const reset = await t.request('admin', 'PATCH', `/api/users/${u.user.id}`, { password: 'tillfälligt från admin' }, { 'if-match': `"${u.user.version}"` });
    expect(reset.status).toBe(200);
    expect((await reset.json()).must_change_password).toBe(true);
    expect((await u.as(before, 'GET', '/api/auth/me')).status).toBe(401);

    const login = await u.login('tillfälligt från admin');
    expect(login.status).toBe(200);
    expect(await login.clone().json()).toMatchObject({ must_change_password: true });
    const cookie = sessionCookieOf(login);
    expect(await (await u.as(cookie, 'GET', '/api/auth/me')).json()).toMatchObject({ must_change_password: true });
    for (const [method, url, body] of [
      ['GET', '/api/units', undefined],
      ['GET', '/api/auth/sessions', undefined],
      ['POST', '/api/auth/tokens', { name: 'qgis' }],
      ['GET', '/ogc/collections', undefined],
    ] as const) {
      const res = await u.as(cookie, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect((await res.json()).error.details.rule, `${method} ${url}`).toBe('password_change_required');
    }

    const change = await u.as(cookie, 'POST', '/api/auth/password', { current_password: 'tillfälligt från admin', new_password: 'mitt alldeles egna lösenord' });
    expect(change.status).toBe(200);
    expect((await u.as(cookie, 'GET', '/api/units')).status).toBe(200);
    expect(await (await u.as(cookie, 'GET', '/api/auth/me')).json()).toMatchObject({ must_change_password: false });
    const listed = (await t.getJson('admin', `/api/users/${u.user.id}`)) as { must_change_password: boolean };
    expect(listed.must_change_password).toBe(false);
  });

  it('a temporary password can still sign out', async () => {
    const u = await editorWhoForgot();
    await t.request('admin', 'PATCH', `/api/users/${u.user.id}`, { password: 'tillfälligt från admin' }, { 'if-match': `"${u.user.version}"` });
    const cookie = sessionCookieOf(await u.login('tillfälligt från admin'));
    expect((await u.as(cookie, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await u.as(cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('other changes by an administrator (name, role) leave the password the owner\'s', async () => {
    const u = await editorWhoForgot();
    const res = await t.request('admin', 'PATCH', `/api/users/${u.user.id}`, { name: 'Nytt Namn', role: 'viewer' }, { 'if-match': `"${u.user.version}"` });
    expect(res.status).toBe(200);
    expect((await res.json()).must_change_password).toBe(false);
    const cookie = sessionCookieOf(await u.login('det första lösenordet'));
    expect((await u.as(cookie, 'GET', '/api/units')).status).toBe(200);
  });
});
