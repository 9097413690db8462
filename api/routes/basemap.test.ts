import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import * as turf from '@turf/turf';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { encodesVectorTiles } from '../db/engine.js';
import { query } from '../db/sqlFiles.js';
import { writePmtiles } from '../services/basemap/pmtilesWriter.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { TEST_USERS } from '../test/fixtures.js';
import { decodeTile, layerFeatures, tileOf, unitMetres } from '../test/vectorTiles.js';

/**
 * Base data placed by hand at real Göteborg coordinates: the expectations below are
 * computed from these coordinates (turf, tile arithmetic), never from the SQL.
 */
const AVENYN: [number, number][] = [[11.9745, 57.7012], [11.9781, 57.6994], [11.9817, 57.6975]];
const FOOTPATH: [number, number][] = [[11.9760, 57.6990], [11.9770, 57.6985]];
const BRIDGE: [number, number][] = [[11.9650, 57.7095], [11.9660, 57.7135]];
const RIVER: [number, number][] = [[11.94, 57.7100], [11.99, 57.7100], [11.99, 57.7125], [11.94, 57.7125], [11.94, 57.7100]];
const BUILDING: [number, number][] = [[11.9790, 57.6998], [11.9794, 57.6998], [11.9794, 57.7000], [11.9790, 57.7000], [11.9790, 57.6998]];
const MAJORNA: [number, number] = [11.9170, 57.6960];
const CAFE: [number, number] = [11.9785, 57.6990];

const wkt = {
  line: (c: [number, number][]) => `SRID=4326;LINESTRING(${c.map((p) => p.join(' ')).join(',')})`,
  multi: (c: [number, number][]) => `SRID=4326;MULTIPOLYGON(((${c.map((p) => p.join(' ')).join(',')})))`,
  point: (p: [number, number]) => `SRID=4326;POINT(${p.join(' ')})`,
};

async function insertBaseData(t: TestContext) {
  const q = (sql: string, params: unknown[]) => t.db.query(sql, params);
  await q(`INSERT INTO base_imports (source_name, source_kind) VALUES ('test.osm.pbf', 'pbf')`, []);
  const way = `INSERT INTO base_ways (osm_id, kind, class, name, tags, node_ids, geom) VALUES ($1, $2, $3, $4, $5::jsonb, $6::bigint[], $7::geometry)`;
  const ids = (n: number, from: number) => `{${Array.from({ length: n }, (_, i) => from + i).join(',')}}`;
  await q(way, [1, 'highway', 'residential', 'Kungsportsavenyen', '{"highway":"residential","name:sv":"Kungsportsavenyen"}', ids(3, 100), wkt.line(AVENYN)]);
  await q(way, [2, 'highway', 'footway', null, '{"highway":"footway"}', ids(2, 200), wkt.line(FOOTPATH)]);
  await q(way, [3, 'highway', 'primary', 'Hisingsbron', '{"highway":"primary","bridge":"yes"}', ids(2, 300), wkt.line(BRIDGE)]);
  const area = `INSERT INTO base_areas (osm_type, osm_id, kind, class, name, tags, geom) VALUES ('way', $1, $2, $3, $4, '{}'::jsonb, $5::geometry)`;
  await q(area, [10, 'water', 'river', 'Göta älv', wkt.multi(RIVER)]);
  await q(area, [11, 'building', 'yes', null, wkt.multi(BUILDING)]);
  await q(`INSERT INTO base_places (osm_type, osm_id, class, name, geom) VALUES ('node', 20, 'suburb', 'Majorna', $1::geometry)`, [wkt.point(MAJORNA)]);
  await q(`INSERT INTO base_pois (osm_type, osm_id, key, value, name, geom) VALUES ('node', 30, 'amenity', 'cafe', 'Café Husaren', $1::geometry)`, [wkt.point(CAFE)]);
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await insertBaseData(t);
});

async function version(): Promise<string> {
  const style = (await (await t.request('viewer', 'GET', '/api/basemap/style.json')).json()) as { sources: { protomaps: { tiles: string[] } } };
  return /\/tiles\/([a-z0-9]+)\//.exec(style.sources.protomaps.tiles[0]!)![1]!;
}

