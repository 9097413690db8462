import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_CATEGORIES, RINGS } from '../schemas/common.js';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
let kalle: any;
let restricted: any;
beforeAll(async () => {
  t = await createTestContext();
  const units = (await t.getJson('editor', '/api/units')).features;
  kalle = units.find((u: any) => u.properties.name.startsWith('Kallebäcks'));
  restricted = units.find((u: any) => u.properties.sensitivity === 'restricted');
});

async function expectBadRequest(path: string, ...mentions: RegExp[]) {
  const res = await t.request('viewer', 'GET', path);
  expect(res.status, path).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe('bad_request');
  for (const m of mentions) expect(body.error.message).toMatch(m);
}

describe('GET /api/units/{id}/zones', () => {
  it('returns three geodesic ring polygons whose edges lie at the radius (turf)', async () => {
    const body = await t.getJson('viewer', `/api/units/${kalle.id}/zones`);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: any) => f.properties)).toEqual([
      { ring: 'immediate', radius_m: 250 }, { ring: 'neighbourhood', radius_m: 500 }, { ring: 'area', radius_m: 1000 },
    ]);
    const centre = kalle.geometry.coordinates;
    for (const f of body.features) {
      const r = f.properties.radius_m;
      expect(f.geometry.type).toBe('Polygon');
      const ring = f.geometry.coordinates[0];
      expect(ring.length).toBeGreaterThanOrEqual(60);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const v of ring) expect(Math.abs(turf.distance(centre, v, { units: 'meters' }) - r)).toBeLessThanOrEqual(0.005 * r);
      const circle = turf.circle(centre, r / 1000, { steps: 256, units: 'kilometers' });
      expect(Math.abs(turf.area(f) / turf.area(circle) - 1)).toBeLessThan(0.01);
    }
  });

  it('centres a restricted unit\'s zones on the coarse location for viewers, on the exact one for editors', async () => {
    const asViewer = await t.getJson('viewer', `/api/units/${restricted.id}`);
    const coarse = await t.getJson('viewer', `/api/units/${restricted.id}/zones`);
    const exact = await t.getJson('editor', `/api/units/${restricted.id}/zones`);
    const centroidDistance = (fc: any, p: number[]) => turf.distance(turf.centroid(fc.features[0]), p, { units: 'meters' });
    expect(centroidDistance(coarse, asViewer.geometry.coordinates)).toBeLessThan(2);
    expect(centroidDistance(exact, restricted.geometry.coordinates)).toBeLessThan(2);
    expect(centroidDistance(coarse, restricted.geometry.coordinates)).toBeGreaterThan(2);
  });

  it('answers 404 for an unknown unit and 400 for a bad id', async () => {
    expect((await t.request('viewer', 'GET', '/api/units/987654/zones')).status).toBe(404);
    await expectBadRequest('/api/units/abc/zones', /\bid\b/, /positive integer/);
  });
});

describe('GET /api/units/{id}/contacts', () => {
  it('lists actors nearest first with every actor field, distance, ring and active contact persons', async () => {
    const body = await t.getJson('viewer', `/api/units/${kalle.id}/contacts`);
    expect(body.features.length).toBeGreaterThan(10);
    const f = body.features[0];
    expect(Object.keys(f.properties).sort()).toEqual([
      'address', 'category', 'contact_about', 'contact_persons', 'distance_m', 'email', 'external_id', 'last_contacted_at', 'name',
      'organisation', 'phone', 'ring', 'version', 'walk_m', 'walk_min', 'website',
    ]);
    expect(f.geometry.type).toBe('Point');
    const withPersons = body.features.find((x: any) => x.properties.contact_persons.length > 0);
    expect(Object.keys(withPersons.properties.contact_persons[0]).sort()).toEqual(['email', 'id', 'name', 'phone', 'role']);
    const d = body.features.map((x: any) => x.properties.distance_m);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    for (const x of d) expect(Math.round(x * 10) / 10).toBe(x);
  });

  it('leaves out inactive contact persons', async () => {
    const body = await t.getJson('viewer', `/api/units/${kalle.id}/contacts`);
    const actor = body.features.find((x: any) => x.properties.contact_persons.length > 0);
    const person = actor.properties.contact_persons[0];
    await t.db.query('UPDATE contact_persons SET active = false WHERE id = $1', [person.id]);
    try {
      const again = await t.getJson('viewer', `/api/units/${kalle.id}/contacts`);
      const same = again.features.find((x: any) => x.id === actor.id);
      expect(same.properties.contact_persons.map((p: any) => p.id)).not.toContain(person.id);
    } finally {
      await t.db.query('UPDATE contact_persons SET active = true WHERE id = $1', [person.id]);
    }
  });

  it('filters by ring and category, one value or a comma list', async () => {
    const all = (await t.getJson('viewer', `/api/units/${kalle.id}/contacts`)).features;
    const inner = (await t.getJson('viewer', `/api/units/${kalle.id}/contacts?ring=immediate,area`)).features;
    expect(inner.map((f: any) => f.id)).toEqual(all.filter((f: any) => f.properties.ring !== 'neighbourhood').map((f: any) => f.id));
    const cats = ['shop', 'police'];
    const some = (await t.getJson('viewer', `/api/units/${kalle.id}/contacts?category=${cats.join(',')}&ring=neighbourhood`)).features;
    expect(some.map((f: any) => f.id)).toEqual(
      all.filter((f: any) => cats.includes(f.properties.category) && f.properties.ring === 'neighbourhood').map((f: any) => f.id),
    );
  });

  it('rejects unknown rings, categories and parameters naming them and what is valid', async () => {
    await expectBadRequest(`/api/units/${kalle.id}/contacts?ring=inner`, /\bring\b/, new RegExp(RINGS.join(', ')));
    await expectBadRequest(`/api/units/${kalle.id}/contacts?category=shop,bakery`, /\bcategory\b/, new RegExp(ACTOR_CATEGORIES.join(', ')));
    await expectBadRequest(`/api/units/${kalle.id}/contacts?category=`, /\bcategory\b/);
    await expectBadRequest(`/api/units/${kalle.id}/contacts?radius=5`, /unknown key "radius"/);
    await expectBadRequest('/api/units/-3/contacts', /\bid\b/);
    expect((await t.request('viewer', 'GET', '/api/units/987654/contacts')).status).toBe(404);
  });

  it('requires signing in', async () => {
    expect((await t.request('anonymous', 'GET', `/api/units/${kalle.id}/contacts`)).status).toBe(401);
  });
});

