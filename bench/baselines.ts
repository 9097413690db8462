import { distance as turfDistance } from '@turf/turf';
import KDBush from 'kdbush';
import { around, distance as gcDistance } from 'geokdbush';
import type { Dataset, GenChildPlace } from './generate.js';

/** A point with what the baselines need of it. */
interface Pt { lon: number; lat: number }
export interface Near { i: number; d: number; ring: string }
export type Bbox = [number, number, number, number];
export interface Radii { immediate: number; neighbourhood: number; area: number }

const ringOf = (d: number, r: Radii) => (d <= r.immediate ? 'immediate' : d <= r.neighbourhood ? 'neighbourhood' : 'area');
const NEAREST_KINDS = ['school', 'preschool', 'playground'] as const;

/**
 * What a client-only tool does: every question answered by scanning all points with
 * turf.distance (geodesic on a sphere), then sorting.
 */
export class NaiveScan {
  constructor(private readonly data: Dataset) {}

  private within(points: readonly Pt[], lon: number, lat: number, r: Radii): Near[] {
    const out: Near[] = [];
    const c = [lon, lat];
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      const d = turfDistance(c, [p.lon, p.lat], { units: 'meters' });
      if (d <= r.area) out.push({ i, d, ring: ringOf(d, r) });
    }
    return out.sort((a, b) => a.d - b.d);
  }

  /** W1: actors inside the outer ring, nearest first. */
  contacts = (lon: number, lat: number, r: Radii) => this.within(this.data.actors, lon, lat, r);
  /** W2: child places inside the outer ring, nearest first. */
  childPlaces = (lon: number, lat: number, r: Radii) => this.within(this.data.childPlaces, lon, lat, r);

  /** W4: counts per ring, the nearest school/preschool/playground, and overlapping units. */
  site(lon: number, lat: number, r: Radii, unitRadii: (i: number) => Radii) {
    const counts = new Map<string, number>();
    for (const n of this.contacts(lon, lat, r)) counts.set(`a:${this.data.actors[n.i]!.category}:${n.ring}`, (counts.get(`a:${this.data.actors[n.i]!.category}:${n.ring}`) ?? 0) + 1);
    for (const n of this.childPlaces(lon, lat, r)) counts.set(`c:${this.data.childPlaces[n.i]!.kind}:${n.ring}`, (counts.get(`c:${this.data.childPlaces[n.i]!.kind}:${n.ring}`) ?? 0) + 1);
    const nearest: Record<string, Near | undefined> = {};
    const c = [lon, lat];
    this.data.childPlaces.forEach((p: GenChildPlace, i) => {
      if (!(NEAREST_KINDS as readonly string[]).includes(p.kind)) return;
      const d = turfDistance(c, [p.lon, p.lat], { units: 'meters' });
      if (!nearest[p.kind] || d < nearest[p.kind]!.d) nearest[p.kind] = { i, d, ring: '' };
    });
    const overlapping = this.data.units
      .map((u, i) => ({ i, d: turfDistance(c, [u.lon, u.lat], { units: 'meters' }) }))
      .filter((x) => this.data.units[x.i]!.status !== 'closed' && x.d < unitRadii(x.i).area + r.area);
    return { counts, nearest, overlapping };
  }

  /** W5: the points of each layer inside a lon/lat box. */
  view(b: Bbox) {
    const inBox = (p: Pt) => p.lon >= b[0] && p.lat >= b[1] && p.lon <= b[2] && p.lat <= b[3];
    return {
      units: this.data.units.filter(inBox).length,
      actors: this.data.actors.filter(inBox).length,
      childPlaces: this.data.childPlaces.filter(inBox).length,
    };
  }
}

function buildIndex(points: readonly Pt[]): KDBush {
  const index = new KDBush(points.length);
  for (const p of points) index.add(p.lon, p.lat);
  index.finish();
  return index;
}

/** In-memory spatial indexes (kdbush; geokdbush for geodesic nearest-first queries), built once. */
export class MemoryIndex {
  readonly actors: KDBush;
  readonly childPlaces: KDBush;
  readonly units: KDBush;
  /** Seconds spent building the three indexes. */
  readonly buildSeconds: number;

  constructor(private readonly data: Dataset) {
    const t0 = performance.now();
    this.actors = buildIndex(data.actors);
    this.childPlaces = buildIndex(data.childPlaces);
    this.units = buildIndex(data.units);
    this.buildSeconds = (performance.now() - t0) / 1000;
  }

  private within(index: KDBush, points: readonly Pt[], lon: number, lat: number, r: Radii): Near[] {
    return around(index, lon, lat, Infinity, r.area / 1000).map((i) => {
      const d = gcDistance(lon, lat, points[i]!.lon, points[i]!.lat) * 1000;
      return { i, d, ring: ringOf(d, r) };
    });
  }

  contacts = (lon: number, lat: number, r: Radii) => this.within(this.actors, this.data.actors, lon, lat, r);
  childPlacesNear = (lon: number, lat: number, r: Radii) => this.within(this.childPlaces, this.data.childPlaces, lon, lat, r);

  site(lon: number, lat: number, r: Radii, unitRadii: (i: number) => Radii, maxUnitArea: number) {
    const counts = new Map<string, number>();
    for (const n of this.contacts(lon, lat, r)) counts.set(`a:${this.data.actors[n.i]!.category}:${n.ring}`, (counts.get(`a:${this.data.actors[n.i]!.category}:${n.ring}`) ?? 0) + 1);
    for (const n of this.childPlacesNear(lon, lat, r)) counts.set(`c:${this.data.childPlaces[n.i]!.kind}:${n.ring}`, (counts.get(`c:${this.data.childPlaces[n.i]!.kind}:${n.ring}`) ?? 0) + 1);
    const nearest = Object.fromEntries(
      NEAREST_KINDS.map((k) => [k, around(this.childPlaces, lon, lat, 1, Infinity, (i) => this.data.childPlaces[i]!.kind === k)[0]]),
    );
    const overlapping = around(this.units, lon, lat, Infinity, (maxUnitArea + r.area) / 1000).filter(
      (i) => this.data.units[i]!.status !== 'closed' && gcDistance(lon, lat, this.data.units[i]!.lon, this.data.units[i]!.lat) * 1000 < unitRadii(i).area + r.area,
    );
    return { counts, nearest, overlapping };
  }

  view(b: Bbox) {
    return {
      units: this.units.range(...b).length,
      actors: this.actors.range(...b).length,
      childPlaces: this.childPlaces.range(...b).length,
    };
  }
}
