import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as turf from '@turf/turf';
import Papa from 'papaparse';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

const run = promisify(execFile);

/** GDAL as the independent reader of the files; CI installs gdal-bin. */
const gdal = (tool: string) => ['/usr/bin', '/usr/local/bin'].map((d) => path.join(d, tool)).find((p) => fs.existsSync(p));
const [ogrinfo, ogr2ogr] = [gdal('ogrinfo'), gdal('ogr2ogr')];
if (!ogrinfo || !ogr2ogr) {
  if (process.env.CI === 'true') throw new Error('ogrinfo/ogr2ogr (gdal-bin) are missing; CI must run the export tests with GDAL.');
  console.warn('\n*** SKIPPING the GeoPackage and CRS export tests: GDAL is not installed (apt-get install gdal-bin) ***\n');
}
const DATA = fileURLToPath(new URL('../../../shared/data/goteborg/', import.meta.url));
const AREA_FILES = ['stadsomraden.geojson', 'primaromraden.geojson'].map((f) => path.join(DATA, f));
const areasPresent = AREA_FILES.every((f) => fs.existsSync(f));
if (!areasPresent && process.env.CI === 'true') throw new Error('../shared/data is missing; the area export tests must run in CI.');

/** SWEREF 99 TM as Lantmäteriet defines it, written out here rather than taken from the product. */
const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toTm = (p: number[]) => proj4('EPSG:4326', SWEREF99TM, [p[0]!, p[1]!]) as [number, number];
const LAYERS = { units: 'units', actors: 'actors', 'child-places': 'child_places', areas: 'areas' } as const;
type Layer = keyof typeof LAYERS;

/** Every position of a geometry, in order. */
const positions = (g: any): number[][] => (typeof g.coordinates?.[0] === 'number' ? [g.coordinates] : (g.coordinates ?? []).flat(g.type === 'MultiPolygon' ? 2 : 1));
const metres = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

