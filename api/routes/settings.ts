import { GlobalRadii, RADIUS_MAX_M, RADIUS_MIN_M, RadiiInput } from '../schemas/proximity.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { getGlobalRadii, setGlobalRadii } from '../services/proximity.js';
import { newRouter } from '../validation.js';

/** The global zone radii: read by every role, changed by administrators (audited). */
export const settingsRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/settings/zone-radii',
      tags: ['Settings'],
      summary: 'The global zone radii',
      description: 'The radii every unit without radii of its own uses, in metres.',
      ok: { status: 200, description: 'The global radii.', schema: GlobalRadii },
    }),
    async (c) => c.json(await getGlobalRadii(contextOf(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: 'put',
      path: '/settings/zone-radii',
      tags: ['Settings'],
      summary: 'Change the global zone radii (admin)',
      description: `Each radius ${RADIUS_MIN_M}–${RADIUS_MAX_M} m, strictly increasing. The change and its audit entry (before and after) are written in one transaction.`,
      role: 'admin',
      body: RadiiInput,
      ok: { status: 200, description: 'The new global radii.', schema: GlobalRadii },
      errors: [413],
    }),
    async (c) => {
      return c.json(await setGlobalRadii(contextOf(c), c.req.valid('json')), 200);
    },
  );
