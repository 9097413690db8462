import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { allTiles, decodeTile, layerFeatures, layerPoints, tileOf } from '../test/vectorTiles.js';

/**
 * Tiles at every zoom, checked against positions projected here (Web Mercator by its
 * formula in `tileOf`) and shapes tested with turf, never against the tile SQL: the low
 * zooms hold every feature, the world's edges (first and last column and row, the
 * antimeridian) hold theirs exactly once, and the areas layer covers each area.
 * Runs on both engines with the same expectations (ST_AsMVT on PostgreSQL, geojson-vt
 * and vt-pbf on the embedded database), so the two give the same features.
 */

let t: TestContext;

/** Points at the edges of the Web Mercator square: the antimeridian's two sides and the top and bottom rows. */
const EDGES = [
  { name: 'Kant väst', lon: -179.999999, lat: 0.5, column: 'first', row: null },
  { name: 'Kant öst', lon: 179.999999, lat: -0.5, column: 'last', row: null },
  { name: 'Kant nord', lon: 0.000001, lat: 85.05112877, column: null, row: 'first' },
  { name: 'Kant syd', lon: -0.000001, lat: -85.05112877, column: null, row: 'last' },
] as const;
/** Beyond Web Mercator's latitude: in no tile at all. */
const POLAR = { name: 'Kant pol', lon: 10, lat: 89 };
const MERCATOR_MAX_LAT = 85.0511287798066;

const POINT_LAYERS = [
  { layer: 'actors', mvtLayer: 'actors', list: '/api/actors', table: 'actors', insert: "INSERT INTO actors (name, category, location) VALUES ($1, 'other', ST_MakePoint($2, $3)::geography) RETURNING id" },
  { layer: 'child-places', mvtLayer: 'child_places', list: '/api/child-places', table: 'child_places', insert: "INSERT INTO child_places (name, kind, location) VALUES ($1, 'playground', ST_MakePoint($2, $3)::geography) RETURNING id" },
] as const;

/** Ids of the edge points per layer, by name. */
const edgeIds: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  t = await createTestContext();
  for (const l of POINT_LAYERS) {
    edgeIds[l.layer] = {};
    for (const p of [...EDGES, POLAR]) {
      const [r] = await t.db.query<{ id: number }>(l.insert, [p.name, p.lon, p.lat]);
      edgeIds[l.layer]![p.name] = r!.id;
    }
  }
});

/**
 * Every feature of a layer as id → [lon, lat]: the ids of its API list (all pages), at
 * their stored coordinates (the list rounds to 1e-7°, which can put a point on
 * Web Mercator's top edge past it).
 */
async function listed(list: string, table: string): Promise<Map<number, [number, number]>> {
  const ids = new Set<number>();
  for (let offset = 0; ; offset += 5000) {
    const page = await t.getJson<{ number_matched: number; features: { id: number }[] }>('viewer', `${list}?limit=5000&offset=${offset}`);
    for (const f of page.features) ids.add(f.id);
    if (offset + page.features.length >= page.number_matched) {
      expect(ids.size).toBe(page.number_matched);
      break;
    }
  }
  const rows = await t.db.query<{ id: number; lon: number; lat: number }>(
    `SELECT id, ST_X(location::geometry)::float8 AS lon, ST_Y(location::geometry)::float8 AS lat FROM ${table}`);
  expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  return new Map(rows.map((r) => [r.id, [r.lon, r.lat]]));
}

const tilePath = (layer: string, z: number, x: number, y: number) => `/api/tiles/${layer}/${z}/${x}/${y}.mvt`;

/** The tile's points (empty body: none), decoded from the protobuf in tile units. */
async function pointsOf(layer: string, mvtLayer: string, z: number, x: number, y: number) {
  const res = await t.request('viewer', 'GET', tilePath(layer, z, x, y));
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  if (bytes.length === 0) return [];
  return layerPoints((await decodeTile(res)).tile, mvtLayer);
}

