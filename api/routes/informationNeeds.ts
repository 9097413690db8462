import type { z } from '@hono/zod-openapi';
import { DEFAULTS } from '../config.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { InformationNeedCollection, InformationNeedsFilterQuery, InformationNeedsQuery, splitList } from '../schemas/proximity.js';
import { informationNeeds, type NeedsFilters } from '../services/informationNeeds.js';
import { newRouter } from '../validation.js';

/**
 * The needs filters of a query (`status=overdue,not_informed&kind=school&sort=-distance`),
 * for the list and its CSV export alike, so both hold the same needs in the same order.
 */
export function needsFiltersOf(q: z.infer<typeof InformationNeedsFilterQuery>): NeedsFilters {
  return {
    unitId: q.unit_id, areaId: q.area, kinds: splitList(q.kind), priorities: splitList(q.priority), statuses: splitList(q.status), sort: q.sort,
  };
}

/** The (unit, child place) pairs that need child-safety information, a page at a time, with counts over all of them. */
export const informationNeedsRoutes = newRouter().openapi(
  jsonRoute({
    method: 'get',
    path: '/information-needs',
    tags: ['Proximity'],
    summary: 'Every information need: child places inside the outer ring of an open or planned unit',
    description:
      'One feature per (unit, child place) pair, computed in one spatial join. `status`, `priority` and `kind` take one code or a comma list ' +
      '(`status=overdue,not_informed`). By default (`sort=urgency`) what needs doing first comes first: status (overdue, not_informed, ' +
      'due_soon, informed), then priority (high first), then distance, then unit and child place id; `sort` orders by another column, ' +
      'descending with a leading `-`, ties in that default order. ' +
      `\`limit\` defaults to ${DEFAULTS.listLimit} (at most ${DEFAULTS.listLimitMax}); \`number_matched\` counts every matching need, ` +
      '`number_returned` this page; `by_status` counts by status every need that passes the filters other than `status`, and `by_priority` ' +
      'by priority every need that passes the filters other than `priority`, so a filter\'s choices can show their counts over the whole set. ' +
      'Distances to restricted units are measured from their coarse location for callers without need-to-know (for editors and ' +
      'admins they are exact, and the read of the page is audited). An unknown `unit_id` or `area` answers 404. ' +
      'GET /api/exports/information-needs.csv gives the same needs, with the same filters and order, in one file.',
    request: { query: InformationNeedsQuery },
    ok: {
      status: 200,
      description: 'A page of child places with the unit, `distance_m`, `ring`, `priority` and `information`, and the counts over every matching need.',
      schema: InformationNeedCollection,
    },
    errors: [404],
  }),
  async (c) => {
    const q = c.req.valid('query');
    const body = await informationNeeds(contextOf(c), { ...needsFiltersOf(q), limit: q.limit, offset: q.offset }, 'GET /api/information-needs');
    return c.json(body, 200);
  },
);
