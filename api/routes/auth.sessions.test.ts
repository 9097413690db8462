/** One's own sessions: listed with the browser and address they signed in from, ended one by one, never another user's. */
import { describe, expect, it } from 'vitest';
import { createTestContext, sessionCookieOf } from '../test/harness.js';

const t = await createTestContext();
let seq = 0;
const address = () => `198.51.100.${100 + ++seq}`;


interface Listed { id: number; user_agent: string | null; address: string | null; current: boolean; created_at: string; last_seen_at: string }

/** A new viewer signed in from a laptop and a phone. */
async function viewerOnTwoDevices() {
  const email = `sess${Date.now()}${++seq}@test.example`;
  const password = 'två enheter samtidigt';
  expect((await t.request('admin', 'POST', '/api/users', { email, name: 'Två Enheter', role: 'viewer', password })).status).toBe(201);
  const login = async (agent: string, from: string) =>
    sessionCookieOf(await t.request('anonymous', 'POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': from, 'user-agent': agent }));
  const laptopAddress = address();
  const phoneAddress = address();
  const laptop = await login('Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36', laptopAddress);
  const phone = await login('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1', phoneAddress);
  const list = async (cookie: string) => {
    const res = await t.request('anonymous', 'GET', '/api/auth/sessions', undefined, { cookie });
    expect(res.status).toBe(200);
    return ((await res.json()) as { sessions: Listed[] }).sessions;
  };
  const end = (cookie: string, id: number) => t.request('anonymous', 'DELETE', `/api/auth/sessions/${id}`, undefined, { cookie });
  const me = (cookie: string) => t.request('anonymous', 'GET', '/api/auth/me', undefined, { cookie });
  return { laptop, phone, laptopAddress, phoneAddress, list, end, me };
}

describe('GET /api/auth/sessions', () => {
  it('lists exactly the caller\'s live sessions with browser and address, this one marked current, and no secret', async () => {
    const u = await viewerOnTwoDevices();
    const sessions = await u.list(u.laptop);
    expect(sessions).toHaveLength(2);
    const [mine] = sessions.filter((s) => s.current);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(mine).toMatchObject({ user_agent: expect.stringContaining('Linux'), address: u.laptopAddress });
    expect(sessions.find((s) => !s.current)).toMatchObject({ user_agent: expect.stringContaining('iPhone'), address: u.phoneAddress });
    expect(Object.keys(mine!).sort()).toEqual(['address', 'created_at', 'current', 'id', 'last_seen_at', 'user_agent']);
    // Seen from the phone, the other one is current.
    const fromPhone = await u.list(u.phone);
    expect(fromPhone.find((s) => s.current)?.id).toBe(sessions.find((s) => !s.current)?.id);
  });

  it('marks none current for an API-token caller, and is a 401 without sign-in', async () => {
    const res = await t.request('viewer', 'GET', '/api/auth/sessions');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { sessions: Listed[] }).sessions.every((s) => !s.current)).toBe(true);
    expect((await t.request('anonymous', 'GET', '/api/auth/sessions')).status).toBe(401);
  });
});

describe('DELETE /api/auth/sessions/{id}', () => {
  it('ends another of one\'s sessions at once, keeps this one, and audits it', async () => {
    const u = await viewerOnTwoDevices();
    const phoneId = (await u.list(u.laptop)).find((s) => !s.current)!.id;
    const res = await u.end(u.laptop, phoneId);
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await u.me(u.phone)).status).toBe(401);
    expect((await u.me(u.laptop)).status).toBe(200);
    expect((await u.list(u.laptop)).map((s) => s.id)).not.toContain(phoneId);
    expect((await u.end(u.laptop, phoneId)).status).toBe(404);
    const audit = await t.getJson('admin', '/api/audit?entity=session&limit=50');
    expect((audit.entries as { action: string; details?: Record<string, unknown> }[]).some((e) => e.action === 'logout' && e.details?.session === phoneId && e.details?.by === 'owner')).toBe(true);
  });

  it('ending the current session signs this browser out and clears its cookie', async () => {
    const u = await viewerOnTwoDevices();
    const currentId = (await u.list(u.laptop)).find((s) => s.current)!.id;
    const res = await u.end(u.laptop, currentId);
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/ps_session=;|Max-Age=0/);
    expect((await u.me(u.laptop)).status).toBe(401);
    expect((await u.me(u.phone)).status).toBe(200);
  });

  it('another user\'s session is a 404, and it stays signed in', async () => {
    const a = await viewerOnTwoDevices();
    const b = await viewerOnTwoDevices();
    const bPhone = (await b.list(b.laptop)).find((s) => !s.current)!.id;
    expect((await a.end(a.laptop, bPhone)).status).toBe(404);
    expect((await b.me(b.phone)).status).toBe(200);
    expect((await t.request('editor', 'DELETE', `/api/auth/sessions/${bPhone}`)).status).toBe(404);
    expect((await b.me(b.phone)).status).toBe(200);
  });

  it('a long User-Agent is kept cut to 300 characters, not refused', async () => {
    const email = `ua${Date.now()}@test.example`;
    const password = 'en mycket lång webbläsare';
    expect((await t.request('admin', 'POST', '/api/users', { email, name: 'Lång', role: 'viewer', password })).status).toBe(201);
    const res = await t.request('anonymous', 'POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address(), 'user-agent': 'X'.repeat(5000) });
    expect(res.status).toBe(200);
    const listed = await t.request('anonymous', 'GET', '/api/auth/sessions', undefined, { cookie: sessionCookieOf(res) });
    expect(((await listed.json()) as { sessions: Listed[] }).sessions[0]!.user_agent).toHaveLength(300);
  });
});
