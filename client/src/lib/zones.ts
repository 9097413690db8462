/** Label points for the zone rings (pure). */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Ring } from './apiTypes.js';

export interface ZoneLike {
  geometry: Polygon;
  properties: { ring: Ring; radius_m: number };
}

/**
 * One point per ring at its northernmost vertex, where a label reads well above
 * the line, carrying `ring` and the text to show.
 */
export function zoneLabelPoints(zones: ZoneLike[], label: (ring: Ring, radius: number) => string): FeatureCollection<Point, { ring: Ring; label: string }> {
  const features: Feature<Point, { ring: Ring; label: string }>[] = [];
  for (const z of zones) {
    const ring = z.geometry.coordinates[0];
    if (!ring?.length) continue;
    let top = ring[0]!;
    for (const p of ring) if (p[1]! > top[1]!) top = p;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [top[0]!, top[1]!] },
      properties: { ring: z.properties.ring, label: label(z.properties.ring, z.properties.radius_m) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Every vertex of the outermost zone, for fitting the map to it. */
export function outerRingPositions(zones: ZoneLike[]): [number, number][] {
  const outer = [...zones].sort((a, b) => b.properties.radius_m - a.properties.radius_m)[0];
  return (outer?.geometry.coordinates[0] ?? []).map((p) => [p[0]!, p[1]!] as [number, number]);
}
