/**
 * The turf cross-check shared by the proximity tests. PostGIS geography is ellipsoidal
 * and turf spherical, so distances may differ by up to 0.5 %, and a place within that
 * band (plus 1 m) of a ring edge may fall either way.
 */
import * as turf from '@turf/turf';
import { expect } from 'vitest';
import { RINGS, type Ring } from '../schemas/common.js';

export type Pt = { id: number; lon: number; lat: number };
export interface Radii { immediate: number; neighbourhood: number; area: number }

const band = (r: number) => 0.005 * r + 1;
const nearEdge = (d: number, radii: Radii) => RINGS.some((ring) => Math.abs(d - radii[ring]) <= band(radii[ring]));
const ringOf = (d: number, radii: Radii): Ring | undefined =>
  d <= radii.immediate ? 'immediate' : d <= radii.neighbourhood ? 'neighbourhood' : d <= radii.area ? 'area' : undefined;

/**
 * Compares an API answer with turf's: the same members (except near an edge), the
 * same ring for each (except near an edge), distances within 0.5 % (+0.1 m rounding),
 * sorted by distance then id.
 */
export function expectAgreement(label: string, centre: [number, number], radii: Radii, places: Pt[], features: any[]) {
  const returned = new Map<number, any>(features.map((f) => [f.id, f]));
  for (const p of places) {
    const d = turf.distance(centre, [p.lon, p.lat], { units: 'meters' });
    const f = returned.get(p.id);
    if (nearEdge(d, radii)) continue;
    const ring = ringOf(d, radii);
    if (!ring) {
      expect(f, `${label}: place ${p.id} at ${d.toFixed(1)} m is outside ${radii.area} m`).toBeUndefined();
      continue;
    }
    expect(f, `${label}: place ${p.id} at ${d.toFixed(1)} m is inside ${radii.area} m`).toBeDefined();
    expect(f.properties.ring, `${label}: ring of ${p.id} at ${d.toFixed(1)} m`).toBe(ring);
    expect(Math.abs(f.properties.distance_m - d), `${label}: distance of ${p.id}`).toBeLessThanOrEqual(0.005 * d + 0.1);
  }
  for (const f of features) expect(places.some((p) => p.id === f.id), `${label}: returned ${f.id} is a known place`).toBe(true);
  for (let i = 1; i < features.length; i++) {
    const [a, b] = [features[i - 1].properties.distance_m, features[i].properties.distance_m];
    expect(a <= b, `${label}: sorted by distance at ${i}`).toBe(true);
  }
}

