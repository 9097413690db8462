import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { errorResponses, pageOf } from '../schemas/common.js';
import { FollowUpList, FollowUpQuery, Implementation, MarkInformed, MarkInformedResult } from '../schemas/outreach.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { listActivities, markInformed } from '../services/activities.js';
import { implementationOverview } from '../services/implementation.js';
import { exportFollowUps, exportImplementation, FOLLOW_UP_EXPORT_MAX_ROWS } from '../services/outreachExports.js';
import { CSV_DIALECT_DESCRIPTION, CSV_DIALECTS, DEFAULT_CSV_DIALECT } from '../services/csv.js';
import { newRouter } from '../validation.js';

/** A CSV download written by a service (api/services/outreachExports.ts). */
function csv(c: Context<AppEnv>, filename: string, body: string): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(body, 200);
}

const csvResponse = (description: string) => ({
  200: { description: `${description} In \`dialect\` (default \`${DEFAULT_CSV_DIALECT}\`).`, content: { 'text/csv': { schema: z.string() } } },
});

/** The `dialect` of every CSV export (api/services/csv.ts). */
const DialectQuery = z.strictObject({
  dialect: z.enum(CSV_DIALECTS).default(DEFAULT_CSV_DIALECT).openapi({ param: { name: 'dialect', in: 'query' }, description: CSV_DIALECT_DESCRIPTION }),
});

export const outreachRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/information-needs/mark-informed',
      tags: ['Outreach'],
      summary: 'Mark child places as informed (editor)',
      description:
        'Records one `information` activity per child place of the unit, dated `date`, all in one transaction. Every child place must exist and lie ' +
        "inside the unit's outer ring; one bad id answers 400 naming it, and nothing is recorded. Answers each pair's information status afterwards.",
      role: 'editor',
      body: MarkInformed,
      ok: { status: 201, description: 'The activities recorded and the new statuses.', schema: MarkInformedResult },
    }),
    async (c) => {
      const result = await markInformed(contextOf(c), c.req.valid('json'));
      return c.json(result as z.infer<typeof MarkInformedResult>, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/follow-ups',
      tags: ['Outreach'],
      summary: 'Observations and safety-walk findings to follow up, across units',
      description:
        'Open and in-progress observations and safety walks (or those with `status`), earliest due date first, each with `overdue` ' +
        '(open or in progress and due before today by the server clock). Filters: `unit_id`, `status`, `overdue=true`; `limit` and `offset`; `number_matched` counts every match, `number_returned` this page.',
      request: { query: FollowUpQuery },
      ok: { status: 200, description: 'A page of follow-ups.', schema: FollowUpList },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { activities, total } = await listActivities(contextOf(c), {
        unitId: q.unit_id, followUps: true, followUpStatus: q.status, overdueOnly: q.overdue === 'true', limit: q.limit, offset: q.offset,
      });
      return c.json(pageOf('follow_ups', activities, total), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/implementation',
      tags: ['Outreach'],
      summary: 'How far the five principles are implemented',
      description:
        'Per unit (a GeoJSON FeatureCollection: counts in place / in progress / not started and each principle\'s status, restricted units coarsened ' +
        'for roles without need-to-know), per principle across all units, and per area holding units (empty when no areas are loaded).',
      ok: { status: 200, description: 'The overview.', schema: Implementation },
    }),
    async (c) => {
      const overview = await implementationOverview(contextOf(c));
      return c.json(overview as z.infer<typeof Implementation>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/follow-ups.csv',
      tags: ['Outreach', 'Exports'],
      summary: 'Open follow-ups as CSV',
      description: `The rows of GET /api/follow-ups (same filters), at most ${FOLLOW_UP_EXPORT_MAX_ROWS}. Audited.`,
      request: { query: FollowUpQuery.omit({ limit: true, offset: true }).extend(DialectQuery.shape) },
      responses: { ...csvResponse('The follow-ups.'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const { dialect, ...filters } = c.req.valid('query');
      const { csv: body } = await exportFollowUps(contextOf(c), filters, dialect);
      return csv(c, 'follow-ups.csv', body);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/implementation.csv',
      tags: ['Outreach', 'Exports'],
      summary: 'The implementation overview as CSV',
      description: 'One row per unit: counts per status and each principle\'s status (columns principle_1 … principle_5).',
      request: { query: DialectQuery },
      responses: { ...csvResponse('The overview per unit.'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const { csv: body } = await exportImplementation(contextOf(c), c.req.valid('query').dialect);
      return csv(c, 'implementation.csv', body);
    },
  );
