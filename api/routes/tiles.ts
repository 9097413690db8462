import { createRoute, z } from '@hono/zod-openapi';
import { contextOf } from '../http/context.js';
import { checkTileRange, notModified, TILE_RESPONSES, tileAnswer, tileCoordinates } from '../http/tiles.js';
import { renderTile, TILE_EXTENT, TILE_LAYER_NAMES, TILE_MAX_FEATURES, TILE_MAX_ZOOM, tileEtag } from '../services/tiles.js';
import { newRouter } from '../validation.js';

/** Tiles carry names and locations of units and actors: personal data, so only the caller's browser may cache them. */
const TILE_CACHE_CONTROL = 'private, max-age=60';

const TileParams = z.object({
  layer: z.enum(TILE_LAYER_NAMES as [string, ...string[]]).openapi({ param: { name: 'layer', in: 'path' }, example: 'actors' }),
  ...tileCoordinates(TILE_MAX_ZOOM, { z: '12', x: '2184', y: '1268.mvt' }),
});

export const tilesRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tiles/{layer}/{z}/{x}/{y}',
    tags: ['Tiles'],
    summary: 'A vector tile of a map layer',
    description:
      `Mapbox Vector Tile (protobuf, version 2, extent ${TILE_EXTENT}, buffer 64) of the layer \`units\`, \`actors\`, \`child-places\` ` +
      `or \`areas\` (MVT layer names \`units\`, \`actors\`, \`child_places\`, \`areas\`) at Web Mercator tile z/x/y, z 0–${TILE_MAX_ZOOM}; ` +
      'every zoom holds every feature of the tile (zoom 0: the whole world in one tile). ' +
      'Each feature has its id and the label fields: units `name, kind, status, sensitivity, location_precision`; ' +
      'actors `name, category`; child places `name, kind`; areas `name, level, code` (polygons cut to the tile and ' +
      'simplified by one tile unit, so an area smaller than that at this zoom is left out). Restricted units are placed at their coarse location ' +
      `(250 m grid) for callers without need-to-know. At most ${TILE_MAX_FEATURES} features per tile (lowest ids). ` +
      'An empty tile is a 200 with an empty body. `ETag` is a hash of the bytes: send it back in `If-None-Match` for a 304. ' +
      'Read from the read replica when one is configured.',
    request: { params: TileParams },
    responses: TILE_RESPONSES,
  }),
  async (c) => {
    const { layer, z: zoom, x, y } = c.req.valid('param');
    checkTileRange(zoom, x, y);
    const bytes = await renderTile(contextOf(c), { layer: layer as (typeof TILE_LAYER_NAMES)[number], z: zoom, x, y });
    if (notModified(c, tileEtag(bytes), TILE_CACHE_CONTROL)) return c.body(null, 304);
    return tileAnswer(c, bytes);
  },
);
