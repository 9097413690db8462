import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { parseMinutes, WalkZoneCollection, WalkZonesQuery } from '../schemas/proximity.js';
import { unitWalkZones } from '../services/walkZones.js';
import { WALK_DEFAULTS } from '../services/walking.js';
import { newRouter } from '../validation.js';

/** Walk zones of one unit, on the street network of the imported OpenStreetMap base data. */
export const walkingRoutes = newRouter().openapi(
  jsonRoute({
    method: 'get',
    path: '/units/{id}/walk-zones',
    tags: ['Proximity'],
    summary: 'The walk zones of a unit: how far one gets on foot in 5, 10 and 15 minutes',
    description:
      'One Polygon per band, innermost first: the outline (a concave hull) of the street and path network reached on foot within the minutes ' +
      'at the `walking_speed_kmh` setting (5 km/h unless changed), from the unit over walkable ways (no motorways, no `foot=no`, no private ways). ' +
      'No bands (and `walking.network_version` null) without base data; none when the unit is more than 300 m from a walkable way. ' +
      'For a restricted unit and a caller without need-to-know (viewer), the walk starts from the unit\'s coarse location (250 m grid); editors and admins get exact zones, and that read is audited (`read_exact`).',
    request: { params: IdParam, query: WalkZonesQuery },
    ok: { status: 200, description: 'FeatureCollection of band polygons with `minutes`, `limit_m` and `reached_nodes`.', schema: WalkZoneCollection },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { minutes } = c.req.valid('query');
    return c.json(await unitWalkZones(contextOf(c), id, parseMinutes(minutes, WALK_DEFAULTS.minutes), 'GET /api/units/{id}/walk-zones'), 200);
  },
);
