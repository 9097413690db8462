import { rewind } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';

/**
 * A feature whose polygons follow RFC 7946's right-hand rule (exterior rings
 * counter-clockwise, holes clockwise); other geometries as they are. Areas are stored
 * as imported and repaired, and PostGIS keeps whatever winding the source or
 * ST_MakeValid left, while GeoJSON readers that compute areas or fill by winding
 * (d3-geo among them) need the standard's.
 */
export function rightHandRule<F extends Feature<Geometry, unknown>>(f: F): F {
  const g = f.geometry;
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? { ...f, geometry: rewind(g, { reverse: false }) as typeof g } : f;
}
