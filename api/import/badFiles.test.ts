import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.js';
import { createTestContext, type TestContext } from '../test/harness.js';

/**
 * The corpus of bad files: each is refused by a real run (400) with a reason that
 * names the problem, and nothing is written (row counts before = after).
 */
describe('bad import files', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  const counts = async () =>
    (await t.db.query<Record<string, number>>(
      "SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM actors)::int AS actors, (SELECT count(*) FROM child_places)::int AS child_places, (SELECT count(*) FROM areas)::int AS areas, (SELECT count(*) FROM audit_log WHERE action = 'import')::int AS audits",
    ))[0]!;
  const point = (lon: unknown, lat: unknown, props: Record<string, unknown> = { name: 'A', id: 'a1' }) =>
    ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  /** Runs a real import of `content` and returns the error message and the rejected rows; asserts 400 and nothing written. */
  async function refused(layer: string, body: Record<string, unknown>) {
    const before = await counts();
    const res = await t.request('admin', 'POST', `/api/import/${layer}`, { dry_run: false, ...body });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(400);
    expect(await counts()).toEqual(before);
    return { message: json.error.message as string, rejected: (json.error.details?.rejected ?? []) as { row: number; field: string; reason: string }[] };
  }

  const csvKind = { format: 'csv', kind: 'preschool' };

  it('wrong separators: tabs and pipes', async () => {
    expect((await refused('child-places', { ...csvKind, content: 'name\tlon\tlat\nA\t11.9\t57.7\n' })).message).toMatch(/separated by tabs; the separator must be "," or ";"/);
    expect((await refused('child-places', { ...csvKind, content: 'name|lon|lat\nA|11.9|57.7\n' })).message).toMatch(/separated by "\|"/);
  });

  it('broken quoting names the line', async () => {
    const { rejected } = await refused('child-places', { ...csvKind, content: 'name;lon;lat\nGood;11.9;57.7\n"Broken;11.9;57.7\n' });
    expect(rejected).toEqual([expect.objectContaining({ row: 3, field: 'row', reason: expect.stringMatching(/broken quoting/) })]);
  });

  it('a row with more fields than the header', async () => {
    const { rejected } = await refused('child-places', { ...csvKind, content: 'name,lon,lat\nA,11.9,57.7,extra\n' });
    expect(rejected[0]).toMatchObject({ row: 2, field: 'row', reason: expect.stringMatching(/4 fields but the header has 3/) });
  });

  it('missing columns: a mapped column that is not there, and no coordinate columns at all', async () => {
    expect((await refused('child-places', { ...csvKind, content: 'name,lon,lat\nA,11.9,57.7\n', mapping: { lat: 'latitude', lon: 'lon' } })).message)
      .toMatch(/mapping.lat: the column "latitude" is not in the file; it has "name", "lon", "lat"/);
    expect((await refused('child-places', { ...csvKind, content: 'name,address\nA,Storgatan 1\n' })).message).toMatch(/no coordinate columns/);
  });

  it('text, NaN and empty cells in coordinate columns', async () => {
    const { rejected } = await refused('child-places', { ...csvKind, content: 'id,name,lon,lat\n1,A,abc,57.7\n2,B,11.9,NaN\n3,C,,57.7\n4,D,11.9,57.7\n' });
    expect(rejected).toEqual([
      { row: 2, field: 'lon', reason: '"abc" is not a number (longitude, decimal degrees)', code: 'not_a_number', params: { value: 'abc', axis: 'lon' } },
      { row: 3, field: 'lat', reason: '"NaN" is not a number (latitude, decimal degrees)', code: 'not_a_number', params: { value: 'NaN', axis: 'lat' } },
      { row: 4, field: 'lon', reason: '"" is not a number (longitude, decimal degrees)', code: 'not_a_number', params: { value: '', axis: 'lon' } },
    ]);
  });

  it('swapped lat/lon, in CSV and in GeoJSON', async () => {
    const csv = await refused('child-places', { ...csvKind, content: 'id,name,lon,lat\n1,A,57.7,11.9\n' });
    expect(csv.rejected[0]).toMatchObject({ row: 2, field: 'lon/lat', reason: expect.stringMatching(/latitude and longitude look swapped/) });
    const geo = await refused('child-places', { format: 'geojson', kind: 'preschool', content: collection(point(57.7, 11.9)) });
    expect(geo.rejected[0]).toMatchObject({ row: 1, reason: expect.stringMatching(/look swapped/) });
  });

  it('wrong CRS: SWEREF metres in lon/lat columns, degrees in x/y columns, an unknown GeoJSON crs, a point outside Sweden', async () => {
    const metres = await refused('child-places', { ...csvKind, content: 'id;name;lon;lat\n1;A;315140,0;6400487,0\n' });
    expect(metres.rejected[0]!.reason).toMatch(/look like SWEREF 99 metres .* map them as x\/y with crs EPSG:3006 or EPSG:3007/);
    const degrees = await refused('child-places', { ...csvKind, content: 'id;name;X;Y\n1;A;11.9;57.7\n', mapping: { x: 'X', y: 'Y', crs: 'EPSG:3006' } });
    expect(degrees.rejected[0]!.reason).toMatch(/look like WGS 84 degrees/);
    const swappedXy = await refused('child-places', { ...csvKind, content: 'id;name;X;Y\n1;A;6400487;315140\n', mapping: { x: 'X', y: 'Y', crs: 'EPSG:3006' } });
    expect(swappedXy.rejected[0]!.reason).toMatch(/x and y look swapped/);
    const wrongZone = await refused('child-places', { ...csvKind, content: 'id;name;X;Y\n1;A;2000000;6400487\n', mapping: { x: 'X', y: 'Y', crs: 'EPSG:3007' } });
    expect(wrongZone.rejected[0]!.reason).toMatch(/lies outside Sweden .* check the crs/);
    // A crs member naming a CRS the import does not read is refused; SWEREF 99 TM is read (api/import/gisFormats.test.ts).
    const lambert = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } }, features: [point(652000, 6862000)] });
    const unknownCrs = await t.request('admin', 'POST', '/api/import/child-places', { format: 'geojson', kind: 'preschool', content: lambert, dry_run: false });
    expect(unknownCrs.status).toBe(400);
    const unknownBody = await unknownCrs.json();
    expect(unknownBody.error.message).toMatch(/"crs" member names "urn:ogc:def:crs:EPSG::2154", which the import does not read/);
    expect(unknownBody.error.details).toMatchObject({ field: 'file', code: 'unknown_crs', params: { crs: 'urn:ogc:def:crs:EPSG::2154' } });
    const projected = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } }, features: [point(315140, 6400487)] });
    const dry = await t.request('admin', 'POST', '/api/import/child-places', { format: 'geojson', kind: 'preschool', content: projected });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ crs: 'EPSG:3006', crs_detected: false, counts: { total: 1, rejected: 0 } });
    const oslo = await refused('child-places', { format: 'geojson', kind: 'preschool', content: collection(point(10.75, 59.91 + 20)) });
    expect(oslo.rejected[0]!.reason).toMatch(/outside Sweden/);
  });

  it('duplicate external ids within one file', async () => {
    const { rejected } = await refused('child-places', { format: 'geojson', kind: 'preschool', content: collection(point(11.9, 57.7, { name: 'A', id: 'x' }), point(11.91, 57.7, { name: 'B', id: 'x' })) });
    expect(rejected).toEqual([{ row: 2, field: 'id', reason: 'duplicate external id "x": the same id is on row 1', code: 'duplicate_id', params: { value: 'x', first: 1 } }]);
  });

  it('truncated JSON and NaN in JSON', async () => {
    const text = collection(point(11.9, 57.7));
    expect((await refused('child-places', { format: 'geojson', kind: 'preschool', content: text.slice(0, text.length - 10) })).message).toMatch(/the JSON ends too early \(truncated file\?\)/);
    expect((await refused('child-places', { format: 'geojson', kind: 'preschool', content: text.replace('11.9', 'NaN') })).message).toMatch(/not valid JSON/);
    expect((await refused('child-places', { format: 'overpass', content: '{"elements":[{"type":"node","id":1,"lat":57.7,' })).message).toMatch(/ends too early/);
  });

  it('a crs member in a geometry, 3-D points, an empty point, a non-Feature', async () => {
    const withCrs = { type: 'Feature', properties: { name: 'A', id: 'c' }, geometry: { type: 'Point', coordinates: [11.9, 57.7], crs: { type: 'name', properties: { name: 'EPSG:3006' } } } };
    const threeD = point(11.9, 57.7, { name: 'B', id: 'd' }) as { geometry: { coordinates: number[] } };
    threeD.geometry.coordinates.push(12);
    const empty = { type: 'Feature', properties: { name: 'C', id: 'e' }, geometry: { type: 'Point', coordinates: [] } };
    const { rejected } = await refused('child-places', { format: 'geojson', kind: 'preschool', content: collection(withCrs, threeD, empty, { type: 'Nope' }) });
    expect(rejected).toEqual([
      { row: 1, field: 'geometry.crs', reason: expect.stringMatching(/"crs" member is not allowed/), code: 'crs_member' },
      { row: 2, field: 'geometry.coordinates', reason: expect.stringMatching(/2-D \[lon, lat\]; got 3 numbers/), code: 'position_3d' },
      { row: 3, field: 'geometry.coordinates', reason: expect.stringMatching(/the point is empty/), code: 'empty_geometry' },
      { row: 4, field: 'feature', reason: 'not a GeoJSON Feature object', code: 'not_a_feature' },
    ]);
  });

  it('an Overpass way without center, unknown kind and category values, a bow-tie area', async () => {
    const way = await refused('child-places', { format: 'overpass', kind: 'playground', content: JSON.stringify({ elements: [{ type: 'way', id: 5, tags: {} }] }) });
    expect(way.rejected[0]).toMatchObject({ row: 1, field: 'center', reason: expect.stringMatching(/out center/) });
    const kind = await refused('child-places', { format: 'geojson', mapping: { kind: 'typ' }, content: collection(point(11.9, 57.7, { name: 'A', id: 'k', typ: 'zoo' })) });
    expect(kind.rejected[0]).toMatchObject({ field: 'typ', reason: expect.stringMatching(/"zoo" is not a known kind; valid: school, preschool/) });
    const cat = await refused('actors', { format: 'geojson', category: 'bank', content: collection(point(11.9, 57.7)) });
    expect(cat.rejected[0]!.reason).toMatch(/"bank" is not a known category/);
    // A bow-tie with a zero-area repair cannot be stored: rejected, not silently dropped.
    const bowtie = { type: 'Feature', properties: { name: 'X', code: '1' }, geometry: { type: 'Polygon', coordinates: [[[11.9, 57.7], [11.9, 57.7], [11.9, 57.7], [11.9, 57.7]]] } };
    const area = await refused('areas', { format: 'geojson', level: 'other', content: collection(bowtie) });
    expect(area.rejected[0]).toMatchObject({ row: 1, field: 'geometry', reason: expect.stringMatching(/not valid .* cannot be repaired/) });
  });

  it('one bad row among good ones: the real run writes nothing; the dry run reports the rest', async () => {
    const content = 'id,name,lon,lat\n1,A,11.90,57.70\n2,B,11.91,57.70\n3,C,x,57.70\n';
    await refused('child-places', { ...csvKind, content });
    const res = await t.request('admin', 'POST', '/api/import/child-places', { ...csvKind, content, dry_run: true });
    expect(res.status).toBe(200);
    expect((await res.json()).counts).toEqual({ total: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('more rows than the limit → 413; non-JSON body → 415; unknown keys → 400', async () => {
    const rows = Array.from({ length: DEFAULTS.importFeatureLimit + 1 }, (_, i) => `${i},P${i},11.9,57.7`).join('\n');
    const big = await t.request('admin', 'POST', '/api/import/child-places', { ...csvKind, content: `id,name,lon,lat\n${rows}` });
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toMatch(/at most 50000/);
    const form = await t.request('admin', 'POST', '/api/import/child-places', 'name,lon,lat', { 'content-type': 'text/csv' });
    expect(form.status).toBe(415);
    const unknown = await t.request('admin', 'POST', '/api/import/child-places', { ...csvKind, content: 'a', mapping: { nmae: 'x' } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/nmae/);
    const layer = await t.request('admin', 'POST', '/api/import/schools', { ...csvKind, content: 'a' });
    expect(layer.status).toBe(400);
  });

  it('imports are an administrator job: 401 anonymous, 403 viewer and editor', async () => {
    const body = { ...csvKind, content: 'id,name,lon,lat\n1,A,11.9,57.7\n' };
    expect((await t.request('anonymous', 'POST', '/api/import/child-places', body)).status).toBe(401);
    expect((await t.request('viewer', 'POST', '/api/import/child-places', body)).status).toBe(403);
    expect((await t.request('editor', 'POST', '/api/import/child-places', body)).status).toBe(403);
  });

  it('any content in any format gives a 4xx or a report, never a 500 (fast-check)', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('geojson', 'csv', 'overpass'),
        fc.constantFrom('units', 'actors', 'child-places', 'areas'),
        fc.oneof(
          fc.string({ minLength: 1 }),
          fc.json().map((j) => j || '{}'),
          fc.array(fc.tuple(fc.string(), fc.double(), fc.double()), { maxLength: 5 }).map((rows) => `name;lon;lat\n${rows.map((r) => r.join(';')).join('\n')}`),
          fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 4 }).map((ps) => collection(...ps.map(([a, b], i) => point(a, b, { name: `n${i}`, id: `i${i}` })))),
        ),
        async (format, layer, content) => {
          const res = await t.request('admin', 'POST', `/api/import/${layer}`, { format, content, kind: layer === 'units' ? 'shelter' : 'school', category: 'shop', level: 'other' });
          expect(res.status === 200 || (res.status >= 400 && res.status < 500), `${res.status} for ${format} ${layer}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(await counts()).toEqual(before);
  });
});