async function tile(z: number, x: number, y: number, app = t.app) {
  const { res, bytes, tile: vt } = await decodeTile(await app.request(`http://localhost/api/basemap/tiles/${await version()}/${z}/${x}/${y}.mvt`, {
    headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` },
  }));
  return { res, bytes, vt };
}

describe('GET /api/basemap/tiles/{version}/{z}/{x}/{y}.mvt', () => {
  it('holds the street where the base data put it, with the schema properties', async () => {
    const at = tileOf(AVENYN[1]!, 15);
    const { vt } = await tile(at.z, at.x, at.y);
    const roads = layerFeatures(vt, 'roads', at.z, at.x, at.y);
    const street = roads.find((f) => f.properties.name === 'Kungsportsavenyen');
    expect(street, JSON.stringify(roads.map((f) => f.properties))).toBeDefined();
    expect(street!.properties).toMatchObject({ kind: 'minor_road', kind_detail: 'residential', 'name:sv': 'Kungsportsavenyen', min_zoom: 12 });
    expect(street!.properties.is_bridge).toBeUndefined();
    // Every vertex of the decoded line lies on the original street, within two tile units.
    const original = turf.lineString(AVENYN);
    const coords = street!.geojson.geometry.type === 'LineString' ? street!.geojson.geometry.coordinates : street!.geojson.geometry.type === 'MultiLineString' ? street!.geojson.geometry.coordinates.flat() : [];
    expect(coords.length).toBeGreaterThanOrEqual(2);
    for (const c of coords) {
      expect(turf.pointToLineDistance(turf.point(c as [number, number]), original, { units: 'meters' })).toBeLessThan(2 * unitMetres(15));
    }
    // The middle vertex is in this tile and comes back where it was.
    expect(coords.some((c) => turf.distance(turf.point(c as [number, number]), turf.point(AVENYN[1]!), { units: 'meters' }) < 2 * unitMetres(15))).toBe(true);
    // The footpath is there from zoom 14, as a path.
    expect(roads.find((f) => f.properties.kind === 'path')?.properties.kind_detail).toBe('footway');
  });

  it('chooses by zoom: no paths and buildings at 13, minor streets from 12, buildings and POIs at 15', async () => {
    const z13 = tileOf(AVENYN[1]!, 13);
    const low = await tile(z13.z, z13.x, z13.y);
    const lowRoads = layerFeatures(low.vt, 'roads', z13.z, z13.x, z13.y);
    expect(lowRoads.map((f) => f.properties.name)).toContain('Kungsportsavenyen');
    expect(lowRoads.some((f) => f.properties.kind === 'path')).toBe(false);
    expect(low.vt.layers.buildings).toBeUndefined();
    expect(low.vt.layers.pois).toBeUndefined();
    const z11 = tileOf(AVENYN[1]!, 11);
    const lower = await tile(z11.z, z11.x, z11.y);
    expect(layerFeatures(lower.vt, 'roads', z11.z, z11.x, z11.y).map((f) => f.properties.name)).not.toContain('Kungsportsavenyen');

    const z15 = tileOf(BUILDING[0]!, 15);
    const high = await tile(z15.z, z15.x, z15.y);
    const buildings = layerFeatures(high.vt, 'buildings', z15.z, z15.x, z15.y);
    expect(buildings).toHaveLength(1);
    expect(buildings[0]!.properties.kind).toBe('building');
    expect(turf.booleanPointInPolygon(turf.centroid(turf.polygon([BUILDING])), buildings[0]!.geojson as GeoJSON.Feature<GeoJSON.Polygon>)).toBe(true);
    const cafe = tileOf(CAFE, 15);
    const pois = layerFeatures((await tile(cafe.z, cafe.x, cafe.y)).vt, 'pois', cafe.z, cafe.x, cafe.y);
    expect(pois.map((f) => f.properties)).toContainEqual(expect.objectContaining({ kind: 'cafe', name: 'Café Husaren' }));
  });

  it('has the river in the water layer and the bridge as a bridge', async () => {
    const inRiver: [number, number] = [11.9655, 57.7112];
    const at = tileOf(inRiver, 14);
    const { vt } = await tile(at.z, at.x, at.y);
    const water = layerFeatures(vt, 'water', at.z, at.x, at.y);
    const river = water.find((f) => f.properties.name === 'Göta älv');
    expect(river?.properties.kind).toBe('water');
    const poly = river!.geojson as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    expect(turf.booleanPointInPolygon(turf.point(inRiver), poly)).toBe(true);
    expect(turf.booleanPointInPolygon(turf.point([11.9655, 57.7140]), poly)).toBe(false);
    const bridge = layerFeatures(vt, 'roads', at.z, at.x, at.y).find((f) => f.properties.name === 'Hisingsbron');
    expect(bridge?.properties).toMatchObject({ kind: 'major_road', is_bridge: true });
  });

  it('has the place names with their kind', async () => {
    const at = tileOf(MAJORNA, 12);
    const places = layerFeatures((await tile(at.z, at.x, at.y)).vt, 'places', at.z, at.x, at.y);
    const majorna = places.find((f) => f.properties.name === 'Majorna');
    expect(majorna?.properties.kind).toBe('macrohood');
    const [lon, lat] = (majorna!.geojson.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(turf.distance(turf.point([lon, lat]), turf.point(MAJORNA), { units: 'meters' })).toBeLessThan(2 * unitMetres(12));
  });

  it('is empty outside the base data; leaves out areas too small to see at the zoom', async () => {
    const stockholm = tileOf([18.07, 59.33], 14);
    const { bytes } = await tile(stockholm.z, stockholm.x, stockholm.y);
    expect(bytes.length).toBe(0);
    // The river (about 3 km by 280 m) covers a few pixels at zoom 10 and far less than one at zoom 4.
    const z10 = tileOf([11.9655, 57.7112], 10);
    expect(layerFeatures((await tile(z10.z, z10.x, z10.y)).vt, 'water', z10.z, z10.x, z10.y).map((f) => f.properties.name)).toContain('Göta älv');
    const z4 = tileOf([11.9655, 57.7112], 4);
    expect((await tile(z4.z, z4.x, z4.y)).vt.layers.water).toBeUndefined();
  });

  it('caches tiles of the current version for good, and answers 304 to its ETag', async () => {
    const v = await version();
    expect(v).toMatch(/^v\d+$/);
    const res = await t.request('viewer', 'GET', `/api/basemap/tiles/${v}/15/0/0.mvt`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const etag = res.headers.get('etag')!;
    expect((await t.request('viewer', 'GET', `/api/basemap/tiles/${v}/15/0/0.mvt`, undefined, { 'if-none-match': etag })).status).toBe(304);
    const stale = await t.request('viewer', 'GET', `/api/basemap/tiles/v999999/15/0/0.mvt`);
    expect(stale.headers.get('cache-control')).toBe('private, no-cache');
  });

  it.each([
    ['/api/basemap/tiles/v1/23/0/0.mvt', 'z'],
    ['/api/basemap/tiles/v1/2/4/0.mvt', 'x'],
    ['/api/basemap/tiles/v1/2/0/4.mvt', 'y'],
    ['/api/basemap/tiles/v1/2/0/1.png', 'y'],
    ['/api/basemap/tiles/v1/a/0/1.mvt', 'z'],
    ['/api/basemap/tiles/V-1/2/0/1.mvt', 'version'],
  ])('%s is a 400 naming %s', async (url, field) => {
    const res = await t.request('viewer', 'GET', url);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(field);
  });

  it('needs sign-in', async () => {
    expect((await t.request('anonymous', 'GET', '/api/basemap/tiles/v1/0/0/0.mvt')).status).toBe(401);
    expect((await t.request('anonymous', 'GET', '/api/basemap/style.json')).status).toBe(401);
  });
});

describe('BASEMAP_PMTILES', () => {
  it('serves the same tile bytes from an archive of the database tiles', async () => {
    const wanted = [tileOf(AVENYN[1]!, 12), tileOf(AVENYN[1]!, 14), tileOf(AVENYN[1]!, 15), tileOf([11.9655, 57.7112], 14)];
    const fromDb = await Promise.all(wanted.map(async (w) => ({ ...w, data: (await tile(w.z, w.x, w.y)).bytes })));
    expect(fromDb.every((d) => d.data.length > 0)).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-pmtiles-'));
    try {
      for (const gzipTiles of [false, true]) {
        const file = path.join(dir, `base-${gzipTiles}.pmtiles`);
        fs.writeFileSync(file, writePmtiles(fromDb, { gzipTiles }));
        const app = createApp({ db: t.db, config: { ...t.config, basemapPmtiles: file }, clock: () => new Date() });
        const style = (await (await app.request('http://localhost/api/basemap/style.json', { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } })).json()) as {
          sources: { protomaps: { tiles: string[]; attribution?: string } };
        };
        const url = style.sources.protomaps.tiles[0]!;
        expect(url).toMatch(/\/tiles\/p[a-z0-9]+\/\{z\}/);
        expect(style.sources.protomaps.attribution).toBe('© OpenStreetMap contributors');
        for (const w of fromDb) {
          const res = await app.request(url.replace('{z}', String(w.z)).replace('{x}', String(w.x)).replace('{y}', String(w.y)), {
            headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` },
          });
          expect(res.status).toBe(200);
          expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(w.data))).toBe(true);
        }
        // A tile the archive does not have is empty.
        const missing = await app.request(url.replace('{z}', '15').replace('{x}', '0').replace('{y}', '0'), { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } });
        expect(missing.status).toBe(200);
        expect((await missing.arrayBuffer()).byteLength).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/basemap/style.json', () => {
  it('is a valid MapLibre style that names only our origin', async () => {
    const res = await t.request('viewer', 'GET', '/api/basemap/style.json');
    expect(res.status).toBe(200);
    const text = await res.text();
    const style = JSON.parse(text);
    expect(validateStyleMin(style)).toEqual([]);
    const urls = [...text.matchAll(/[a-z]+:\/\/[^"{]+/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('http://localhost/')).toBe(true);
    expect(style.glyphs).toBe('http://localhost/api/basemap/fonts/{fontstack}/{range}.pbf');
    expect(style.sprite).toBeUndefined();
    expect(style.sources.protomaps.attribution).toBe('© OpenStreetMap contributors');
    // No layer needs a sprite image, and every font it names is served.
    expect(text).not.toContain('icon-image');
    const fonts = new Set([...text.matchAll(/"(Noto Sans [A-Za-z]+)"/g)].map((m) => m[1]));
    for (const font of fonts) {
      const glyphs = await t.request('viewer', 'GET', `/api/basemap/fonts/${encodeURIComponent(font!)}/0-255.pbf`);
      expect(glyphs.status, font).toBe(200);
    }
    // Swedish first.
    expect(text).toContain('"name:sv"');
  });

  it('takes its origin from PUBLIC_URL', async () => {
    const app = createApp({ db: t.db, config: { ...t.config, publicUrl: 'https://karta.example.se' }, clock: () => new Date() });
    const res = await app.request('http://localhost/api/basemap/style.json', { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } });
    const style = (await res.json()) as { glyphs: string; sources: { protomaps: { tiles: string[] } } };
    expect(style.glyphs.startsWith('https://karta.example.se/api/basemap/fonts/')).toBe(true);
    expect(style.sources.protomaps.tiles[0]!.startsWith('https://karta.example.se/api/basemap/tiles/')).toBe(true);
  });
});

