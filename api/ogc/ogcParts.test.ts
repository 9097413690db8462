/**
 * OGC API – Features Part 2 (CRS) and Part 3 (queryables, CQL2 filters) at /ogc.
 * Projected coordinates are held to GDAL's own projection (gdaltransform, a separate
 * implementation of PROJ's formulas); filters are held to the same filter judged in this
 * test over the unfiltered answer, and spatial ones to turf.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, Geometry, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

const hasGdal = (() => {
  try {
    execFileSync('gdaltransform', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasGdal) {
  console.warn('\n!!! gdaltransform is not installed (Debian gdal-bin): the SWEREF 99 checks against GDAL cannot run.\n');
  if (process.env.CI) throw new Error('CI=true: gdal-bin must be installed for the OGC CRS tests');
}

/** lon/lat → easting/northing by GDAL (its command line reads and writes the traditional GIS order). */
function gdalProject(points: [number, number][], epsg: number): [number, number][] {
  const out = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${epsg}`], { input: points.map((p) => p.join(' ')).join('\n') + '\n' }).toString();
  return out.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number) as [number, number]);
}

const EPSG = (n: number) => `http://www.opengis.net/def/crs/EPSG/0/${n}`;
type F = Feature<Geometry, Record<string, unknown>> & { id: number };
/** A point feature's [lon, lat] (or the CRS's two ordinates). */
const xy = (f: F): [number, number] => (f.geometry as Point).coordinates as [number, number];

const AREAS_DIR = fileURLToPath(new URL('../../../shared/data/goteborg/', import.meta.url));
const hasAreas = fs.existsSync(`${AREAS_DIR}primaromraden.geojson`);
if (!hasAreas) {
  console.warn(`\n!!! ${AREAS_DIR} is absent: the areas filters run on no areas and fail; they need the shared Göteborg data.\n`);
  if (process.env.CI) throw new Error('CI=true: ../shared/data must be beside the checkout for the OGC area tests');
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The real primary areas (irregular shapes whose envelopes overlap): imported as a user would.
  if (hasAreas) {
    const res = await t.request('admin', 'POST', '/api/import/areas', { format: 'geojson', content: fs.readFileSync(`${AREAS_DIR}primaromraden.geojson`, 'utf8'), dry_run: false });
    expect(res.status, await res.clone().text()).toBe(200);
  }
});

const get = async (role: 'viewer' | 'editor', path: string) => {
  const res = await t.request(role, 'GET', path);
  return { status: res.status, headers: res.headers, body: await res.json() };
};
/** Every feature of a collection through the paging, as the role sees it. */
async function all(collection: string, query = '', role: 'viewer' | 'editor' = 'viewer'): Promise<F[]> {
  const out: F[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await get(role, `/ogc/collections/${collection}/items?limit=1000&offset=${offset}${query}`);
    expect(page.status, page.body.error?.message).toBe(200);
    out.push(...page.body.features);
    if (page.body.features.length < 1000) return out;
  }
}
const ids = (fs: F[]) => fs.map((f) => f.id).sort((a, b) => a - b);
const q = (filter: string) => `&filter=${encodeURIComponent(filter)}`;

