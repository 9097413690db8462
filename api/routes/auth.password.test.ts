/** Changing one's own password: the current one required, the rules, what ends and what stays. */
import { describe, expect, it } from 'vitest';
import { createTestContext, sessionCookieOf } from '../test/harness.js';

const t = await createTestContext();
let seq = 0;
const address = () => `198.51.100.${200 + ++seq}`;


/** A new editor signed in twice (two browsers) with one personal API token. */
async function editorInTwoBrowsers() {
  const email = `pw${Date.now()}${++seq}@test.example`;
  const password = 'gamla lösenordet räcker';
  expect((await t.request('admin', 'POST', '/api/users', { email, name: 'Byter Lösen', role: 'editor', password })).status).toBe(201);
  const login = (pw: string) => t.request('anonymous', 'POST', '/api/auth/login', { email, password: pw }, { 'x-forwarded-for': address() });
  const first = sessionCookieOf(await login(password));
  const second = sessionCookieOf(await login(password));
  const token = (await (await t.request('anonymous', 'POST', '/api/auth/tokens', { name: 'qgis' }, { cookie: first })).json()).token as string;
  const change = (cookie: string, body: unknown, from = address()) =>
    t.request('anonymous', 'POST', '/api/auth/password', body, { cookie, 'x-forwarded-for': from });
  const me = (headers: Record<string, string>) => t.request('anonymous', 'GET', '/api/auth/me', undefined, headers);
  return { email, password, login, first, second, token, change, me };
}

describe('POST /api/auth/password', () => {
  it('changes the password: the old one stops working, this session stays, the others end, tokens are revoked, audited', async () => {
    const u = await editorInTwoBrowsers();
    const res = await u.change(u.first, { current_password: u.password, new_password: 'ett helt nytt lösenord' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sessions_ended: 1, tokens_revoked: 1 });
    expect((await u.me({ cookie: u.first })).status).toBe(200);
    expect((await u.me({ cookie: u.second })).status).toBe(401);
    expect((await u.me({ authorization: `Bearer ${u.token}` })).status).toBe(401);
    expect((await u.login(u.password)).status).toBe(401);
    expect((await u.login('ett helt nytt lösenord')).status).toBe(200);
    const audit = await t.getJson('admin', '/api/audit?entity=user&limit=20');
    const entry = (audit.entries as { action: string; details?: Record<string, unknown> }[]).find((e) => e.details?.by === 'self');
    expect(entry?.details).toMatchObject({ password_changed: true, sessions_ended: 1, api_tokens_revoked: 1 });
    expect(JSON.stringify(audit)).not.toContain('ett helt nytt lösenord');
  });

  it('a wrong current password is a 400 naming current_password, and nothing changes', async () => {
    const u = await editorInTwoBrowsers();
    const res = await u.change(u.first, { current_password: 'fel lösenord här', new_password: 'ett helt nytt lösenord' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.issues).toEqual([expect.objectContaining({ path: ['current_password'], code: 'wrong_password' })]);
    expect((await u.me({ cookie: u.second })).status).toBe(200);
    expect((await u.me({ authorization: `Bearer ${u.token}` })).status).toBe(200);
    expect((await u.login(u.password)).status).toBe(200);
  });

  it('a weak new password is refused naming new_password, before the current one is checked', async () => {
    const u = await editorInTwoBrowsers();
    for (const new_password of ['password123', u.email, 'kort']) {
      const res = await u.change(u.first, { current_password: u.password, new_password });
      expect(res.status, new_password).toBe(400);
      expect(JSON.stringify((await res.json()).error), new_password).toContain('new_password');
    }
    expect((await u.login(u.password)).status).toBe(200);
  });

  it('guessing the current password is limited like signing in (429 with Retry-After)', async () => {
    const u = await editorInTwoBrowsers();
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await u.change(u.first, { current_password: `gissning ${i}`, new_password: 'ett helt nytt lösenord' }, from)).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
  });

  it('anonymous is 401; unknown fields are 400 naming them', async () => {
    expect((await t.request('anonymous', 'POST', '/api/auth/password', { current_password: 'a', new_password: 'ett helt nytt lösenord' })).status).toBe(401);
    const u = await editorInTwoBrowsers();
    const res = await u.change(u.first, { current_password: u.password, new_password: 'ett helt nytt lösenord', role: 'admin' });
    expect(res.status).toBe(400);
  });
});
