/**
 * Geometry helpers shared by the file readers: every reader hands the importer WGS 84
 * GeoJSON, so the row rules (positions inside Sweden, rings closed, …) are the same
 * for every format.
 */
import { CRS_TITLES, detectCrs, projectedToWgs84, type ImportCrs, type ProjectedCrs } from '../crs.js';
import type { RowIssue, SourceRow } from '../parse.js';

type Pos = number[];
interface Geo { type: string; coordinates?: unknown; geometries?: Geo[] }

const isGeo = (g: unknown): g is Geo => typeof g === 'object' && g !== null && typeof (g as Geo).type === 'string';

/** Applies `f` to every position of a geometry (nested arrays of numbers). */
function mapCoords(c: unknown, f: (p: Pos) => Pos): unknown {
  if (!Array.isArray(c)) return c;
  if (c.length > 0 && typeof c[0] === 'number') return f(c as Pos);
  return c.map((x) => mapCoords(x, f));
}

/** Every position of a geometry, for CRS detection (at most `max`). */
export function positionsOf(g: unknown, out: [number, number][] = [], max = 500): [number, number][] {
  const walk = (c: unknown) => {
    if (out.length >= max || !Array.isArray(c)) return;
    if (c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number') out.push([c[0], c[1]]);
    else for (const x of c) walk(x);
  };
  if (isGeo(g)) {
    if (g.type === 'GeometryCollection') for (const x of g.geometries ?? []) positionsOf(x, out, max);
    else walk(g.coordinates);
  }
  return out;
}

/**
 * The geometry as the importer stores it: 2-D (a KML altitude or a GeoPackage Z is
 * dropped, since heights are not kept), a MultiPoint of one point as a Point, and a
 * collection of polygons (KML MultiGeometry) as one MultiPolygon. Other shapes pass
 * unchanged and meet the row rules.
 */
export function flatGeometry(g: unknown): unknown {
  if (!isGeo(g)) return g;
  if (g.type === 'GeometryCollection') {
    const parts = (g.geometries ?? []).map(flatGeometry).filter(isGeo);
    if (parts.length === 1) return parts[0];
    if (parts.length > 0 && parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) {
      return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[]))) };
    }
    return { type: 'GeometryCollection', geometries: parts };
  }
  const coordinates = mapCoords(g.coordinates, (p) => (p.length > 2 ? p.slice(0, 2) : p));
  if (g.type === 'MultiPoint' && Array.isArray(coordinates) && coordinates.length === 1) return { type: 'Point', coordinates: coordinates[0] };
  return { type: g.type, coordinates };
}

/** A geometry in a projected CRS, easting first, as WGS 84 [lon, lat]. */
export function toWgs84(g: unknown, crs: ProjectedCrs): unknown {
  if (!isGeo(g)) return g;
  if (g.type === 'GeometryCollection') return { ...g, geometries: (g.geometries ?? []).map((x) => toWgs84(x, crs)) };
  return {
    ...g,
    coordinates: mapCoords(g.coordinates, (p) => (typeof p[0] === 'number' && typeof p[1] === 'number' ? projectedToWgs84(p[0], p[1], crs) : p)),
  };
}

/** How the coordinates of a file were read: the CRS, and whether the file said so or its range did. */
export interface CrsUsed {
  crs: ImportCrs;
  detected: boolean;
}

/** The whole-file warning that a CRS was found from the coordinate range. */
export const crsDetectedWarning = (crs: ImportCrs, why: string): RowIssue => ({
  row: 0, field: 'crs', code: 'crs_detected', params: { crs, title: CRS_TITLES[crs] ?? crs },
  reason: `${why}; the coordinates were read as ${crs} (${CRS_TITLES[crs] ?? crs}) from their range. Check the positions in the preview.`,
});

/**
 * Flattens every row's geometry and brings it to WGS 84: from `declared` when the file
 * names its CRS, else from the CRS its coordinate range shows (with a warning, unless it
 * is plain WGS 84). Rows without geometry are left as they are.
 */
export function reprojectRows(rows: SourceRow[], declared: ImportCrs | undefined, warnings: RowIssue[], why: string, flatten = true): CrsUsed {
  // GeoJSON is the format of the API itself: its 3-D positions meet the row rules rather than being flattened.
  if (flatten) for (const r of rows) if (r.geometry !== undefined) r.geometry = flatGeometry(r.geometry);
  let used: CrsUsed;
  if (declared) used = { crs: declared, detected: false };
  else {
    const sample: [number, number][] = [];
    for (const r of rows) {
      if (sample.length >= 500) break;
      positionsOf(r.geometry, sample, sample.length + 5);
    }
    const found = detectCrs(sample);
    used = { crs: found ?? 'EPSG:4326', detected: true };
    if (found && found !== 'EPSG:4326') warnings.push(crsDetectedWarning(found, why));
  }
  if (used.crs !== 'EPSG:4326') for (const r of rows) if (r.geometry !== undefined) r.geometry = toWgs84(r.geometry, used.crs);
  return used;
}