describe.skipIf(!ogrinfo || !ogr2ogr)('exports that GDAL reads: GeoPackage, GeoJSON and CSV in SWEREF 99 TM', () => {
  let t: TestContext;
  let dir: string;
  beforeAll(async () => {
    t = await createTestContext();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-export-'));
    if (areasPresent) {
      for (const f of AREA_FILES) {
        const res = await t.request('admin', 'POST', '/api/import/areas', { format: 'geojson', content: fs.readFileSync(f, 'utf8'), dry_run: false });
        expect(res.status, await res.clone().text()).toBe(200);
      }
    }
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The body of a 200 download as bytes. */
  const bytes = async (role: Parameters<TestContext['request']>[0], url: string) => {
    const res = await t.request(role, 'GET', url);
    expect(res.status, `${url}: ${res.status}`).toBe(200);
    return { res, body: new Uint8Array(await res.arrayBuffer()) };
  };
  /** A download saved to a file GDAL can open. */
  const saved = async (role: Parameters<TestContext['request']>[0], url: string, name: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, (await bytes(role, url)).body);
    return file;
  };
  const geojson = async (role: Parameters<TestContext['request']>[0], url: string) => JSON.parse(new TextDecoder().decode((await bytes(role, url)).body));
  /** A layer of a file as GDAL reads it, written by GDAL as GeoJSON (coordinates as stored, `-t_srs` to transform). */
  const viaGdal = async (file: string, layer?: string, extra: string[] = []) =>
    JSON.parse((await run(ogr2ogr!, ['-f', 'GeoJSON', ...extra, '/vsistdout/', file, ...(layer ? [layer] : [])], { maxBuffer: 256 * 1024 * 1024 })).stdout);
  const info = async (file: string, layer?: string) => (await run(ogrinfo!, ['-ro', '-so', file, ...(layer ? [layer] : [])], { maxBuffer: 64 * 1024 * 1024 })).stdout;

  /** GDAL's features of a GeoPackage table equal the API's CRS84 GeoJSON projected by proj4, to 1 cm, id by id. */
  const expectSameAsGeoJson = (fromGdal: any, api: any) => {
    expect(fromGdal.features).toHaveLength(api.features.length);
    const byId = new Map<number, any>(fromGdal.features.map((f: any) => [Number(f.properties.fid ?? f.id), f]));
    for (const f of api.features) {
      const g = byId.get(Number(f.id));
      expect(g, `feature ${f.id}`).toBeDefined();
      const want = positions(f.geometry).map(toTm);
      const got = positions(g.geometry);
      expect(got).toHaveLength(want.length);
      let worst = 0;
      got.forEach((p, i) => (worst = Math.max(worst, metres(p, want[i]!))));
      expect(worst, `feature ${f.id}`).toBeLessThan(0.01);
    }
  };

  it('each layer as GeoPackage: GDAL reads the table, SWEREF 99 TM, the API\'s features to 1 cm', async () => {
    for (const [layer, table] of Object.entries(LAYERS) as [Layer, string][]) {
      const file = await saved('viewer', `/api/exports/${layer}?format=gpkg`, `${layer}.gpkg`);
      const head = fs.readFileSync(file).subarray(0, 100);
      expect(head.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(head.readUInt32BE(68), 'application_id GPKG').toBe(0x47504b47);
      expect(head.readUInt32BE(60), 'user_version 10300').toBe(10300);
      const text = await info(file, table);
      expect(text).toMatch(new RegExp(`Layer name: ${table}\\b`));
      expect(text).toMatch(/ID\["EPSG",3006\]\]\s*$/m);
      const api = await geojson('viewer', `/api/exports/${layer}`);
      expect(text).toMatch(new RegExp(`Feature Count: ${api.features.length}\\b`));
      if (layer !== 'areas' || areasPresent) expect(api.features.length).toBeGreaterThan(0);
      expectSameAsGeoJson(await viaGdal(file, table, ['-preserve_fid']), api);
    }
    // Five exports, each read twice by GDAL: about 12 s here, but over a minute on a busy 2-core machine.
  }, 180_000);

  it('all.gpkg: every layer a table with the API\'s counts and coordinates, each layer audited as an export', async () => {
    const count = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'export' AND details->>'format' = 'gpkg'"))[0]!.n;
    const before = await count();
    const { res } = await bytes('viewer', '/api/exports/all.gpkg');
    expect(res.headers.get('content-type')).toBe('application/geopackage+sqlite3');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="platssamverkan.gpkg"');
    expect(await count()).toBe(before + 4);
    const file = await saved('viewer', '/api/exports/all.gpkg', 'all.gpkg');
    const list = (await run(ogrinfo!, ['-ro', '-q', file])).stdout;
    expect([...list.matchAll(/^\d+: (\w+)/gm)].map((m) => m[1]).sort()).toEqual(Object.values(LAYERS).sort());
    for (const [layer, table] of Object.entries(LAYERS) as [Layer, string][]) {
      const api = await geojson('viewer', `/api/exports/${layer}`);
      expect(await info(file, table)).toMatch(new RegExp(`Feature Count: ${api.features.length}\\b`));
      expectSameAsGeoJson(await viaGdal(file, table, ['-preserve_fid']), api);
    }
  });

  it("a restricted unit is coarse in a viewer's GeoPackage, as in the viewer's GeoJSON, and exact in an editor's", async () => {
    const [r] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity = 'restricted' ORDER BY id LIMIT 1");
    const unitOf = async (role: 'viewer' | 'editor') =>
      (await viaGdal(await saved(role, '/api/exports/all.gpkg', `all-${role}.gpkg`), 'units', ['-preserve_fid'])).features.find((f: any) => Number(f.properties.fid ?? f.id) === r!.id);
    const [viewer, editor] = [await unitOf('viewer'), await unitOf('editor')];
    const viewerJson = (await geojson('viewer', '/api/exports/units')).features.find((f: any) => f.id === r!.id);
    expect(viewer.properties.location_precision).toBe('coarse');
    expect(viewer.properties.address ?? null).toBeNull();
    expect(metres(viewer.geometry.coordinates, toTm(viewerJson.geometry.coordinates))).toBeLessThan(0.01);
    expect(editor.properties.address).toBeTruthy();
    expect(metres(viewer.geometry.coordinates, editor.geometry.coordinates)).toBeGreaterThan(1);
  });

  it('GeoJSON with crs=EPSG:3006: the crs member, proj4\'s coordinates, and GDAL transforms it back to the CRS84 export within 1 cm', async () => {
    for (const layer of ['child-places', 'areas'] as const) {
      const wgs = await geojson('viewer', `/api/exports/${layer}`);
      const { res, body } = await bytes('viewer', `/api/exports/${layer}?crs=EPSG:3006`);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${layer}-epsg3006.geojson"`);
      const tm = JSON.parse(new TextDecoder().decode(body));
      expect(tm.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } });
      expect(wgs.crs).toBeUndefined();
      tm.features.forEach((f: any, i: number) => {
        const want = positions(wgs.features[i].geometry).map(toTm);
        positions(f.geometry).forEach((p, j) => expect(metres(p, want[j]!)).toBeLessThan(0.01));
      });
      const file = path.join(dir, `${layer}-3006.geojson`);
      fs.writeFileSync(file, body);
      expect(await info(file, `${layer}-3006`)).toMatch(/ID\["EPSG",3006\]\]\s*$/m);
      const back = await viaGdal(file, undefined, ['-t_srs', 'EPSG:4326']);
      expect(back.features).toHaveLength(wgs.features.length);
      back.features.forEach((f: any, i: number) => {
        const want = positions(wgs.features[i].geometry);
        positions(f.geometry).forEach((p, j) => expect(turf.distance(p, want[j]!, { units: 'meters' })).toBeLessThan(0.01));
      });
    }
  });

  it('a local zone (EPSG:3007, SWEREF 99 12 00) in a GeoPackage too, and a crs it does not know answers 400 naming crs', async () => {
    const file = await saved('viewer', '/api/exports/units?format=gpkg&crs=EPSG:3007', 'units-3007.gpkg');
    expect(await info(file, 'units')).toMatch(/ID\["EPSG",3007\]\]\s*$/m);
    const zone = '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
    const api = await geojson('viewer', '/api/exports/units');
    const got = new Map<number, any>((await viaGdal(file, 'units', ['-preserve_fid'])).features.map((f: any) => [Number(f.properties.fid ?? f.id), f]));
    for (const f of api.features) expect(metres(got.get(f.id).geometry.coordinates, proj4('EPSG:4326', zone, f.geometry.coordinates))).toBeLessThan(0.01);
    for (const url of ['/api/exports/units?crs=EPSG:2400', '/api/exports/units?format=csv&crs=urn:x', '/api/exports/all.gpkg?crs=EPSG:32633']) {
      const res = await t.request('viewer', 'GET', url);
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.message).toMatch(/^crs: must be one of .*EPSG:3006.*EPSG:3018/);
    }
    expect((await t.request('viewer', 'GET', '/api/exports/units?format=shp')).status).toBe(400);
    expect((await t.request('anonymous', 'GET', '/api/exports/all.gpkg')).status).toBe(401);
  });

  it.skipIf(!areasPresent)('areas follow the right-hand rule in every export, in /ogc items and in /api/areas: exteriors counter-clockwise, holes clockwise (turf)', async () => {
    const rings = (g: any): number[][][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
    const check = (features: any[], where: string) => {
      expect(features.length, where).toBeGreaterThan(0);
      let holes = 0;
      for (const f of features) {
        for (const [outer, ...inner] of rings(f.geometry)) {
          expect(turf.booleanClockwise(outer!), `${where}: exterior of area ${f.id}`).toBe(false);
          for (const h of inner) expect(turf.booleanClockwise(h), `${where}: hole of area ${f.id}`).toBe(true);
          holes += inner.length;
        }
      }
      return holes;
    };
    const source = AREA_FILES.flatMap((f) => JSON.parse(fs.readFileSync(f, 'utf8')).features);
    // As stored (imported and repaired), some rings run the wrong way, so the rule is exercised.
    const stored = await t.db.query<{ g: string }>('SELECT ST_AsGeoJSON(geom) AS g FROM areas');
    const wrongWay = stored.flatMap((r) => rings(JSON.parse(r.g)).flatMap(([outer, ...inner]) => [turf.booleanClockwise(outer!), ...inner.map((h) => !turf.booleanClockwise(h))]));
    expect(wrongWay.filter(Boolean).length, 'stored rings against the rule').toBeGreaterThan(0);
    const wgs = (await geojson('viewer', '/api/exports/areas')).features;
    expect(wgs).toHaveLength(source.length);
    check(wgs, 'GeoJSON');
    check((await geojson('viewer', '/api/exports/areas?crs=EPSG:3006')).features, 'GeoJSON EPSG:3006');
    check((await geojson('viewer', '/ogc/collections/areas/items?limit=1000')).features, '/ogc items');
    check((await t.getJson('viewer', '/api/areas?limit=1000')).features, '/api/areas');
    check((await viaGdal(await saved('viewer', '/api/exports/areas?format=gpkg', 'areas-rule.gpkg'), 'areas')).features, 'GeoPackage');
  });

  it('CSV: excel_sv parsed under Swedish rules (;, decimal comma) and standard with , give the GeoJSON\'s numbers; x/y in EPSG:3006 are proj4\'s', async () => {
    const wgs = await geojson('viewer', '/api/exports/actors');
    const byId = new Map<string, any>(wgs.features.map((f: any) => [String(f.id), f]));
    const swedishNumber = (s: string) => (/^-?\d+(,\d+)?$/.test(s) ? Number(s.replace(',', '.')) : NaN);
    const parse = async (url: string, delimiter: string) => {
      const { body } = await bytes('viewer', url);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, delimiter, newline: '\r\n', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      return { bom: body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf, rows: parsed.data, text };
    };
    const sv = await parse('/api/exports/actors?format=csv&dialect=excel_sv', ';');
    expect(sv.bom).toBe(true);
    expect(sv.rows).toHaveLength(wgs.features.length);
    for (const row of sv.rows) {
      const [lon, lat] = byId.get(row.id!).geometry.coordinates;
      expect([swedishNumber(row.lon!), swedishNumber(row.lat!)]).toEqual([lon, lat]);
      expect(row.lon).toContain(',');
    }
    const defaulted = await parse('/api/exports/actors?format=csv', ';');
    expect(defaulted.text).toBe(sv.text);
    const std = await parse('/api/exports/actors?format=csv&dialect=standard', ',');
    expect(std.bom).toBe(false);
    for (const row of std.rows) expect([Number(row.lon), Number(row.lat)]).toEqual(byId.get(row.id!).geometry.coordinates);
    const tm = await parse('/api/exports/actors?format=csv&crs=EPSG:3006&dialect=excel_sv', ';');
    for (const row of tm.rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['x', 'y']));
      expect(row.lon).toBeUndefined();
      expect(metres([swedishNumber(row.x!), swedishNumber(row.y!)], toTm(byId.get(row.id!).geometry.coordinates))).toBeLessThan(0.01);
    }
    // the phone numbers stay as they are, a leading + included
    expect(sv.rows.some((r) => /^(\+46|0)\d/.test(r.phone ?? ''))).toBe(true);
  });
});
