import { createRoute } from '@hono/zod-openapi';
import { hasNeedToKnow } from '../auth/middleware.js';
import { readerOf } from '../db/reader.js';
import { query } from '../db/sqlFiles.js';
import { notFound } from '../errors.js';
import { AreaCollection, AreaSummary, AreasQuery } from '../schemas/areas.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { parseBbox } from '../schemas/proximity.js';
import { newRouter } from '../validation.js';

/** The city's areas (stadsområden, primärområden), imported, and a summary per area for the neighbourhood overview. */
export const areasRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/areas',
      tags: ['Areas'],
      summary: 'Areas (city areas and primary areas)',
      description: 'MultiPolygons, filtered by `bbox`, `level` and `q`; city areas first, then by name. `number_matched` counts every match.',
      request: { query: AreasQuery },
      responses: {
        200: { description: 'FeatureCollection of areas.', content: { 'application/json': { schema: AreaCollection } } },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const bbox = q.bbox === undefined ? [null, null, null, null] : parseBbox(q.bbox)!;
      const [row] = await readerOf(c.var.deps).query<{ number_matched: number; features: unknown[] }>(query('areas_list'), [
        ...bbox, q.level ?? null, q.q ?? null, q.limit, q.offset,
      ]);
      const features = (row?.features ?? []) as never[];
      return c.json({ type: 'FeatureCollection' as const, features, number_matched: row?.number_matched ?? 0, number_returned: features.length }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/areas/{id}/summary',
      tags: ['Areas'],
      summary: 'One area: units, actors, child places and open information needs inside it',
      description: 'Counts of what lies inside the area (restricted units placed at their coarse location for roles without need-to-know), and its information needs with their status at the server clock.',
      request: { params: IdParam },
      responses: {
        200: { description: 'The summary.', content: { 'application/json': { schema: AreaSummary } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [row] = await readerOf(c.var.deps).query<Record<string, unknown>>(query('area_summary'), [id, hasNeedToKnow(c.var.user), c.var.deps.clock().toISOString()]);
      if (!row) throw notFound('area', id);
      return c.json(row as never, 200);
    },
  );
