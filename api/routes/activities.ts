import { z } from '@hono/zod-openapi';
import { etagOf, requireIfMatch } from '../http/conditional.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam, pageOf } from '../schemas/common.js';
import { Activity, ActivityCreate, ActivityList, ActivityPatch, ActivityQuery } from '../schemas/outreach.js';
import { createActivity, deleteActivity, getActivity, unitActivities, updateActivity } from '../services/activities.js';
import { newRouter } from '../validation.js';

const IfMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag of your last read of the activity (required: 428 without it, 412 when stale).' }),
});

export const activitiesRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/activities',
      tags: ['Outreach'],
      summary: "A unit's activity log",
      description: 'Newest first (date, then id). Filters: `kind`, `from`/`to` (dates, inclusive), `actor_id`, `child_place_id`; `limit` and `offset`; `number_matched` counts every match, `number_returned` this page.',
      request: { params: IdParam, query: ActivityQuery },
      ok: { status: 200, description: 'A page of activities.', schema: ActivityList },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const { activities, total } = await unitActivities(contextOf(c), id, {
        kind: q.kind, from: q.from, to: q.to, actorId: q.actor_id, childPlaceId: q.child_place_id, limit: q.limit, offset: q.offset,
      });
      return c.json(pageOf('activities', activities, total), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/units/{id}/activities',
      tags: ['Outreach'],
      summary: 'Record an activity of a unit (editor)',
      description:
        'Kinds: meeting, information, safety_walk, contact, dialogue, observation. `date` at most tomorrow by the server clock. ' +
        'Observations and safety walks may carry `location` (Point in Sweden), `responsible_actor_id` (an actor inside the unit\'s outer ring), ' +
        '`due_date` and `follow_up_status` (default `open` for observations and for safety walks with a finding); other kinds may not. ' +
        '`child_place_ids` of an `information` activity must lie inside the unit\'s outer ring. The unit\'s location, places and status are ' +
        'snapshotted for the information rules. No personal data about residents belongs in `note` or `organisations`.',
      role: 'editor',
      request: { params: IdParam },
      body: ActivityCreate,
      ok: { status: 201, description: 'The recorded activity; `ETag` carries its version.', schema: Activity },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const created = await createActivity(contextOf(c), id, c.req.valid('json'));
      c.header('ETag', etagOf(created.version));
      return c.json(created, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/activities/{id}',
      tags: ['Outreach'],
      summary: 'One activity',
      request: { params: IdParam },
      ok: { status: 200, description: 'The activity; `ETag` carries its version.', schema: Activity },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const a = await getActivity(contextOf(c), id);
      c.header('ETag', etagOf(a.version));
      return c.json(a, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'patch',
      path: '/activities/{id}',
      tags: ['Outreach'],
      summary: 'Change an activity (editor, If-Match)',
      description: 'Send only the fields to change; `actor_ids`/`child_place_ids` replace the links. The same rules as on creation apply to the result.',
      role: 'editor',
      request: { params: IdParam, headers: IfMatchHeader },
      body: ActivityPatch,
      ok: { status: 200, description: 'The changed activity; `ETag` carries its new version.', schema: Activity },
      ifMatch: true,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const version = requireIfMatch(c);
      const a = await updateActivity(contextOf(c), id, version, c.req.valid('json'));
      c.header('ETag', etagOf(a.version));
      return c.json(a, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'delete',
      path: '/activities/{id}',
      tags: ['Outreach'],
      summary: 'Remove an activity (editor, If-Match)',
      description: 'Information status is derived from the remaining activities, so it changes at once.',
      role: 'editor',
      request: { params: IdParam, headers: IfMatchHeader },
      ok: { status: 204, description: 'Removed.' },
      ifMatch: true,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const version = requireIfMatch(c);
      await deleteActivity(contextOf(c), id, version);
      return c.body(null, 204);
    },
  );
