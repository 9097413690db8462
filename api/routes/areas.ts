import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { AreaCollection, AreaSummary, AreasQuery } from '../schemas/areas.js';
import { IdParam } from '../schemas/common.js';
import { parseBbox } from '../schemas/proximity.js';
import { areaSummary, listAreas } from '../services/areas.js';
import { newRouter } from '../validation.js';

/** The city's areas (stadsområden, primärområden), imported, and a summary per area for the neighbourhood overview. */
export const areasRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/areas',
      tags: ['Areas'],
      summary: 'Areas (city areas and primary areas)',
      description: 'MultiPolygons, filtered by `bbox`, `level` and `q`; city areas first, then by name. `number_matched` counts every match.',
      request: { query: AreasQuery },
      ok: { status: 200, description: 'FeatureCollection of areas.', schema: AreaCollection },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { features, number_matched } = await listAreas(contextOf(c), {
        bbox: q.bbox === undefined ? undefined : parseBbox(q.bbox), levels: q.level, q: q.q, limit: q.limit, offset: q.offset,
      });
      return c.json({ type: 'FeatureCollection' as const, features: features as never[], number_matched, number_returned: features.length }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/areas/{id}/summary',
      tags: ['Areas'],
      summary: 'One area: units, actors, child places and open information needs inside it',
      description: 'Counts of what lies inside the area (restricted units placed at their coarse location for roles without need-to-know), and its information needs with their status at the server clock.',
      request: { params: IdParam },
      ok: { status: 200, description: 'The summary.', schema: AreaSummary },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json((await areaSummary(contextOf(c), id)) as never, 200);
    },
  );
