/** Sign-in, sign-in limits, sessions, personal API tokens and user administration. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.js';
import { hashToken } from '../auth/tokens.js';
import { createTestContext, sessionCookieOf } from './harness.js';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';

const t = await createTestContext();
const T0 = new Date('2026-03-02T08:00:00Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

let addressSeq = 0;
/** A fresh client address per test, so limits of one test do not leak into another. */
const freshAddress = () => `198.51.100.${++addressSeq}`;

async function login(email: string, password: string, address: string, cookie?: string) {
  return t.request('anonymous', 'POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) });
}


const asCookie = (cookie: string, method: string, path: string, body?: unknown) =>
  t.request('anonymous', method, path, body, { cookie });

async function newUser(role: 'viewer' | 'editor' | 'admin' = 'viewer') {
  const email = `u${Math.random().toString(36).slice(2, 10)}@test.example`;
  const res = await t.request('admin', 'POST', '/api/users', { email, name: 'Ny Användare', role, password: 'long enough pw' });
  expect(res.status).toBe(201);
  return { ...(await res.json()), email, password: 'long enough pw', etag: res.headers.get('etag')! } as { id: number; email: string; password: string; etag: string; version: number };
}

/** A new editor, signed in at T0, with a personal API token made in that session. */
async function editorWithSessionAndToken() {
  t.setNow(T0);
  const user = await newUser('editor');
  const cookie = sessionCookieOf(await login(user.email, user.password, freshAddress()));
  const token = (await (await asCookie(cookie, 'POST', '/api/auth/tokens', { name: 'gis' })).json()).token as string;
  return { user, cookie, token };
}

describe('sign-in and sessions', () => {
  it('GET /api/auth/me?optional=true answers 204 to no one, an ended or a made-up session, and the user to a session', async () => {
    t.setNow(T0);
    for (const headers of [{}, { cookie: 'ps_session=made-up' }] as Record<string, string>[]) {
      const none = await t.request('anonymous', 'GET', '/api/auth/me?optional=true', undefined, headers);
      expect(none.status).toBe(204);
      expect(await none.text()).toBe('');
      expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, headers)).status).toBe(401);
      expect((await t.request('anonymous', 'GET', '/api/auth/me?optional=false', undefined, headers)).status).toBe(401);
    }
    // Only `true` lets no one through; any other value is the plain route.
    expect((await t.request('anonymous', 'GET', '/api/auth/me?optional=yes')).status).toBe(401);
    // Its own account: the sign-out below must not count in the other tests' audit.
    const user = await newUser();
    const cookie = sessionCookieOf(await login(user.email, user.password, freshAddress()));
    const bad = await asCookie(cookie, 'GET', '/api/auth/me?optional=yes');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/optional/);
    const me = await asCookie(cookie, 'GET', '/api/auth/me?optional=true');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, role: 'viewer' });
    await asCookie(cookie, 'POST', '/api/auth/logout');
    expect((await asCookie(cookie, 'GET', '/api/auth/me?optional=true')).status).toBe(204);
  });

  it('signs in with a new HttpOnly SameSite=Lax session cookie, and audits it', async () => {
    t.setNow(T0);
    const res = await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: expect.any(Number), email: TEST_USERS.viewer.email, name: TEST_USERS.viewer.name, role: 'viewer', must_change_password: false, second_factor_enrolment_required: false });
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookieOf(res);
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    const [row] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'login' AND user_email = $1", [TEST_USERS.viewer.email]);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('issues a new token at every sign-in and destroys the previous one it was sent with', async () => {
    t.setNow(T0);
    const address = freshAddress();
    const first = sessionCookieOf(await login(TEST_USERS.editor.email, TEST_PASSWORD, address));
    const second = sessionCookieOf(await login(TEST_USERS.editor.email, TEST_PASSWORD, address, first));
    expect(second).not.toBe(first);
    expect((await asCookie(first, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await asCookie(second, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('stores only a hash of the session token', async () => {
    t.setNow(T0);
    const cookie = sessionCookieOf(await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress()));
    const token = cookie.split('=')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(22);
    const rows = await t.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('rejects a wrong password and an unknown account alike', async () => {
    t.setNow(T0);
    const a = await login(TEST_USERS.viewer.email, 'wrong password', freshAddress());
    const b = await login('nobody@test.example', 'wrong password', freshAddress());
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect((await a.json()).error.message).toBe((await b.json()).error.message);
  });

  it('logs out: the session is destroyed and the logout audited', async () => {
    t.setNow(T0);
    const cookie = sessionCookieOf(await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress()));
    expect((await asCookie(cookie, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    const [row] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'logout' AND user_email = $1", [TEST_USERS.viewer.email]);
    expect(row!.n).toBe(1);
  });

  it('ends a session after 30 minutes idle', async () => {
    t.setNow(T0);
    const cookie = sessionCookieOf(await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress()));
    t.setNow(minutes(29));
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    t.setNow(minutes(29 + 29));
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    t.setNow(minutes(29 + 29 + 31));
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it(`touches last_seen_at at most every ${DEFAULTS.touchIntervalSeconds} s, so reads stay reads`, async () => {
    t.setNow(T0);
    const cookie = sessionCookieOf(await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress()));
    const lastSeen = async () => {
      const hash = hashToken(cookie.split('=')[1]!);
      const [row] = await t.db.query<{ at: string }>('SELECT ps_iso(last_seen_at) AS at FROM sessions WHERE token_hash = $1', [hash]);
      return row!.at;
    };
    const seconds = (s: number) => new Date(T0.getTime() + s * 1000);
    t.setNow(seconds(DEFAULTS.touchIntervalSeconds - 1));
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    expect(await lastSeen()).toBe(T0.toISOString());
    t.setNow(seconds(DEFAULTS.touchIntervalSeconds + 1));
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    expect(await lastSeen()).toBe(seconds(DEFAULTS.touchIntervalSeconds + 1).toISOString());
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    t.setNow(T0);
    const cookie = sessionCookieOf(await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress()));
    for (let m = 20; m < 12 * 60; m += 20) {
      t.setNow(minutes(m));
      expect((await asCookie(cookie, 'GET', '/api/auth/me')).status, `at ${m} min`).toBe(200);
    }
    t.setNow(minutes(12 * 60 + 1));
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('sign-in limits', () => {
  it(`caps an account at ${DEFAULTS.loginMaxFailuresPerAccount} failures from many addresses, with 429 and Retry-After, but not where its owner signs in`, async () => {
    t.setNow(T0);
    const user = await newUser();
    const owner = freshAddress();
    expect((await login(user.email, user.password, owner)).status).toBe(200);
    for (let i = 0; i < DEFAULTS.loginMaxFailuresPerAccount; i++) {
      expect((await login(user.email, 'wrong password', `203.0.113.${i % 250}`)).status).toBe(401);
    }
    const locked = await login(user.email, user.password, freshAddress());
    expect(locked.status).toBe(429);
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(DEFAULTS.loginWindowMinutes * 60);
    expect((await locked.json()).error.code).toBe('too_many_requests');
    expect((await login(user.email, user.password, owner)).status).toBe(200);
  });

  it('a success resets the account count', async () => {
    t.setNow(T0);
    const user = await newUser();
    const address = freshAddress();
    for (let i = 0; i < DEFAULTS.loginFreeFailuresPerPair - 1; i++) await login(user.email, 'wrong password', address);
    expect((await login(user.email, user.password, address)).status).toBe(200);
    for (let i = 0; i < DEFAULTS.loginFreeFailuresPerPair; i++) expect((await login(user.email, 'wrong password', address)).status).toBe(401);
  });

  it('doubles the wait for one account at one address after the free failures, while another address is not held up', async () => {
    t.setNow(T0);
    const user = await newUser();
    const attacker = freshAddress();
    for (let i = 0; i < DEFAULTS.loginFreeFailuresPerPair; i++) expect((await login(user.email, 'wrong password', attacker)).status).toBe(401);
    let at = T0.getTime();
    for (let step = 0; step < 4; step++) {
      const held = await login(user.email, user.password, attacker);
      expect(held.status).toBe(429);
      const wait = Number(held.headers.get('retry-after'));
      expect(wait).toBe(DEFAULTS.loginDelayFirstSeconds * 2 ** step);
      expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
      at += wait * 1000;
      t.setNow(new Date(at));
      expect((await login(user.email, 'wrong password', attacker)).status).toBe(401);
    }
  });

  it('allows at most 100 failed attempts per account per hour to a persistent attacker', async () => {
    const user = await newUser();
    let failures = 0;
    for (let s = 0; s < 3600; s += 30) {
      t.setNow(new Date(T0.getTime() + 86_400_000 + s * 1000));
      const res = await login(user.email, 'guess', freshAddress());
      if (res.status === 401) failures++;
      else expect(res.status).toBe(429);
    }
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThanOrEqual(100);
  });

  it('an attacker at one address, trying as fast as allowed for an hour, cannot lock out the owner at another', async () => {
    const start = T0.getTime() + 2 * 86_400_000;
    t.setNow(new Date(start));
    const user = await newUser();
    const attacker = freshAddress();
    let at = start;
    let failures = 0;
    while (at < start + 3_600_000) {
      const res = await login(user.email, 'guess', attacker);
      if (res.status === 401) failures++;
      else at += Number(res.headers.get('retry-after')) * 1000;
      t.setNow(new Date(at));
    }
    expect(failures).toBeLessThan(DEFAULTS.loginMaxFailuresPerAccount);
    expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
  });

  it(`limits one address to ${DEFAULTS.loginMaxFailuresPerAddress} failures across accounts, not other addresses`, async () => {
    t.setNow(minutes(3 * 24 * 60));
    const address = freshAddress();
    for (let i = 0; i < DEFAULTS.loginMaxFailuresPerAddress; i++) {
      expect((await login(`spray${i}@test.example`, 'wrong password', address)).status).toBe(401);
    }
    const res = await login(TEST_USERS.viewer.email, TEST_PASSWORD, address);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(TEST_USERS.viewer.email, TEST_PASSWORD, freshAddress())).status).toBe(200);
  });

  it('keeps the limits in the database, shared by every process', async () => {
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_attempts WHERE NOT success');
    expect(row!.n).toBeGreaterThan(0);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, usable as Bearer, listed without secret, revocable', async () => {
    t.setNow(T0);
    const res = await t.request('viewer', 'POST', '/api/auth/tokens', { name: 'QGIS' });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(Object.keys(created).sort()).toEqual(['created_at', 'id', 'name', 'token']);
    const bearer = { authorization: `Bearer ${created.token}` };
    const me = await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer);
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe(TEST_USERS.viewer.email);
    const list = await t.getJson('viewer', '/api/auth/tokens');
    const listed = list.tokens.find((x: { id: number }) => x.id === created.id);
    expect(Object.keys(listed).sort()).toEqual(['created_at', 'id', 'last_used_at', 'name']);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const [stored] = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [created.id]);
    expect(stored!.token_hash).not.toBe(created.token);
    expect((await t.request('editor', 'DELETE', `/api/auth/tokens/${created.id}`)).status).toBe(404);
    expect((await t.request('viewer', 'DELETE', `/api/auth/tokens/${created.id}`)).status).toBe(204);
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer)).status).toBe(401);
    expect((await t.request('viewer', 'DELETE', `/api/auth/tokens/${created.id}`)).status).toBe(404);
  });

  it(`notes a token's last use at most every ${DEFAULTS.touchIntervalSeconds} s`, async () => {
    t.setNow(T0);
    const created = await (await t.request('viewer', 'POST', '/api/auth/tokens', { name: 'Touch' })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    const lastUsed = async () => {
      const [row] = await t.db.query<{ at: string | null }>('SELECT ps_iso(last_used_at) AS at FROM api_tokens WHERE id = $1', [created.id]);
      return row!.at;
    };
    expect(await lastUsed()).toBeNull();
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer)).status).toBe(200);
    expect(await lastUsed()).toBe(T0.toISOString());
    t.setNow(new Date(T0.getTime() + (DEFAULTS.touchIntervalSeconds - 1) * 1000));
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer)).status).toBe(200);
    expect(await lastUsed()).toBe(T0.toISOString());
    const later = new Date(T0.getTime() + (DEFAULTS.touchIntervalSeconds + 1) * 1000);
    t.setNow(later);
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer)).status).toBe(200);
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it('validates the name', async () => {
    expect((await t.request('viewer', 'POST', '/api/auth/tokens', { name: '' })).status).toBe(400);
    expect((await t.request('viewer', 'POST', '/api/auth/tokens', { name: 'x'.repeat(101) })).status).toBe(400);
    expect((await t.request('viewer', 'POST', '/api/auth/tokens', { name: 'ok', scope: 'all' })).status).toBe(400);
  });
});