describe.each(POINT_LAYERS)('$layer tiles at zooms 0–2', ({ layer, mvtLayer, list, table }) => {
  it.each([0, 1, 2])('zoom %i: the tiles together hold every listed feature, each in its own tile at its projected position', async (z) => {
    const rows = await listed(list, table);
    // Only the polar point is beyond Web Mercator; the city's hundreds of features are all mappable.
    const polar = edgeIds[layer]![POLAR.name]!;
    expect(rows.get(polar)![1]).toBeGreaterThan(MERCATOR_MAX_LAT);
    const mappable = [...rows].filter(([id]) => id !== polar);
    for (const [, [, lat]] of mappable) expect(Math.abs(lat)).toBeLessThanOrEqual(MERCATOR_MAX_LAT);
    expect(mappable.length).toBeGreaterThan(z === 0 ? 100 : 0);
    const inOwnTile = new Set<number>();
    for (const { x, y } of allTiles(z)) {
      const features = await pointsOf(layer, mvtLayer, z, x, y);
      const ids = features.map((f) => f.id as number);
      expect(new Set(ids).size, `tile ${z}/${x}/${y}: each feature once`).toBe(ids.length);
      for (const f of features) {
        const lonLat = rows.get(f.id as number);
        expect(lonLat, `feature ${f.id} of tile ${z}/${x}/${y} is listed`).toBeDefined();
        expect(f.type).toBe(1);
        expect(f.points).toHaveLength(1);
        const [px, py] = tileOf(lonLat!, z).at(x, y);
        const [fx, fy] = f.points[0]!;
        // Rounded to whole tile units.
        expect(Math.abs(fx - px), `feature ${f.id} x in ${z}/${x}/${y}`).toBeLessThanOrEqual(0.51);
        expect(Math.abs(fy - py), `feature ${f.id} y in ${z}/${x}/${y}`).toBeLessThanOrEqual(0.51);
        expect(px).toBeGreaterThanOrEqual(-64 - 1);
        expect(px).toBeLessThanOrEqual(4096 + 64 + 1);
        const own = tileOf(lonLat!, z);
        if (own.x === x && own.y === y) inOwnTile.add(f.id as number);
      }
    }
    expect([...inOwnTile].sort((a, b) => a - b)).toEqual(mappable.map(([id]) => id).sort((a, b) => a - b));
  });
});

describe.each(POINT_LAYERS)('$layer tiles at the edges of the world, zooms 0–22', ({ layer, mvtLayer }) => {
  it.each(EDGES)('$name is in its edge tile once, where projected, and not across the antimeridian', async (p) => {
    const id = edgeIds[layer]![p.name]!;
    for (let z = 0; z <= 22; z++) {
      const n = 2 ** z;
      const own = tileOf([p.lon, p.lat], z);
      if (p.column === 'first') expect(own.x).toBe(0);
      if (p.column === 'last') expect(own.x).toBe(n - 1);
      if (p.row === 'first') expect(own.y).toBe(0);
      if (p.row === 'last') expect(own.y).toBe(n - 1);
      const found = (await pointsOf(layer, mvtLayer, z, own.x, own.y)).filter((f) => f.id === id);
      expect(found, `z ${z}: tile ${own.x}/${own.y} holds ${p.name} once`).toHaveLength(1);
      const [px, py] = own.at(own.x, own.y);
      expect(Math.abs(found[0]!.points[0]![0] - px)).toBeLessThanOrEqual(0.51);
      expect(Math.abs(found[0]!.points[0]![1] - py)).toBeLessThanOrEqual(0.51);
      // The tile on the other side of the antimeridian does not repeat it (maps wrap by themselves).
      if (p.column && z >= 1) {
        const across = p.column === 'first' ? n - 1 : 0;
        const there = (await pointsOf(layer, mvtLayer, z, across, own.y)).filter((f) => f.id === id);
        expect(there, `z ${z}: tile ${across}/${own.y} does not hold ${p.name}`).toHaveLength(0);
      }
    }
  });
});

