import { createRoute } from '@hono/zod-openapi';
import { hasNeedToKnow } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { UnitCollection, UnitFeature } from '../schemas/units.js';
import { getUnit, listUnits } from '../services/units.js';
import { newRouter } from '../validation.js';

export const unitsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags: ['Units'],
      summary: 'All social housing units',
      description: 'Restricted units are shown to viewers with a location snapped to a 250 m grid and no address.',
      responses: {
        200: { description: 'The units as a GeoJSON FeatureCollection.', content: { 'application/json': { schema: UnitCollection } } },
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const features = await listUnits(c.var.deps.db, hasNeedToKnow(c.var.user));
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}',
      tags: ['Units'],
      summary: 'One unit',
      request: { params: IdParam },
      responses: {
        200: { description: 'The unit as a GeoJSON Feature; `ETag` carries its version.', content: { 'application/json': { schema: UnitFeature } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const unit = await getUnit(c.var.deps.db, id, hasNeedToKnow(c.var.user));
      if (!unit) throw notFound('unit', id);
      c.header('ETag', `"${unit.properties.version}"`);
      return c.json(unit, 200);
    },
  );
