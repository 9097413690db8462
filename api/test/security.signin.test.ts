/**
 * Sign-in under parallel requests (the limits are counted before the password is
 * checked, atomically, on either database), hashing concurrency, and the password
 * rules on every path that sets a password.
 */
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../auth/bootstrap.js';
import { ARGON2_OPTIONS, hashingStats, verifyPassword, hashPassword } from '../auth/passwords.js';
import { passwordProblem } from '../auth/passwordPolicy.js';
import { DEFAULTS, loadConfig } from '../config.js';
import type { Database } from '../db/types.js';
import { createTestContext } from './harness.js';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';

const t = await createTestContext();
const T0 = new Date('2026-04-06T08:00:00Z');

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}`;

async function newUser() {
  const email = `s${unique()}@test.example`;
  const res = await t.request('admin', 'POST', '/api/users', { email, name: 'Parallell', role: 'viewer', password: 'long enough pw' });
  expect(res.status).toBe(201);
  return { ...(await res.json()), email, etag: res.headers.get('etag')! } as { id: number; email: string; etag: string };
}

const login = (email: string, password: string, address: string) =>
  t.request('anonymous', 'POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address });

/** Sends `n` sign-ins at once and counts the answers by status and the password checks they cost. */
async function flood(n: number, attempt: (i: number) => Promise<Response>) {
  const before = hashingStats.verifies;
  const statuses = await Promise.all(Array.from({ length: n }, (_, i) => attempt(i).then((r) => r.status)));
  const count = (s: number) => statuses.filter((x) => x === s).length;
  return {
    checks: hashingStats.verifies - before, ok: count(200), wrong: count(401), limited: count(429), busy: count(503),
    other: statuses.filter((s) => ![200, 401, 429, 503].includes(s)),
  };
}

const recorded = async (email: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_attempts WHERE email = $1', [email]))[0]!.n;

describe(`parallel sign-in on ${t.db.kind}`, () => {
  it(`300 parallel wrong attempts on one account from one address check at most ${DEFAULTS.loginFreeFailuresPerPair} passwords`, async () => {
    t.setNow(T0);
    const user = await newUser();
    const r = await flood(300, () => login(user.email, 'wrong guess', '192.0.2.10'));
    expect(r.other).toEqual([]);
    expect(r.checks).toBeLessThanOrEqual(DEFAULTS.loginFreeFailuresPerPair);
    expect(r.wrong).toBe(r.checks);
    expect(r.limited).toBe(300 - r.wrong);
    expect(await recorded(user.email)).toBe(r.wrong);
  });

  it(`150 parallel wrong attempts on one account from 150 addresses check at most ${DEFAULTS.loginMaxFailuresPerAccount} passwords`, async () => {
    t.setNow(new Date(T0.getTime() + 86_400_000));
    const user = await newUser();
    const r = await flood(150, (i) => login(user.email, `guess ${i}`, `198.18.0.${i}`));
    expect(r.other).toEqual([]);
    expect(r.checks).toBeLessThanOrEqual(DEFAULTS.loginMaxFailuresPerAccount);
    expect(r.wrong).toBe(r.checks);
    // an attempt the hashing queue turned away (503) was given back, not counted, so its place may go to a later one
    expect(r.limited + r.busy).toBe(150 - r.checks);
    expect(await recorded(user.email)).toBe(r.checks);
  });

  it(`120 parallel attempts from one address on 120 accounts check at most ${DEFAULTS.loginMaxFailuresPerAddress} passwords`, async () => {
    t.setNow(new Date(T0.getTime() + 2 * 86_400_000));
    const tag = unique();
    const r = await flood(120, (i) => login(`spray${tag}-${i}@test.example`, 'wrong guess', '192.0.2.20'));
    expect(r.other).toEqual([]);
    expect(r.checks).toBeLessThanOrEqual(DEFAULTS.loginMaxFailuresPerAddress);
    expect(r.limited).toBe(120 - r.wrong);
  });

  it('while one address is held by the limits, the owner signs in from another', async () => {
    t.setNow(new Date(T0.getTime() + 3 * 86_400_000));
    const user = await newUser();
    const r = await flood(200, () => login(user.email, 'wrong guess', '192.0.2.30'));
    expect(r.limited).toBeGreaterThan(0);
    expect((await login(user.email, 'wrong guess', '192.0.2.30')).status).toBe(429);
    expect((await login(user.email, 'long enough pw', '192.0.2.31')).status).toBe(200);
  });
});

describe('password hashing', () => {
  it('uses argon2id with m = 19 MiB, t = 2, p = 1', async () => {
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
    expect(await hashPassword('some password here')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [row] = await t.db.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE email = $1', [TEST_USERS.viewer.email]);
    expect(row!.h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it(`runs at most ${DEFAULTS.hashConcurrency} at once and refuses with 503 past ${DEFAULTS.hashQueueMax} waiting`, async () => {
    const stored = await hashPassword(TEST_PASSWORD);
    const n = DEFAULTS.hashConcurrency + DEFAULTS.hashQueueMax;
    let most = 0;
    const calls = Array.from({ length: n }, () => verifyPassword(stored, 'wrong').finally(() => (most = Math.max(most, hashingStats.running))));
    expect(hashingStats.running).toBe(DEFAULTS.hashConcurrency);
    expect(hashingStats.waiting).toBe(DEFAULTS.hashQueueMax);
    await expect(verifyPassword(stored, TEST_PASSWORD)).rejects.toMatchObject({ code: 'unavailable', status: 503, headers: { 'Retry-After': '1' } });
    expect(await Promise.all(calls)).toEqual(Array(n).fill(false));
    expect(most).toBeLessThanOrEqual(DEFAULTS.hashConcurrency);
    expect(hashingStats.running).toBe(0);
  });
});

describe('password rules', () => {
  const create = (email: string, password: string) => t.request('admin', 'POST', '/api/users', { email, name: 'Regel', role: 'viewer', password });

  it('refuses common and breached passwords, in any case, with 400 weak_password naming the field', async () => {
    for (const password of ['12345678', 'password', 'Password1', 'qwerty123', 'iloveyou', 'lösenord123', 'Platssamverkan']) {
      const res = await create(`w${unique()}@test.example`, password);
      expect(res.status, password).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('weak_password');
      expect(body.error.message).toMatch(/^password: /);
      expect(body.error.details).toMatchObject({ field: 'password', rule: 'weak_password', path: ['password'] });
    }
  });

  it('refuses the e-mail address or its name part as the password', async () => {
    const email = `kim.svensson.${unique()}@test.example`;
    expect((await create(email, email)).status).toBe(400);
    expect((await create(email, email.toUpperCase())).status).toBe(400);
    expect((await create(email, email.split('@')[0]!)).status).toBe(400);
    expect((await create(email, 'kim svensson walks the dog')).status).toBe(201);
  });

  it('refuses a weak new password on a change, and leaves the account as it was', async () => {
    const user = await newUser();
    const res = await t.request('admin', 'PATCH', `/api/users/${user.id}`, { password: 'password1' }, { 'if-match': user.etag });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('weak_password');
    const mine = await t.request('admin', 'PATCH', `/api/users/${user.id}`, { password: user.email }, { 'if-match': user.etag });
    expect(mine.status).toBe(400);
    expect((await t.getJson('admin', `/api/users/${user.id}`)).version).toBe(1);
    t.setNow(new Date(T0.getTime() + 4 * 86_400_000));
    expect((await login(user.email, 'long enough pw', '192.0.2.40')).status).toBe(200);
  });

  it('accepts long passphrases and has no composition rules', () => {
    for (const ok of ['aaaaaaaa', 'correct horse battery staple', 'ä'.repeat(64), 'x'.repeat(256), TEST_PASSWORD]) {
      expect(passwordProblem(ok, 'someone@test.example'), ok).toBeUndefined();
    }
  });

  it('refuses to create the first administrator with a weak ADMIN_PASSWORD, with a message that says what to do', async () => {
    const inserted: unknown[][] = [];
    const empty = {
      kind: 'pglite',
      async query(text: string, params?: readonly unknown[]) {
        if (/count\(\*\)/.test(text)) return [{ n: 0 }];
        inserted.push([...(params ?? [])]);
        return [];
      },
    } as unknown as Database;
    const config = (adminPassword: string, adminEmail?: string) => ({ ...loadConfig({}), adminPassword, adminEmail });
    await expect(ensureFirstAdmin(empty, config('password123'), () => {})).rejects.toThrow(/ADMIN_PASSWORD is refused: .*common.*Set another one/);
    await expect(ensureFirstAdmin(empty, config('chief.admin@kommun.example', 'Chief.Admin@kommun.example'), () => {})).rejects.toThrow(/ADMIN_PASSWORD is refused: .*e-mail/);
    await expect(ensureFirstAdmin(empty, config('short'), () => {})).rejects.toThrow(/ADMIN_PASSWORD is refused: .*at least 8/);
    expect(inserted).toEqual([]);
    await ensureFirstAdmin(empty, config('a long and unusual passphrase'), () => {});
    expect(inserted).toHaveLength(1);
  });
});
