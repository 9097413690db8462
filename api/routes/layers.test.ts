import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.js';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
let actors: { id: number; lon: number; lat: number; name: string; address: string | null; category: string }[];
beforeAll(async () => {
  t = await createTestContext();
  actors = await t.db.query(
    'SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat, name, address, category FROM actors ORDER BY id',
  );
});

const ids = (fs: any[]) => fs.map((f: any) => f.id).sort((a: number, b: number) => a - b);

describe('GET /api/actors', () => {
  it('returns every actor with its contact persons, number_matched and number_returned', async () => {
    const body = await t.getJson('viewer', '/api/actors');
    expect(body.type).toBe('FeatureCollection');
    expect(body.number_matched).toBe(actors.length);
    expect(body.number_returned).toBe(Math.min(actors.length, DEFAULTS.listLimit));
    expect(body.features[0].properties.contact_persons).toBeInstanceOf(Array);
    expect(body.features[0].properties).not.toHaveProperty('distance_m');
  });

  it('filters by bbox (lon/lat rectangle), category and q', async () => {
    const box = [11.95, 57.67, 12.02, 57.70];
    const inBox = actors.filter((a) => a.lon >= box[0]! && a.lon <= box[2]! && a.lat >= box[1]! && a.lat <= box[3]!);
    expect(inBox.length).toBeGreaterThan(5);
    expect(inBox.length).toBeLessThan(actors.length);
    const body = await t.getJson('viewer', `/api/actors?bbox=${box.join(',')}`);
    expect(ids(body.features)).toEqual(inBox.map((a) => a.id));
    const shops = await t.getJson('viewer', `/api/actors?bbox=${box.join(',')}&category=shop,restaurant`);
    expect(ids(shops.features)).toEqual(inBox.filter((a) => ['shop', 'restaurant'].includes(a.category)).map((a) => a.id));
    const q = 'GATAN';
    const found = await t.getJson('viewer', `/api/actors?q=${encodeURIComponent(q)}`);
    const expected = actors.filter((a) => a.name.toLowerCase().includes('gatan') || (a.address ?? '').toLowerCase().includes('gatan'));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found.features)).toEqual(expected.map((a) => a.id));
    const literal = await t.getJson('viewer', `/api/actors?q=${encodeURIComponent("%_'\"")}`);
    expect(literal.number_matched).toBe(0);
  });

  it('pages with limit and offset in a stable order', async () => {
    const first = await t.getJson('viewer', '/api/actors?limit=10');
    const second = await t.getJson('viewer', '/api/actors?limit=10&offset=10');
    expect(first.number_returned).toBe(10);
    expect(second.number_matched).toBe(actors.length);
    const all = await t.getJson('viewer', '/api/actors?limit=20');
    expect([...first.features, ...second.features].map((f: any) => f.id)).toEqual(all.features.map((f: any) => f.id));
    const beyond = await t.getJson('viewer', `/api/actors?offset=${actors.length + 5}`);
    expect(beyond).toMatchObject({ number_matched: actors.length, number_returned: 0, features: [] });
  });

  it.each([
    ['bbox=1,2,3', 'bbox'], ['bbox=12,57,11,58', 'bbox'], ['bbox=11,58,12,57', 'bbox'], ['bbox=a,b,c,d', 'bbox'],
    ['bbox=11,57,12,58,13', 'bbox'], ['bbox=-200,57,12,58', 'bbox'], ['bbox=11,-95,12,58', 'bbox'], ['bbox=NaN,57,12,58', 'bbox'],
    ['bbox=11,57,Infinity,58', 'bbox'], ['bbox=', 'bbox'], ['category=bakery', 'category'], ['limit=0', 'limit'],
    [`limit=${DEFAULTS.listLimitMax + 1}`, 'limit'], ['limit=abc', 'limit'], ['limit=1.5', 'limit'], ['offset=-1', 'offset'],
    [`q=${'x'.repeat(101)}`, 'q'], ['kind=school', 'kind'],
  ])('answers 400 naming the parameter for %s', async (q, name) => {
    const res = await t.request('viewer', 'GET', `/api/actors?${q}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(name);
  });
});

describe('GET /api/child-places', () => {
  it('filters by kind and bbox and pages', async () => {
    const rows = await t.db.query<{ id: number; kind: string; lon: number; lat: number }>(
      'SELECT id, kind, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM child_places',
    );
    const body = await t.getJson('viewer', '/api/child-places?kind=playground&bbox=11.8,57.6,12.2,57.8&limit=5');
    const expected = rows.filter((r) => r.kind === 'playground' && r.lon >= 11.8 && r.lon <= 12.2 && r.lat >= 57.6 && r.lat <= 57.8);
    expect(body.number_matched).toBe(expected.length);
    expect(body.number_returned).toBe(Math.min(5, expected.length));
    for (const f of body.features) expect(f.properties.kind).toBe('playground');
    expect(Object.keys(body.features[0].properties)).toContain('stages');
  });

  it('rejects unknown kinds and categories', async () => {
    for (const q of ['kind=zoo', 'category=shop']) {
      const res = await t.request('viewer', 'GET', `/api/child-places?${q}`);
      expect(res.status).toBe(400);
    }
    expect((await t.request('anonymous', 'GET', '/api/child-places')).status).toBe(401);
  });
});