describe('user administration', () => {
  it('is for admins only', async () => {
    expect((await t.request('editor', 'GET', '/api/users')).status).toBe(403);
    expect((await t.request('viewer', 'POST', '/api/users', { email: 'x@test.example', name: 'X', role: 'admin', password: '12345678' })).status).toBe(403);
  });

  it('lists users without password hashes', async () => {
    const { users } = await t.getJson('admin', '/api/users');
    expect(users.length).toBeGreaterThanOrEqual(3);
    for (const u of users) expect(Object.keys(u).sort()).toEqual(['active', 'created_at', 'email', 'id', 'must_change_password', 'name', 'role', 'role_source', 'updated_at', 'version', 'waiting']);
  });

  it('takes passwords of 8–256 characters with no composition rules, and unique e-mails', async () => {
    const base = { name: 'P', role: 'viewer' };
    expect((await t.request('admin', 'POST', '/api/users', { ...base, email: 'p1@test.example', password: '1234567' })).status).toBe(400);
    expect((await t.request('admin', 'POST', '/api/users', { ...base, email: 'p2@test.example', password: 'x'.repeat(257) })).status).toBe(400);
    expect((await t.request('admin', 'POST', '/api/users', { ...base, email: 'p3@test.example', password: 'aaaaaaaa' })).status).toBe(201);
    expect((await t.request('admin', 'POST', '/api/users', { ...base, email: 'p4@test.example', password: 'ä'.repeat(256) })).status).toBe(201);
    const dup = await t.request('admin', 'POST', '/api/users', { ...base, email: 'P3@Test.Example', password: 'aaaaaaaa' });
    expect(dup.status).toBe(409);
    expect((await t.request('admin', 'POST', '/api/users', { ...base, email: 'p5@test.example', password: 'aaaaaaaa', admin: true })).status).toBe(400);
  });

  it('needs If-Match to change a user: 428 without, 412 when stale', async () => {
    const user = await newUser();
    expect((await t.request('admin', 'PATCH', `/api/users/${user.id}`, { name: 'B' })).status).toBe(428);
    expect((await t.request('admin', 'PATCH', `/api/users/${user.id}`, { name: 'B' }, { 'if-match': user.etag })).status).toBe(200);
    expect((await t.request('admin', 'PATCH', `/api/users/${user.id}`, { name: 'C' }, { 'if-match': user.etag })).status).toBe(412);
    expect((await t.request('admin', 'PATCH', '/api/users/999999', { name: 'C' }, { 'if-match': '"1"' })).status).toBe(404);
    expect((await t.request('admin', 'PATCH', `/api/users/${user.id}`, {}, { 'if-match': '"2"' })).status).toBe(400);
  });

  it('disabling a user ends all its sessions at once and blocks its tokens', async () => {
    const { user, cookie, token } = await editorWithSessionAndToken();
    const res = await t.request('admin', 'PATCH', `/api/users/${user.id}`, { active: false }, { 'if-match': user.etag });
    expect(res.status).toBe(200);
    expect((await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).length).toBe(0);
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await login(user.email, user.password, freshAddress())).status).toBe(401);
  });

  it('changing the password ends sessions; the new password works', async () => {
    t.setNow(T0);
    const user = await newUser();
    const cookie = sessionCookieOf(await login(user.email, user.password, freshAddress()));
    expect((await t.request('admin', 'PATCH', `/api/users/${user.id}`, { password: 'a brand new one' }, { 'if-match': user.etag })).status).toBe(200);
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login(user.email, user.password, freshAddress())).status).toBe(401);
    expect((await login(user.email, 'a brand new one', freshAddress())).status).toBe(200);
  });

  it('changing the password revokes every API token of the user, for good', async () => {
    t.setNow(T0);
    const user = await newUser();
    const cookie = sessionCookieOf(await login(user.email, user.password, freshAddress()));
    const created = await (await asCookie(cookie, 'POST', '/api/auth/tokens', { name: 'QGIS' })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer)).status).toBe(200);
    expect((await t.request('admin', 'PATCH', `/api/users/${user.id}`, { password: 'a brand new one' }, { 'if-match': user.etag })).status).toBe(200);
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, bearer)).status).toBe(401);
    const [row] = await t.db.query<{ revoked: boolean }>('SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $1', [created.id]);
    expect(row!.revoked).toBe(true);
    const fresh = sessionCookieOf(await login(user.email, 'a brand new one', freshAddress()));
    // The administrator's password is temporary: the owner chooses their own first.
    expect((await asCookie(fresh, 'POST', '/api/auth/password', { current_password: 'a brand new one', new_password: 'the owner\'s very own' })).status).toBe(200);
    expect((await (await asCookie(fresh, 'GET', '/api/auth/tokens')).json()).tokens).toEqual([]);
  });

  it('enabling a disabled user again does not revive its old sessions or tokens', async () => {
    const { user, cookie, token } = await editorWithSessionAndToken();
    const off = await t.request('admin', 'PATCH', `/api/users/${user.id}`, { active: false }, { 'if-match': user.etag });
    expect(off.status).toBe(200);
    const on = await t.request('admin', 'PATCH', `/api/users/${user.id}`, { active: true }, { 'if-match': off.headers.get('etag')! });
    expect(on.status).toBe(200);
    expect((await t.request('anonymous', 'GET', '/api/auth/me', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await asCookie(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
    const [entry] = await t.db.query<{ details: { api_tokens_revoked?: number } }>(
      "SELECT details FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'update' ORDER BY id LIMIT 1", [String(user.id)]);
    expect(entry!.details.api_tokens_revoked).toBe(1);
  });

  it('audits user changes without password hashes', async () => {
    const user = await newUser();
    await t.request('admin', 'PATCH', `/api/users/${user.id}`, { role: 'editor', password: 'another password' }, { 'if-match': user.etag });
    const entries = await t.db.query<{ action: string; before: unknown; after: unknown; details: unknown }>(
      "SELECT action, before, after, details FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY id", [String(user.id)]);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]!.after).toMatchObject({ role: 'editor' });
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/argon2|password_hash|another password|long enough pw/);
  });

  it('never leaves the system without an active administrator', async () => {
    const { users } = await t.getJson('admin', '/api/users');
    const admins = users.filter((u: { role: string; active: boolean }) => u.role === 'admin' && u.active);
    for (const a of admins.slice(1)) {
      const r = await t.request('admin', 'PATCH', `/api/users/${a.id}`, { role: 'viewer' }, { 'if-match': `"${a.version}"` });
      expect(r.status).toBe(200);
    }
    const last = admins[0];
    const res = await t.request('admin', 'PATCH', `/api/users/${last.id}`, { active: false }, { 'if-match': `"${last.version}"` });
    expect(res.status).toBe(409);
  });
});
