/**
 * A second factor for local accounts (issue 18): TOTP enrolment and sign-in with a code
 * generated from the secret, a reused code refused, wrong codes counted, recovery codes
 * single-use, the administrator's audited reset, and the setting that makes editors and
 * administrators set one up before anything else.
 */
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { sealPlainTotpSecrets } from '../services/secondFactor.js';
import { createTestContext } from '../test/harness.js';
import { SoftAuthenticator } from '../test/softAuthenticator.js';

const t = await createTestContext();
let seq = 0;
const address = () => `198.51.100.${150 + (++seq % 100)}`;

function cookieNamed(res: Response, name: string): string | undefined {
  const m = new RegExp(`(?:^|[ ,])${name}=([^;]*)`).exec(res.headers.get('set-cookie') ?? '');
  return m && m[1] ? `${name}=${m[1]}` : undefined;
}

/** A code of the authenticator app at a time. */
const codeAt = (secret: string, at: Date): Promise<string> => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** A new account of a role signed in with its password, with helpers to call as it. */
async function account(role: 'viewer' | 'editor' | 'admin' = 'editor') {
  const email = `tvasteg${Date.now()}${++seq}@test.example`;
  const password = 'ett långt lösenord här';
  const created = await t.request('admin', 'POST', '/api/users', { email, name: 'Två Steg', role, password });
  expect(created.status).toBe(201);
  const user = (await created.json()) as { id: number };
  const from = address();
  const login = () => t.request('anonymous', 'POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': from });
  const as = (cookie: string, method: string, url: string, body?: unknown) => t.request('anonymous', method, url, body, { cookie, 'x-forwarded-for': from });
  const first = await login();
  const session = cookieNamed(first, 'ps_session')!;
  expect(session).toBeDefined();
  return { email, password, user, login, as, session, firstAnswer: first };
}

/** Enrols TOTP for a signed-in account; returns the secret and the recovery codes shown once. */
async function enrolTotp(a: Awaited<ReturnType<typeof account>>, now: Date) {
  const start = await a.as(a.session, 'POST', '/api/auth/second-factor/totp');
  expect(start.status).toBe(200);
  const enrolment = (await start.json()) as { secret: string; otpauth_uri: string; qr_data_url: string };
  expect(enrolment.otpauth_uri).toContain(`secret=${enrolment.secret}`);
  expect(enrolment.qr_data_url).toMatch(/^data:image\/png;base64,/);
  const confirm = await t.withNow(now, async () => a.as(a.session, 'POST', '/api/auth/second-factor/totp/confirm', { code: await codeAt(enrolment.secret, now) }));
  expect(confirm.status).toBe(200);
  const { recovery_codes } = (await confirm.json()) as { recovery_codes: string[] };
  return { secret: enrolment.secret, recovery_codes };
}

/** Signs in with the password at a time; expects the second step and returns its pending cookie. */
async function passwordStep(a: Awaited<ReturnType<typeof account>>, now: Date) {
  const res = await t.withNow(now, () => a.login());
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ second_factor_required: true, methods: ['totp', 'recovery'] });
  expect(cookieNamed(res, 'ps_session')).toBeUndefined();
  const pending = cookieNamed(res, 'ps_second_factor');
  expect(res.headers.get('set-cookie')).toMatch(/ps_second_factor=[^;]+;.*HttpOnly/i);
  return pending!;
}

