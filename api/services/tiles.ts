import crypto from 'node:crypto';
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { encodesVectorTiles } from '../db/engine.js';
import { statement } from '../db/statements.js';
import { seesExact, type RequestContext } from './context.js';
import { auditExactRead } from './exactReads.js';

const TILE_PARAMS = ['z', 'x', 'y', 'max_features'] as const;

/** A row of a `rows` statement: its id, the label fields, and either a point (lon/lat) or a GeoJSON geometry. */
type TileRow = Record<string, unknown> & { id: number };

/** Points: the row's lon/lat, the other fields as properties. */
const pointFeature = ({ id, lon, lat, ...properties }: TileRow): GeoJSON.Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lon as number, lat as number] },
  properties,
});

/** Shapes: the row's (already cut and simplified) GeoJSON geometry, the other fields as properties. */
const shapeFeature = ({ id, geometry, ...properties }: TileRow): GeoJSON.Feature => ({
  type: 'Feature',
  id,
  geometry: geometry as GeoJSON.Geometry,
  properties,
});

/**
 * The layers served as vector tiles, by path segment: the MVT layer name and two
 * statements with the same rows, `mvt` encoded by ST_AsMVT and `rows` in WGS 84 for
 * the engine without it (`feature` makes a row GeoJSON). Only units depend on
 * need-to-know. Areas are polygons, simplified in SQL by one tile unit on both engines.
 */
export const TILE_LAYERS = {
  units: {
    mvtLayer: 'units',
    mvt: statement('tile_units_mvt', [...TILE_PARAMS, 'need_to_know']),
    rows: statement('tile_units', [...TILE_PARAMS, 'need_to_know']),
    feature: pointFeature,
  },
  actors: {
    mvtLayer: 'actors',
    mvt: statement('tile_actors_mvt', TILE_PARAMS),
    rows: statement('tile_actors', TILE_PARAMS),
    feature: pointFeature,
  },
  'child-places': {
    mvtLayer: 'child_places',
    mvt: statement('tile_child_places_mvt', TILE_PARAMS),
    rows: statement('tile_child_places', TILE_PARAMS),
    feature: pointFeature,
  },
  areas: {
    mvtLayer: 'areas',
    mvt: statement('tile_areas_mvt', TILE_PARAMS),
    rows: statement('tile_areas', TILE_PARAMS),
    feature: shapeFeature,
  },
} as const;
export type TileLayer = keyof typeof TILE_LAYERS;
export const TILE_LAYER_NAMES = Object.keys(TILE_LAYERS) as TileLayer[];

/** Tile geometry: 4096 units per side and a 64-unit buffer, the usual MVT values (and ST_AsMVT's defaults). */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const TILE_MAX_ZOOM = 22;
/**
 * The most features one tile carries (lowest ids first). A zoom-8 tile over a national
 * data set can hold tens of thousands of points; the client asks for tiles only from
 * its tile minimum zoom, where a tile holds far fewer.
 */
export const TILE_MAX_FEATURES = 20_000;

/** The restricted units inside a units tile (exact locations), for the audit of exact reads. */
const TILE_RESTRICTED_UNITS = statement('tile_restricted_units', ['z', 'x', 'y']);

export interface TileRequest {
  layer: TileLayer;
  z: number;
  x: number;
  y: number;
}

/** A 400 message when x/y are outside zoom z's grid, else undefined. */
export function tileRangeProblem(z: number, x: number, y: number): string | undefined {
  const n = 2 ** z;
  if (x >= n) return `x: must be between 0 and ${n - 1} at zoom ${z}`;
  if (y >= n) return `y: must be between 0 and ${n - 1} at zoom ${z}`;
  return undefined;
}

/**
 * One vector tile of a layer. PostgreSQL encodes it with ST_AsMVT; the embedded
 * PostGIS is built without protobuf, so there the features of the tile (with its
 * buffer) come from SQL in WGS 84 (points as lon/lat, areas as GeoJSON) and are cut
 * and encoded with geojson-vt + vt-pbf.
 * Both give the same features, attributes and feature ids; an empty tile is 0 bytes.
 * A units tile that shows restricted units exactly is audited as an exact read.
 */
