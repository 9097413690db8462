/**
 * Whole layers as files: GeoJSON, CSV and GeoPackage of the OGC collections, and every
 * layer in one GeoPackage. Features come from one service path
 * ({@link exportCollection}), so a download shows exactly what the caller may see
 * (restricted units coarsened for roles without need-to-know) and every layer exported
 * writes its `export` audit entry.
 */
import type { Feature, Geometry } from 'geojson';
import { pointOnFeature } from '@turf/point-on-feature';
import { COLLECTION_IDS, COLLECTIONS, type CollectionId } from '../ogc/features.js';
import { exportCollection } from '../services/collections.js';
import type { RequestContext } from '../services/context.js';
import { toCsvIn, type CsvDialect } from '../services/csv.js';
import { epsgOf, geojsonCrsMember, geometryIn, positionIn, SWEREF99TM, type CrsDef } from './crs.js';
import { writeGeoPackage, type GpkgLayer } from './geopackage.js';

/** The formats of GET /api/exports/{layer}. */
export const LAYER_FORMATS = ['geojson', 'csv', 'gpkg'] as const;
export type LayerFormat = (typeof LAYER_FORMATS)[number];

/** A file to download: its bytes or text, media type and file name. */
export interface ExportFile {
  body: string | Uint8Array;
  type: string;
  filename: string;
}

/** The GeoPackage table of a layer: the layer's id as a SQL identifier (`child-places` → `child_places`). */
export const gpkgTableOf = (layer: CollectionId) => layer.replace(/-/g, '_');

/** The CRS a format is written in when the request names none: SWEREF 99 TM for GeoPackage (what Swedish municipal GIS works in), CRS84 (RFC 7946) otherwise. */
export const DEFAULT_EXPORT_CRS: Record<LayerFormat, 'CRS84' | 'EPSG:3006'> = { geojson: 'CRS84', csv: 'CRS84', gpkg: 'EPSG:3006' };

/** `-epsg3007` in the file name of a download in a CRS other than its format's default. */
const crsSuffix = (crs: CrsDef, format: LayerFormat) => {
  const fallback = DEFAULT_EXPORT_CRS[format];
  const isDefault = fallback === 'CRS84' ? !crs.epsg : crs.epsg === 3006;
  return isDefault ? '' : crs.epsg ? `-epsg${crs.epsg}` : '-crs84';
};

/** The point a CSV row stands at: the point itself, or a point on an area's surface (inside it, unlike a centroid). */
const pointOf = (g: Geometry): [number, number] => {
  const [lon, lat] = g.type === 'Point' ? g.coordinates : pointOnFeature(g as GeoJSON.MultiPolygon).geometry.coordinates;
  return [lon!, lat!];
};

/**
 * The coordinate columns of a CSV row. In WGS 84 `lon`, `lat` and, for convenience,
 * SWEREF 99 TM `x_sweref99tm`, `y_sweref99tm` (rounded to 1 cm); in a projected CRS `x`
 * (easting) and `y` (northing) in metres, the names QGIS's delimited-text reader guesses.
 */
function coordinateColumns(crs: CrsDef): { columns: string[]; of: (g: Geometry) => Record<string, number> } {
  if (crs.projected) {
    return { columns: ['x', 'y'], of: (g) => { const [x, y] = positionIn(crs, pointOf(g)); return { x, y }; } };
  }
  return {
    columns: ['lon', 'lat', 'x_sweref99tm', 'y_sweref99tm'],
    of: (g) => {
      const [lon, lat] = pointOf(g);
      const [x, y] = positionIn(SWEREF99TM, [lon, lat]);
      return { lon, lat, x_sweref99tm: Math.round(x * 100) / 100, y_sweref99tm: Math.round(y * 100) / 100 };
    },
  };
}

/** Features as CSV in `dialect`: `id`, every property, then the coordinate columns of `crs`. */
export function featuresCsv(features: readonly Feature[], crs: CrsDef, dialect: CsvDialect): string {
  const coords = coordinateColumns(crs);
  const propertyNames = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))].filter((k) => !coords.columns.includes(k) && k !== 'id');
  const rows = features.map((f) => ({ ...f.properties, id: f.id, ...coords.of(f.geometry) }));
  return toCsvIn(dialect, ['id', ...propertyNames, ...coords.columns], rows);
}

/** Features as a GeoJSON FeatureCollection in `crs`, with a `crs` member when that is not CRS84. */
export function featuresGeoJson(features: readonly Feature[], crs: CrsDef): string {
  const member = geojsonCrsMember(crs);
  const out = features.map((f) => ({ ...f, geometry: geometryIn(crs, f.geometry) }));
  return JSON.stringify({ type: 'FeatureCollection', ...(member ? { crs: member } : {}), features: out });
}

/** A GeoPackage table of a layer's features in `crs`. */
function gpkgLayer(layer: CollectionId, features: readonly Feature[], crs: CrsDef): GpkgLayer {
  return {
    table: gpkgTableOf(layer),
    description: `${COLLECTIONS[layer].title}. ${COLLECTIONS[layer].description}`,
    epsg: epsgOf(crs),
    geometryType: COLLECTIONS[layer].geometry,
    features: features.map((f) => ({ ...f, geometry: geometryIn(crs, f.geometry) })),
  };
}

const GPKG_TYPE = 'application/geopackage+sqlite3';

/** One layer as a file in `format`, in `crs` (CSV in `dialect`); audited as an export. */
export async function layerFile(ctx: RequestContext, layer: CollectionId, format: LayerFormat, crs: CrsDef, dialect: CsvDialect): Promise<ExportFile> {
  const features = await exportCollection(ctx, layer, format);
  const name = `${layer}${crsSuffix(crs, format)}`;
  switch (format) {
    case 'geojson': return { body: featuresGeoJson(features, crs), type: 'application/geo+json; charset=utf-8', filename: `${name}.geojson` };
    case 'csv': return { body: featuresCsv(features, crs, dialect), type: 'text/csv; charset=utf-8', filename: `${name}.csv` };
    case 'gpkg': return { body: await writeGeoPackage([gpkgLayer(layer, features, crs)], ctx.now), type: GPKG_TYPE, filename: `${name}.gpkg` };
  }
}

/** Every layer in one GeoPackage in `crs`, a table each; each layer is read and audited as its own export. */
export async function allLayersGeoPackage(ctx: RequestContext, crs: CrsDef): Promise<ExportFile> {
  const layers: GpkgLayer[] = [];
  for (const layer of COLLECTION_IDS) layers.push(gpkgLayer(layer, await exportCollection(ctx, layer, 'gpkg'), crs));
  return { body: await writeGeoPackage(layers, ctx.now), type: GPKG_TYPE, filename: `platssamverkan${crsSuffix(crs, 'gpkg')}.gpkg` };
}
