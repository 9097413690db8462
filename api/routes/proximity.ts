import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import {
  ContactCollection, ContactsQuery, NearChildPlaceCollection, splitList, UnitChildPlacesQuery, ZoneCollection,
} from '../schemas/proximity.js';
import { unitChildPlaces, unitContacts, unitZones } from '../services/proximity.js';
import { newRouter } from '../validation.js';

const COARSE_NOTE =
  'For a restricted unit and a caller without need-to-know (viewer), everything is computed from the unit\'s coarse location (250 m grid), so nothing reveals its exact location; editors and admins get exact answers, and that read is audited (`read_exact`).';

/** Zones, contacts and child places around one unit. */
export const proximityRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/zones',
      tags: ['Proximity'],
      summary: 'The three zones of a unit',
      description: `Three polygons, innermost first: geodesic buffers (64 vertices) of the unit's location with its effective radii (its own, else the global ones). ${COARSE_NOTE}`,
      request: { params: IdParam },
      ok: { status: 200, description: 'FeatureCollection of three Polygons with `ring` and `radius_m`.', schema: ZoneCollection },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await unitZones(contextOf(c), id, 'GET /api/units/{id}/zones'), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/contacts',
      tags: ['Proximity'],
      summary: 'Who to contact: the actors inside the outer ring, nearest first',
      description:
        'Every actor within the unit\'s outer ring (geodesic distance on the WGS 84 spheroid), sorted by `distance_m` then id, ' +
        'with its `ring` (the innermost ring whose radius is ≥ the distance) and its active contact persons. ' + COARSE_NOTE,
      request: { params: IdParam, query: ContactsQuery },
      ok: { status: 200, description: 'FeatureCollection of actors with `distance_m` and `ring`.', schema: ContactCollection },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const features = await unitContacts(contextOf(c), id, { rings: splitList(q.ring), categories: splitList(q.category), sort: q.sort }, 'GET /api/units/{id}/contacts');
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/child-places',
      tags: ['Proximity'],
      summary: 'The schools, preschools, leisure-time centres and playgrounds inside the outer ring',
      description:
        'Child places within the unit\'s outer ring, nearest first, with `ring`, `priority` (high in immediate, medium in neighbourhood, low in area) ' +
        'and the `information` status of this (unit, child place) pair. ' + COARSE_NOTE,
      request: { params: IdParam, query: UnitChildPlacesQuery },
      ok: { status: 200, description: 'FeatureCollection of child places with `distance_m`, `ring`, `priority` and `information`.', schema: NearChildPlaceCollection },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const features = await unitChildPlaces(contextOf(c), id, {
        rings: splitList(q.ring), kinds: splitList(q.kind), priorities: splitList(q.priority), statuses: splitList(q.status), sort: q.sort,
      }, 'GET /api/units/{id}/child-places');
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    },
  );