describe('units tile at zoom 0', () => {
  it('holds every unit; restricted ones coarse for a viewer, exact for an editor with an audited read', async () => {
    const units = await t.db.query<{ id: number; sensitivity: string }>('SELECT id, sensitivity FROM units ORDER BY id');
    const restricted = units.filter((u) => u.sensitivity === 'restricted').map((u) => u.id);
    expect(restricted.length).toBeGreaterThan(0);
    const tileAs = async (role: 'viewer' | 'editor') =>
      layerFeatures((await decodeTile(await t.request(role, 'GET', '/api/tiles/units/0/0/0.mvt'))).tile, 'units', 0, 0, 0);
    const asViewer = await tileAs('viewer');
    expect(asViewer.map((f) => f.id).sort((a, b) => Number(a) - Number(b))).toEqual(units.map((u) => u.id));
    for (const f of asViewer) expect(f.properties.location_precision).toBe(restricted.includes(f.id as number) ? 'coarse' : 'exact');
    const auditedBefore = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_exact' AND details->>'via' = 'tile'");
    const asEditor = await tileAs('editor');
    for (const f of asEditor) expect(f.properties.location_precision).toBe('exact');
    const audited = await t.db.query<{ ids: number[] }>(
      "SELECT details->'unit_ids' AS ids FROM audit_log WHERE action = 'read_exact' AND details->>'via' = 'tile' ORDER BY id DESC LIMIT 1");
    const auditedAfter = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_exact' AND details->>'via' = 'tile'");
    expect(auditedAfter[0]!.n).toBe(auditedBefore[0]!.n + 1);
    expect([...audited[0]!.ids].sort((a, b) => a - b)).toEqual(restricted);
  });
});

// ---------------------------------------------------------------------------------------
// Areas

type Poly = GeoJSON.Polygon | GeoJSON.MultiPolygon;
interface TestArea { name: string; level: string; code: string | null; geometry: Poly; id?: number; deep?: { pt: GeoJSON.Position; depth: number }[]; bbox?: GeoJSON.BBox }

/** A ring around a lon/lat box with a vertex every `step` degrees: hundreds of vertices on straight lines, for the simplification. */
function denseBox(w: number, s: number, e: number, n: number, step: number): GeoJSON.Position[] {
  const ring: GeoJSON.Position[] = [];
  const edge = (x0: number, y0: number, x1: number, y1: number) => {
    const k = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) / step);
    for (let i = 0; i < k; i++) ring.push([x0 + ((x1 - x0) * i) / k, y0 + ((y1 - y0) * i) / k]);
  };
  edge(w, s, e, s);
  edge(e, s, e, n);
  edge(e, n, w, n);
  edge(w, n, w, s);
  ring.push(ring[0]!);
  return ring;
}
const box = (w: number, s: number, e: number, n: number): GeoJSON.Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];

const SYNTHETIC: TestArea[] = [
  { name: 'Tät ruta', level: 'other', code: 'T1', geometry: { type: 'Polygon', coordinates: [denseBox(12.02, 57.70, 12.05, 57.716, 0.0001)] } },
  // Concave: its centroid lies outside it.
  { name: 'L-formen', level: 'primary_area', code: null, geometry: { type: 'Polygon', coordinates: [[[11.90, 57.66], [11.96, 57.66], [11.96, 57.67], [11.91, 57.67], [11.91, 57.70], [11.90, 57.70], [11.90, 57.66]]] } },
  { name: 'Med hål', level: 'city_area', code: 'H', geometry: { type: 'Polygon', coordinates: [box(11.80, 57.60, 11.88, 57.65), box(11.82, 57.615, 11.86, 57.635).reverse()] } },
  { name: 'Två delar', level: 'other', code: null, geometry: { type: 'MultiPolygon', coordinates: [[box(12.10, 57.60, 12.13, 57.62)], [box(12.20, 57.75, 12.24, 57.77)]] } },
  // Large enough to be drawn at zoom 0.
  { name: 'Landet', level: 'other', code: 'SE', geometry: { type: 'Polygon', coordinates: [box(11, 55.5, 24, 68.5)] } },
  // At the antimeridian: within the buffer of zoom 0's east edge, so geojson-vt would repeat it west of the world.
  { name: 'Vid datumlinjen', level: 'other', code: null, geometry: { type: 'Polygon', coordinates: [box(177, -18, 179.99, -15)] } },
];
const REAL = ['stadsomraden', 'primaromraden'].map((f) => fileURLToPath(new URL(`../../../shared/data/goteborg/${f}.geojson`, import.meta.url)));

/** Areas from the city's files when they are here (as in the GDAL test), else the synthetic ones alone. */
function realAreas(): TestArea[] {
  return REAL.filter((f) => fs.existsSync(f)).flatMap((f) => {
    const fc = JSON.parse(fs.readFileSync(f, 'utf8')) as GeoJSON.FeatureCollection<Poly, Record<string, string>>;
    return fc.features.map((x) => ({
      name: x.properties.omrade_namn!,
      level: x.properties.niva === 'stadsomrade' ? 'city_area' : 'primary_area',
      code: x.properties.omrade_kod ?? null,
      geometry: x.geometry,
    }));
  });
}

