import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

describe('OGC API – Features at /ogc', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  const get = async (role: Parameters<TestContext['request']>[0], path: string) => {
    const res = await t.request(role, 'GET', path);
    return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: await res.json() };
  };
  const dbCount = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('landing page, conformance and collections link to each other', async () => {
    const landing = await get('viewer', '/ogc');
    expect(landing.status).toBe(200);
    expect(landing.cache).toBe('no-store');
    expect(landing.body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'service-desc', 'conformance', 'data']);
    const conf = await get('viewer', '/ogc/conformance');
    expect(conf.body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(conf.body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson');
    const cols = await get('viewer', '/ogc/collections?f=json');
    expect(cols.body.collections.map((c: { id: string }) => c.id)).toEqual(['units', 'actors', 'child-places', 'areas']);
    const units = cols.body.collections[0];
    expect(units.links.find((l: { rel: string }) => l.rel === 'items').href).toBe('http://localhost/ogc/collections/units/items');
    expect(units.extent.spatial.bbox[0]).toHaveLength(4);
    expect((await get('viewer', '/ogc/collections/child-places')).body.id).toBe('child-places');
  });

  it('needs a session or token (401), and only reads', async () => {
    expect((await get('anonymous', '/ogc')).status).toBe(401);
    expect((await get('anonymous', '/ogc/collections/units/items')).status).toBe(401);
    expect((await t.request('admin', 'POST', '/ogc/collections/units/items', {})).status).toBe(404);
  });

  it('pages with limit/offset, next/prev/self links and numberMatched; paging visits every actor once', async () => {
    const total = await dbCount('actors');
    const seen = new Set<number>();
    let path: string | undefined = '/ogc/collections/actors/items?limit=100';
    let pages = 0;
    while (path) {
      const page = await get('viewer', path);
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/^application\/geo\+json/);
      expect(page.body.numberMatched).toBe(total);
      expect(page.body.numberReturned).toBe(page.body.features.length);
      for (const f of page.body.features) seen.add(f.id);
      const next = page.body.links.find((l: { rel: string }) => l.rel === 'next');
      if (pages > 0) expect(page.body.links.some((l: { rel: string }) => l.rel === 'prev')).toBe(true);
      path = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
      pages++;
    }
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 100));
    const last = await get('viewer', `/ogc/collections/actors/items?limit=100&offset=${total}`);
    expect(last.body.numberReturned).toBe(0);
  });

  it('bbox keeps exactly the features inside it (checked with turf)', async () => {
    const bbox: [number, number, number, number] = [11.95, 57.66, 12.0, 57.70];
    const all = await get('viewer', '/ogc/collections/child-places/items?limit=10000');
    const inside = all.body.features.filter((f: any) => turf.booleanPointInPolygon(f.geometry.coordinates, turf.bboxPolygon(bbox)));
    const page = await get('viewer', `/ogc/collections/child-places/items?limit=10000&bbox=${bbox.join(',')}`);
    expect(page.body.numberMatched).toBe(inside.length);
    expect(page.body.features.map((f: any) => f.id).sort()).toEqual(inside.map((f: any) => f.id).sort());
    expect(inside.length).toBeGreaterThan(0);
  });

  it('restricted units: coarse and without address for viewers, exact for editors', async () => {
    const [r] = await t.db.query<{ id: number; lon: number; lat: number }>(
      "SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE sensitivity = 'restricted' LIMIT 1",
    );
    const viewer = await get('viewer', `/ogc/collections/units/items/${r!.id}`);
    expect(viewer.status).toBe(200);
    expect(viewer.body.properties.address).toBeNull();
    expect(viewer.body.properties.location_precision).toBe('coarse');
    expect(viewer.body.geometry.coordinates).not.toEqual([r!.lon, r!.lat]);
    expect(turf.distance(viewer.body.geometry.coordinates, [r!.lon, r!.lat], { units: 'meters' })).toBeLessThan(250 * Math.SQRT2);
    const editor = await get('editor', `/ogc/collections/units/items/${r!.id}`);
    expect(editor.body.properties.address).not.toBeNull();
    expect(editor.body.geometry.coordinates[0]).toBeCloseTo(r!.lon, 6);
    // A bbox around the exact position cannot find the unit for a viewer unless its coarse point is inside too.
    const tiny = [r!.lon - 0.0001, r!.lat - 0.0001, r!.lon + 0.0001, r!.lat + 0.0001].join(',');
    const probe = await get('viewer', `/ogc/collections/units/items?bbox=${tiny}`);
    const coarseInside = turf.booleanPointInPolygon(viewer.body.geometry.coordinates, turf.bboxPolygon(tiny.split(',').map(Number) as any));
    expect(probe.body.features.some((f: any) => f.id === r!.id)).toBe(coarseInside);
  });

  it('bad input: 400 naming the parameter; unknown collection or feature 404', async () => {
    for (const [q, word] of [['limit=0', 'limit'], ['limit=abc', 'limit'], ['offset=-1', 'offset'], ['bbox=1,2,3', 'bbox'], ['f=html', 'f'], ['sort=name', 'sort'], ['bbox-crs=EPSG:3857', 'bbox-crs'], ['crs=EPSG:3857', 'crs'], ['datetime=yesterday', 'datetime'], ['filter=name%20%3D', 'filter'], ['filter=nosuch%20%3D%201', 'filter'], ['filter-lang=cql2-json', 'filter-lang']] as const) {
      const res = await get('viewer', `/ogc/collections/units/items?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message).toContain(word);
    }
    expect((await get('viewer', '/ogc/collections/schools')).status).toBe(404);
    expect((await get('viewer', '/ogc/collections/units/items/999999')).status).toBe(404);
    expect((await get('viewer', '/ogc/collections/units/items/abc')).status).toBe(404);
  });
});