describe('TOTP', () => {
  it('enrols with a QR code and a confirming code; sign-in then needs a code, and a code used once is refused', async () => {
    const a = await account();
    const now = new Date(Date.now());
    const { secret, recovery_codes } = await enrolTotp(a, now);
    expect(recovery_codes).toHaveLength(10);
    expect(new Set(recovery_codes).size).toBe(10);
    const state = await (await a.as(a.session, 'GET', '/api/auth/second-factor')).json();
    expect(state).toMatchObject({ totp: { confirmed_at: expect.any(String) }, recovery_codes_left: 10, passkeys: [] });
    expect(JSON.stringify(state)).not.toContain(secret);
    // The secret is never shown again: starting over while confirmed is refused.
    expect((await a.as(a.session, 'POST', '/api/auth/second-factor/totp')).status).toBe(409);

    // The code that confirmed enrolment cannot sign in (same time step).
    const later = new Date(now.getTime() + 30_000);
    const pending = await passwordStep(a, later);
    expect((await t.withNow(later, async () => a.as(pending, 'GET', '/api/auth/me'))).status).toBe(401);
    const replayed = await t.withNow(later, async () => a.as(pending, 'POST', '/api/auth/login/totp', { code: await codeAt(secret, now) }));
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).error.details).toMatchObject({ rule: 'wrong_second_factor', params: { attempts_left: 4 } });

    const ok = await t.withNow(later, async () => a.as(pending, 'POST', '/api/auth/login/totp', { code: await codeAt(secret, later) }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: a.user.id, email: a.email });
    const session = cookieNamed(ok, 'ps_session')!;
    expect((await t.withNow(later, async () => a.as(session, 'GET', '/api/auth/me'))).status).toBe(200);
    // The pending sign-in is used up, and the same code again on a new one is refused.
    expect((await t.withNow(later, async () => a.as(pending, 'POST', '/api/auth/login/totp', { code: await codeAt(secret, later) }))).status).toBe(401);
    const again = await passwordStep(a, later);
    const reused = await t.withNow(later, async () => a.as(again, 'POST', '/api/auth/login/totp', { code: await codeAt(secret, later) }));
    expect(reused.status).toBe(401);
    const audit = await t.getJson('admin', `/api/audit?entity=session&entity_id=${a.user.id}&limit=20`);
    expect((audit.entries as { action: string; details?: { second_factor?: string } }[]).some((e) => e.action === 'login' && e.details?.second_factor === 'totp')).toBe(true);
  });

  it('refuses a wrong confirming code naming the field, and a malformed code as a 400', async () => {
    const a = await account('viewer');
    const start = (await (await a.as(a.session, 'POST', '/api/auth/second-factor/totp')).json()) as { secret: string };
    const now = new Date();
    const wrong = String((Number(await codeAt(start.secret, now)) + 1) % 1_000_000).padStart(6, '0');
    const res = await t.withNow(now, async () => a.as(a.session, 'POST', '/api/auth/second-factor/totp/confirm', { code: wrong }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toMatchObject({ rule: 'wrong_second_factor', path: ['code'] });
    expect((await a.as(a.session, 'POST', '/api/auth/second-factor/totp/confirm', { code: '12ab' })).status).toBe(400);
    // Unconfirmed, the factor does not ask for a code at sign-in.
    const login = await a.login();
    expect(await login.json()).toMatchObject({ id: a.user.id });
  });

  it('counts wrong codes: five end the pending sign-in, and they count in the sign-in limits', async () => {
    const a = await account();
    const now = new Date();
    const { secret } = await enrolTotp(a, now);
    const at = new Date(now.getTime() + 60_000);
    const pending = await passwordStep(a, at);
    const wrong = String((Number(await codeAt(secret, at)) + 7) % 1_000_000).padStart(6, '0');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.withNow(at, async () => a.as(pending, 'POST', '/api/auth/login/totp', { code: wrong }))).status);
    // The first five failures from an address are free; the pending sign-in ends at the fifth.
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The pending sign-in has ended: even the right code is refused; sign in again.
    const ended = await t.withNow(at, async () => a.as(pending, 'POST', '/api/auth/login/totp', { code: await codeAt(secret, at) }));
    expect(ended.status).toBe(401);
    expect((await ended.json()).error.details).toMatchObject({ rule: 'second_factor_pending_missing' });
    // The wrong codes were failed sign-ins: the next password attempt from that address waits.
    const limited = await t.withNow(at, () => a.login());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('the second step without a pending sign-in', () => {
  it.each([
    ['/api/auth/login/totp', { code: '123456' }],
    ['/api/auth/login/totp', { recovery_code: 'abcd-efgh' }],
    ['/api/auth/login/passkey/options', undefined],
    ['/api/auth/login/passkey/verify', { response: { id: 'x', type: 'public-key' } }],
  ])('POST %s with no ps_second_factor cookie (or an unknown one) is 401 second_factor_pending_missing', async (path, body) => {
    for (const headers of [{}, { cookie: 'ps_second_factor=not-a-pending-sign-in' }] as Record<string, string>[]) {
      const res = await t.request('anonymous', 'POST', path, body, { ...headers, 'x-forwarded-for': address() });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringMatching(/sign in with your password again/), details: { rule: 'second_factor_pending_missing' } } });
    }
  });
});

