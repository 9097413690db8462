/**
 * Restricted units: roles without need-to-know get a coarse location (250 m grid) and
 * no address in every endpoint that reveals a unit's location; editors' and admins'
 * exact reads are audited. Geometry is checked with turf, not with the SQL under test.
 * The sweep enumerates the GET routes of the OpenAPI document, so endpoints added
 * later are covered too.
 */
import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from './harness.js';

const t = await createTestContext();

let unit: { id: number; lon: number; lat: number; address: string; name: string };
let coarse: [number, number];

beforeAll(async () => {
  const [row] = await t.db.query<{ id: number; lon: number; lat: number; address: string; name: string }>(
    "SELECT id, ST_X(location::geometry)::float8 AS lon, ST_Y(location::geometry)::float8 AS lat, address, name FROM units WHERE sensitivity = 'restricted' ORDER BY id LIMIT 1");
  expect(row, 'the demo data has a restricted unit').toBeDefined();
  expect(row!.address).toBeTruthy();
  unit = row!;
  const feature = await t.getJson('viewer', `/api/units/${unit.id}`);
  coarse = feature.geometry.coordinates;
});

const metres = (a: number[], b: number[]) => turf.distance(turf.point(a), turf.point(b), { units: 'meters' });

/** Every [lon, lat] pair in a JSON value. */
function positions(v: unknown, out: number[][] = []): number[][] {
  if (Array.isArray(v)) {
    if (v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number') out.push(v as number[]);
    else for (const x of v) positions(x, out);
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.lon === 'number' && typeof o.lat === 'number') out.push([o.lon, o.lat]);
    for (const x of Object.values(o)) positions(x, out);
  }
  return out;
}

