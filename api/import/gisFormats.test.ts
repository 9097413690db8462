/**
 * The files GIS staff have: GeoPackage, zipped Shapefile (SWEREF 99 TM and RT 90),
 * KML/KMZ, Excel and SWEREF 99 GeoJSON, each made here by GDAL's ogr2ogr (or exceljs)
 * from the real Göteborg preschools in WGS 84, imported through the API and compared,
 * position by position, with the WGS 84 source: within 1 cm, names and counts equal.
 * GDAL does the forward projection, proj4 (the importer) the inverse, so a wrong
 * definition or axis order cannot agree with itself here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as turf from '@turf/turf';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import proj4 from 'proj4';
import KDBush from 'kdbush';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gisFixturesAvailable, SHARED_DATA_DIR } from '../test/gisFixtures.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import './crs.js';

const DATA_DIR = SHARED_DATA_DIR;
const present = gisFixturesAvailable('the GIS format import tests');

const PRESCHOOLS = `${DATA_DIR}forskolor-scb-2025.geojson`;
const PRIMARY_AREAS = `${DATA_DIR}primaromraden.geojson`;

interface SrcFeature { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }
const source = (file: string) => (present ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { features: SrcFeature[] }).features : []);
/** Each preschool by the name and address the import guesses (Firmabenämning, else Företagsnamn; Besöksadress). */
const expectedPreschools = () =>
  new Map(source(PRESCHOOLS).map((f) => [`${f.properties.Firmabenämning || f.properties.Företagsnamn}|${f.properties.Besöksadress}`, f.geometry.coordinates as [number, number]]));

