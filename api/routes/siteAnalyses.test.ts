/**
 * Saved site analyses: each user's own named sets of candidate sites. Created, listed
 * (only one's own), renamed, deleted; another user's is a 404 for every method; bad
 * input is a 400 naming the field, with nothing written; every write is audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const SITES = [
  { label: 'B', lon: 11.99, lat: 57.69 },
  { label: 'A', lon: 12.006, lat: 57.683, name: 'Smörkärnegatan 3, 416 79 Göteborg' },
];
const rows = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM site_analyses'))[0]!.n;
const audits = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'site_analysis'"))[0]!.n;
const issuePaths = async (res: Response) => {
  const body = await res.json();
  return (body.error.details.issues as { path: (string | number)[] }[]).map((i) => i.path.join('.'));
};

describe('saved site analyses', () => {
  let id: number;

  it('saves the name and only the sites given, in letter order, audited', async () => {
    const before = await audits();
    const res = await t.request('viewer', 'POST', '/api/site-analyses', { name: '  Tre lägen i Kallebäck ', sites: SITES });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    id = body.id;
    expect(res.headers.get('location')).toBe(`/api/site-analyses/${id}`);
    expect(body.name).toBe('Tre lägen i Kallebäck');
    expect(body.sites).toEqual([
      { label: 'A', lon: 12.006, lat: 57.683, name: 'Smörkärnegatan 3, 416 79 Göteborg' },
      { label: 'B', lon: 11.99, lat: 57.69, name: null },
    ]);
    expect(Object.keys(body).sort()).toEqual(['created_at', 'id', 'name', 'sites', 'updated_at']);
    // Stored: the points and labels, nothing of any analysis (no counts, no unit).
    const [stored] = await t.db.query<{ sites: unknown }>('SELECT sites FROM site_analyses WHERE id = $1', [id]);
    expect(JSON.stringify(stored!.sites)).not.toMatch(/unit|rings|overlapping|resident/);
    expect(await audits()).toBe(before + 1);
    const [entry] = await t.db.query<{ action: string; user_email: string }>("SELECT action, user_email FROM audit_log WHERE entity = 'site_analysis' ORDER BY id DESC LIMIT 1");
    expect(entry).toEqual({ action: 'create', user_email: 'viewer@test.example' });
  });

  it('lists only the caller\'s own', async () => {
    const other = await t.request('editor', 'POST', '/api/site-analyses', { name: 'Redaktörens', sites: [{ label: 'A', lon: 12, lat: 57.7 }] });
    expect(other.status).toBe(201);
    const mine = (await t.getJson('viewer', '/api/site-analyses')).site_analyses as { id: number; name: string }[];
    expect(mine.map((a) => a.name)).toEqual(['Tre lägen i Kallebäck']);
    const theirs = (await t.getJson('editor', '/api/site-analyses')).site_analyses as { id: number; name: string }[];
    expect(theirs.map((a) => a.name)).toEqual(['Redaktörens']);
    expect((await t.getJson('viewer', `/api/site-analyses/${id}`)).name).toBe('Tre lägen i Kallebäck');
  });

  it('answers 404 to another user for read, rename and delete, and changes nothing', async () => {
    for (const role of ['editor', 'admin'] as const) {
      expect((await t.request(role, 'GET', `/api/site-analyses/${id}`)).status).toBe(404);
      expect((await t.request(role, 'PATCH', `/api/site-analyses/${id}`, { name: 'Kapad' })).status).toBe(404);
      expect((await t.request(role, 'DELETE', `/api/site-analyses/${id}`)).status).toBe(404);
    }
    expect((await t.getJson('viewer', `/api/site-analyses/${id}`)).name).toBe('Tre lägen i Kallebäck');
    expect((await t.request('anonymous', 'GET', '/api/site-analyses')).status).toBe(401);
  });

  it('renames, and replaces the sites, audited with before and after', async () => {
    const res = await t.request('viewer', 'PATCH', `/api/site-analyses/${id}`, { name: 'Kallebäck, två lägen' });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.name).toBe('Kallebäck, två lägen');
    expect(body.sites).toHaveLength(2);
    const [entry] = await t.db.query<{ before: { name: string }; after: { name: string } }>(
      "SELECT before, after FROM audit_log WHERE entity = 'site_analysis' AND action = 'update' ORDER BY id DESC LIMIT 1");
    expect(entry!.before.name).toBe('Tre lägen i Kallebäck');
    expect(entry!.after.name).toBe('Kallebäck, två lägen');
    const moved = await t.request('viewer', 'PATCH', `/api/site-analyses/${id}`, { sites: [{ label: 'C', lon: 12.01, lat: 57.68 }] });
    expect((await moved.json()).sites).toEqual([{ label: 'C', lon: 12.01, lat: 57.68, name: null }]);
  });

  it('answers 400 naming the field for bad input, with nothing written', async () => {
    const [n, a] = [await rows(), await audits()];
    const bad: [string, string, unknown, string][] = [
      ['POST', '/api/site-analyses', { name: '', sites: SITES }, 'name'],
      ['POST', '/api/site-analyses', { name: 'x'.repeat(101), sites: SITES }, 'name'],
      ['POST', '/api/site-analyses', { sites: SITES }, 'name'],
      ['POST', '/api/site-analyses', { name: 'Tom', sites: [] }, 'sites'],
      ['POST', '/api/site-analyses', { name: 'Fyra', sites: [...SITES, { label: 'C', lon: 12, lat: 57.7 }, { label: 'C', lon: 12, lat: 57.71 }] }, 'sites'],
      ['POST', '/api/site-analyses', { name: 'Dubbel', sites: [{ label: 'A', lon: 12, lat: 57.7 }, { label: 'A', lon: 12.1, lat: 57.7 }] }, 'sites.1.label'],
      ['POST', '/api/site-analyses', { name: 'Utomlands', sites: [{ label: 'A', lon: 2.35, lat: 48.85 }] }, 'sites.0.lon'],
      ['POST', '/api/site-analyses', { name: 'Bokstav', sites: [{ label: 'D', lon: 12, lat: 57.7 }] }, 'sites.0.label'],
      ['POST', '/api/site-analyses', { name: 'Boende', sites: [{ label: 'A', lon: 12, lat: 57.7, residents: 3 }] }, 'sites.0'],
      ['PATCH', `/api/site-analyses/${id}`, { name: '   ' }, 'name'],
      ['PATCH', `/api/site-analyses/${id}`, {}, 'name'],
      ['PATCH', `/api/site-analyses/${id}`, { sites: [{ label: 'A', lon: 12, lat: 99 }] }, 'sites.0.lat'],
    ];
    for (const [method, url, body, field] of bad) {
      const res = await t.request('viewer', method, url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const paths = await issuePaths(res);
      expect(paths.some((p) => p === field || p.startsWith(`${field}.`)), `${JSON.stringify(body)} → ${paths.join(', ')}`).toBe(true);
    }
    expect(await rows()).toBe(n);
    expect(await audits()).toBe(a);
    expect((await t.getJson('viewer', `/api/site-analyses/${id}`)).name).toBe('Kallebäck, två lägen');
  });

  it('deletes, audited; then it is a 404', async () => {
    const a = await audits();
    expect((await t.request('viewer', 'DELETE', `/api/site-analyses/${id}`)).status).toBe(204);
    expect(await audits()).toBe(a + 1);
    expect((await t.request('viewer', 'GET', `/api/site-analyses/${id}`)).status).toBe(404);
    expect((await t.request('viewer', 'DELETE', `/api/site-analyses/${id}`)).status).toBe(404);
    expect((await t.getJson('viewer', '/api/site-analyses')).site_analyses).toEqual([]);
  });
});
