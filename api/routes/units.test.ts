import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

describe('GET /api/health', () => {
  it('answers ok with the database kind and the PostGIS version, without signing in', async () => {
    const body = await t.getJson('anonymous', '/api/health');
    expect(body.status).toBe('ok');
    expect(body.database).toBe(t.db.kind);
    expect(body.postgis).toMatch(/^3\.\d+/);
  });
});

describe('GET /api/units', () => {
  it('returns every demo unit as GeoJSON Point features with id and properties', async () => {
    const n = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units'))[0]!.n;
    const body = await t.getJson('viewer', '/api/units');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(n);
    expect(n).toBeGreaterThanOrEqual(12);
    for (const f of body.features) {
      expect(f.type).toBe('Feature');
      expect(Number.isInteger(f.id)).toBe(true);
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(11.6);
      expect(lon).toBeLessThan(12.3);
      expect(lat).toBeGreaterThan(57.55);
      expect(lat).toBeLessThan(57.9);
    }
  });

  it('includes Kallebäcks vård- och omsorgsboende with its public facts', async () => {
    const body = await t.getJson('viewer', '/api/units');
    const kallebäck = body.features.find((f: any) => f.properties.name.startsWith('Kallebäcks'));
    expect(kallebäck.properties).toMatchObject({ kind: 'care_home', places: 72, status: 'open', is_demo: false });
    expect(kallebäck.properties.address).toContain('Smörkärnegatan 3A');
    expect(kallebäck.properties.radii).toEqual({ immediate: 250, neighbourhood: 500, area: 1000 });
  });

  it('requires signing in', async () => {
    const res = await t.request('anonymous', 'GET', '/api/units');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('coarsens restricted units for viewers (250 m grid, no address) but not for editors', async () => {
    const [restricted] = await t.db.query<{ id: number; lon: number; lat: number }>(
      "SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE sensitivity = 'restricted' LIMIT 1",
    );
    expect(restricted, 'the demo data has a restricted unit').toBeDefined();
    const asViewer = await t.getJson('viewer', `/api/units/${restricted!.id}`);
    const asEditor = await t.getJson('editor', `/api/units/${restricted!.id}`);
    expect(asViewer.properties.address).toBeNull();
    expect(asViewer.properties.location_precision).toBe('coarse');
    expect(asEditor.properties.location_precision).toBe('exact');
    expect(asEditor.geometry.coordinates[0]).toBeCloseTo(restricted!.lon, 6);
    expect(asViewer.geometry.coordinates).not.toEqual(asEditor.geometry.coordinates);
  });
});

describe('GET /api/units/{id}', () => {
  it('returns one unit with an ETag carrying its version', async () => {
    const list = await t.getJson('viewer', '/api/units');
    const first = list.features[0];
    const res = await t.request('viewer', 'GET', `/api/units/${first.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${first.properties.version}"`);
    expect(await res.json()).toEqual(first);
  });

  it.each(['abc', '0', '-1', '1.5', '99999999999'])('answers 400 naming the parameter for id %s', async (id) => {
    const res = await t.request('viewer', 'GET', `/api/units/${id}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/\bid\b/);
    expect(body.error.message).toMatch(/positive integer/);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await t.request('viewer', 'GET', '/api/units/987654');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', message: 'No unit with id 987654.' });
  });
});

describe('errors', () => {
  it('answers 404 JSON for an unknown /api route', async () => {
    const res = await t.request('viewer', 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('answers 500 without revealing SQL, stack or paths when the database fails', async () => {
    const broken = { ...t.db, query: async () => { throw new Error('relation "units" does not exist at /srv/api/db.ts:12'); } };
    const { createApp } = await import('../app.js');
    const app = createApp({ db: broken as never, config: t.config, clock: () => new Date() });
    const res = await app.request('http://localhost/api/health');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/relation|units|\.ts|\/srv|at /);
    expect(JSON.parse(text).error).toMatchObject({ code: 'internal' });
    expect(JSON.parse(text).error.request_id).toBe(res.headers.get('x-request-id'));
  });
});
