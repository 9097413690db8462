import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { errorResponses } from '../schemas/common.js';
import { GlobalRadii, RadiiInput } from '../schemas/proximity.js';
import { audit } from '../services/audit.js';
import { getGlobalRadii, putGlobalRadii } from '../services/proximity.js';
import { newRouter } from '../validation.js';

/** The global zone radii: read by every role, changed by administrators (audited). */
export const settingsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/settings/zone-radii',
      tags: ['Settings'],
      summary: 'The global zone radii',
      description: 'The radii every unit without radii of its own uses, in metres.',
      responses: {
        200: { description: 'The global radii.', content: { 'application/json': { schema: GlobalRadii } } },
        ...errorResponses(401),
      },
    }),
    async (c) => c.json(await getGlobalRadii(c.var.deps.db), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/settings/zone-radii',
      tags: ['Settings'],
      summary: 'Change the global zone radii (admin)',
      description: 'Each radius 10–5000 m, strictly increasing. The change and its audit entry (before and after) are written in one transaction.',
      middleware: [requireRole('admin')] as const,
      request: { body: { required: true, content: { 'application/json': { schema: RadiiInput } } } },
      responses: {
        200: { description: 'The new global radii.', content: { 'application/json': { schema: GlobalRadii } } },
        ...errorResponses(400, 401, 403, 413, 415),
      },
    }),
    async (c) => {
      const radii = c.req.valid('json');
      const { db, clock } = c.var.deps;
      const at = clock();
      const after = await db.transaction(async (tx) => {
        const before = await getGlobalRadii(tx);
        const next = await putGlobalRadii(tx, { immediate: radii.immediate, neighbourhood: radii.neighbourhood, area: radii.area }, at);
        await audit(tx, {
          at, user: c.var.user, action: 'update', entity: 'setting', entityId: 'zone_radii',
          before: { immediate: before.immediate, neighbourhood: before.neighbourhood, area: before.area },
          after: { immediate: next.immediate, neighbourhood: next.neighbourhood, area: next.area },
        });
        return next;
      });
      return c.json(after, 200);
    },
  );
