import type { Feature, Geometry } from 'geojson';

/** The collections served at /ogc and exported: ids and titles (services/collections.ts reads them). */
export const COLLECTIONS = {
  units: { title: 'Units (sociala boenden)', description: 'Social housing units. Restricted units are shown snapped to a 250 m grid, without address, to roles without need-to-know.', geometry: 'Point' },
  actors: { title: 'Neighbourhood actors (grannskapsaktörer)', description: 'Actors around the units: property owners, shops, police, associations, … (contact persons are not included).', geometry: 'Point' },
  'child-places': { title: 'Child places (skolor, förskolor, fritidshem, lekplatser)', description: 'Schools, preschools, leisure-time centres and playgrounds.', geometry: 'Point' },
  areas: { title: 'Areas (stadsområden, primärområden)', description: "The city's area division: city areas and primary areas.", geometry: 'MultiPolygon' },
} as const;

export type CollectionId = keyof typeof COLLECTIONS;
export const COLLECTION_IDS = Object.keys(COLLECTIONS) as CollectionId[];
export const isCollectionId = (s: string): s is CollectionId => Object.prototype.hasOwnProperty.call(COLLECTIONS, s);

export interface FeaturePage {
  numberMatched: number;
  features: Feature<Geometry, Record<string, unknown>>[];
}
