import { readerOf } from '../db/reader.js';
import { DEFAULTS } from '../config.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { ActorLayer, ActorsLayerQuery, ChildPlaceLayer, ChildPlacesLayerQuery, parseBbox, splitList } from '../schemas/proximity.js';
import { actorsLayer, childPlacesLayer } from '../services/proximityLayers.js';
import { newRouter } from '../validation.js';

const PAGING = `Sorted by name, then id. \`limit\` defaults to ${DEFAULTS.listLimit} (at most ${DEFAULTS.listLimitMax}); \`number_matched\` counts every match, \`number_returned\` this page.`;

/** The actor and child place layers of the map (and their lists). */
export const layerRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/actors',
      tags: ['Layers'],
      summary: 'Neighbourhood actors',
      description: `Actors with their active contact persons, filtered by \`bbox\`, \`category\` and \`q\`. ${PAGING}`,
      request: { query: ActorsLayerQuery },
      ok: { status: 200, description: 'FeatureCollection of actors.', schema: ActorLayer },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const body = await actorsLayer(readerOf(c.var.deps), {
        bbox: q.bbox === undefined ? undefined : parseBbox(q.bbox), codes: splitList(q.category), q: q.q, limit: q.limit, offset: q.offset,
      });
      return c.json(body, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/child-places',
      tags: ['Layers'],
      summary: 'Schools, preschools, leisure-time centres and playgrounds',
      description: `Child places filtered by \`bbox\`, \`kind\` and \`q\`. ${PAGING}`,
      request: { query: ChildPlacesLayerQuery },
      ok: { status: 200, description: 'FeatureCollection of child places.', schema: ChildPlaceLayer },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const body = await childPlacesLayer(readerOf(c.var.deps), {
        bbox: q.bbox === undefined ? undefined : parseBbox(q.bbox), codes: splitList(q.kind), q: q.q, limit: q.limit, offset: q.offset,
      });
      return c.json(body, 200);
    },
  );
