import type { z } from '@hono/zod-openapi';
import { readerOf } from '../db/reader.js';
import { DEFAULTS } from '../config.js';
import type { Queryable } from '../db/types.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { ActorLayer, ActorsLayerQuery, ChildPlaceLayer, ChildPlacesLayerQuery, parseBbox, splitList } from '../schemas/proximity.js';
import { actorsLayer, childPlacesLayer, type LayerFilters } from '../services/proximityLayers.js';
import { newRouter } from '../validation.js';

const PAGING = `Sorted by name, then id. \`limit\` defaults to ${DEFAULTS.listLimit} (at most ${DEFAULTS.listLimitMax}); \`number_matched\` counts every match, \`number_returned\` this page.`;

/** What one map layer's list states of its own; its query comes from `layerQuery`, so the bbox, `q` and paging read the same for every layer. */
interface LayerSpec {
  path: string;
  summary: string;
  /** The filters it takes, before the paging note. */
  description: string;
  query: typeof ActorsLayerQuery | typeof ChildPlacesLayerQuery;
  /** The query parameter that lists the layer's codes. */
  codes: 'category' | 'kind';
  schema: z.ZodType;
  what: string;
  list: (db: Queryable, f: LayerFilters) => Promise<unknown>;
}

/** GET of one map layer's list. */
function layerRoute(s: LayerSpec) {
  // The query schema varies per layer, so the handler reads validated input untyped.
  type Valid = { valid(target: 'query'): any };
  return newRouter().openapi(
    jsonRoute({
      method: 'get', path: s.path, tags: ['Layers'], summary: s.summary, description: `${s.description} ${PAGING}`,
      request: { query: s.query },
      ok: { status: 200, description: `FeatureCollection of ${s.what}.`, schema: s.schema },
    }),
    async (c) => {
      const q = (c.req as Valid).valid('query');
      const body = await s.list(readerOf(c.var.deps), {
        bbox: q.bbox === undefined ? undefined : parseBbox(q.bbox), codes: splitList(q[s.codes]), q: q.q, limit: q.limit, offset: q.offset,
      });
      return c.json(body as never, 200);
    },
  );
}

/** The actor and child place layers of the map (and their lists). */
export const layerRoutes = newRouter()
  .route('/', layerRoute({
    path: '/actors', summary: 'Neighbourhood actors', what: 'actors',
    description: 'Actors with their active contact persons, filtered by `bbox`, `category` and `q`.',
    query: ActorsLayerQuery, codes: 'category', schema: ActorLayer, list: actorsLayer,
  }))
  .route('/', layerRoute({
    path: '/child-places', summary: 'Schools, preschools, leisure-time centres and playgrounds', what: 'child places',
    description: 'Child places filtered by `bbox`, `kind` and `q`.',
    query: ChildPlacesLayerQuery, codes: 'kind', schema: ChildPlaceLayer, list: childPlacesLayer,
  }));
