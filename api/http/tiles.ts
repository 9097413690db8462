import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { badRequest } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { etagMatches, tileRangeProblem } from '../services/tiles.js';

/** The media type of a Mapbox Vector Tile. */
export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

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

/**
 * The `{z}/{x}/{y}` path parameters of a tile source with tiles up to `maxZoom`, to spread
 * into its parameter schema. The path segment is "{y}.mvt"; the suffix is stripped before validation.
 */
export const tileCoordinates = (maxZoom: number, example: { z: string; x: string; y: string }) => ({
  z: tileNumber('z', maxZoom).openapi({ param: { name: 'z', in: 'path' }, description: `Zoom level, 0–${maxZoom}.`, example: example.z }),
  x: tileNumber('x', 2 ** maxZoom - 1).openapi({ param: { name: 'x', in: 'path' }, description: 'Tile column, 0 to 2^z − 1.', example: example.x }),
  y: z
    .string()
    .regex(/^\d{1,8}\.mvt$/, { error: 'y must be an integer followed by ".mvt"' })
    .transform((s) => Number(s.slice(0, -4)))
    .openapi({ param: { name: 'y', in: 'path' }, example: example.y }),
});

/** The answer of a route that sends a tile again and again: 304 while the client's copy is current. */
export const NOT_MODIFIED = { 304: { description: 'Unchanged since the ETag in If-None-Match.' } };

/** The answers of a tile route: the tile, 304 while unchanged, and coordinates outside the grid. */
export const TILE_RESPONSES = {
  200: { description: 'The tile.', content: { [MVT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...NOT_MODIFIED,
  ...errorResponses(400, 401),
};

/** Refuses z/x/y outside the tile grid of zoom z, naming the coordinate out of range. */
export function checkTileRange(zoom: number, x: number, y: number): void {
  const problem = tileRangeProblem(zoom, x, y);
  if (problem) throw badRequest(`Invalid param: ${problem}`);
}

/**
 * Sets the validators of an answer the caller's browser may keep (its ETag, how long it
 * keeps, and Vary, since what a caller sees depends on who they are) and tells whether the
 * copy named in If-None-Match is current: the answer is then a bodiless 304.
 */
export function notModified(c: Context, etag: string, cacheControl: string): boolean {
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  c.header('Vary', 'Authorization, Cookie');
  return etagMatches(c.req.header('if-none-match'), etag);
}

/** A tile's bytes as the 200 answer; an empty tile is an empty body. */
export function tileAnswer(c: Context, bytes: Uint8Array) {
  c.header('Content-Type', MVT_TYPE);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
}
