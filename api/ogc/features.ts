import type { Feature, Geometry } from 'geojson';
import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';

/** The collections served at /ogc and exported: ids, titles and the SQL that reads them. */
export const COLLECTIONS = {
  units: { title: 'Units (sociala boenden)', description: 'Social housing units. Restricted units are shown snapped to a 250 m grid, without address, to roles without need-to-know.', sql: 'ogc_units', geometry: 'Point' },
  actors: { title: 'Neighbourhood actors (grannskapsaktörer)', description: 'Actors around the units: property owners, shops, police, associations, … (contact persons are not included).', sql: 'ogc_actors', geometry: 'Point' },
  'child-places': { title: 'Child places (skolor, förskolor, fritidshem, lekplatser)', description: 'Schools, preschools, leisure-time centres and playgrounds.', sql: 'ogc_child_places', geometry: 'Point' },
  areas: { title: 'Areas (stadsområden, primärområden)', description: "The city's area division: city areas and primary areas.", sql: 'ogc_areas', geometry: 'MultiPolygon' },
} as const;

export type CollectionId = keyof typeof COLLECTIONS;
export const COLLECTION_IDS = Object.keys(COLLECTIONS) as CollectionId[];
export const isCollectionId = (s: string): s is CollectionId => Object.prototype.hasOwnProperty.call(COLLECTIONS, s);

export interface PageRequest {
  /** The caller may see restricted units exactly (need-to-know). */
  exact: boolean;
  bbox?: [number, number, number, number];
  /** Undefined: every feature (exports). */
  limit?: number;
  offset?: number;
  id?: number;
}

export interface FeaturePage {
  numberMatched: number;
  features: Feature<Geometry, Record<string, unknown>>[];
}

/** One page of a collection's features, and how many match in all. */
export async function readFeatures(db: Queryable, collection: CollectionId, r: PageRequest): Promise<FeaturePage> {
  const bbox = r.bbox ?? [null, null, null, null];
  const common = [...bbox, r.limit ?? null, r.offset ?? 0, r.id ?? null];
  const params = collection === 'units' ? [r.exact, ...common] : common;
  const [row] = await db.query<{ number_matched: number; features: FeaturePage['features'] }>(query(COLLECTIONS[collection].sql), params);
  return { numberMatched: row?.number_matched ?? 0, features: row?.features ?? [] };
}

/** Each collection's extent [minLon, minLat, maxLon, maxLat], absent for an empty one. */
export async function readExtents(db: Queryable): Promise<Partial<Record<CollectionId, [number, number, number, number]>>> {
  const rows = await db.query<{ collection: CollectionId; xmin: number | null; ymin: number | null; xmax: number | null; ymax: number | null }>(query('ogc_extents'));
  const out: Partial<Record<CollectionId, [number, number, number, number]>> = {};
  for (const r of rows) if (r.xmin !== null && r.ymin !== null && r.xmax !== null && r.ymax !== null) out[r.collection] = [r.xmin, r.ymin, r.xmax, r.ymax];
  return out;
}
