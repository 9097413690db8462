/**
 * The site analysis computed in the browser from the features already loaded, so
 * rings and counts show the moment a site is placed; the server's answer
 * (`POST /api/site-analysis`, geodesic on the spheroid) replaces it.
 */
import { circle, distance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { Actor, ActorCategory, ChildPlace, ChildPlaceKind, Ring, SiteAnalysis, Unit } from './apiTypes.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, RINGS } from './codes.js';

export type Radii = Record<Ring, number>;
export type Lonlat = [number, number];

const metres = (a: Lonlat, b: readonly number[]) => distance(a, [b[0]!, b[1]!], { units: 'kilometers' }) * 1000;

/** The innermost ring a distance falls in, or null beyond the outer ring. */
export function ringOf(d: number, radii: Radii): Ring | null {
  return RINGS.find((r) => d <= radii[r]) ?? null;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Same shape as the server's answer; `nearest` considers only what was loaded. */
export function previewSiteAnalysis(site: Lonlat, radii: Radii, actors: Actor[], children: ChildPlace[], units: Unit[]): SiteAnalysis {
  const rings = RINGS.map((ring) => ({
    ring,
    radius_m: radii[ring],
    actors: zeros<ActorCategory>(ACTOR_CATEGORIES),
    child_places: zeros<ChildPlaceKind>(CHILD_PLACE_KINDS),
  }));
  const byRing = new Map(rings.map((r) => [r.ring, r]));
  for (const a of actors) {
    const ring = ringOf(metres(site, a.geometry.coordinates), radii);
    if (ring) byRing.get(ring)!.actors[a.properties.category]++;
  }
  const nearest: SiteAnalysis['nearest'] = { school: null, preschool: null, playground: null };
  for (const c of children) {
    const d = metres(site, c.geometry.coordinates);
    const ring = ringOf(d, radii);
    if (ring) byRing.get(ring)!.child_places[c.properties.kind]++;
    const kind = c.properties.kind;
    if (kind === 'school' || kind === 'preschool' || kind === 'playground') {
      const best = nearest[kind];
      if (!best || d < best.distance_m) nearest[kind] = { id: c.id, name: c.properties.name, distance_m: Math.round(d * 10) / 10 };
    }
  }
  const overlapping_units = units
    .map((u) => ({ id: u.id, name: u.properties.name, distance_m: Math.round(metres(site, u.geometry.coordinates) * 10) / 10, reach: u.properties.radii.area }))
    .filter((u) => u.distance_m <= u.reach + radii.area)
    .sort((a, b) => a.distance_m - b.distance_m)
    .map(({ id, name, distance_m }) => ({ id, name, distance_m }));
  // Which areas the site lies in needs their polygons, walking bands the street network and the address the base data; the server's answer has them.
  return { rings, nearest, overlapping_units, walking: null, address: null, areas: [] };
}

/** The three rings around a site as polygons (64 steps), outer first. */
export function siteRings(site: Lonlat, radii: Radii, properties: Record<string, unknown> = {}): Feature<Polygon>[] {
  return [...RINGS].reverse().map((ring) => {
    const c = circle(site, radii[ring] / 1000, { steps: 64, units: 'kilometers' });
    return { ...c, properties: { ring, radius_m: radii[ring], ...properties } };
  });
}

/** Total actors and child places in a ring's counts. */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The radii a server analysis used, ring by ring; rings it does not name keep `fallback`'s. */
export function radiiOf(analysis: Pick<SiteAnalysis, 'rings'>, fallback: Radii): Radii {
  const r = { ...fallback };
  for (const ring of analysis.rings) r[ring.ring] = ring.radius_m;
  return r;
}
