/**
 * The contact sheet's numbering: one number per place, shown on the map and in the
 * tables, so a reader finds on the map the row they read and the other way round.
 * Actors come first, nearest first (the order of the contacts tables, which group by
 * ring and rings are by distance), then the children's places, nearest first.
 */
import type { Contact, NearChildPlace } from './apiTypes.js';

export interface SheetNumbers {
  /** The number of each actor (by id). */
  actors: Map<number, number>;
  /** The number of each child place (by id). */
  childPlaces: Map<number, number>;
  /** Point features for the map, with `n` (the number) and `what` (`actor` or `child`). */
  points: GeoJSON.FeatureCollection<GeoJSON.Point, { n: string; what: 'actor' | 'child' }>;
}

const nearestFirst = <T extends { id?: unknown; properties: { distance_m: number } }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.properties.distance_m - b.properties.distance_m || Number(a.id) - Number(b.id));

export function numberSheet(contacts: readonly Contact[], childPlaces: readonly NearChildPlace[]): SheetNumbers {
  const actors = new Map<number, number>();
  const places = new Map<number, number>();
  const features: SheetNumbers['points']['features'] = [];
  let n = 0;
  for (const c of nearestFirst(contacts)) {
    actors.set(Number(c.id), ++n);
    features.push({ type: 'Feature', geometry: c.geometry, properties: { n: String(n), what: 'actor' } });
  }
  for (const c of nearestFirst(childPlaces)) {
    places.set(Number(c.id), ++n);
    features.push({ type: 'Feature', geometry: c.geometry, properties: { n: String(n), what: 'child' } });
  }
  return { actors, childPlaces: places, points: { type: 'FeatureCollection', features } };
}