describe('Part 2: coordinate reference systems', () => {
  it('lists the CRSs each collection is served in and declares Part 2 and Part 3 conformance', async () => {
    const cols = await get('viewer', '/ogc/collections');
    for (const c of cols.body.collections) {
      expect(c.storageCrs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
      expect(c.crs).toEqual(expect.arrayContaining(['http://www.opengis.net/def/crs/OGC/1.3/CRS84', EPSG(4326), EPSG(3006), EPSG(3007), EPSG(3018)]));
    }
    const conf = (await get('viewer', '/ogc/conformance')).body.conformsTo as string[];
    expect(conf).toEqual(expect.arrayContaining([
      'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
      'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
    ]));
  });

  it.skipIf(!hasGdal)('answers in SWEREF 99 TM and a local zone, northing first, as GDAL projects them', async () => {
    const wgs = await get('viewer', '/ogc/collections/child-places/items?limit=50');
    expect(wgs.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    const points = (wgs.body.features as F[]).map((f) => xy(f));
    for (const [epsg, form] of [[3006, EPSG(3006)], [3007, '[EPSG:3007]'], [3006, 'EPSG:3006']] as const) {
      const res = await get('viewer', `/ogc/collections/child-places/items?limit=50&crs=${encodeURIComponent(form)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-crs')).toBe(`<${EPSG(epsg)}>`);
      const expected = gdalProject(points, epsg);
      (res.body.features as F[]).forEach((f, i) => {
        const [n, e] = xy(f);
        expect(Math.abs(e - expected[i]![0]), `${f.id} easting`).toBeLessThan(0.01);
        expect(Math.abs(n - expected[i]![1]), `${f.id} northing`).toBeLessThan(0.01);
      });
    }
  });

  it('answers EPSG:4326 latitude first, and one feature in a CRS too', async () => {
    const wgs = await get('viewer', '/ogc/collections/actors/items?limit=5');
    const lat = await get('viewer', `/ogc/collections/actors/items?limit=5&crs=${encodeURIComponent(EPSG(4326))}`);
    (lat.body.features as F[]).forEach((f, i) => {
      const [lon, la] = xy(wgs.body.features[i]);
      expect((f.geometry as { coordinates: number[] }).coordinates).toEqual([la, lon]);
    });
    const one = await get('viewer', `/ogc/collections/actors/items/${wgs.body.features[0].id}?crs=${encodeURIComponent(EPSG(3006))}`);
    expect(one.headers.get('content-crs')).toBe(`<${EPSG(3006)}>`);
    expect((one.body.geometry.coordinates as number[])[0]).toBeGreaterThan(6_000_000);
  });

  it.skipIf(!hasGdal)('takes a bbox in SWEREF 99 TM (northing first) and returns exactly the features GDAL puts inside it', async () => {
    const everything = await all('actors');
    const projected = gdalProject(everything.map((f) => xy(f)), 3006);
    // A box of 3 × 2 km around Kallebäck, in SWEREF 99 TM.
    const [e0, n0] = gdalProject([[12.006, 57.683]], 3006)[0]!;
    const box = [n0 - 1000, e0 - 1500, n0 + 1000, e0 + 1500];
    const inside = everything.filter((_, i) => {
      const [e, n] = projected[i]!;
      return n >= box[0]! && n <= box[2]! && e >= box[1]! && e <= box[3]!;
    });
    expect(inside.length).toBeGreaterThan(3);
    const got = await all('actors', `&bbox=${box.join(',')}&bbox-crs=${encodeURIComponent(EPSG(3006))}`);
    // Points within a centimetre of the box's edge could go either way; there are none in practice.
    expect(ids(got)).toEqual(ids(inside));
  });
});

describe('Part 3: queryables and CQL2 filters', () => {
  it('describes each collection’s queryables as JSON Schema, linked from the collection', async () => {
    const col = await get('viewer', '/ogc/collections/actors');
    const link = col.body.links.find((l: { rel: string }) => l.rel.endsWith('/queryables'));
    expect(link.href).toBe('http://localhost/ogc/collections/actors/queryables');
    const doc = await get('viewer', '/ogc/collections/actors/queryables');
    expect(doc.status).toBe(200);
    expect(doc.body.properties.category.enum).toContain('police');
    expect(doc.body.properties.geometry.format).toBe('geometry-point');
    expect(doc.body.additionalProperties).toBe(false);
  });

  /** The filters, each with the same rule written here over the unfiltered features. */
  const cases: [string, string, (p: Record<string, unknown>) => boolean][] = [
    ['actors', "category = 'police'", (p) => p.category === 'police'],
    ['actors', "category IN ('shop', 'restaurant') AND NOT name LIKE 'I%'", (p) => ['shop', 'restaurant'].includes(p.category as string) && !(p.name as string).startsWith('I')],
    ['actors', "name LIKE '%s_' OR category <> 'other'", (p) => /s.$/.test(p.name as string) || p.category !== 'other'],
    ['actors', 'website IS NULL', (p) => p.website === null],
    ['actors', 'NOT (website IS NULL)', (p) => p.website !== null],
    ['child-places', "kind = 'school' AND stages LIKE '%7-9%'", (p) => p.kind === 'school' && (p.stages as string).includes('7-9')],
    ['units', 'places BETWEEN 10 AND 40', (p) => (p.places as number) >= 10 && (p.places as number) <= 40],
    ['units', "places >= 20 AND status IN ('open', 'planned')", (p) => (p.places as number) >= 20 && ['open', 'planned'].includes(p.status as string)],
    ['areas', "level = 'primary_area' AND name < 'K'", (p) => p.level === 'primary_area' && (p.name as string) < 'K'],
  ];
  it.each(cases)('%s: %s', async (collection, filter, rule) => {
    const everything = await all(collection);
    const expected = everything.filter((f) => rule(f.properties));
    expect(expected.length, 'the case must select something').toBeGreaterThan(0);
    expect(expected.length, 'and not everything').toBeLessThan(everything.length);
    const page = await get('viewer', `/ogc/collections/${collection}/items?limit=1000${q(filter)}`);
    expect(page.body.numberMatched).toBe(expected.length);
    expect(ids(page.body.features)).toEqual(ids(expected));
  });

  it('pages through a filtered collection with the filter kept in next links', async () => {
    const expected = (await all('actors')).filter((f) => f.properties.category !== 'other');
    const seen: number[] = [];
    let path: string | undefined = `/ogc/collections/actors/items?limit=40${q("category <> 'other'")}`;
    while (path) {
      const page = await get('viewer', path);
      seen.push(...(page.body.features as F[]).map((f) => f.id));
      const next = page.body.links.find((l: { rel: string }) => l.rel === 'next');
      path = next ? next.href.replace('http://localhost', '') : undefined;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(ids(expected));
  });

  it('S_INTERSECTS with a polygon and a bbox selects what turf says intersects', async () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [[[11.95, 57.68], [12.03, 57.67], [12.05, 57.71], [11.97, 57.72], [11.95, 57.68]]] };
    const wkt = `POLYGON((${polygon.coordinates[0]!.map((p) => p.join(' ')).join(', ')}))`;
    for (const collection of ['child-places', 'areas']) {
      const everything = await all(collection);
      const expected = everything.filter((f) => turf.booleanIntersects(f.geometry, polygon));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(await all(collection, q(`S_INTERSECTS(geometry, ${wkt})`)))).toEqual(ids(expected));
    }
    const box = [11.96, 57.69, 11.99, 57.71] as const;
    const everything = await all('areas');
    const expected = everything.filter((f) => turf.booleanIntersects(f.geometry, turf.bboxPolygon([...box])));
    expect(ids(await all('areas', q(`S_INTERSECTS(geometry, BBOX(${box.join(',')}))`)))).toEqual(ids(expected));
  });

  it('an areas bbox tests the shapes, not their envelopes', async () => {
    const areas = (await all('areas')).filter((f) => f.properties.level === 'primary_area');
    // A small box inside some area's envelope but outside the area itself.
    let probe: [number, number, number, number] | undefined;
    let holder: F | undefined;
    for (const a of areas) {
      const [x0, y0, x1, y1] = turf.bbox(a.geometry);
      for (let i = 1; i < 10 && !probe; i++) {
        for (let j = 1; j < 10 && !probe; j++) {
          const x = x0 + ((x1 - x0) * i) / 10;
          const y = y0 + ((y1 - y0) * j) / 10;
          const b: [number, number, number, number] = [x - 0.0005, y - 0.0005, x + 0.0005, y + 0.0005];
          if (!turf.booleanIntersects(a.geometry, turf.bboxPolygon(b))) [probe, holder] = [b, a];
        }
      }
      if (probe) break;
    }
    expect(probe).toBeDefined();
    const got = await all('areas', `&bbox=${probe!.join(',')}`);
    expect(got.map((f) => f.id)).not.toContain(holder!.id);
    const everything = await all('areas');
    expect(ids(got)).toEqual(ids(everything.filter((f) => turf.booleanIntersects(f.geometry, turf.bboxPolygon(probe!)))));
  });

  it('a filter cannot probe what a viewer is not shown of a restricted unit', async () => {
    const editorUnits = await all('units', '', 'editor');
    const restricted = editorUnits.filter((f) => f.properties.sensitivity === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
    const r = restricted[0]!;
    const [lon, lat] = xy(r);
    // The editor finds it by its exact point and its address; the viewer by neither.
    const exact = q(`S_INTERSECTS(geometry, BBOX(${lon - 0.0001}, ${lat - 0.0001}, ${lon + 0.0001}, ${lat + 0.0001}))`);
    expect(ids(await all('units', exact, 'editor'))).toContain(r.id);
    expect(ids(await all('units', exact, 'viewer'))).not.toContain(r.id);
    if (r.properties.address) {
      const byAddress = q(`address = '${String(r.properties.address).replace(/'/g, "''")}'`);
      expect(ids(await all('units', byAddress, 'editor'))).toContain(r.id);
      expect(ids(await all('units', byAddress, 'viewer'))).not.toContain(r.id);
    }
  });

  it('datetime filters on when records last changed', async () => {
    const everything = await all('actors');
    const times = everything.map((f) => Date.parse(f.properties.updated_at as string)).sort((a, b) => a - b);
    const mid = new Date(times[Math.floor(times.length / 2)]!).toISOString();
    const after = await all('actors', `&datetime=${encodeURIComponent(`${mid}/..`)}`);
    expect(ids(after)).toEqual(ids(everything.filter((f) => Date.parse(f.properties.updated_at as string) >= Date.parse(mid))));
    const before = await all('actors', `&datetime=${encodeURIComponent(`../${mid}`)}`);
    expect(ids(before)).toEqual(ids(everything.filter((f) => Date.parse(f.properties.updated_at as string) <= Date.parse(mid))));
  });

  it('refuses what it cannot judge, naming the queryables or the position', async () => {
    const refuse = async (filter: string, message: RegExp) => {
      const res = await get('viewer', `/ogc/collections/actors/items?${q(filter).slice(1)}`);
      expect(res.status, filter).toBe(400);
      expect(res.body.error.message, filter).toMatch(message);
    };
    await refuse("shoe_size = 'x'", /not a queryable of actors; the queryables are geometry, name, category/);
    await refuse('name > 5', /name is a string: compare it with a 'text'/);
    await refuse("category = 'police' AND", /at character 24/);
    await refuse("S_CROSSES(geometry, POINT(12 57))", /expected a comparison/);
    await refuse("name LIKE 'a%' ESCAPE '!'", /expected AND, OR/);
  });
});
