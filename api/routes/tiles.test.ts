import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../db/types.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { TEST_USERS } from '../test/fixtures.js';
import { decodeTile, layerFeatures, tileOf } from '../test/vectorTiles.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const getTile = async (role: 'viewer' | 'editor' | 'admin', path: string) => decodeTile(await t.request(role, 'GET', path));

const KALLEBACK = { lon: 12.0005, lat: 57.6823 };

describe('GET /api/tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  it.each([
    ['actors', 'actors', 'actors', 'category'],
    ['child-places', 'child_places', 'child_places', 'kind'],
  ])('a %s tile holds exactly the rows inside the tile (with its buffer), each at its own location', async (layer, mvtLayer, table, attr) => {
    for (const z of [12, 14]) {
      const { x, y } = tileOf([KALLEBACK.lon, KALLEBACK.lat], z);
      const { tile } = await getTile('viewer', `/api/tiles/${layer}/${z}/${x}/${y}.mvt`);
      const features = layerFeatures<GeoJSON.Point>(tile, mvtLayer, z, x, y);
      const rows = await t.db.query<{ id: number; name: string; attr: string; lon: number; lat: number }>(
        `SELECT id, name, ${attr} AS attr, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM ${table}`,
      );
      const inside = (r: { lon: number; lat: number }, margin: number) => {
        const [px, py] = tileOf([r.lon, r.lat], z).at(x, y);
        return px >= -64 + margin && px <= 4160 - margin && py >= -64 + margin && py <= 4160 - margin;
      };
      const byId = new Map(features.map((f) => [f.id, f]));
      expect(features.length).toBe(byId.size);
      const surelyIn = rows.filter((r) => inside(r, 1));
      expect(surelyIn.length).toBeGreaterThan(z === 12 ? 20 : 2);
      for (const r of surelyIn) expect(byId.has(r.id), `row ${r.id} in the tile`).toBe(true);
      // One tile unit at this zoom, in metres (plus rounding): the largest allowed position error.
      const unitM = (40075016.7 * Math.cos((KALLEBACK.lat * Math.PI) / 180)) / 2 ** z / 4096;
      const rowsById = new Map(rows.map((r) => [r.id, r]));
      for (const f of features) {
        const r = rowsById.get(f.id!);
        expect(r, `feature ${f.id} is a row`).toBeDefined();
        expect(inside(r!, -1)).toBe(true);
        expect(f.properties).toEqual({ name: r!.name, [attr]: r!.attr });
        const d = turf.distance(f.geojson.geometry.coordinates, [r!.lon, r!.lat], { units: 'meters' });
        expect(d).toBeLessThan(unitM * 1.5);
      }
    }
  });

  it('shows restricted units at their coarse location to viewers and exactly to editors', async () => {
    const [restricted] = await t.db.query<{ id: number; lon: number; lat: number }>(
      "SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE sensitivity = 'restricted' ORDER BY id LIMIT 1",
    );
    expect(restricted).toBeDefined();
    const z = 11;
    const { x, y } = tileOf([restricted!.lon, restricted!.lat], z);
    const path = `/api/tiles/units/${z}/${x}/${y}.mvt`;
    const unitM = (40075016.7 * Math.cos((restricted!.lat * Math.PI) / 180)) / 2 ** z / 4096;
    const asViewer = layerFeatures<GeoJSON.Point>((await getTile('viewer', path)).tile, 'units', z, x, y).find((f) => f.id === restricted!.id)!;
    const asEditor = layerFeatures<GeoJSON.Point>((await getTile('editor', path)).tile, 'units', z, x, y).find((f) => f.id === restricted!.id)!;
    expect(asViewer.properties.location_precision).toBe('coarse');
    expect(asEditor.properties.location_precision).toBe('exact');
    const exact: [number, number] = [restricted!.lon, restricted!.lat];
    const viewerOff = turf.distance(asViewer.geojson.geometry.coordinates, exact, { units: 'meters' });
    // Snapped to a 250 m grid: moved, but by at most half a cell's diagonal (plus the tile's rounding).
    expect(viewerOff).toBeGreaterThan(unitM * 2);
    expect(viewerOff).toBeLessThan(125 * Math.SQRT2 + unitM * 2);
    expect(turf.distance(asEditor.geojson.geometry.coordinates, exact, { units: 'meters' })).toBeLessThan(unitM * 1.5);
  });

  it('sends a strong ETag and private caching, and answers 304 to If-None-Match', async () => {
    const { x, y } = tileOf([KALLEBACK.lon, KALLEBACK.lat], 13);
    const path = `/api/tiles/actors/13/${x}/${y}.mvt`;
    const { res, bytes } = await getTile('viewer', path);
    expect(bytes.length).toBeGreaterThan(0);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('cache-control')).toBe('private, max-age=60');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await t.request('viewer', 'GET', path, undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    const other = await t.request('viewer', 'GET', path, undefined, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    // A change to the data changes the tile and so its ETag.
    await t.db.query("UPDATE actors SET name = name || ' (ändrad)' WHERE id = (SELECT min(id) FROM actors WHERE ST_DWithin(location, ST_MakePoint($1, $2)::geography, 300))", [KALLEBACK.lon, KALLEBACK.lat]);
    const changed = await t.request('viewer', 'GET', path, undefined, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers an empty 200 for a tile with no features', async () => {
    const { x, y } = tileOf([20.25, 67.85], 12); // Kiruna: no demo data there
    const res = await t.request('viewer', 'GET', `/api/tiles/actors/12/${x}/${y}.mvt`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['/api/tiles/actors/23/0/0.mvt', 'z'],
    ['/api/tiles/actors/-1/0/0.mvt', 'z'],
    ['/api/tiles/actors/2/4/0.mvt', 'x'],
    ['/api/tiles/actors/2/0/4.mvt', 'y'],
    ['/api/tiles/actors/2/0/1', 'y'],
    ['/api/tiles/actors/2/0/1.png', 'y'],
    ['/api/tiles/actors/1.5/0/1.mvt', 'z'],
    ['/api/tiles/people/2/0/1.mvt', 'layer'],
  ])('rejects %s with a 400 naming %s', async (path, param) => {
    const res = await t.request('viewer', 'GET', path);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(param);
  });

  it('requires signing in', async () => {
    expect((await t.request('anonymous', 'GET', '/api/tiles/units/0/0/0.mvt')).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await t.getJson('anonymous', '/api/openapi.json');
    expect(doc.paths['/api/tiles/{layer}/{z}/{x}/{y}']).toBeDefined();
  });

  it('reads from the read replica when one is configured', async () => {
    const seen: string[] = [];
    const spy: Database = {
      ...t.db,
      kind: t.db.kind,
      query: (text, params) => {
        seen.push(text);
        return t.db.query(text, params);
      },
    };
    const app = createApp({ db: t.db, readDb: spy, config: t.config, clock: () => new Date() });
    const { x, y } = tileOf([KALLEBACK.lon, KALLEBACK.lat], 12);
    const res = await app.request(`http://localhost/api/tiles/units/12/${x}/${y}.mvt`, {
      headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` },
    });
    expect(res.status).toBe(200);
    expect(seen.some((s) => s.includes('ST_TileEnvelope'))).toBe(true);
  });
});