describe('recovery codes', () => {
  it('sign in once each, then not; a new set replaces the old', async () => {
    const a = await account();
    const now = new Date();
    const { recovery_codes } = await enrolTotp(a, now);
    const pending = await passwordStep(a, now);
    const code = recovery_codes[3]!;
    const ok = await t.withNow(now, async () => a.as(pending, 'POST', '/api/auth/login/totp', { recovery_code: code.toUpperCase() }));
    expect(ok.status).toBe(200);
    expect((await (await a.as(cookieNamed(ok, 'ps_session')!, 'GET', '/api/auth/second-factor')).json()).recovery_codes_left).toBe(9);
    const again = await passwordStep(a, now);
    const reused = await t.withNow(now, async () => a.as(again, 'POST', '/api/auth/login/totp', { recovery_code: code }));
    expect(reused.status).toBe(401);
    expect((await reused.json()).error.details.rule).toBe('wrong_second_factor');
    // Both or neither is a 400.
    expect((await t.withNow(now, async () => a.as(again, 'POST', '/api/auth/login/totp', { code: '123456', recovery_code: code }))).status).toBe(400);
    expect((await t.withNow(now, async () => a.as(again, 'POST', '/api/auth/login/totp', {}))).status).toBe(400);

    const renewed = await a.as(a.session, 'POST', '/api/auth/second-factor/recovery-codes', { current_password: 'fel lösenord' });
    expect(renewed.status).toBe(400);
    expect((await renewed.json()).error.details.rule).toBe('wrong_password');
    const fresh = await a.as(a.session, 'POST', '/api/auth/second-factor/recovery-codes', { current_password: a.password });
    expect(fresh.status).toBe(200);
    const codes = ((await fresh.json()) as { recovery_codes: string[] }).recovery_codes;
    const old = await t.withNow(now, async () => a.as(again, 'POST', '/api/auth/login/totp', { recovery_code: recovery_codes[0] }));
    expect(old.status).toBe(401);
    expect((await t.withNow(now, async () => a.as(again, 'POST', '/api/auth/login/totp', { recovery_code: codes[0] }))).status).toBe(200);
  });

  it('removing the authenticator app needs the password and takes the recovery codes with it', async () => {
    const a = await account();
    await enrolTotp(a, new Date());
    expect((await a.as(a.session, 'DELETE', '/api/auth/second-factor/totp', { current_password: 'inte mitt' })).status).toBe(400);
    expect((await a.as(a.session, 'DELETE', '/api/auth/second-factor/totp', { current_password: a.password })).status).toBe(204);
    expect(await (await a.as(a.session, 'GET', '/api/auth/second-factor')).json()).toMatchObject({ totp: null, recovery_codes_left: 0 });
    expect(await (await a.login()).json()).toMatchObject({ id: a.user.id });
  });
});

describe('an administrator resets a lost second factor', () => {
  it('removes the factor and codes, ends the sessions, audits it; the user then signs in with the password', async () => {
    const a = await account();
    await enrolTotp(a, new Date());
    expect((await t.request('editor', 'POST', `/api/users/${a.user.id}/second-factor/reset`)).status).toBe(403);
    const res = await t.request('admin', 'POST', `/api/users/${a.user.id}/second-factor/reset`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ totp_removed: true, passkeys_removed: 0, recovery_codes_removed: 10, sessions_ended: 1 });
    expect((await a.as(a.session, 'GET', '/api/auth/me')).status).toBe(401);
    const login = await a.login();
    expect(await login.json()).toMatchObject({ id: a.user.id });
    const audit = await t.getJson('admin', `/api/audit?entity=user&entity_id=${a.user.id}&limit=20`);
    expect((audit.entries as { details?: Record<string, unknown> }[]).find((e) => e.details?.second_factor === 'reset')?.details)
      .toMatchObject({ by: 'admin', totp_removed: true, recovery_codes_removed: 10, sessions_ended: 1 });
    expect((await t.request('admin', 'POST', '/api/users/999999/second-factor/reset')).status).toBe(404);
  });
});

