import { createRoute, z } from '@hono/zod-openapi';
import { badRequest } from '../errors.js';
import { contextOf } from '../http/context.js';
import { errorResponses } from '../schemas/common.js';
import {
  etagMatches, renderTile, TILE_EXTENT, TILE_LAYER_NAMES, TILE_MAX_FEATURES, TILE_MAX_ZOOM, tileEtag, tileRangeProblem,
} from '../services/tiles.js';
import { newRouter } from '../validation.js';

/** Tiles carry names and locations of units and actors: personal data, so only the caller's browser may cache them. */
const TILE_CACHE_CONTROL = 'private, max-age=60';
const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

/**
 * A tile coordinate in the path: digits only, then range-checked. Declared as a string
 * pattern rather than `z.coerce.number()`, which the OpenAPI generator describes as a
 * nullable, optional parameter (and a path parameter must be required).
 */
const tileNumber = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,8}$/, { error: `${name} must be an integer` })
    .transform(Number)
    .pipe(z.number().max(max, { error: `${name} must be at most ${max}` }));

const TileParams = z.object({
  layer: z.enum(TILE_LAYER_NAMES as [string, ...string[]]).openapi({ param: { name: 'layer', in: 'path' }, example: 'actors' }),
  z: tileNumber('z', TILE_MAX_ZOOM).openapi({ param: { name: 'z', in: 'path' }, description: `Zoom level, 0–${TILE_MAX_ZOOM}.`, example: '12' }),
  x: tileNumber('x', 2 ** TILE_MAX_ZOOM - 1).openapi({ param: { name: 'x', in: 'path' }, description: 'Tile column, 0 to 2^z − 1.', example: '2184' }),
  // The path segment is "{y}.mvt"; the suffix is stripped before validation.
  y: z
    .string()
    .regex(/^\d{1,8}\.mvt$/, { error: 'y must be an integer followed by ".mvt"' })
    .transform((s) => Number(s.slice(0, -4)))
    .openapi({ param: { name: 'y', in: 'path' }, example: '1268.mvt' }),
});

export const tilesRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tiles/{layer}/{z}/{x}/{y}',
    tags: ['Tiles'],
    summary: 'A vector tile of a map layer',
    description:
      `Mapbox Vector Tile (protobuf, version 2, extent ${TILE_EXTENT}) of the layer \`units\`, \`actors\` or \`child-places\` ` +
      `(MVT layer names \`units\`, \`actors\`, \`child_places\`) at Web Mercator tile z/x/y, z 0–${TILE_MAX_ZOOM}. ` +
      'Each feature has its id and the label fields: units `name, kind, status, sensitivity, location_precision`; ' +
      'actors `name, category`; child places `name, kind`. Restricted units are placed at their coarse location ' +
      `(250 m grid) for callers without need-to-know. At most ${TILE_MAX_FEATURES} features per tile (lowest ids). ` +
      'An empty tile is a 200 with an empty body. `ETag` is a hash of the bytes: send it back in `If-None-Match` for a 304. ' +
      'Read from the read replica when one is configured.',
    request: { params: TileParams },
    responses: {
      200: { description: 'The tile.', content: { [MVT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
      304: { description: 'The tile has not changed since the ETag in If-None-Match.' },
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { layer, z: zoom, x, y } = c.req.valid('param');
    const problem = tileRangeProblem(zoom, x, y);
    if (problem) throw badRequest(`Invalid param: ${problem}`);
    const bytes = await renderTile(contextOf(c), { layer: layer as (typeof TILE_LAYER_NAMES)[number], z: zoom, x, y });
    const etag = tileEtag(bytes);
    c.header('ETag', etag);
    c.header('Cache-Control', TILE_CACHE_CONTROL);
    c.header('Vary', 'Authorization, Cookie');
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    c.header('Content-Type', MVT_TYPE);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  },
);
