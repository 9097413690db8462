import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { SuggestionAccepted, SuggestionCollection, SuggestionParams } from '../schemas/addresses.js';
import { IdParam } from '../schemas/common.js';
import { acceptSuggestion, dismissSuggestion, listSuggestions } from '../services/suggestions.js';
import { newRouter } from '../validation.js';

/** Actor and child-place suggestions from OpenStreetMap points of interest around a unit (editors and admins). */
export const suggestionRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/suggestions',
      tags: ['Base data'],
      summary: 'Points of interest around a unit that are not yet actors or child places (editor)',
      description:
        'The imported points of interest inside the unit\'s outer ring, mapped to an actor category or a child-place kind, nearest first. ' +
        'Left out: those already in the register (external_id `osm:<type>/<id>`, or a record within 50 m with a similar name) and those dismissed for this unit.',
      role: 'editor',
      request: { params: IdParam },
      ok: { status: 200, description: 'The suggestions.', schema: SuggestionCollection },
    }),
    async (c) => c.json(await listSuggestions(contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/units/{id}/suggestions/{osm_type}/{osm_id}/accept',
      tags: ['Base data'],
      summary: 'Add a suggestion as an actor or child place (editor)',
      description: 'Created as POST /api/actors or /api/child-places would (the same validation and audit), with external_id `osm:<type>/<id>` and the address from the addr:* tags.',
      role: 'editor',
      request: { params: SuggestionParams },
      ok: { status: 201, description: 'The new record.', schema: SuggestionAccepted },
      errors: [409],
    }),
    async (c) => {
      const p = c.req.valid('param');
      const made = await acceptSuggestion(contextOf(c), p.id, p.osm_type, p.osm_id);
      c.header('Location', `/api/${made.record === 'actor' ? 'actors' : 'child-places'}/${made.id}`);
      return c.json(made, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/units/{id}/suggestions/{osm_type}/{osm_id}/dismiss',
      tags: ['Base data'],
      summary: 'Dismiss a suggestion for this unit, for good (editor)',
      description: 'Kept apart from the base data: a re-import of OpenStreetMap does not bring it back.',
      role: 'editor',
      request: { params: SuggestionParams },
      ok: { status: 204, description: 'Dismissed.' },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await dismissSuggestion(contextOf(c), p.id, p.osm_type, p.osm_id);
      return c.body(null, 204);
    },
  );