describe('GET /api/units/{id}/child-places', () => {
  it('lists child places with ring, priority by ring and the information status', async () => {
    const body = await t.getJson('viewer', `/api/units/${kalle.id}/child-places`);
    expect(body.features.length).toBeGreaterThan(3);
    for (const f of body.features) {
      expect(f.properties.priority).toBe({ immediate: 'high', neighbourhood: 'medium', area: 'low' }[f.properties.ring as string]);
      expect(f.properties.information).toEqual({ status: 'not_informed', last_informed_at: null, due_at: null });
      expect(Array.isArray(f.properties.stages)).toBe(true);
    }
  });

  it('filters by ring, kind, priority and status', async () => {
    const all = (await t.getJson('viewer', `/api/units/${kalle.id}/child-places`)).features;
    const ids = (fs: any[]) => fs.map((f: any) => f.id);
    const get = async (q: string) => ids((await t.getJson('viewer', `/api/units/${kalle.id}/child-places?${q}`)).features);
    expect(await get('kind=school,preschool')).toEqual(ids(all.filter((f: any) => ['school', 'preschool'].includes(f.properties.kind))));
    expect(await get('priority=high')).toEqual(ids(all.filter((f: any) => f.properties.ring === 'immediate')));
    expect(await get('ring=area&priority=low')).toEqual(ids(all.filter((f: any) => f.properties.ring === 'area')));
    expect(await get('status=not_informed')).toEqual(ids(all));
    expect(await get('status=informed,overdue')).toEqual([]);
  });

  it('rejects bad filters', async () => {
    await expectBadRequest(`/api/units/${kalle.id}/child-places?kind=zoo`, /\bkind\b/, /school, preschool, leisure_centre, playground/);
    await expectBadRequest(`/api/units/${kalle.id}/child-places?priority=urgent`, /\bpriority\b/, /high, medium, low/);
    await expectBadRequest(`/api/units/${kalle.id}/child-places?status=done`, /\bstatus\b/, /not_informed, informed, due_soon, overdue/);
    expect((await t.request('viewer', 'GET', '/api/units/987654/child-places')).status).toBe(404);
  });
});

describe('audit of exact reads', () => {
  const count = async () =>
    (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_exact' AND entity = 'unit' AND entity_id = $1", [String(restricted.id)]))[0]!.n;

  it('logs an editor reading a restricted unit\'s zones, contacts or child places; not a viewer, not a public unit', async () => {
    const before = await count();
    for (const sub of ['zones', 'contacts', 'child-places']) await t.getJson('viewer', `/api/units/${restricted.id}/${sub}`);
    for (const sub of ['zones', 'contacts', 'child-places']) await t.getJson('editor', `/api/units/${kalle.id}/${sub}`);
    expect(await count()).toBe(before);
    for (const sub of ['zones', 'contacts', 'child-places']) await t.getJson('editor', `/api/units/${restricted.id}/${sub}`);
    expect(await count()).toBe(before + 3);
    const [entry] = await t.db.query<any>("SELECT * FROM audit_log WHERE action = 'read_exact' ORDER BY id DESC LIMIT 1");
    expect(entry).toMatchObject({ user_email: 'editor@test.example', entity_id: String(restricted.id) });
    expect(entry.details.via).toBe('GET /api/units/{id}/child-places');
  });
});