describe('a viewer sees a restricted unit coarsely', () => {
  it('GET /api/units/{id}: snapped within 250 m grid distance, no address', async () => {
    const f = await t.getJson('viewer', `/api/units/${unit.id}`);
    expect(f.properties.address).toBeNull();
    expect(f.properties.location_precision).toBe('coarse');
    const d = metres(f.geometry.coordinates, [unit.lon, unit.lat]);
    expect(d).toBeGreaterThan(0.5);
    expect(d).toBeLessThanOrEqual(Math.SQRT2 * 125 + 1);
  });

  it('GET /api/units: the same coarse point, no address', async () => {
    const fc = await t.getJson('viewer', '/api/units');
    const f = fc.features.find((x: { id: number }) => x.id === unit.id);
    expect(f.properties.address).toBeNull();
    expect(f.geometry.coordinates).toEqual(coarse);
    expect(fc.features.filter((x: { properties: { location_precision: string } }) => x.properties.location_precision === 'coarse')).toHaveLength(
      fc.features.filter((x: { properties: { sensitivity: string } }) => x.properties.sensitivity === 'restricted').length);
  });

  it('contacts: distances are measured from the coarse point, not the exact one', async () => {
    const fc = await t.getJson('viewer', `/api/units/${unit.id}/contacts`);
    expect(fc.features.length).toBeGreaterThan(0);
    let revealing = 0;
    for (const f of fc.features) {
      const fromCoarse = metres(coarse, f.geometry.coordinates);
      expect(Math.abs(fromCoarse - f.properties.distance_m)).toBeLessThanOrEqual(fromCoarse * 0.006 + 1);
      if (Math.abs(metres([unit.lon, unit.lat], f.geometry.coordinates) - f.properties.distance_m) > 10) revealing++;
    }
    expect(revealing).toBeGreaterThan(0);
  });

  it('contacts for an editor are measured from the exact point', async () => {
    const fc = await t.getJson('editor', `/api/units/${unit.id}/contacts`);
    for (const f of fc.features) {
      const exact = metres([unit.lon, unit.lat], f.geometry.coordinates);
      expect(Math.abs(exact - f.properties.distance_m)).toBeLessThanOrEqual(exact * 0.006 + 1);
    }
  });

  it('zones: centred on the coarse point', async () => {
    const zones = await t.getJson('viewer', `/api/units/${unit.id}/zones`);
    const polygons: number[][][] = [];
    const walk = (v: unknown) => {
      if (v && typeof v === 'object') {
        const o = v as { type?: string; coordinates?: number[][][] };
        if (o.type === 'Polygon' && o.coordinates) polygons.push(o.coordinates[0]!);
        for (const x of Object.values(o)) walk(x);
      }
    };
    walk(zones);
    expect(polygons.length).toBeGreaterThan(0);
    for (const ring of polygons) {
      const centre = turf.centroid(turf.polygon([ring])).geometry.coordinates;
      expect(metres(centre, coarse)).toBeLessThan(metres(centre, [unit.lon, unit.lat]));
    }
  });

  it('site analysis: an overlapping restricted unit is at its coarse distance', async () => {
    const probe = turf.destination(turf.point([unit.lon, unit.lat]), 0.3, 45, { units: 'kilometers' }).geometry.coordinates;
    const res = await t.request('viewer', 'POST', '/api/site-analysis', { lon: probe[0], lat: probe[1] });
    expect(res.status).toBe(200);
    const body = await res.json();
    const hit = body.overlapping_units.find((u: { id: number }) => u.id === unit.id);
    expect(hit, 'the restricted unit overlaps the probe').toBeDefined();
    const fromCoarse = metres(probe, coarse);
    expect(Math.abs(hit.distance_m - fromCoarse)).toBeLessThanOrEqual(fromCoarse * 0.006 + 1);
  });

  it('site analysis: an editor\'s exact read of an overlapping restricted unit is audited, a viewer\'s coarse one is not', async () => {
    const probe = turf.destination(turf.point([unit.lon, unit.lat]), 0.3, 45, { units: 'kilometers' }).geometry.coordinates;
    const entries = async () =>
      t.db.query<{ details: { unit_ids: number[]; via: string }; user_email: string }>(
        "SELECT details, user_email FROM audit_log WHERE action = 'read_exact' AND details->>'via' = 'POST /api/site-analysis' ORDER BY id",
      );
    const before = (await entries()).length;
    const asViewer = await t.request('viewer', 'POST', '/api/site-analysis', { lon: probe[0], lat: probe[1] });
    expect(asViewer.status).toBe(200);
    expect((await entries()).length).toBe(before);
    const asEditor = await t.request('editor', 'POST', '/api/site-analysis', { lon: probe[0], lat: probe[1] });
    expect(asEditor.status).toBe(200);
    const body = await asEditor.json();
    expect(Object.keys(body).sort()).toEqual(['address', 'areas', 'nearest', 'overlapping_units', 'rings', 'walking']);
    const overlapping = body.overlapping_units.map((u: { id: number }) => u.id);
    expect(overlapping).toContain(unit.id);
    const after = await entries();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.user_email).toBe('editor@test.example');
    const restrictedIds = (await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity = 'restricted'")).map((r) => r.id);
    expect(after.at(-1)!.details.unit_ids.sort()).toEqual(overlapping.filter((id: number) => restrictedIds.includes(id)).sort());
  });

  it('no GET endpoint shows a viewer the exact position or the address (sweep over the OpenAPI document)', async () => {
    const doc = await t.getJson('anonymous', '/api/openapi.json');
    const swept: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      if (!('get' in ops) || /openapi|docs|tiles/.test(path)) continue;
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (params.some((p) => p !== 'id')) continue;
      const url = path.replace('{id}', String(unit.id));
      const res = await t.request('viewer', 'GET', url);
      const text = await res.text();
      swept.push(`${url} ${res.status}`);
      expect(text, url).not.toContain(unit.address);
      if ((res.headers.get('content-type') ?? '').includes('json') && res.status === 200) {
        for (const p of positions(JSON.parse(text))) {
          expect(metres(p, [unit.lon, unit.lat]) > 0.5 || metres(p, coarse) < 0.5, `${url} shows the exact position`).toBe(true);
        }
      }
    }
    expect(swept.length).toBeGreaterThanOrEqual(5);
  });
});

