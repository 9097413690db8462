import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

/** The real Göteborg open data beside the checkout (../shared/data); CI has it. */
const DATA_DIR = fileURLToPath(new URL('../../../shared/data/goteborg/', import.meta.url));
const present = fs.existsSync(DATA_DIR);
if (!present) {
  if (process.env.CI === 'true') throw new Error(`../shared/data is missing (${DATA_DIR}); the real-data import tests must run in CI.`);
  console.warn(`\n*** SKIPPING real-data import tests: ${DATA_DIR} is absent ***\n`);
}
const read = (name: string) => fs.readFileSync(DATA_DIR + name, 'utf8');

describe.skipIf(!present)('imports of the real Göteborg open data', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const post = async (layer: string, body: Record<string, unknown>) => {
    const res = await t.request('admin', 'POST', `/api/import/${layer}`, body);
    const json = await res.json();
    return { status: res.status, json };
  };
  const positions = async () =>
    new Map(
      (await t.db.query<{ external_id: string; lon: number; lat: number }>(
        "SELECT external_id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM child_places WHERE external_id LIKE 'derived:%'",
      )).map((r) => [r.external_id, [r.lon, r.lat] as [number, number]]),
    );

  it('SCB preschools (GeoJSON): guesses the mapping, imports 575, re-import leaves all unchanged', async () => {
    const before = await count('child_places');
    const dry = await post('child-places', { format: 'geojson', content: read('forskolor-scb-2025.geojson'), kind: 'preschool' });
    expect(dry.status).toBe(200);
    expect(dry.json.mapping.name).toEqual(['Firmabenämning', 'Företagsnamn']);
    expect(dry.json.mapping.address).toBe('Besöksadress');
    expect(dry.json.mapping.operator).toBe('Företagsnamn');
    expect(dry.json.counts).toEqual({ total: 575, inserted: 575, updated: 0, unchanged: 0, rejected: 0 });
    expect(await count('child_places')).toBe(before);

    const real = await post('child-places', { format: 'geojson', content: read('forskolor-scb-2025.geojson'), kind: 'preschool', dry_run: false });
    expect(real.status).toBe(200);
    expect(real.json.committed).toBe(true);
    expect(await count('child_places')).toBe(before + 575);
    const audit = await t.db.query<{ details: { counts: { inserted: number } } }>("SELECT details FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1");
    expect(audit[0]!.details.counts.inserted).toBe(575);

    const versions = await t.db.query<{ s: number }>("SELECT sum(version)::int AS s FROM child_places WHERE external_id LIKE 'derived:%'");
    const again = await post('child-places', { format: 'geojson', content: read('forskolor-scb-2025.geojson'), kind: 'preschool', dry_run: false });
    expect(again.json.counts).toEqual({ total: 575, inserted: 0, updated: 0, unchanged: 575, rejected: 0 });
    expect(await count('child_places')).toBe(before + 575);
    expect((await t.db.query<{ s: number }>("SELECT sum(version)::int AS s FROM child_places WHERE external_id LIKE 'derived:%'"))[0]!.s).toBe(versions[0]!.s);
  });

  it('the same preschools as SWEREF 99 TM CSV land within 1 m of the GeoJSON positions', async () => {
    const fromGeoJson = await positions();
    expect(fromGeoJson.size).toBe(575);
    const csv = read('forskolor-scb-2025-sweref99tm.csv');
    const dry = await post('child-places', { format: 'csv', content: csv, kind: 'preschool' });
    expect(dry.status).toBe(200);
    expect(dry.json.mapping).toMatchObject({ x: 'X', y: 'Y', crs: 'EPSG:3006' });
    expect(dry.json.counts.rejected).toBe(0);
    expect(dry.json.counts.inserted).toBe(0);
    const real = await post('child-places', { format: 'csv', content: csv, kind: 'preschool', dry_run: false });
    expect(real.status).toBe(200);
    const fromCsv = await positions();
    expect(fromCsv.size).toBe(575);
    let worst = 0;
    for (const [id, p] of fromGeoJson) {
      const q = fromCsv.get(id);
      expect(q, id).toBeDefined();
      worst = Math.max(worst, turf.distance(turf.point(p), turf.point(q!), { units: 'meters' }));
    }
    expect(worst).toBeLessThan(1);
  });

  it('the same CSV as Windows-1252 bytes (base64) decodes to the same names', async () => {
    const csv = read('forskolor-scb-2025-sweref99tm.csv');
    const cp1252 = Buffer.from([...csv].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 256) return code;
      throw new Error(`not Latin-1: ${ch}`);
    }));
    const dry = await post('child-places', { format: 'csv', content: cp1252.toString('base64'), encoding: 'base64', kind: 'preschool' });
    expect(dry.status).toBe(200);
    expect(dry.json.encoding).toBe('windows-1252');
    expect(dry.json.fields).toContain('Besöksadress');
    expect(dry.json.counts.inserted).toBe(0);
    expect(dry.json.counts.rejected).toBe(0);
  });

  it('OSM playgrounds (Overpass JSON): kind from the tags, ids osm:node/…, unnamed ones named after their kind (and a street near them, if the base data has one)', async () => {
    const before = await count('child_places');
    const real = await post('child-places', { format: 'overpass', content: read('lekplatser-osm-overpass.json'), dry_run: false });
    expect(real.status).toBe(200);
    expect(real.json.counts.rejected).toBe(0);
    expect(real.json.counts.inserted).toBe(128);
    expect(await count('child_places')).toBe(before + 128);
    const [row] = await t.db.query<{ kind: string; name: string; lon: number; lat: number }>(
      "SELECT kind, name, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM child_places WHERE external_id = 'osm:node/267125534'",
    );
    expect(row!.kind).toBe('playground');
    // No base data in this database, so no street to name it by: the kind alone, the OSM id only in external_id.
    expect(await count('base_ways')).toBe(0);
    expect(row!.name).toBe('Lekplats');
    expect(turf.distance([row!.lon, row!.lat], [12.05945, 57.7596962], { units: 'meters' })).toBeLessThan(0.05);
  });

  it('city areas and primary areas import as MultiPolygons with level, code and parent; re-import unchanged', async () => {
    const city = await post('areas', { format: 'geojson', content: read('stadsomraden.geojson'), dry_run: false });
    expect(city.status, JSON.stringify(city.json).slice(0, 1500)).toBe(200);
    expect(city.json.counts).toMatchObject({ inserted: 4, rejected: 0 });
    const primary = await post('areas', { format: 'geojson', content: read('primaromraden.geojson'), dry_run: false });
    expect(primary.status, JSON.stringify(primary.json).slice(0, 1500)).toBe(200);
    expect(primary.json.counts).toMatchObject({ inserted: 96, rejected: 0 });
    // The simplified open data has three invalid polygons (a self-intersection, two slivers): repaired and reported.
    expect(primary.json.warnings.map((w: { row: number }) => w.row)).toEqual([14, 33, 67]);
    const rows = await t.db.query<{ level: string; n: number; parents: number }>(
      'SELECT level, count(*)::int AS n, count(parent_name)::int AS parents FROM areas GROUP BY level ORDER BY level',
    );
    expect(rows).toEqual([{ level: 'city_area', n: 4, parents: 0 }, { level: 'primary_area', n: 96, parents: 96 }]);
    const [k] = await t.db.query<{ name: string; code: string; parent_name: string; type: string }>(
      "SELECT name, code, parent_name, GeometryType(geom::geometry) AS type FROM areas WHERE external_id = 'primary_area:207'",
    );
    expect(k).toEqual({ name: 'Kärralund', code: '207', parent_name: 'Centrum', type: 'MULTIPOLYGON' });
    // Areas agree with turf on the size of a real polygon (within 1 %).
    const src = JSON.parse(read('primaromraden.geojson')).features.find((f: any) => f.properties.omrade_kod === '207');
    const [a] = await t.db.query<{ m2: number }>("SELECT ST_Area(geom)::float8 AS m2 FROM areas WHERE external_id = 'primary_area:207'");
    expect(Math.abs(a!.m2 - turf.area(src)) / turf.area(src)).toBeLessThan(0.01);
    const again = await post('areas', { format: 'geojson', content: read('primaromraden.geojson'), dry_run: false });
    expect(again.json.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 96 });
  });
});
