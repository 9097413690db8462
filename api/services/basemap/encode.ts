/**
 * The embedded database's base tiles: its PostGIS has no ST_AsMVT, so the features of
 * a tile come from SQL as GeoJSON in WGS 84 and are cut and encoded here with geojson-vt
 * and vt-pbf, one MVT layer per schema layer, in the order PostgreSQL writes them.
 */
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import vtpbf from 'vt-pbf';

/** The basemap's MVT layers, in the Protomaps basemap schema, bottom to top. */
export const BASEMAP_LAYERS = ['earth', 'water', 'landuse', 'roads', 'buildings', 'places', 'pois'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

export const BASEMAP_EXTENT = 4096;
const BUFFER = 64;

export interface FeatureRow {
  layer: string;
  /** GeoJSON geometry text (ST_AsGeoJSON). */
  geometry: string;
  props: Record<string, unknown> | string;
}

/** Encodes the rows of one tile; an empty tile is 0 bytes, as from PostgreSQL. */
export function encodeBasemapTile(rows: FeatureRow[], z: number, x: number, y: number): Uint8Array {
  const byLayer = new Map<string, GeoJSON.Feature[]>();
  for (const row of rows) {
    const props = typeof row.props === 'string' ? (JSON.parse(row.props) as Record<string, unknown>) : row.props;
    const list = byLayer.get(row.layer) ?? [];
    list.push({ type: 'Feature', geometry: JSON.parse(row.geometry) as GeoJSON.Geometry, properties: props });
    byLayer.set(row.layer, list);
  }
  const layers: Record<string, LegacyTile> = {};
  for (const name of BASEMAP_LAYERS) {
    const features = byLayer.get(name);
    if (!features?.length) continue;
    const index = new GeoJSONVT(
      { type: 'FeatureCollection', features },
      { maxZoom: z, indexMaxZoom: 0, indexMaxPoints: 0, tolerance: 0, extent: BASEMAP_EXTENT, buffer: BUFFER },
    );
    const tile = index.getTile(z, x, y);
    if (tile && tile.features.length > 0) layers[name] = tile;
  }
  if (Object.keys(layers).length === 0) return new Uint8Array(0);
  return vtpbf.fromGeojsonVt(layers, { version: 2, extent: BASEMAP_EXTENT });
}