describe('second_factor_required_for', () => {
  it('gates an editor without a factor to enrolment only, lets a viewer be, and is audited', async () => {
    expect((await t.request('editor', 'PUT', '/api/settings/second-factor', { required_for: 'editor' })).status).toBe(403);
    expect((await t.request('admin', 'PUT', '/api/settings/second-factor', { required_for: 'everyone' })).status).toBe(400);
    await t.withSettings({ second_factor_required_for: 'none' }, async () => {
      const set = await t.request('admin', 'PUT', '/api/settings/second-factor', { required_for: 'editor' });
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ required_for: 'editor' });
      expect((await t.getJson('viewer', '/api/settings/second-factor')).required_for).toBe('editor');

      const editor = await account('editor');
      expect(await editor.firstAnswer.json()).toMatchObject({ second_factor_enrolment_required: true });
      expect(await (await editor.as(editor.session, 'GET', '/api/auth/me')).json()).toMatchObject({ second_factor_enrolment_required: true });
      const refused = await editor.as(editor.session, 'GET', '/api/units');
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.details.rule).toBe('second_factor_enrolment_required');
      expect((await editor.as(editor.session, 'POST', '/api/auth/tokens', { name: 'qgis' })).status).toBe(403);
      expect((await editor.as(editor.session, 'GET', '/api/auth/second-factor')).status).toBe(200);

      const viewer = await account('viewer');
      expect((await viewer.as(viewer.session, 'GET', '/api/units')).status).toBe(200);

      await enrolTotp(editor, new Date());
      expect((await editor.as(editor.session, 'GET', '/api/units')).status).toBe(200);
      expect(await (await editor.as(editor.session, 'GET', '/api/auth/me')).json()).toMatchObject({ second_factor_enrolment_required: false });
    });
    const audit = await t.getJson('admin', '/api/audit?entity=setting&limit=50');
    expect((audit.entries as { entity_id: string; after?: { required_for?: string } }[]).some((e) => e.entity_id === 'second_factor_required_for' && e.after?.required_for === 'editor')).toBe(true);
  });
});

describe('passkeys', () => {
  it('register against a single-use challenge, then finish sign-in; a forged or replayed answer is refused', async () => {
    const a = await account();
    const key = new SoftAuthenticator('http://localhost');
    const options = await (await a.as(a.session, 'POST', '/api/auth/second-factor/passkeys/options')).json();
    expect(options.rp).toMatchObject({ id: 'localhost' });
    // An answer for another site is refused, and uses the challenge up.
    const phishing = new SoftAuthenticator('http://localhost.evil.example');
    const refused = await a.as(a.session, 'POST', '/api/auth/second-factor/passkeys', { name: 'Fel', response: phishing.register(options) });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details).toMatchObject({ rule: 'wrong_second_factor', path: ['response'] });
    expect((await a.as(a.session, 'POST', '/api/auth/second-factor/passkeys', { name: 'Min nyckel', response: key.register(options) })).status).toBe(400);

    const fresh = await (await a.as(a.session, 'POST', '/api/auth/second-factor/passkeys/options')).json();
    const added = await a.as(a.session, 'POST', '/api/auth/second-factor/passkeys', { name: 'Min nyckel', response: key.register(fresh) });
    expect(added.status).toBe(201);
    const { passkey, recovery_codes } = await added.json();
    expect(passkey).toMatchObject({ name: 'Min nyckel', last_used_at: null });
    expect(recovery_codes).toHaveLength(10);

    const login = await a.login();
    expect(await login.json()).toEqual({ second_factor_required: true, methods: ['passkey', 'recovery'] });
    const pending = cookieNamed(login, 'ps_second_factor')!;
    const signIn = await (await a.as(pending, 'POST', '/api/auth/login/passkey/options')).json();
    const answer = key.authenticate(signIn);
    const forged = { ...answer, response: { ...answer.response, signature: key.authenticate({ challenge: 'something-else' }).response.signature } };
    const bad = await a.as(pending, 'POST', '/api/auth/login/passkey/verify', { response: forged });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.details.rule).toBe('wrong_second_factor');
    const good = await a.as(pending, 'POST', '/api/auth/login/passkey/verify', { response: key.authenticate(signIn) });
    expect(good.status).toBe(200);
    const session = cookieNamed(good, 'ps_session')!;
    expect((await a.as(session, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await a.as(pending, 'POST', '/api/auth/login/passkey/verify', { response: key.authenticate(signIn) })).status).toBe(401);
    const listed = await (await a.as(session, 'GET', '/api/auth/second-factor')).json();
    expect(listed.passkeys).toEqual([expect.objectContaining({ id: passkey.id, name: 'Min nyckel', last_used_at: expect.any(String) })]);

    // Removing it needs the password, and takes the recovery codes with the last factor.
    expect((await a.as(session, 'DELETE', `/api/auth/second-factor/passkeys/${passkey.id}`, { current_password: 'fel' })).status).toBe(400);
    expect((await a.as(session, 'DELETE', `/api/auth/second-factor/passkeys/${passkey.id}`, { current_password: a.password })).status).toBe(204);
    expect(await (await a.as(session, 'GET', '/api/auth/second-factor')).json()).toMatchObject({ passkeys: [], recovery_codes_left: 0 });
    expect((await a.as(session, 'DELETE', `/api/auth/second-factor/passkeys/${passkey.id}`, { current_password: a.password })).status).toBe(404);
  });
});

