import { createRoute } from '@hono/zod-openapi';
import { DEFAULTS } from '../config.js';
import { contextOf } from '../http/context.js';
import { errorResponses } from '../schemas/common.js';
import { InformationNeedCollection, InformationNeedsQuery, splitList } from '../schemas/proximity.js';
import { informationNeeds } from '../services/informationNeeds.js';
import { newRouter } from '../validation.js';

/** The (unit, child place) pairs that need child-safety information, a page at a time, with counts over all of them. */
export const informationNeedsRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/information-needs',
    tags: ['Proximity'],
    summary: 'Every information need: child places inside the outer ring of an open or planned unit',
    description:
      'One feature per (unit, child place) pair, computed in one spatial join. Sorted by priority (high first), then status ' +
      '(overdue, not_informed, due_soon, informed), then distance, then unit and child place id. ' +
      `\`limit\` defaults to ${DEFAULTS.listLimit} (at most ${DEFAULTS.listLimitMax}); \`number_matched\` counts every matching need, ` +
      '`number_returned` this page, and `by_status` and `by_priority` count every matching need by status and by priority. ' +
      'Distances to restricted units are measured from their coarse location for callers without need-to-know (for editors and ' +
      'admins they are exact, and the read of the page is audited). An unknown `unit_id` or `area` answers 404. ' +
      'GET /api/exports/information-needs.csv gives every need in one file.',
    request: { query: InformationNeedsQuery },
    responses: {
      200: {
        description: 'A page of child places with the unit, `distance_m`, `ring`, `priority` and `information`, and the counts over every matching need.',
        content: { 'application/json': { schema: InformationNeedCollection } },
      },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const body = await informationNeeds(contextOf(c), {
      unitId: q.unit_id, areaId: q.area, kinds: splitList(q.kind), priorities: splitList(q.priority), statuses: splitList(q.status),
      limit: q.limit, offset: q.offset,
    }, 'GET /api/information-needs');
    return c.json(body, 200);
  },
);
