/** Pure helpers over GeoJSON point features: bbox tests, filtering, ordering. */
import type { Feature, Point } from 'geojson';

export type Bbox = readonly [number, number, number, number];
type PointFeature<P = unknown> = Feature<Point, P>;

export function inBbox(position: readonly number[], [minLon, minLat, maxLon, maxLat]: Bbox): boolean {
  const [lon, lat] = position as [number, number];
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

/** The bbox grown by a fraction of its size on every side (fetch a margin, refetch less). */
export function growBbox([minLon, minLat, maxLon, maxLat]: Bbox, fraction: number): [number, number, number, number] {
  const dx = (maxLon - minLon) * fraction;
  const dy = (maxLat - minLat) * fraction;
  return [minLon - dx, minLat - dy, maxLon + dx, maxLat + dy];
}

/** Whether `inner` lies completely inside `outer`. */
export function bboxContains(outer: Bbox, inner: Bbox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** Features whose code (category, kind) is switched on. */
export function byEnabled<P, K extends string>(features: PointFeature<P>[], code: (p: P) => K, enabled: Record<K, boolean>): PointFeature<P>[] {
  return features.filter((f) => enabled[code(f.properties)]);
}

/** Alphabetical by name in the given locale (Swedish å, ä, ö after z), then by id. */
export function sortByName<F extends { id?: string | number; properties: { name: string } }>(features: F[], locale: string): F[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...features].sort((a, b) => collator.compare(a.properties.name, b.properties.name) || Number(a.id ?? 0) - Number(b.id ?? 0));
}

/** Case- and accent-tolerant match of a query against name and address (`Kalleback` finds `Kallebäck`). */
export function matchesQuery(query: string, ...fields: (string | null | undefined)[]): boolean {
  const q = fold(query.trim());
  if (!q) return false;
  return fields.some((f) => f && fold(f).includes(q));
}

function fold(s: string): string {
  return s
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * The area to fetch for the view `view`: the area fetched last while it still holds
 * the view (and, with `maxZoomOut`, is at most that many times as wide), else the
 * view grown by `margin` on every side, so panning a little fetches nothing.
 */
export function nextFetchBox(prev: Bbox | null, view: Bbox, { margin, maxZoomOut }: { margin: number; maxZoomOut?: number }): Bbox {
  const keep = prev && bboxContains(prev, view) && (maxZoomOut === undefined || prev[2] - prev[0] < (view[2] - view[0]) * maxZoomOut);
  return keep ? prev : growBbox(view, margin);
}
