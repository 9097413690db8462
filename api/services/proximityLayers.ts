import { DEFAULTS } from '../config.js';
import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { ActorLayerT, ChildPlaceLayerT } from '../schemas/proximity.js';

export interface LayerFilters {
  bbox?: [number, number, number, number];
  codes?: string[];
  q?: string;
  limit?: number;
  offset?: number;
}

type Item<F> = F extends { features: (infer T)[] } ? T : never;

async function page<C extends ActorLayerT | ChildPlaceLayerT>(db: Queryable, sql: string, f: LayerFilters): Promise<C> {
  const [minLon, minLat, maxLon, maxLat] = f.bbox ?? [null, null, null, null];
  const q = f.q?.trim() ? f.q.trim() : null;
  const [row] = await db.query<{ number_matched: number; rows: (Item<C>['properties'] & { id: number; geometry: Item<C>['geometry'] })[] }>(sql, [
    minLon, minLat, maxLon, maxLat,
    f.codes?.length ? f.codes.join(',') : null,
    q,
    f.limit ?? DEFAULTS.listLimit,
    f.offset ?? 0,
  ]);
  const features = row!.rows.map(({ id, geometry, ...properties }) => ({ type: 'Feature' as const, id, geometry, properties }));
  return { type: 'FeatureCollection', features, number_matched: row!.number_matched, number_returned: features.length } as unknown as C;
}

/** A page of the actors layer (with active contact persons) and the number matching the filters. */
export const actorsLayer = (db: Queryable, f: LayerFilters) => page<ActorLayerT>(db, query('layer_actors'), f);

/** A page of the child places layer and the number matching the filters. */
export const childPlacesLayer = (db: Queryable, f: LayerFilters) => page<ChildPlaceLayerT>(db, query('layer_child_places'), f);
