/**
 * Loads the real water polygons (Göta älv, the sea) from the shared open-data folder beside the
 * checkout. They are read at generation and test time only and never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { WaterFeature } from './demoData.js';

/** `../shared/data/goteborg/` relative to the repository root (this file lives in data/). */
export const SHARED_GOTEBORG_DIR = new URL('../../shared/data/goteborg/', import.meta.url);
export const WATER_FILES = ['water-gota-alv.geojson', 'water-sea.geojson'] as const;

/**
 * The water polygons, or null when neither file exists (a checkout without the shared data).
 * A file that exists but is not a polygon collection is an error, not a silent skip.
 */
export function loadWater(dir: URL = SHARED_GOTEBORG_DIR): WaterFeature[] | null {
  const features: WaterFeature[] = [];
  let found = 0;
  for (const file of WATER_FILES) {
    const url = new URL(file, dir);
    if (!existsSync(url)) continue;
    found++;
    const fc = JSON.parse(readFileSync(url, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    for (const f of fc.features) {
      if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
        throw new Error(`${file}: expected Polygon or MultiPolygon features`);
      }
      features.push(f);
    }
  }
  return found === 0 ? null : features;
}