describe.skipIf(!present)('imports of GeoPackage, Shapefile, KML/KMZ, Excel and SWEREF 99 GeoJSON', () => {
  let t: TestContext;
  let dir: string;
  const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: dir, stdio: 'pipe' });
  const file = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
  /** A directory's files (a Shapefile's parts) zipped, optionally without some extensions. */
  const zipDir = (sub: string, without: string[] = []) =>
    zipSync(Object.fromEntries(fs.readdirSync(path.join(dir, sub)).filter((n) => !without.includes(path.extname(n))).map((n) => [n, file(path.join(sub, n))])));
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  beforeAll(async () => {
    t = await createTestContext();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-gis-import-'));
    ogr('-f', 'GPKG', 'pre3006.gpkg', PRESCHOOLS, '-t_srs', 'EPSG:3006', '-nln', 'forskolor');
    ogr('-f', 'GPKG', 'pre4326.gpkg', PRESCHOOLS, '-t_srs', 'EPSG:4326', '-nln', 'forskolor');
    ogr('-f', 'GPKG', 'two.gpkg', PRESCHOOLS, '-t_srs', 'EPSG:3006', '-nln', 'forskolor');
    ogr('-update', '-f', 'GPKG', 'two.gpkg', PRIMARY_AREAS, '-t_srs', 'EPSG:3006', '-nln', 'primaromraden');
    ogr('-f', 'GPKG', 'areas3006.gpkg', PRIMARY_AREAS, '-t_srs', 'EPSG:3006', '-nln', 'primaromraden');
    ogr('-f', 'ESRI Shapefile', 'shp3006', PRESCHOOLS, '-t_srs', 'EPSG:3006');
    ogr('-f', 'ESRI Shapefile', 'shp3021', PRESCHOOLS, '-t_srs', 'EPSG:3021', '-lco', 'ENCODING=UTF-8');
    ogr('-f', 'ESRI Shapefile', 'areas3006', PRIMARY_AREAS, '-t_srs', 'EPSG:3006', '-lco', 'ENCODING=UTF-8');
    ogr('-f', 'KML', 'pre.kml', PRESCHOOLS);
    ogr('-f', 'GeoJSON', 'pre3006.geojson', PRESCHOOLS, '-t_srs', 'EPSG:3006');
  }, 120_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = async (layer: string, body: Record<string, unknown>) => {
    const res = await t.request('admin', 'POST', `/api/import/${layer}`, body);
    return { status: res.status, json: await res.json() };
  };
  const importsAudited = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'"))[0]!.n;

  /** The stored preschools by name|address, as the API's child-places layer answers them. */
  async function storedPreschools(): Promise<Map<string, [number, number]>> {
    const res = await t.request('admin', 'GET', '/api/child-places?kind=preschool&limit=10000');
    expect(res.status).toBe(200);
    const fc = (await res.json()) as { features: { properties: { name: string; address: string | null }; geometry: { coordinates: [number, number] } }[] };
    return new Map(fc.features.map((f) => [`${f.properties.name}|${f.properties.address}`, f.geometry.coordinates]));
  }

  /** Every source preschool is stored within 1 cm of its WGS 84 source position, none more, none fewer. */
  async function expectAllWithin1cm() {
    const expected = expectedPreschools();
    // The demo data's own preschools are there too; every source preschool must be, once.
    const all = await storedPreschools();
    const stored = new Map([...all].filter(([k]) => expected.has(k)));
    expect(expected.size).toBe(575);
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    let worst = 0;
    for (const [key, at] of expected) {
      const d = turf.distance(at, stored.get(key)!, { units: 'meters' });
      worst = Math.max(worst, d);
    }
    expect(worst, `the worst position is ${worst.toFixed(4)} m off`).toBeLessThan(0.01);
  }

  it('a GeoPackage in SWEREF 99 TM: found by its bytes, dry run reports 575, the real run stores them within 1 cm (read back through the API)', async () => {
    const audits = await importsAudited();
    const dry = await post('child-places', { content: b64(file('pre3006.gpkg')), encoding: 'base64', kind: 'preschool' });
    expect(dry.status, JSON.stringify(dry.json)).toBe(200);
    expect(dry.json).toMatchObject({ format: 'geopackage', format_detected: true, crs: 'EPSG:3006', crs_title: 'SWEREF 99 TM', crs_detected: false, source_layer: 'forskolor', layers: ['forskolor'] });
    expect(dry.json.counts).toEqual({ total: 575, inserted: 575, updated: 0, unchanged: 0, rejected: 0 });
    expect(dry.json.mapping.name).toEqual(['Firmabenämning', 'Företagsnamn']);
    expect(dry.json.fields).not.toContain('fid');
    expect(await importsAudited()).toBe(audits);
    // The sample's positions already agree with the source (proj4 inverse of GDAL's forward).
    const expected = expectedPreschools();
    for (const s of dry.json.sample as { name: string; lon: number; lat: number }[]) {
      const hit = [...expected].find(([k]) => k.startsWith(`${s.name}|`));
      expect(hit, s.name).toBeDefined();
    }
    const real = await post('child-places', { format: 'geopackage', content: b64(file('pre3006.gpkg')), encoding: 'base64', kind: 'preschool', dry_run: false });
    expect(real.status, JSON.stringify(real.json).slice(0, 500)).toBe(200);
    expect(real.json.committed).toBe(true);
    expect(await importsAudited()).toBe(audits + 1);
    await expectAllWithin1cm();
  });

  it('the WGS 84 GeoPackage, both Shapefiles (SWEREF 99 TM without .cpg, RT 90 with), KML and KMZ land on the same positions', async () => {
    const kml = file('pre.kml');
    const cases: [string, Uint8Array, string, string][] = [
      ['pre4326.gpkg', file('pre4326.gpkg'), 'geopackage', 'EPSG:4326'],
      ['shp3006.zip', zipDir('shp3006'), 'shapefile', 'EPSG:3006'],
      ['shp3021.zip', zipDir('shp3021'), 'shapefile', 'EPSG:3021'],
      ['pre.kml', kml, 'kml', 'EPSG:4326'],
      ['pre.kmz', zipSync({ 'doc.kml': kml }), 'kmz', 'EPSG:4326'],
    ];
    for (const [name, bytes, format, crs] of cases) {
      const res = await post('child-places', { content: b64(bytes), encoding: 'base64', kind: 'preschool', dry_run: false, ...(format === 'kml' || format === 'kmz' ? { mapping: { name: ['Firmabenämning', 'Företagsnamn'], address: 'Besöksadress' } } : {}) });
      expect(res.status, `${name}: ${JSON.stringify(res.json).slice(0, 600)}`).toBe(200);
      expect(res.json, name).toMatchObject({ format, crs, crs_detected: false, committed: true });
      // The same name and address give the same external id: nothing new, every row found again.
      expect(res.json.counts, name).toMatchObject({ total: 575, inserted: 0, rejected: 0 });
      await expectAllWithin1cm();
    }
  });

  it('the Shapefile reads its .dbf in Windows-1252 without a .cpg and guesses the 10-character names; without a .prj the range gives the CRS, with a warning', async () => {
    const res = await post('child-places', { content: b64(zipDir('shp3006', ['.prj'])), encoding: 'base64', kind: 'preschool' });
    expect(res.status, JSON.stringify(res.json).slice(0, 400)).toBe(200);
    expect(res.json).toMatchObject({ format: 'shapefile', encoding: 'windows-1252', crs: 'EPSG:3006', crs_detected: true });
    expect(res.json.mapping.name).toEqual(['Firmabenäm', 'Företagsna']);
    expect(res.json.mapping.address).toBe('Besöksadre');
    expect(res.json.warnings[0]).toMatchObject({ row: 0, field: 'crs', code: 'crs_detected', params: { crs: 'EPSG:3006' } });
    expect(res.json.counts).toMatchObject({ total: 575, inserted: 0, rejected: 0 });
  });

  it('an Excel workbook with SWEREF 99 TM number cells and one with decimal-comma text: rows as in CSV, same positions', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Info').addRow(['Detta blad är ingen data']);
    const sheet = wb.addWorksheet('Förskolor');
    sheet.addRow(['Namn', 'Besöksadress', 'X', 'Y']);
    const toTm = proj4('EPSG:4326', '+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs');
    for (const f of source(PRESCHOOLS)) {
      const [x, y] = toTm.forward(f.geometry.coordinates as [number, number]);
      sheet.addRow([f.properties.Firmabenämning || f.properties.Företagsnamn, f.properties.Besöksadress, x, y]);
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // The first sheet is read unless another is named.
    const first = await post('child-places', { content: b64(bytes), encoding: 'base64', kind: 'preschool' });
    expect(first.status).toBe(400);
    expect(first.json.error.message).toMatch(/no coordinate columns/);
    const res = await post('child-places', { content: b64(bytes), encoding: 'base64', kind: 'preschool', source_layer: 'Förskolor', dry_run: false });
    expect(res.status, JSON.stringify(res.json).slice(0, 600)).toBe(200);
    expect(res.json).toMatchObject({ format: 'xlsx', source_layer: 'Förskolor', layers: ['Info', 'Förskolor'], crs: 'EPSG:3006', crs_detected: true, mapping: { x: 'X', y: 'Y', crs: 'EPSG:3006' } });
    expect(res.json.counts).toMatchObject({ total: 575, inserted: 0, rejected: 0 });
    await expectAllWithin1cm();

    const text = new ExcelJS.Workbook();
    const s2 = text.addWorksheet('Blad1');
    s2.addRow(['namn', 'adress', 'lon', 'lat']);
    s2.addRow(['Textcellernas förskola', 'Testgatan 1', '11,9745', '57,7089']);
    s2.addRow(['Talcellernas förskola', 'Testgatan 2', 11.9746, 57.709]);
    const mixed = await post('child-places', { format: 'xlsx', content: b64(new Uint8Array(await text.xlsx.writeBuffer())), encoding: 'base64', kind: 'preschool' });
    expect(mixed.status, JSON.stringify(mixed.json)).toBe(200);
    expect(mixed.json.counts).toMatchObject({ total: 2, inserted: 2, rejected: 0 });
    expect(mixed.json.sample.map((s: { lon: number; lat: number }) => [s.lon, s.lat])).toEqual([[11.9745, 57.7089], [11.9746, 57.709]]);
  });

  it('GeoJSON in SWEREF 99 TM: with its crs member, and without one (recognised from the range, with a warning)', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'pre3006.geojson'), 'utf8'));
    expect(doc.crs.properties.name).toMatch(/EPSG::3006/);
    const named = await post('child-places', { content: JSON.stringify(doc), kind: 'preschool', dry_run: false });
    expect(named.status, JSON.stringify(named.json).slice(0, 400)).toBe(200);
    expect(named.json).toMatchObject({ format: 'geojson', crs: 'EPSG:3006', crs_detected: false, counts: { total: 575, rejected: 0, inserted: 0 } });
    await expectAllWithin1cm();
    delete doc.crs;
    const bare = await post('child-places', { format: 'geojson', content: JSON.stringify(doc), kind: 'preschool', dry_run: false });
    expect(bare.status).toBe(200);
    expect(bare.json).toMatchObject({ crs: 'EPSG:3006', crs_detected: true, counts: { total: 575, rejected: 0, inserted: 0 } });
    expect(bare.json.warnings[0]).toMatchObject({ code: 'crs_detected', params: { crs: 'EPSG:3006' } });
    await expectAllWithin1cm();
  });

  it('areas (polygons) from a GeoPackage and a Shapefile in SWEREF 99 TM match the WGS 84 source within 1 cm', async () => {
    const src = source(PRIMARY_AREAS);
    expect(src.length).toBe(96);
    const mapping = { name: 'omrade_namn', id: 'omrade_kod', code: 'omrade_kod', parent: 'stadsomrade_namn' };
    const storedAreas = async () =>
      new Map(
        (await t.db.query<{ code: string; name: string; parent_name: string; geojson: string }>(
          "SELECT code, name, parent_name, ST_AsGeoJSON(geom::geometry, 9) AS geojson FROM areas WHERE external_id LIKE 'primary_area:%'",
        )).map((r) => [r.code, { ...r, vertices: (JSON.parse(r.geojson) as { coordinates: [number, number][][][] }).coordinates.flat(2) }]),
      );
    const metres = (p: [number, number], q: [number, number]) => Math.hypot((p[0] - q[0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180), (p[1] - q[1]) * 110_574);
    /**
     * The largest distance from a vertex of `a` to the nearest vertex of `b`, in metres. The
     * candidates within 1 m come from an index (the polygons have thousands of vertices, and a
     * scan of every pair took half a minute); a vertex with none is measured against all of `b`.
     */
    const farthest = (a: [number, number][], b: [number, number][]) => {
      const planar = (p: [number, number]) => [p[0] * 111_320 * Math.cos((p[1] * Math.PI) / 180), p[1] * 110_574] as const;
      const index = new KDBush(b.length);
      for (const q of b) index.add(...planar(q));
      index.finish();
      let worst = 0;
      for (const p of a) {
        const near = index.within(...planar(p), 1);
        worst = Math.max(worst, Math.min(...(near.length ? near.map((i) => b[i]!) : b).map((q) => metres(p, q))));
      }
      return worst;
    };
    // A few source polygons are not valid (a ring touching itself, a degenerate hole) and are stored repaired
    // (ST_MakeValid): those are compared with the repair of the WGS 84 GeoJSON itself.
    const fromGeoJson = await post('areas', { content: fs.readFileSync(PRIMARY_AREAS, 'utf8'), level: 'primary_area', mapping, dry_run: false });
    expect(fromGeoJson.status).toBe(200);
    const repaired = new Set((fromGeoJson.json.warnings as { row: number; code: string }[]).filter((w) => w.code === 'geometry_repaired').map((w) => src[w.row - 1]!.properties.omrade_kod));
    expect(repaired.size).toBeLessThan(10);
    const reference = await storedAreas();
    const cases = [
      ['areas3006.gpkg', file('areas3006.gpkg'), mapping],
      // The .dbf cuts field names to 10 characters (GDAL numbers the clashes).
      ['areas3006.zip', zipDir('areas3006'), { name: 'omrade_nam', id: 'omrade_kod', code: 'omrade_kod', parent: 'stadsomr_1' }],
    ] as const;
    for (const [name, bytes, m] of cases) {
      const res = await post('areas', { content: b64(bytes), encoding: 'base64', level: 'primary_area', mapping: m, dry_run: false });
      expect(res.status, `${name}: ${JSON.stringify(res.json).slice(0, 600)}`).toBe(200);
      expect(res.json, name).toMatchObject({ crs: 'EPSG:3006', counts: { total: 96, inserted: 0, rejected: 0 } });
      const stored = await storedAreas();
      for (const f of src) {
        const code = f.properties.omrade_kod!;
        const got = stored.get(code);
        expect(got, `${name} ${code}`).toBeDefined();
        expect(got!.name).toBe(f.properties.omrade_namn);
        expect(got!.parent_name).toBe(f.properties.stadsomrade_namn);
        const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][];
        const want = repaired.has(code) ? reference.get(code)!.vertices : rings.flat(2);
        expect(got!.vertices.length, `${name} ${code}: vertex count`).toBe(want.length);
        // Both ways, since a Shapefile's rings turn clockwise and may start elsewhere.
        const worst = Math.max(farthest(got!.vertices, want), farthest(want, got!.vertices));
        expect(worst, `${name} ${code}: worst vertex ${worst.toFixed(4)} m`).toBeLessThan(0.01);
        if (!repaired.has(code)) {
          const [gotArea, wantArea] = [turf.area(turf.multiPolygon(JSON.parse(got!.geojson).coordinates)), turf.area(turf.multiPolygon(rings))];
          expect(Math.abs(gotArea - wantArea), `${name} ${code}: area`).toBeLessThan(1);
        }
      }
    }
  });

  it('a GeoPackage with two tables needs source_layer, names them, and reads the one named', async () => {
    const bytes = b64(file('two.gpkg'));
    const none = await post('child-places', { content: bytes, encoding: 'base64', kind: 'preschool', dry_run: false });
    expect(none.status).toBe(400);
    expect(none.json.error.message).toMatch(/source_layer/);
    expect(none.json.error.details).toMatchObject({ field: 'source_layer', code: 'choose_layer', params: { layers: ['forskolor', 'primaromraden'] } });
    const wrong = await post('child-places', { content: bytes, encoding: 'base64', kind: 'preschool', source_layer: 'lekplatser' });
    expect(wrong.json.error.details).toMatchObject({ field: 'source_layer', code: 'choose_layer', params: { value: 'lekplatser' } });
    const named = await post('child-places', { content: bytes, encoding: 'base64', kind: 'preschool', source_layer: 'forskolor' });
    expect(named.status).toBe(200);
    expect(named.json).toMatchObject({ source_layer: 'forskolor', layers: ['forskolor', 'primaromraden'], counts: { total: 575, rejected: 0 } });
  });
});
