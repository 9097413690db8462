/**
 * Sign-in with the work account (OpenID Connect, issue 18) against a real provider the
 * test starts on loopback (oidc-provider): the whole authorization code flow with PKCE
 * over HTTP, first-sign-in accounts with the mapped role or waiting, refused tampering
 * with state and nonce, and sign-out here and at the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { startTestProvider, type TestProvider } from '../test/oidcProvider.js';
import { claimAt, roleFor } from '../services/oidc.js';

const ORIGIN = 'http://localhost';
let provider: TestProvider;
let t: TestContext;

beforeAll(async () => {
  provider = await startTestProvider(`${ORIGIN}/api/auth/oidc/callback`, `${ORIGIN}/`);
  t = await createTestContext({
    oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUrl: undefined, scopes: 'openid email profile', roleClaim: 'groups' },
  });
  const put = await t.request('admin', 'PUT', '/api/settings/oidc-role-mappings', {
    mappings: [{ claim_value: 'ps-redaktorer', role: 'editor' }, { claim_value: 'ps-admin', role: 'admin' }, { claim_value: 'ps-lasare', role: 'viewer' }],
  });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await provider?.close();
});

let seq = 0;
/** A new person at the provider, with the groups given. */
function person(groups: string[], extra: Partial<{ email: string; email_verified: boolean }> = {}) {
  const sub = `sub-${Date.now()}-${++seq}`;
  const account = { sub, email: `${sub}@arbete.example`, name: `Person ${seq}`, groups, ...extra };
  provider.addAccount(account);
  return account;
}

/** Cookies of one site, as a browser keeps them (name → value). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

interface Flow {
  /** The product's answer to the callback. */
  callback: Response;
  /** Where the callback sent the browser (path and query on our origin). */
  location: string;
  /** The product's cookies after the callback (ps_session when signed in). */
  jar: Jar;
  /** The callback URL the provider sent the browser to. */
  callbackUrl: URL;
}

/**
 * A browser signing in as `sub` up to the callback: our start route, then the provider
 * (following its redirects with its cookies) until it sends the browser back to our
 * callback. `tamperRequest` changes the authorization request on its way to the provider.
 */
