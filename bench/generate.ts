import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, UNIT_KINDS } from '../api/schemas/common.js';
import { gaussian, rng } from './stats.js';
import { TOWNS, type Town } from './towns.js';

export type Scale = 'city' | 'national';

/** The sizes of each scale. */
export const SCALES: Record<Scale, { units: number; actors: number; childPlaces: number }> = {
  city: { units: 50, actors: 5_000, childPlaces: 1_000 },
  national: { units: 3_000, actors: 300_000, childPlaces: 60_000 },
};

export interface GenUnit {
  external_id: string; name: string; kind: string; status: string; places: number;
  sensitivity: 'public' | 'restricted'; radii: [number, number, number] | null; lon: number; lat: number;
}
export interface GenActor { external_id: string; name: string; category: string; address: string; lon: number; lat: number }
export interface GenChildPlace { external_id: string; name: string; kind: string; lon: number; lat: number }
export interface Dataset { scale: Scale; units: GenUnit[]; actors: GenActor[]; childPlaces: GenChildPlace[] }

const GOTEBORG: Town = { name: 'Göteborg', lon: 11.9746, lat: 57.7089, pop: 600 };
const M_PER_DEG_LAT = 111_320;
/** Share of actors and child places placed close to a unit (the rest spread over the town). */
const CLUSTERED = 0.3;

/** A point `sigmaM` metres (normal spread) around a centre, rounded to 1e-6° like real data. */
function around(random: () => number, lon: number, lat: number, sigmaM: number): [number, number] {
  const dy = gaussian(random) * sigmaM;
  const dx = gaussian(random) * sigmaM;
  const la = lat + dy / M_PER_DEG_LAT;
  const lo = lon + dx / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  return [Math.round(lo * 1e6) / 1e6, Math.round(la * 1e6) / 1e6];
}

/** Picks a town with probability proportional to its population. */
function townPicker(towns: readonly Town[], random: () => number): () => Town {
  const total = towns.reduce((s, t) => s + t.pop, 0);
  const cumulative = towns.map(((s) => (t: Town) => (s += t.pop / total))(0));
  return () => {
    const r = random();
    const i = cumulative.findIndex((c) => r < c);
    return towns[i === -1 ? towns.length - 1 : i]!;
  };
}

/**
 * A deterministic synthetic data set. Units sit in towns (city: Göteborg only;
 * national: the towns of towns.ts, weighted by population), spread over a town-sized
 * area; 30 % of actors and child places cluster around units (as real ones gather around
 * a centre), the rest spread over the town. Every 50th unit is restricted and every
 * 25th has its own zone radii, so those code paths are exercised.
 */
export function generate(scale: Scale, seed = 8): Dataset {
  const size = SCALES[scale];
  const random = rng(seed * 7919 + (scale === 'city' ? 1 : 2));
  const towns = scale === 'city' ? [GOTEBORG] : TOWNS;
  const pickTown = townPicker(towns, random);
  /** A town's spread in metres: about 6 km for Göteborg, growing with the square root of population. */
  const spread = (t: Town) => 6000 * Math.sqrt(t.pop / 600);

  const units: GenUnit[] = [];
  for (let i = 0; i < size.units; i++) {
    const town = pickTown();
    const [lon, lat] = around(random, town.lon, town.lat, spread(town) * 0.7);
    const statusDraw = random();
    units.push({
      external_id: `bench-unit-${i + 1}`,
      name: `Bänkboende ${town.name} ${i + 1}`,
      kind: UNIT_KINDS[i % UNIT_KINDS.length]!,
      status: statusDraw < 0.9 ? 'open' : statusDraw < 0.95 ? 'planned' : 'closed',
      places: 4 + Math.floor(random() * 70),
      sensitivity: i % 50 === 49 ? 'restricted' : 'public',
      radii: i % 25 === 24 ? [300, 600, 1200] : null,
      lon, lat,
    });
  }

  const placeNear = (): [number, number] => {
    if (random() < CLUSTERED) {
      const u = Math.floor(random() * units.length);
      return around(random, units[u]!.lon, units[u]!.lat, 700);
    }
    const town = pickTown();
    return around(random, town.lon, town.lat, spread(town));
  };

  const actors: GenActor[] = [];
  for (let i = 0; i < size.actors; i++) {
    const [lon, lat] = placeNear();
    const category = ACTOR_CATEGORIES[Math.floor(random() * ACTOR_CATEGORIES.length)]!;
    actors.push({
      external_id: `bench-actor-${i + 1}`, name: `Aktör ${i + 1} (${category})`, category,
      address: `Bänkgatan ${1 + (i % 150)}`, lon, lat,
    });
  }
  const childPlaces: GenChildPlace[] = [];
  for (let i = 0; i < size.childPlaces; i++) {
    const [lon, lat] = placeNear();
    const kind = CHILD_PLACE_KINDS[Math.floor(random() * CHILD_PLACE_KINDS.length)]!;
    childPlaces.push({ external_id: `bench-child-${i + 1}`, name: `Barnplats ${i + 1} (${kind})`, kind, lon, lat });
  }
  return { scale, units, actors, childPlaces };
}

/**
 * 100,000 (or `n`) further actors as a GeoJSON FeatureCollection text, for the import
 * workload (W6); external ids do not collide with the generated data set.
 */
export function importFile(n: number, seed = 9, offset = 0): string {
  const random = rng(seed);
  const features = [];
  for (let i = offset; i < offset + n; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    const [lon, lat] = around(random, town.lon, town.lat, 5000);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { external_id: `bench-import-${i + 1}`, name: `Importerad aktör ${i + 1}`, category: ACTOR_CATEGORIES[i % ACTOR_CATEGORIES.length] },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
