import crypto from 'node:crypto';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { encodesVectorTiles } from '../db/engine.js';
import { statement } from '../db/statements.js';
import { seesExact, type RequestContext } from './context.js';
import { auditExactRead } from './exactReads.js';

const TILE_PARAMS = ['z', 'x', 'y', 'max_features'] as const;

/**
 * The layers served as vector tiles, by path segment: the MVT layer name and two
 * statements with the same rows, `mvt` encoded by ST_AsMVT and `rows` as lon/lat for
 * the engine without it. Only units depend on need-to-know.
 */
export const TILE_LAYERS = {
  units: {
    mvtLayer: 'units',
    mvt: statement('tile_units_mvt', [...TILE_PARAMS, 'need_to_know']),
    rows: statement('tile_units', [...TILE_PARAMS, 'need_to_know']),
  },
  actors: {
    mvtLayer: 'actors',
    mvt: statement('tile_actors_mvt', TILE_PARAMS),
    rows: statement('tile_actors', TILE_PARAMS),
  },
  'child-places': {
    mvtLayer: 'child_places',
    mvt: statement('tile_child_places_mvt', TILE_PARAMS),
    rows: statement('tile_child_places', TILE_PARAMS),
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
 * buffer) come from SQL as lon/lat and are cut and encoded with geojson-vt + vt-pbf.
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
  const { mvt, rows: rowsOf, mvtLayer } = TILE_LAYERS[t.layer];
  // Statements that do not take need-to-know ignore the extra value.
  const values = { z: t.z, x: t.x, y: t.y, max_features: TILE_MAX_FEATURES, need_to_know: seesExact(ctx) };
  if (encodesVectorTiles(db)) {
    const row = await mvt.one<{ mvt: Uint8Array | null }>(db, values);
    return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array(0);
  }
  const rows = await rowsOf.run<Record<string, unknown> & { id: number; lon: number; lat: number }>(db, values);
  if (rows.length === 0) return new Uint8Array(0);
  const features: GeoJSON.Feature<GeoJSON.Point>[] = rows.map(({ id, lon, lat, ...properties }) => ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties,
  }));
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features },
    { maxZoom: t.z, indexMaxZoom: 0, indexMaxPoints: 0, tolerance: 0, extent: TILE_EXTENT, buffer: TILE_BUFFER },
  );
  const tile = index.getTile(t.z, t.x, t.y);
  if (!tile || tile.features.length === 0) return new Uint8Array(0);
  return vtpbf.fromGeojsonVt({ [mvtLayer]: tile }, { version: 2, extent: TILE_EXTENT });
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