/** One tile unit in metres at a latitude and zoom. */
const unitAt = (lat: number, z: number) => (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / 2 ** z / 4096;

/** The polygons of a (multi)polygon. */
const partsOf = (g: Poly): GeoJSON.Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Metres from a point to the nearest ring of a polygon. */
function toBoundary(pt: GeoJSON.Position, rings: GeoJSON.Position[][]): number {
  return Math.min(...rings.map((r) => turf.pointToLineDistance(pt, turf.lineString(r), { units: 'meters' })));
}

/**
 * A point well inside each part of an area (the grid point farthest from its rings),
 * with that distance: where a tile must show the area, however it simplifies.
 */
function deepPoints(g: Poly): { pt: GeoJSON.Position; depth: number }[] {
  return partsOf(g).map((rings) => {
    const [w, s, e, n] = turf.bbox(turf.polygon(rings));
    let best = { pt: [w, s] as GeoJSON.Position, depth: -1 };
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const pt = [w + ((e - w) * i) / 12, s + ((n - s) * j) / 12];
        if (!turf.booleanPointInPolygon(pt, turf.polygon(rings))) continue;
        const depth = toBoundary(pt, rings);
        if (depth > best.depth) best = { pt, depth };
      }
    }
    return best; // a sliver no grid point falls in: depth -1, checked at no zoom
  });
}

/** The tile's square with its 64-unit buffer as a lon/lat polygon (inverse Web Mercator). */
function bufferedTile(z: number, x: number, y: number) {
  const n = 2 ** z;
  const lon = (fx: number) => (fx / n) * 360 - 180;
  const lat = (fy: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * fy) / n))) * 180) / Math.PI;
  const b = 64 / 4096;
  return turf.bboxPolygon([lon(Math.max(0, x - b)), lat(Math.min(n, y + 1 + b)), lon(Math.min(n, x + 1 + b)), lat(Math.max(0, y - b))]);
}