describe('GET /api/basemap/fonts/{fontstack}/{range}', () => {
  /** Reads a glyph PBF: glyphs.stacks[].glyphs[] with id and bitmap. */
  function readGlyphs(bytes: Uint8Array) {
    const out: { name?: string; range?: string; glyphs: { id: number; width: number; bitmap: number }[] } = { glyphs: [] };
    new PbfReader(bytes).readFields((tag, _o, pbf) => {
      if (tag !== 1) return;
      pbf.readMessage((t2, _o2, p2) => {
        if (t2 === 1) out.name = p2.readString();
        else if (t2 === 2) out.range = p2.readString();
        else if (t2 === 3) {
          const g = { id: 0, width: 0, bitmap: 0 };
          p2.readMessage((t3, g3, p3) => {
            if (t3 === 1) g3.id = p3.readVarint();
            else if (t3 === 2) g3.bitmap = p3.readBytes().length;
            else if (t3 === 3) g3.width = p3.readVarint();
            else if (t3 === 4 || t3 === 7) p3.readVarint();
            else if (t3 === 5 || t3 === 6) p3.readSVarint();
          }, g);
          out.glyphs.push(g);
        }
      }, undefined);
    }, undefined);
    return out;
  }

  it('serves Swedish letters as SDF glyphs with the protobuf type', async () => {
    const res = await t.request('viewer', 'GET', '/api/basemap/fonts/Noto%20Sans%20Regular/0-255.pbf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    const g = readGlyphs(new Uint8Array(await res.arrayBuffer()));
    expect(g.name).toBe('Noto Sans Regular');
    expect(g.range).toBe('0-255');
    for (const ch of 'åäöÅÄÖé') {
      const glyph = g.glyphs.find((x) => x.id === ch.codePointAt(0));
      expect(glyph, ch).toBeDefined();
      // The bitmap is the glyph plus a 3 px border on each side.
      expect(glyph!.bitmap).toBeGreaterThan((glyph!.width + 6) * 6);
    }
  });

  it('draws a stack with the first font it has, and a range outside the font as no glyphs', async () => {
    const stack = await t.request('viewer', 'GET', '/api/basemap/fonts/Arial%20Unicode%20MS%20Regular,Noto%20Sans%20Bold/256-511.pbf');
    expect(readGlyphs(new Uint8Array(await stack.arrayBuffer())).name).toBe('Noto Sans Bold');
    const cjk = await t.request('viewer', 'GET', '/api/basemap/fonts/Noto%20Sans%20Regular/19968-20223.pbf');
    expect(cjk.status).toBe(200);
    expect((await cjk.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses a bad range (400 naming range) and an unknown font (404)', async () => {
    for (const range of ['0-256.pbf', '1-256.pbf', '0-255', '..%2F..%2Fx.pbf']) {
      const res = await t.request('viewer', 'GET', `/api/basemap/fonts/Noto%20Sans%20Regular/${range}`);
      expect(res.status, range).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('range');
    }
    expect((await t.request('viewer', 'GET', '/api/basemap/fonts/Comic%20Sans/0-255.pbf')).status).toBe(404);
  });
});

describe('without base data', () => {
  it('the style still draws (a light background, no attribution) and tiles are empty', async () => {
    const empty = await createTestContext();
    const res = await empty.request('viewer', 'GET', '/api/basemap/style.json');
    const style = (await res.json()) as { layers: { id: string; type: string; paint?: Record<string, unknown> }[]; sources: { protomaps: { tiles: string[]; attribution?: string } } };
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style.sources.protomaps.attribution).toBeUndefined();
    expect(style.sources.protomaps.tiles[0]).toContain('/tiles/v0/');
    const background = style.layers.find((l) => l.type === 'background')!;
    expect(background.paint!['background-color']).not.toBe('#cccccc');
    const tileRes = await empty.request('viewer', 'GET', `/api/basemap/tiles/v0/15/${tileOf(AVENYN[1]!, 15).x}/${tileOf(AVENYN[1]!, 15).y}.mvt`);
    expect(tileRes.status).toBe(200);
    expect((await tileRes.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('the two tile statements', () => {
  // Both select from ps_basemap_features; the planner inlines that LANGUAGE sql function,
  // so its bounding-box conditions reach the base tables' GiST indexes. Sequential scans
  // are switched off so the index path shows even on these few rows.
  const plan = (file: string) => {
    const { x, y } = tileOf(AVENYN[1]!, 15);
    return t.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query(file)}`, [15, x, y, 100]);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  };
  it('inline the features function and use the base tables\u2019 spatial indexes', async () => {
    const files = encodesVectorTiles(t.db) ? ['basemap_tile_features', 'basemap_tile_mvt'] : ['basemap_tile_features'];
    for (const file of files) {
      const text = await plan(file);
      expect(text, file).not.toMatch(/Function Scan on ps_basemap_features/);
      expect(text, file).toMatch(/base_ways_geom_gix/);
      expect(text, file).toMatch(/base_areas_geom_gix/);
    }
  });
});

describe('the CSP and the basemap', () => {
  const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  it('allows no other host by default, and a configured third-party style\u2019s origin only when set', async () => {
    expect(t.config.basemapStyleUrl).toBe('/api/basemap/style.json');
    const csp = (await t.request('viewer', 'GET', '/api/health')).headers.get('content-security-policy')!;
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob:");
    const app = createApp({ db: t.db, config: { ...t.config, basemapStyleUrl: 'https://tiles.example.org/styles/x.json' }, clock: () => new Date() });
    const other = (await app.request('http://localhost/api/health')).headers.get('content-security-policy')!;
    expect(directive(other, 'connect-src')).toBe("connect-src 'self' https://tiles.example.org");
  });
});
