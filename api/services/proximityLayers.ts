import { DEFAULTS } from '../config.js';
import { statement, type Statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import type { ActorLayerT, ChildPlaceLayerT } from '../schemas/proximity.js';

/** Both layers take the same filters: bbox corners, a comma list of codes (categories or kinds), search text, and the page. */
const LAYER_PARAMS = ['min_lon', 'min_lat', 'max_lon', 'max_lat', 'codes', 'q', 'limit', 'offset'] as const;
const layerActors = statement('layer_actors', LAYER_PARAMS);
const layerChildPlaces = statement('layer_child_places', LAYER_PARAMS);

export interface LayerFilters {
  bbox?: [number, number, number, number];
  codes?: string[];
  q?: string;
  limit?: number;
  offset?: number;
}

type Item<F> = F extends { features: (infer T)[] } ? T : never;

async function page<C extends ActorLayerT | ChildPlaceLayerT>(db: Queryable, layer: Statement<(typeof LAYER_PARAMS)[number]>, f: LayerFilters): Promise<C> {
  const [min_lon, min_lat, max_lon, max_lat] = f.bbox ?? [null, null, null, null];
  const q = f.q?.trim() ? f.q.trim() : null;
  const row = await layer.one<{ number_matched: number; rows: (Item<C>['properties'] & { id: number; geometry: Item<C>['geometry'] })[] }>(db, {
    min_lon, min_lat, max_lon, max_lat,
    codes: f.codes?.length ? f.codes.join(',') : null,
    q,
    limit: f.limit ?? DEFAULTS.listLimit,
    offset: f.offset ?? 0,
  });
  const features = row!.rows.map(({ id, geometry, ...properties }) => ({ type: 'Feature' as const, id, geometry, properties }));
  return { type: 'FeatureCollection', features, number_matched: row!.number_matched, number_returned: features.length } as unknown as C;
}

/** A page of the actors layer (with active contact persons) and the number matching the filters. */
export const actorsLayer = (db: Queryable, f: LayerFilters) => page<ActorLayerT>(db, layerActors, f);

/** A page of the child places layer and the number matching the filters. */
export const childPlacesLayer = (db: Queryable, f: LayerFilters) => page<ChildPlaceLayerT>(db, layerChildPlaces, f);
