/**
 * The product's own basemap: vector tiles in the Protomaps basemap schema from the
 * imported OpenStreetMap base data (ST_AsMVT on PostgreSQL; the embedded database as the
 * data tiles do) or from a PMTiles archive named by BASEMAP_PMTILES, the style that draws
 * them, and the glyphs its labels need. Everything is served from the product's origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodesVectorTiles } from '../db/engine.js';
import { statement } from '../db/statements.js';
import { BASEMAP_LAYERS, encodeBasemapTile, type FeatureRow } from './basemap/encode.js';
import { pmtilesArchive } from './basemap/pmtiles.js';
import { BASEMAP_FONTS, basemapStyle } from './basemap/style.js';
import type { RequestContext } from './context.js';

export { BASEMAP_LAYERS, BASEMAP_FONTS, basemapStyle };

const TILE_PARAMS = ['z', 'x', 'y', 'max_features'] as const;
const TILE_MVT = statement('basemap_tile_mvt', TILE_PARAMS);
const TILE_FEATURES = statement('basemap_tile_features', TILE_PARAMS);
const VERSION = statement('basemap_version', []);

/** The most features of one layer in one tile: far above a city tile's, a guard against a country-wide z8 tile. */
export const BASEMAP_MAX_FEATURES = 20_000;
export const BASEMAP_MAX_ZOOM = 22;

/** Where the base tiles come from: the imported base data, or a PMTiles archive (BASEMAP_PMTILES). */
export type BasemapSource = { kind: 'database' } | { kind: 'pmtiles'; file: string };

export interface BasemapVersion {
  /** `v{import id}` (`v0` before any import) or `p…` for an archive: changes whenever the tiles do. */
  version: string;
  /** Whether there is any OpenStreetMap data to show. */
  hasData: boolean;
}

/** The tiles' current version. */
export async function basemapVersion(ctx: RequestContext, source: BasemapSource): Promise<BasemapVersion> {
  if (source.kind === 'pmtiles') return { version: (await pmtilesArchive(source.file)).version, hasData: true };
  const row = await VERSION.one<{ id: number }>(ctx.reader, {});
  return row ? { version: `v${row.id}`, hasData: true } : { version: 'v0', hasData: false };
}

/** One base tile (uncompressed MVT; 0 bytes when empty). */
export async function basemapTile(ctx: RequestContext, source: BasemapSource, z: number, x: number, y: number): Promise<Uint8Array> {
  if (source.kind === 'pmtiles') return (await pmtilesArchive(source.file)).tile(z, x, y);
  const values = { z, x, y, max_features: BASEMAP_MAX_FEATURES };
  if (encodesVectorTiles(ctx.reader)) {
    const row = await TILE_MVT.one<{ mvt: Uint8Array | null }>(ctx.reader, values);
    return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array(0);
  }
  return encodeBasemapTile(await TILE_FEATURES.run<FeatureRow>(ctx.reader, values), z, x, y);
}


/** The committed glyph PBFs (scripts/basemap-glyphs.ts makes them). */
export const GLYPH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../basemap-assets/fonts');

/** A glyph range MapLibre asks for: `start-end`, 256 code points from a multiple of 256. */
export function glyphRangeProblem(range: string): string | undefined {
  const m = /^(\d{1,5})-(\d{1,5})\.pbf$/.exec(range);
  const start = m ? Number(m[1]) : NaN;
  if (!m || start % 256 !== 0 || Number(m[2]) !== start + 255 || start > 65280) {
    return 'range: must be "{start}-{start + 255}.pbf" with start a multiple of 256 up to 65280, such as "0-255.pbf"';
  }
  return undefined;
}

const glyphCache = new Map<string, Uint8Array>();

/**
 * The glyphs of a font stack's range. MapLibre asks for the whole `text-font` list joined
 * by commas: the first font we have draws it. A range the font does not cover is an empty
 * glyph set (MapLibre then draws nothing for those code points, without an error); a stack
 * with none of our fonts is undefined.
 */
export function glyphs(fontstack: string, range: string): Uint8Array | undefined {
  const font = fontstack.split(',').map((f) => f.trim()).find((f): f is (typeof BASEMAP_FONTS)[number] => (BASEMAP_FONTS as readonly string[]).includes(f));
  if (!font) return undefined;
  const key = `${font}/${range}`;
  let bytes = glyphCache.get(key);
  if (!bytes) {
    const file = path.join(GLYPH_DIR, font, range);
    bytes = existsSync(file) ? new Uint8Array(readFileSync(file)) : new Uint8Array(0);
    glyphCache.set(key, bytes);
  }
  return bytes;
}