async function toCallback(sub: string, opts: { tamperRequest?: (u: URL) => void; jar?: Jar } = {}): Promise<{ jar: Jar; url: URL }> {
  const ours = opts.jar ?? new Jar();
  const start = await t.app.request(`${ORIGIN}/api/auth/oidc/start`, { headers: { cookie: ours.header() } });
  expect(start.status).toBe(302);
  ours.take(start);
  expect(ours.get('ps_oidc')).toBeTruthy();
  let url = new URL(start.headers.get('location')!);
  expect(url.origin).toBe(provider.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  opts.tamperRequest?.(url);
  provider.signInAs(sub);
  const theirs = new Jar();
  for (let hops = 0; url.origin === provider.issuer; hops++) {
    if (hops > 10) throw new Error('the provider redirected more than 10 times');
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: theirs.header() } });
    theirs.take(res);
    const next = res.headers.get('location');
    if (!next) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(next, url);
  }
  expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/api/auth/oidc/callback`);
  return { jar: ours, url };
}

/** The browser's call of our callback at `url`, with its cookies; the jar takes what it sets. */
async function callback(jar: Jar, url: URL): Promise<Response> {
  const res = await t.app.request(url.href, { headers: { cookie: jar.header(), 'user-agent': 'Mozilla/5.0 (test) Firefox/150.0' } });
  jar.take(res);
  return res;
}

/**
 * A browser signing in as `sub`: {@link toCallback}, then the callback.
 * `tamperCallback` changes the provider's answer on its way back.
 */
async function signIn(sub: string, opts: { tamperRequest?: (u: URL) => void; tamperCallback?: (u: URL) => void; jar?: Jar } = {}): Promise<Flow> {
  const { jar, url } = await toCallback(sub, opts);
  const callbackUrl = new URL(url);
  opts.tamperCallback?.(url);
  const res = await callback(jar, url);
  return { callback: res, location: res.headers.get('location') ?? '', jar, callbackUrl };
}

const me = (jar: Jar) => t.app.request(`${ORIGIN}/api/auth/me`, { headers: { cookie: jar.header() } });

interface UserRow { id: number; email: string; role: string; active: boolean; name: string; role_source: string; waiting: boolean }

async function userByEmail(email: string): Promise<UserRow | undefined> {
  const { users } = await t.getJson<{ users: UserRow[] }>('admin', '/api/users');
  return users.find((u) => u.email === email);
}

/** An administrator's change of a user under Users (PATCH with the version just read). */
async function adminChange(id: number, body: Record<string, unknown>) {
  const read = await t.request('admin', 'GET', `/api/users/${id}`);
  return t.request('admin', 'PATCH', `/api/users/${id}`, body, { 'if-match': read.headers.get('etag')! });
}

const roleOf = async (jar: Jar) => ((await (await me(jar)).json()) as { role: string }).role;

describe('sign-in with the work account', () => {
  it('signs in, making the account at the first sign-in with the mapped role, and finds it again by subject', async () => {
    const p = person(['alla-anstallda', 'ps-redaktorer']);
    const first = await signIn(p.sub);
    expect(first.callback.status).toBe(302);
    expect(first.location).toBe('/');
    expect(first.jar.get('ps_session')).toBeTruthy();
    expect(first.jar.get('ps_oidc')).toBeUndefined();
    const who = await me(first.jar);
    expect(who.status).toBe(200);
    expect(await who.json()).toMatchObject({ email: p.email, name: p.name, role: 'editor', must_change_password: false });
    // an editor may write: the session is a real one
    const user = await userByEmail(p.email);
    expect(user).toMatchObject({ role: 'editor', active: true });

    const second = await signIn(p.sub);
    expect(second.location).toBe('/');
    expect(((await (await me(second.jar)).json()) as { id: number }).id).toBe(user!.id);
    const { users } = await t.getJson<{ users: { email: string }[] }>('admin', '/api/users');
    expect(users.filter((u) => u.email === p.email)).toHaveLength(1);

    const rows = await t.db.query<{ action: string; details: string }>(
      "SELECT action, details::text AS details FROM audit_log WHERE user_id = $1 AND entity = 'session' ORDER BY id", [user!.id]);
    expect(rows.map((r) => r.action)).toEqual(['login', 'login']);
    expect(JSON.parse(rows[0]!.details)).toMatchObject({ method: 'oidc' });
  });

  it('gives the highest role of several matching groups', async () => {
    const p = person(['ps-lasare', 'ps-admin', 'ps-redaktorer']);
    const flow = await signIn(p.sub);
    expect(((await (await me(flow.jar)).json()) as { role: string }).role).toBe('admin');
  });

  it('leaves a person without a mapped group waiting for an administrator: no session until the account is enabled', async () => {
    const p = person(['alla-anstallda']);
    const flow = await signIn(p.sub);
    expect(flow.location).toBe('/?signin_waiting=1');
    expect(flow.jar.get('ps_session')).toBeUndefined();
    const waiting = await userByEmail(p.email);
    expect(waiting).toMatchObject({ active: false, name: p.name });
    // still waiting at the next try
    expect((await signIn(p.sub)).location).toBe('/?signin_waiting=1');
    // an administrator enables the account under Users
    const read = await t.request('admin', 'GET', `/api/users/${waiting!.id}`);
    const enabled = await t.request('admin', 'PATCH', `/api/users/${waiting!.id}`, { active: true }, { 'if-match': read.headers.get('etag')! });
    expect(enabled.status).toBe(200);
    const after = await signIn(p.sub);
    expect(after.location).toBe('/');
    expect(await (await me(after.jar)).json()).toMatchObject({ email: p.email, role: 'viewer' });
  });

  it('refuses a tampered state: no session, and the sign-in cannot be retried with the real one', async () => {
    const p = person(['ps-redaktorer']);
    const flow = await signIn(p.sub, { tamperCallback: (u) => u.searchParams.set('state', `${u.searchParams.get('state')}x`) });
    expect(flow.location).toBe('/?signin_error=state');
    expect(flow.jar.get('ps_session')).toBeUndefined();
    expect(await userByEmail(p.email)).toBeUndefined();
    // the pending sign-in was used up by the refused callback
    const replay = await t.app.request(flow.callbackUrl.href, { headers: { cookie: flow.jar.header() } });
    expect(replay.headers.get('location')).toBe('/?signin_error=expired');
  });

  it('refuses a tampered nonce (the ID token carries another one than this browser asked for)', async () => {
    const p = person(['ps-redaktorer']);
    const flow = await signIn(p.sub, { tamperRequest: (u) => u.searchParams.set('nonce', 'a-nonce-of-the-attacker-0123456789') });
    expect(flow.location).toBe('/?signin_error=nonce');
    expect(flow.jar.get('ps_session')).toBeUndefined();
    expect(await userByEmail(p.email)).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start the sign-in, and a used code', async () => {
    const p = person(['ps-redaktorer']);
    const flow = await signIn(p.sub);
    expect(flow.location).toBe('/');
    const elsewhere = await t.app.request(flow.callbackUrl.href);
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get('location')).toBe('/?signin_error=expired');
    expect(elsewhere.headers.getSetCookie().some((c) => c.startsWith('ps_session='))).toBe(false);
  });

  it('refuses a sign-in started more than 10 minutes ago', async () => {
    const p = person(['ps-redaktorer']);
    const jar = new Jar();
    const start = await t.app.request(`${ORIGIN}/api/auth/oidc/start`);
    jar.take(start);
    const cb = await t.withNow(new Date(Date.now() + 11 * 60_000), () =>
      Promise.resolve(t.app.request(`${ORIGIN}/api/auth/oidc/callback?code=x&state=y`, { headers: { cookie: jar.header() } })));
    expect(cb.headers.get('location')).toBe('/?signin_error=expired');
    expect(await userByEmail(p.email)).toBeUndefined();
  });

  it('ties a first sign-in to the account with the same e-mail only when the provider vouches for the address', async () => {
    const email = `befintlig${Date.now()}@arbete.example`;
    const made = await t.request('admin', 'POST', '/api/users', { email, name: 'Befintlig Person', role: 'editor', password: 'ett långt lösenord för test' });
    expect(made.status).toBe(201);
    const unverified = person(['ps-lasare'], { email, email_verified: false });
    const refused = await signIn(unverified.sub);
    expect(refused.location).toBe('/?signin_error=email_taken');
    const verified = person(['ps-lasare'], { email, email_verified: true });
    const tied = await signIn(verified.sub);
    expect(tied.location).toBe('/');
    // the existing account, with its own role (not the mapped one)
    expect(await (await me(tied.jar)).json()).toMatchObject({ id: ((await made.json()) as { id: number }).id, role: 'editor' });
    // a second identity with the same (vouched-for) address is someone else: refused, the account stays tied to the first
    const other = person(['ps-admin'], { email, email_verified: true });
    expect((await signIn(other.sub)).location).toBe('/?signin_error=email_taken');
    expect((await signIn(verified.sub)).location).toBe('/');
  });

  it('signs out here and hands the browser the provider\'s end-session URL, which the provider accepts', async () => {
    const p = person(['ps-redaktorer']);
    const flow = await signIn(p.sub);
    const out = await t.app.request(`${ORIGIN}/api/auth/logout`, { method: 'POST', headers: { cookie: flow.jar.header() } });
    expect(out.status).toBe(200);
    const { end_session_url } = (await out.json()) as { end_session_url: string };
    const end = new URL(end_session_url);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/`);
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(out.headers.getSetCookie().some((c) => /^ps_session=;/.test(c) || /ps_session=.*max-age=0/i.test(c))).toBe(true);
    expect((await me(flow.jar)).status).toBe(401);
    // the provider knows the hint: it asks to confirm the sign-out rather than refusing the request
    const atProvider = await fetch(end, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toMatch(/<form[^>]+action="[^"]*\/session\/end\/confirm"/);
  });

  it('a password session signs out with 204 and no provider URL', async () => {
    const email = `losen${Date.now()}@test.example`;
    const password = 'ett långt lösenord för test';
    expect((await t.request('admin', 'POST', '/api/users', { email, name: 'Lösen Ord', role: 'viewer', password })).status).toBe(201);
    const login = await t.request('anonymous', 'POST', '/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    const cookie = /ps_session=[^;]+/.exec(login.headers.get('set-cookie')!)![0];
    const out = await t.app.request(`${ORIGIN}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
  });

  it('tells the sign-in page that the work account is on', async () => {
    expect(await t.getJson('anonymous', '/api/auth/config')).toEqual({ oidc: true, local_passwords: true });
  });
});

describe('starting sign-ins (GET /api/auth/oidc/start)', () => {
  let n = 0;
  const from = (address: string) => t.app.request(`${ORIGIN}/api/auth/oidc/start`, { headers: { 'x-forwarded-for': address } });
  const isBusy = (r: Response) => r.status === 302 && r.headers.get('location') === '/?signin_error=busy';
  const address = () => `198.51.100.${++n}`;
  const rowsOf = async (addr: string) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM oidc_logins WHERE address = $1', [addr]))[0]!.n;

  it('caps the sign-ins under way per client address, counting parallel starts: back to the sign-in page with busy and Retry-After', async () => {
    const addr = address();
    const answers = await Promise.all(Array.from({ length: 36 }, () => from(addr)));
    expect(answers.every((r) => r.status === 302)).toBe(true);
    expect(answers.filter((r) => r.headers.get('location')!.startsWith(provider.issuer))).toHaveLength(30);
    const refused = answers.filter(isBusy);
    expect(refused).toHaveLength(6);
    const retry = Number(refused[0]!.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(600);
    expect(refused[0]!.headers.getSetCookie().some((c) => c.startsWith('ps_oidc='))).toBe(false);
    expect(await rowsOf(addr)).toBe(30);
    // another address is not held up
    expect(isBusy(await from(address()))).toBe(false);
  });

  it('frees a place when a sign-in comes back to the callback', async () => {
    const addr = address();
    for (let i = 0; i < 29; i++) expect(isBusy(await from(addr))).toBe(false);
    const p = person(['ps-lasare']);
    const jar = new Jar();
    const start = await from(addr);
    jar.take(start);
    expect(await rowsOf(addr)).toBe(30);
    expect(isBusy(await from(addr))).toBe(true);
    // the callback takes this browser's row, whatever the provider answers
    await t.app.request(`${ORIGIN}/api/auth/oidc/callback?code=x&state=y`, { headers: { cookie: jar.header() } });
    expect(await rowsOf(addr)).toBe(29);
    expect(isBusy(await from(addr))).toBe(false);
    expect(await userByEmail(p.email)).toBeUndefined();
  });

  it('purges expired sign-ins at the next start from any address, and lets the address start again', async () => {
    const addr = address();
    for (let i = 0; i < 30; i++) expect(isBusy(await from(addr))).toBe(false);
    expect(isBusy(await from(addr))).toBe(true);
    const later = new Date(Date.now() + 11 * 60_000);
    const elsewhere = address();
    expect(isBusy(await t.withNow(later, () => Promise.resolve(from(elsewhere))))).toBe(false);
    expect(await rowsOf(addr)).toBe(0);
    const stale = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM oidc_logins WHERE created_at < $1::timestamptz - interval '10 minutes'", [later.toISOString()]);
    expect(stale[0]!.n).toBe(0);
    expect(isBusy(await t.withNow(later, () => Promise.resolve(from(addr))))).toBe(false);
  });
});

describe('two first sign-ins of one identity at once', () => {
  it('both succeed, as one and the same new account', async () => {
    const p = person(['ps-redaktorer']);
    const a = await toCallback(p.sub);
    const b = await toCallback(p.sub);
    const [ra, rb] = await Promise.all([callback(a.jar, a.url), callback(b.jar, b.url)]);
    expect([ra.status, rb.status]).toEqual([302, 302]);
    expect([ra.headers.get('location'), rb.headers.get('location')]).toEqual(['/', '/']);
    const [ma, mb] = await Promise.all([me(a.jar), me(b.jar)]);
    const ida = ((await ma.json()) as { id: number }).id;
    expect(((await mb.json()) as { id: number }).id).toBe(ida);
    const { users } = await t.getJson<{ users: { email: string }[] }>('admin', '/api/users');
    expect(users.filter((u) => u.email === p.email)).toHaveLength(1);
    const creates = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'user' AND action = 'create' AND entity_id = $1", [String(ida)]);
    expect(creates[0]!.n).toBe(1);
  });

  it('two identities with one e-mail at once: one account, the other refused as email_taken (not a 500)', async () => {
    const email = `tvilling${Date.now()}@arbete.example`;
    const p1 = person(['ps-lasare'], { email, email_verified: true });
    const p2 = person(['ps-lasare'], { email, email_verified: true });
    const a = await toCallback(p1.sub);
    const b = await toCallback(p2.sub);
    const answers = await Promise.all([callback(a.jar, a.url), callback(b.jar, b.url)]);
    expect(answers.map((r) => r.status)).toEqual([302, 302]);
    expect(answers.map((r) => r.headers.get('location')).sort()).toEqual(['/', '/?signin_error=email_taken']);
  });
});

describe('the role at every sign-in of an account the work account made', () => {
  const changeGroups = (p: ReturnType<typeof person>, groups: string[]) => provider.addAccount({ ...p, groups });
  const audits = async (id: number) =>
    (await t.db.query<{ before: string | null; after: string | null; details: string | null }>(
      "SELECT before::text AS before, after::text AS after, details::text AS details FROM audit_log WHERE entity = 'user' AND action = 'update' AND entity_id = $1 ORDER BY id", [String(id)]))
      .map((r) => ({ before: JSON.parse(r.before ?? 'null'), after: JSON.parse(r.after ?? 'null'), details: JSON.parse(r.details ?? 'null') }));

  it('follows the groups: a new group raises the role, a removed one lowers it, none sends the account back to waiting (signed out everywhere); audited when it changes', async () => {
    const p = person(['ps-redaktorer']);
    const first = await signIn(p.sub);
    expect(await roleOf(first.jar)).toBe('editor');
    const made = (await userByEmail(p.email))!;
    expect(made).toMatchObject({ role: 'editor', active: true, role_source: 'groups', waiting: false });

    // the same groups again: nothing changes, nothing audited
    await signIn(p.sub);
    expect(await audits(made.id)).toEqual([]);

    changeGroups(p, ['ps-redaktorer', 'ps-admin']);
    const promoted = await signIn(p.sub);
    expect(await roleOf(promoted.jar)).toBe('admin');

    changeGroups(p, ['ps-lasare']);
    const demoted = await signIn(p.sub);
    expect(await roleOf(demoted.jar)).toBe('viewer');
    // the session opened as administrator is a viewer's now: the role is read per request
    expect(await roleOf(promoted.jar)).toBe('viewer');

    changeGroups(p, ['alla-anstallda']);
    const gone = await signIn(p.sub);
    expect(gone.location).toBe('/?signin_waiting=1');
    expect(gone.jar.get('ps_session')).toBeUndefined();
    expect((await me(demoted.jar)).status).toBe(401);
    expect(await userByEmail(p.email)).toMatchObject({ role: 'viewer', active: false, role_source: 'groups', waiting: true });

    // a group that maps lets the account in again
    changeGroups(p, ['ps-redaktorer']);
    const back = await signIn(p.sub);
    expect(back.location).toBe('/');
    expect(await userByEmail(p.email)).toMatchObject({ role: 'editor', active: true, waiting: false });

    expect((await audits(made.id)).map((a) => [a.before, a.after, a.details.reason])).toEqual([
      [{ role: 'editor', active: true, role_source: 'groups' }, { role: 'admin', active: true, role_source: 'groups' }, 'mapped_group'],
      [{ role: 'admin', active: true, role_source: 'groups' }, { role: 'viewer', active: true, role_source: 'groups' }, 'mapped_group'],
      [{ role: 'viewer', active: true, role_source: 'groups' }, { role: 'viewer', active: false, role_source: 'groups' }, 'no_mapped_group'],
      [{ role: 'viewer', active: false, role_source: 'groups' }, { role: 'editor', active: true, role_source: 'groups' }, 'mapped_group'],
    ]);
  });

  it('an administrator\'s hand change holds while no group maps, and the groups win at the next sign-in at which one does', async () => {
    const p = person(['alla-anstallda']);
    expect((await signIn(p.sub)).location).toBe('/?signin_waiting=1');
    const waiting = (await userByEmail(p.email))!;
    expect(waiting).toMatchObject({ waiting: true, role_source: 'groups' });
    // the administrator gives a role and lets the account in
    const given = await adminChange(waiting.id, { role: 'editor', active: true });
    expect(given.status).toBe(200);
    expect(await given.json()).toMatchObject({ role: 'editor', active: true, role_source: 'override', waiting: false });
    const signedIn = await signIn(p.sub);
    expect(signedIn.location).toBe('/');
    expect(await roleOf(signedIn.jar)).toBe('editor');
    // a group that maps decides again
    changeGroups(p, ['ps-lasare']);
    const mapped = await signIn(p.sub);
    expect(await roleOf(mapped.jar)).toBe('viewer');
    expect(await userByEmail(p.email)).toMatchObject({ role: 'viewer', role_source: 'groups' });
    // a name change is no hand change of the role
    expect((await adminChange(waiting.id, { name: 'Nytt Namn' })).status).toBe(200);
    expect(await userByEmail(p.email)).toMatchObject({ role_source: 'groups' });
  });

  it('an account an administrator disabled stays disabled, whatever its groups', async () => {
    const p = person(['ps-redaktorer']);
    await signIn(p.sub);
    const u = (await userByEmail(p.email))!;
    expect((await adminChange(u.id, { active: false })).status).toBe(200);
    expect(await userByEmail(p.email)).toMatchObject({ active: false, role_source: 'override', waiting: false });
    changeGroups(p, ['ps-admin']);
    const refused = await signIn(p.sub);
    expect(refused.jar.get('ps_session')).toBeUndefined();
    expect(await userByEmail(p.email)).toMatchObject({ role: 'editor', active: false });
  });

  it('never changes the role of an account that existed before it was tied (a local account)', async () => {
    const email = `lokal${Date.now()}@arbete.example`;
    const made = await t.request('admin', 'POST', '/api/users', { email, name: 'Lokal Person', role: 'editor', password: 'ett långt lösenord för test' });
    expect(await made.json()).toMatchObject({ role_source: 'local', waiting: false });
    const p = person(['ps-admin'], { email, email_verified: true });
    const first = await signIn(p.sub);
    expect(await roleOf(first.jar)).toBe('editor');
    changeGroups(p, []);
    const again = await signIn(p.sub);
    expect(again.location).toBe('/');
    expect(await roleOf(again.jar)).toBe('editor');
    expect(await userByEmail(email)).toMatchObject({ role: 'editor', active: true, role_source: 'local' });
  });
});

describe('the role of a first sign-in', () => {
  const mappings = [{ claim_value: 'a', role: 'viewer' as const }, { claim_value: 'b', role: 'admin' as const }, { claim_value: 'c', role: 'editor' as const }];
  it.each([
    [['a', 'c'], 'editor'], [['c', 'b', 'a'], 'admin'], ['c', 'editor'], [['x'], undefined], [[], undefined], [undefined, undefined], [[1, { b: true }], undefined], ['B', undefined],
  ])('claim %j gives %s', (claim, role) => {
    expect(roleFor(claim, mappings)).toBe(role);
  });
  it('reads a claim by its whole name, else by a dotted path into nested claims', () => {
    const claims = { groups: ['g'], 'https://x.example/roles': ['r'], realm_access: { roles: ['k'] } };
    expect(claimAt(claims, 'groups')).toEqual(['g']);
    expect(claimAt(claims, 'https://x.example/roles')).toEqual(['r']);
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['k']);
    expect(claimAt(claims, 'realm_access.none.deeper')).toBeUndefined();
    expect(claimAt(claims, 'constructor')).toBeUndefined();
  });
});

describe('role mappings (PUT /api/settings/oidc-role-mappings)', () => {
  it('is read and changed by administrators only, and audited', async () => {
    const got = await t.getJson('admin', '/api/settings/oidc-role-mappings');
    expect(got).toMatchObject({ claim: 'groups', mappings: expect.arrayContaining([{ claim_value: 'ps-admin', role: 'admin' }]) });
    for (const role of ['viewer', 'editor'] as const) {
      expect((await t.request(role, 'GET', '/api/settings/oidc-role-mappings')).status).toBe(403);
      expect((await t.request(role, 'PUT', '/api/settings/oidc-role-mappings', { mappings: [] })).status).toBe(403);
    }
    const rows = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'setting' AND entity_id = 'oidc_role_mappings'");
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ mappings: [{ claim_value: 'x', role: 'owner' }] }, /role must be one of: viewer, editor, admin/],
    [{ mappings: [{ claim_value: '  ', role: 'viewer' }] }, /claim_value must not be empty/],
    [{ mappings: [{ claim_value: 'x', role: 'viewer' }, { claim_value: 'x', role: 'admin' }] }, /each claim_value once/],
    [{ mappings: 'ps-admin' }, /mappings/],
  ])('refuses %j with a 400 naming what is valid, leaving the mappings as they were', async (body, mention) => {
    const before = await t.getJson('admin', '/api/settings/oidc-role-mappings');
    const res = await t.request('admin', 'PUT', '/api/settings/oidc-role-mappings', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(mention);
    expect(await t.getJson('admin', '/api/settings/oidc-role-mappings')).toEqual(before);
  });
});

describe('local passwords switched off, and OpenID Connect off', () => {
  it('refuses a password sign-in with 403 local_passwords_off before any password is checked', async () => {
    const off = await createTestContext({ oidc: t.config.oidc, localPasswords: false });
    const res = await off.request('anonymous', 'POST', '/api/auth/login', { email: 'admin@test.example', password: 'whatever it is' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden', details: { rule: 'local_passwords_off' } } });
    expect(await off.getJson('anonymous', '/api/auth/config')).toEqual({ oidc: true, local_passwords: false });
  });

  it('without OIDC_ISSUER there is no work-account sign-in', async () => {
    const plain = await createTestContext();
    expect(await plain.getJson('anonymous', '/api/auth/config')).toEqual({ oidc: false, local_passwords: true });
    expect((await plain.request('anonymous', 'GET', '/api/auth/oidc/start')).status).toBe(404);
    expect((await plain.request('anonymous', 'GET', '/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
  });
});