describe('exact reads by editors and admins are audited', () => {
  const count = async () =>
    (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_exact' AND entity = 'unit'"))[0]!.n;

  it('GET /api/units/{id} as editor: exact location and address, and one read_exact entry', async () => {
    const before = await count();
    const f = await t.getJson('editor', `/api/units/${unit.id}`);
    expect(f.properties.address).toBe(unit.address);
    expect(metres(f.geometry.coordinates, [unit.lon, unit.lat])).toBeLessThan(0.05);
    expect(await count()).toBe(before + 1);
    const [entry] = await t.db.query<{ user_email: string; entity_id: string; details: { unit_ids: number[] } }>(
      "SELECT user_email, entity_id, details FROM audit_log WHERE action = 'read_exact' ORDER BY id DESC LIMIT 1");
    expect(entry).toMatchObject({ user_email: 'editor@test.example', entity_id: String(unit.id) });
  });

  it('GET /api/units as admin logs the restricted ids; a viewer\'s read logs nothing', async () => {
    const before = await count();
    await t.getJson('admin', '/api/units');
    expect(await count()).toBe(before + 1);
    const [entry] = await t.db.query<{ details: { unit_ids: number[] } }>("SELECT details FROM audit_log WHERE action = 'read_exact' ORDER BY id DESC LIMIT 1");
    expect(entry!.details.unit_ids).toContain(unit.id);
    await t.getJson('viewer', '/api/units');
    await t.getJson('viewer', `/api/units/${unit.id}`);
    expect(await count()).toBe(before + 1);
  });

  it('reading a public unit exactly logs nothing', async () => {
    const [pub] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity = 'public' LIMIT 1");
    const before = await count();
    await t.getJson('editor', `/api/units/${pub!.id}`);
    expect(await count()).toBe(before);
  });

  /** The slippy-map tile of zoom z holding a point (the standard Web Mercator formula, independent of the SQL). */
  const tileOf = (lon: number, lat: number, z: number) => {
    const n = 2 ** z;
    const rad = (lat * Math.PI) / 180;
    return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
  };

  it.each([
    ['OGC items', () => '/ogc/collections/units/items?limit=1000', 'ogc_items'],
    ['an OGC feature', () => `/ogc/collections/units/items/${unit.id}`, 'ogc_item'],
    ['the units export', () => '/api/exports/units?format=geojson', 'export'],
    ['a units tile', () => { const { x, y } = tileOf(unit.lon, unit.lat, 15); return `/api/tiles/units/15/${x}/${y}.mvt`; }, 'tile'],
  ])('%s as editor logs the restricted unit; the same read by a viewer logs nothing', async (_name, path, via) => {
    const before = await count();
    const res = await t.request('editor', 'GET', path());
    expect(res.status).toBe(200);
    expect(await count()).toBe(before + 1);
    const [entry] = await t.db.query<{ details: { unit_ids: number[]; via: string } }>("SELECT details FROM audit_log WHERE action = 'read_exact' ORDER BY id DESC LIMIT 1");
    expect(entry!.details).toMatchObject({ via });
    expect(entry!.details.unit_ids).toContain(unit.id);
    expect((await t.request('viewer', 'GET', path())).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('a units tile without a restricted unit logs nothing', async () => {
    const before = await count();
    // The tile diagonally opposite on the globe holds no unit of Göteborg.
    expect((await t.request('editor', 'GET', '/api/tiles/units/15/0/0.mvt')).status).toBe(200);
    expect(await count()).toBe(before);
  });
});

describe('protected housing cannot be entered', () => {
  it('has no unit kind for it, and refuses the words in name and description', async () => {
    const base = { type: 'Feature', geometry: { type: 'Point', coordinates: [11.97, 57.7] } };
    const kind = await t.request('editor', 'POST', '/api/units', { ...base, properties: { name: 'X', kind: 'protected_housing' } });
    expect(kind.status).toBe(400);
    for (const props of [{ name: 'Skyddat Boende Väst', kind: 'shelter' }, { name: 'Ok', kind: 'shelter', description: 'egentligen ett SKYDDAT BOENDE' }]) {
      const res = await t.request('editor', 'POST', '/api/units', { ...base, properties: props });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/skyddat boende/i);
    }
    const [n] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE name ILIKE '%skyddat%' OR description ILIKE '%skyddat boende%'");
    expect(n!.n).toBe(0);
  });
});
