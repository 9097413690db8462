import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { contextOf } from '../http/context.js';
import { errorResponses } from '../schemas/common.js';
import { WALKING_SPEED_MAX_KMH, WALKING_SPEED_MIN_KMH, WalkingSettings, WalkingSettingsInput } from '../schemas/walkingSettings.js';
import { getWalkingSettings, setWalkingSettings } from '../services/walkingSettings.js';
import { newRouter } from '../validation.js';

/** The walking settings: read by every role, changed by administrators (audited). */
export const walkingSettingsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/settings/walking',
      tags: ['Settings'],
      summary: 'The walking settings',
      description: 'The walking speed that turns walking distances into minutes, and whether the information rules follow the straight or the walking distance.',
      responses: {
        200: { description: 'The walking settings.', content: { 'application/json': { schema: WalkingSettings } } },
        ...errorResponses(401),
      },
    }),
    async (c) => c.json(await getWalkingSettings(contextOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/settings/walking',
      tags: ['Settings'],
      summary: 'Change the walking settings (admin)',
      description: `The speed ${WALKING_SPEED_MIN_KMH}–${WALKING_SPEED_MAX_KMH} km/h and the information distance. The change and its audit entry (before and after) are written in one transaction; walk zones, walking minutes and, with \`walking\`, every information need's ring and priority follow at once.`,
      middleware: [requireRole('admin')] as const,
      request: { body: { required: true, content: { 'application/json': { schema: WalkingSettingsInput } } } },
      responses: {
        200: { description: 'The new walking settings.', content: { 'application/json': { schema: WalkingSettings } } },
        ...errorResponses(400, 401, 403, 413, 415),
      },
    }),
    async (c) => c.json(await setWalkingSettings(contextOf(c), c.req.valid('json')), 200),
  );