describe('areas tiles', () => {
  const areas: TestArea[] = [];
  beforeAll(async () => {
    for (const a of [...SYNTHETIC, ...realAreas()]) {
      const [r] = await t.db.query<{ id: number }>(
        'INSERT INTO areas (name, level, code, geom) VALUES ($1, $2, $3, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326))::geography) RETURNING id',
        [a.name, a.level, a.code, JSON.stringify(a.geometry)]);
      // The synthetic areas at every part; the city's (up to 1 331 parts) at their deepest part.
      const deep = deepPoints(a.geometry).sort((p, q) => q.depth - p.depth);
      areas.push({ ...a, id: r!.id, deep: SYNTHETIC.includes(a) ? deep : deep.slice(0, 1), bbox: turf.bbox(a.geometry) });
    }
    // The city's areas have up to 1 331 parts: their deepest points take a while on a busy machine.
  }, 300_000);

  /** The decoded areas of a tile (empty body: none). */
  async function areasTile(z: number, x: number, y: number) {
    const res = await t.request('viewer', 'GET', tilePath('areas', z, x, y));
    expect(res.status).toBe(200);
    if ((await res.clone().arrayBuffer()).byteLength === 0) return [];
    return layerFeatures<Poly>((await decodeTile(res)).tile, 'areas', z, x, y);
  }

  it.each([0, 2, 5, 8, 10, 12, 14, 16])('zoom %i: each area wide enough for the zoom covers its inner points, and a tile holds only areas that reach it', async (z) => {
    const fetched = new Map<string, Awaited<ReturnType<typeof areasTile>>>();
    const tileAt = async (x: number, y: number) => {
      const key = `${x}/${y}`;
      if (!fetched.has(key)) fetched.set(key, await areasTile(z, x, y));
      return fetched.get(key)!;
    };
    let checked = 0;
    for (const a of areas) {
      for (const { pt, depth } of a.deep!) {
        // Simplified by one unit and rounded to whole units: a point 3 units inside stays inside.
        if (depth < 3 * unitAt(pt[1]!, z)) continue;
        const { x, y } = tileOf(pt as [number, number], z);
        const f = (await tileAt(x, y)).find((g) => g.id === a.id);
        expect(f, `${a.name} in tile ${z}/${x}/${y}`).toBeDefined();
        expect(f!.properties).toEqual({ name: a.name, level: a.level, ...(a.code === null ? {} : { code: a.code }) });
        expect(turf.booleanPointInPolygon(pt, f!.geojson), `${a.name} covers its inner point at zoom ${z}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(z === 0 ? 1 : z <= 5 ? 1 : SYNTHETIC.length);
    for (const [key, features] of fetched) {
      const [x, y] = key.split('/').map(Number) as [number, number];
      const ids = features.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of features) {
        const a = areas.find((b) => b.id === f.id);
        expect(a, `feature ${f.id} is an area`).toBeDefined();
        const tileBox = bufferedTile(z, x, y);
        const [w, s, e, n] = turf.bbox(tileBox);
        const [aw, as, ae, an] = a!.bbox!;
        const within = aw >= w && ae <= e && as >= s && an <= n;
        const reaches = within || (aw <= e && ae >= w && as <= n && an >= s && turf.booleanIntersects(turf.feature(a!.geometry), tileBox));
        expect(reaches, `${a!.name} reaches tile ${z}/${key}`).toBe(true);
      }
    }
  });

  it('leaves out the hole of an area with one', async () => {
    const a = areas.find((b) => b.name === 'Med hål')!;
    const hole = [11.84, 57.625];
    // A tile at these zooms is wider than the hole (2.4 km), so it holds the area round it.
    for (const z of [10, 12]) {
      const { x, y } = tileOf(hole as [number, number], z);
      const f = (await areasTile(z, x, y)).find((g) => g.id === a.id);
      expect(f, `zoom ${z}`).toBeDefined();
      expect(turf.booleanPointInPolygon(hole, f!.geojson), `zoom ${z}`).toBe(false);
    }
  });

  it('simplifies: hundreds of vertices on straight lines come as a handful', async () => {
    const a = areas.find((b) => b.name === 'Tät ruta')!;
    const original = (a.geometry as GeoJSON.Polygon).coordinates[0]!.length;
    expect(original).toBeGreaterThan(800);
    const centre = [12.035, 57.708] as [number, number];
    for (const z of [8, 12, 14, 16]) {
      const { x, y } = tileOf(centre, z);
      const f = (await areasTile(z, x, y)).find((g) => g.id === a.id);
      expect(f, `zoom ${z}`).toBeDefined();
      const vertices = partsOf(f!.geojson.geometry).flat(2).length;
      // A box, perhaps cut by the tile's buffered edges: at most a few more corners.
      expect(vertices, `zoom ${z}: ${vertices} vertices`).toBeLessThanOrEqual(12);
    }
  });

  it('rejects nothing at the edges: empty tiles far away, and tile 0/0/0 holds the large area', async () => {
    const landet = areas.find((b) => b.name === 'Landet')!;
    expect((await areasTile(0, 0, 0)).some((f) => f.id === landet.id)).toBe(true);
    // Once, on its own side: every vertex east of the prime meridian.
    const dateline = areas.find((b) => b.name === 'Vid datumlinjen')!;
    for (const [z, x, y] of [[0, 0, 0], [1, 1, 1], [2, 3, 2]] as const) {
      const found = (await areasTile(z, x, y)).filter((f) => f.id === dateline.id);
      expect(found, `tile ${z}/${x}/${y}`).toHaveLength(1);
      expect(partsOf(found[0]!.geojson.geometry).flat(2).every(([lon]) => lon! > 170 && lon! <= 180.0001), `tile ${z}/${x}/${y}`).toBe(true);
    }
    expect((await areasTile(1, 0, 1)).some((f) => f.id === dateline.id)).toBe(false);
    for (const [z, x, y] of [[3, 0, 0], [3, 7, 7], [22, 0, 0], [22, 2 ** 22 - 1, 2 ** 22 - 1]] as const) {
      expect(await areasTile(z, x, y)).toEqual([]);
    }
  });
});

describe('the tile layers in the OpenAPI document', () => {
  it('lists areas among the layer values, and the description names its MVT layer and fields', async () => {
    const doc = await t.getJson('anonymous', '/api/openapi.json');
    const op = doc.paths['/api/tiles/{layer}/{z}/{x}/{y}'].get;
    const layer = op.parameters.find((p: { name: string }) => p.name === 'layer');
    expect(layer.schema.enum).toEqual(['units', 'actors', 'child-places', 'areas']);
    expect(op.description).toContain('`areas`');
    expect(op.description).toContain('areas `name, level, code`');
  });
});
