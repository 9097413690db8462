/**
 * The information rules by walking distance (the setting `information_distance` =
 * walking): a place's ring, and so its priority, is the innermost ring whose radius
 * holds its walk. A place inside the straight outer ring but beyond the neighbourhood
 * ring on foot, or with no walk within the limit between two places on the network (the
 * other bank with no bridge near), is `area`/`low`: far by foot. A place whose walk
 * cannot be judged (no network, or it or the unit off the network) keeps its straight
 * ring. One place of this rule for the unit's list and the city-wide needs list.
 */
import type { Ring } from '../schemas/common.js';
import type { JudgedWalk } from './walking.js';

/** The priority of an information need by its ring (the same rule as information_need_list.sql's). */
export const PRIORITY_OF_RING = { immediate: 'high', neighbourhood: 'medium', area: 'low' } as const satisfies Record<Ring, string>;

/** The ring by walking distance, or undefined when the walk cannot be judged (the straight ring stands). */
export function ringByWalk(walk: JudgedWalk, radii: { r_immediate: number; r_neighbourhood: number }): Ring | undefined {
  if (walk.walk_m === null) return walk.on_network ? 'area' : undefined;
  return walk.walk_m <= radii.r_immediate ? 'immediate' : walk.walk_m <= radii.r_neighbourhood ? 'neighbourhood' : 'area';
}