export async function renderTile(ctx: RequestContext, t: TileRequest): Promise<Uint8Array> {
  const bytes = await encodeTile(ctx, t);
  if (t.layer === 'units' && seesExact(ctx) && bytes.length > 0) {
    const shown = await TILE_RESTRICTED_UNITS.run<{ id: number }>(ctx.reader, { z: t.z, x: t.x, y: t.y });
    await auditExactRead(ctx, shown.map((u) => ({ id: u.id, restricted: true, exact: true })), 'tile');
  }
  return bytes;
}

async function encodeTile(ctx: RequestContext, t: TileRequest): Promise<Uint8Array> {
  const db = ctx.reader;
  const { mvt, rows: rowsOf, mvtLayer, feature } = TILE_LAYERS[t.layer];
  // Statements that do not take need-to-know ignore the extra value.
  const values = { z: t.z, x: t.x, y: t.y, max_features: TILE_MAX_FEATURES, need_to_know: seesExact(ctx) };
  if (encodesVectorTiles(db)) {
    const row = await mvt.one<{ mvt: Uint8Array | null }>(db, values);
    return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array(0);
  }
  const rows = await rowsOf.run<TileRow>(db, values);
  if (rows.length === 0) return new Uint8Array(0);
  // Tolerance 0: geojson-vt only cuts and rounds (it never simplifies at its maxZoom anyway);
  // the areas come simplified from SQL, as ST_AsMVT gets them.
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features: rows.map(feature) },
    { maxZoom: t.z, indexMaxZoom: 0, indexMaxPoints: 0, tolerance: 0, extent: TILE_EXTENT, buffer: TILE_BUFFER },
  );
  const tile = index.getTile(t.z, t.x, t.y);
  const spans = new Map(rows.map((r) => [r.id, lonSpan(r)]));
  const features = tile ? tile.features.filter((f) => !isWrappedCopy(f, spans.get(Number(f.id)), t)) : [];
  if (features.length === 0) return new Uint8Array(0);
  return vtpbf.fromGeojsonVt({ [mvtLayer]: { ...tile, features } }, { version: 2, extent: TILE_EXTENT });
}

/** The westmost and eastmost longitude of a row's point or geometry. */
function lonSpan(r: TileRow): [number, number] {
  if (typeof r.lon === 'number') return [r.lon, r.lon];
  let west = Infinity;
  let east = -Infinity;
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      west = Math.min(west, (c as number[])[0]!);
      east = Math.max(east, (c as number[])[0]!);
    } else for (const d of c as unknown[]) walk(d);
  };
  walk((r.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon).coordinates);
  return [west, east];
}

/**
 * Whether a geojson-vt feature is one of its copies from across the antimeridian: it
 * repeats what lies within the buffer of one edge of the world beyond the other edge
 * (for maps that wrap). ST_AsMVTGeom does not, and the SQL fetches no such feature
 * except at zoom 0, whose one tile holds both edges: there, without this, a feature
 * near the antimeridian would be in the tile twice. A copy is a whole world (4096 units
 * at zoom 0) east or west of where its row's longitudes project; rounding cannot blur
 * that, so even a point on ±180° stays once, on its own side.
 */
function isWrappedCopy(f: LegacyTile['features'][number], span: [number, number] | undefined, t: TileRequest): boolean {
  if (!span) return false;
  const unitsOf = (lon: number) => ((lon + 180) / 360) * 2 ** t.z * TILE_EXTENT - t.x * TILE_EXTENT;
  const [west, east] = [unitsOf(span[0]) - TILE_BUFFER - 1, unitsOf(span[1]) + TILE_BUFFER + 1];
  const points: [number, number][] = f.type === 1 ? f.geometry : f.geometry.flat();
  return points.every(([px]) => px < west) || points.every(([px]) => px > east);
}

/** A strong ETag from the tile's bytes (tiles have no version of their own). */
export const tileEtag = (bytes: Uint8Array): string =>
  `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/** Whether an If-None-Match header names this ETag (or is `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((part) => {
    const tag = part.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