describe('TOTP secrets at rest', () => {
  const storedSecret = async (userId: number) =>
    (await t.db.query<{ secret: string }>('SELECT secret FROM totp_factors WHERE user_id = $1', [userId]))[0]!.secret;

  /** The second step with a code of `secret` at `at`; its status. */
  const codeStep = async (a: Awaited<ReturnType<typeof account>>, secret: string, at: Date) => {
    const pending = await passwordStep(a, at);
    const res = await t.withNow(at, async () => a.as(pending, 'POST', '/api/auth/login/totp', { code: await codeAt(secret, at) }));
    return res.status;
  };

  it('are stored sealed (v1, bound to the account): the column never holds the base32 secret, and codes still sign in', async () => {
    const a = await account();
    const now = new Date();
    const { secret } = await enrolTotp(a, now);
    const stored = await storedSecret(a.user.id);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]+={0,2}$/);
    expect(stored).not.toContain(secret);
    expect(stored.toUpperCase()).not.toContain(secret.slice(0, 8));
    expect(await codeStep(a, secret, new Date(now.getTime() + 30_000))).toBe(200);
  });

  it('a sealed secret moved into another account\'s row does not sign that account in', async () => {
    const a = await account();
    const b = await account();
    const now = new Date();
    const { secret: secretA } = await enrolTotp(a, now);
    await enrolTotp(b, now);
    await t.db.query('UPDATE totp_factors SET secret = $2 WHERE user_id = $1', [b.user.id, await storedSecret(a.user.id)]);
    expect(await codeStep(b, secretA, new Date(now.getTime() + 30_000))).toBe(401);
  });

  it('a plain-text secret written before encryption is refused until the start seals it, and then signs in', async () => {
    const a = await account();
    const now = new Date();
    const { secret } = await enrolTotp(a, now);
    // As the 0028-era code stored it.
    await t.db.query('UPDATE totp_factors SET secret = $2 WHERE user_id = $1', [a.user.id, secret]);
    expect(await codeStep(a, secret, new Date(now.getTime() + 30_000))).toBe(401);
    const check = await sealPlainTotpSecrets(t.db, t.config.factorEncryptionKey!);
    expect(check.sealed_now).toBe(1);
    expect(await storedSecret(a.user.id)).toMatch(/^v1:/);
    expect(await codeStep(a, secret, new Date(now.getTime() + 60_000))).toBe(200);
    expect((await sealPlainTotpSecrets(t.db, t.config.factorEncryptionKey!)).sealed_now).toBe(0);
  });
});
