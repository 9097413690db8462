import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError, badRequest } from '../errors.js';
import { contextOf } from '../http/context.js';
import { publicOrigin } from '../http/publicOrigin.js';
import { checkTileRange, NOT_MODIFIED, notModified, TILE_RESPONSES, tileAnswer, tileCoordinates } from '../http/tiles.js';
import { errorResponses } from '../schemas/common.js';
import {
  BASEMAP_FONTS, BASEMAP_LAYERS, BASEMAP_MAX_ZOOM, basemapStyle, basemapTile, basemapVersion, glyphRangeProblem, glyphs,
  type BasemapSource,
} from '../services/basemap.js';
import { newRouter } from '../validation.js';

/** A tile under the current version never changes: the URL changes with the next import. */
const TILE_CACHE_CURRENT = 'private, max-age=31536000, immutable';
/** A tile asked for under an older version gets today's tile, which may change again. */
const TILE_CACHE_STALE = 'private, no-cache';
/** The style names the current version, so it is checked each time (a 304 when unchanged). */
const STYLE_CACHE = 'private, no-cache';
/** Glyphs change only with a release of the product. */
const GLYPH_CACHE = 'public, max-age=86400';

const sourceOf = (c: Context<AppEnv>): BasemapSource => {
  const file = c.var.deps.config.basemapPmtiles;
  return file ? { kind: 'pmtiles', file } : { kind: 'database' };
};

const TileParams = z.object({
  version: z
    .string()
    .regex(/^[a-z0-9]{1,40}$/, { error: 'version must be the tiles\u2019 version from the style (letters and digits)' })
    .openapi({ param: { name: 'version', in: 'path' }, description: 'The tiles\u2019 version, as the style names it.', example: 'v3' }),
  ...tileCoordinates(BASEMAP_MAX_ZOOM, { z: '14', x: '8747', y: '5077.mvt' }),
});

const FontParams = z.object({
  fontstack: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'fontstack', in: 'path' }, description: `A font or comma-separated fonts: ${BASEMAP_FONTS.join(', ')}.`, example: 'Noto Sans Regular' }),
  range: z.string().openapi({ param: { name: 'range', in: 'path' }, description: '256 code points: "{start}-{start + 255}.pbf".', example: '0-255.pbf' }),
});

export const basemapRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/basemap/style.json',
      tags: ['Basemap'],
      summary: 'The basemap style (MapLibre)',
      description:
        'The product\u2019s own basemap: the Protomaps light style with Swedish labels (`name:sv`, then `name`; `lang=en`: `name:en`, then `name`), ' +
        'its vector tiles, glyphs and nothing else on this origin (no sprite: icon-only layers are left out). ' +
        'The tile URL carries the tiles\u2019 version, so tiles are cached until the next base data import. ' +
        'Attribution "© OpenStreetMap contributors" when there is base data (or a PMTiles archive).',
      request: { query: z.object({ lang: z.enum(['sv', 'en']).default('sv').openapi({ description: 'Label language.' }) }) },
      responses: {
        200: { description: 'A MapLibre style (version 8).', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
        ...NOT_MODIFIED,
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const ctx = contextOf(c);
      const origin = publicOrigin(c);
      const current = await basemapVersion(ctx, sourceOf(c));
      const style = basemapStyle({ origin, ...current, lang });
      const etag = `"${current.version}-${lang}-${Buffer.from(origin).toString('base64url')}"`;
      if (notModified(c, etag, STYLE_CACHE)) return c.body(null, 304);
      return c.json(style as Record<string, unknown>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/basemap/tiles/{version}/{z}/{x}/{y}',
      tags: ['Basemap'],
      summary: 'A basemap vector tile',
      description:
        `Mapbox Vector Tile (extent 4096) of the OpenStreetMap base data in the Protomaps basemap schema: layers ${BASEMAP_LAYERS.map((l) => `\`${l}\``).join(', ')} ` +
        'with `kind`, `kind_detail`, `name`, `name:sv`, `min_zoom`, `sort_rank` (roads also `is_bridge`, `is_tunnel`, `is_link`, `oneway`, `ref`; railways are roads of kind `rail`). ' +
        'Buildings from zoom 14, paths from 14, minor streets from 12; simplified below zoom 14. ' +
        'From BASEMAP_PMTILES when it is set. An empty tile is a 200 with an empty body. ' +
        'Under the current version (see the style) the tile is cacheable for a year; under another version the current tile is sent, not cacheable.',
      request: { params: TileParams },
      responses: TILE_RESPONSES,
    }),
    async (c) => {
      const { version, z: zoom, x, y } = c.req.valid('param');
      checkTileRange(zoom, x, y);
      const ctx = contextOf(c);
      const source = sourceOf(c);
      const current = (await basemapVersion(ctx, source)).version;
      if (notModified(c, `"${current}"`, version === current ? TILE_CACHE_CURRENT : TILE_CACHE_STALE)) return c.body(null, 304);
      return tileAnswer(c, await basemapTile(ctx, source, zoom, x, y));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/basemap/fonts/{fontstack}/{range}',
      tags: ['Basemap'],
      summary: 'Glyphs of the basemap\u2019s labels',
      description:
        'Signed-distance-field glyphs (the PBF MapLibre reads) of Noto Sans, made by scripts/basemap-glyphs.ts. ' +
        'Latin, Latin-1, Latin Extended and punctuation are drawn; another range of a known font is an empty glyph set.',
      request: { params: FontParams },
      responses: {
        200: { description: 'The glyphs.', content: { 'application/x-protobuf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    (c) => {
      const { fontstack, range } = c.req.valid('param');
      const problem = glyphRangeProblem(range);
      if (problem) throw badRequest(`Invalid param: ${problem}`);
      const bytes = glyphs(fontstack, range);
      if (!bytes) throw new ApiError('not_found', `No font "${fontstack}": the fonts are ${BASEMAP_FONTS.join(', ')}.`);
      c.header('Cache-Control', GLYPH_CACHE);
      c.header('Content-Type', 'application/x-protobuf');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    },
  );
