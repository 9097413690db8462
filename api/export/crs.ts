/**
 * The coordinate system of a download (`crs` on the export routes): the CRSs the OGC
 * API speaks (api/geo/crs.ts), written in the order files use. GeoJSON, CSV and
 * GeoPackage files store easting (longitude) first whatever the authority's axis order
 * is; GDAL reads a GeoJSON `crs` member and every GeoPackage that way ("traditional
 * GIS order"), so SWEREF 99 is written x = easting, y = northing here, unlike the OGC
 * answers, which follow EPSG's northing-first order as Part 2 requires.
 */
import type { Geometry, Position } from 'geojson';
import { badRequest } from '../errors.js';
import { CRS84, crsOf, fromWgs84, SUPPORTED_CRS, type CrsDef } from '../geo/crs.js';

export type { CrsDef } from '../geo/crs.js';

/** How the export routes' `crs` parameter is described: the accepted names. */
export const EXPORT_CRS_NAMES = SUPPORTED_CRS.map((d) => (d.epsg ? `EPSG:${d.epsg}` : 'OGC:CRS84'));

/** The CRS `raw` names (an OGC URI, `EPSG:3006` or `[EPSG:3006]`), `fallback` when absent; a 400 naming `crs` and the valid values otherwise. */
export function exportCrs(raw: string | undefined, fallback: 'CRS84' | 'EPSG:3006'): CrsDef {
  const crs = crsOf(raw ?? (fallback === 'CRS84' ? CRS84 : fallback));
  if (!crs) throw badRequest(`crs: must be one of ${EXPORT_CRS_NAMES.join(', ')} (or their OGC URIs); got "${(raw ?? '').slice(0, 80)}"`);
  return crs;
}

/** SWEREF 99 TM, of the `x_sweref99tm`/`y_sweref99tm` columns every WGS 84 CSV carries. */
export const SWEREF99TM: CrsDef = crsOf('EPSG:3006')!;

/** A WGS 84 position in `crs`, easting (longitude) first; metres to 1 mm, degrees as stored. */
export function positionIn(crs: CrsDef, p: Position): [number, number] {
  if (!crs.projected) return [p[0]!, p[1]!];
  const [a, b] = fromWgs84(crs, p);
  return crs.northFirst ? [b, a] : [a, b];
}

/** A WGS 84 geometry in `crs`, easting first (the same object for a geographic CRS). */
export function geometryIn(crs: CrsDef, g: Geometry): Geometry {
  if (!crs.projected) return g;
  const f = (p: Position) => positionIn(crs, p);
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((x) => geometryIn(crs, x)) };
  }
}

/** The EPSG code a file names for `crs`: CRS84 and EPSG:4326 both as 4326 (GeoPackage and GDAL know WGS 84 by that code). */
export const epsgOf = (crs: CrsDef): number => crs.epsg ?? 4326;

/**
 * The `crs` member of a GeoJSON file in a CRS other than CRS84: the 2008 GeoJSON
 * convention that RFC 7946 dropped but GDAL and QGIS still read. None for CRS84, which
 * RFC 7946 makes the default.
 */
export function geojsonCrsMember(crs: CrsDef): { type: 'name'; properties: { name: string } } | undefined {
  if (crs.uri === CRS84) return undefined;
  return { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${epsgOf(crs)}` } };
}
