/**
 * Which OpenStreetMap ways a pedestrian may use. Motorways are out whatever their tags
 * say (crossing one on foot is what the straight rings wrongly assume); trunk roads are
 * out unless they say pedestrians are expected there (`foot=yes|designated|permissive`
 * or a `sidewalk`, as on a trunk bridge with pavements); `foot=no` is out;
 * `access=private|no` is out unless `foot` explicitly allows walking.
 */

/** highway values a pedestrian may walk along (with or without a sidewalk tag). */
export const WALKABLE_HIGHWAYS: ReadonlySet<string> = new Set([
  'footway', 'path', 'steps', 'pedestrian', 'living_street', 'residential', 'service', 'track', 'cycleway',
  'bridleway', 'corridor', 'platform', 'unclassified', 'road', 'crossing',
  'tertiary', 'tertiary_link', 'secondary', 'secondary_link', 'primary', 'primary_link',
]);

/** highway values never walked, whatever the tags. */
export const NEVER_WALKED: ReadonlySet<string> = new Set(['motorway', 'motorway_link']);

/** highway values walked only when the tags say pedestrians belong there. */
export const TRUNK: ReadonlySet<string> = new Set(['trunk', 'trunk_link']);
const SIDEWALK = new Set(['yes', 'both', 'left', 'right']);

const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);
const ACCESS_CLOSED = new Set(['private', 'no']);

export type Tags = Readonly<Record<string, unknown>>;

const tag = (tags: Tags, key: string): string | undefined => {
  const v = tags[key];
  return typeof v === 'string' ? v : undefined;
};

/** Whether a highway way of this class and these tags is part of the walking network. */
export function isWalkable(highway: string, tags: Tags): boolean {
  const foot = tag(tags, 'foot');
  if (TRUNK.has(highway)) {
    const sidewalk = tag(tags, 'sidewalk');
    return foot !== 'no' && ((foot !== undefined && FOOT_ALLOWED.has(foot)) || (sidewalk !== undefined && SIDEWALK.has(sidewalk)));
  }
  if (NEVER_WALKED.has(highway) || !WALKABLE_HIGHWAYS.has(highway)) return false;
  if (foot === 'no') return false;
  const access = tag(tags, 'access');
  if (access !== undefined && ACCESS_CLOSED.has(access) && !(foot !== undefined && FOOT_ALLOWED.has(foot))) return false;
  return true;
}
