import proj4 from 'proj4';
import { SUPPORTED_CRS } from '../geo/crs.js';

/**
 * Coordinate systems the importers read. Everything is stored as WGS 84 (EPSG:4326).
 * SWEREF 99 TM and the twelve local zones come from api/geo/crs.ts (which registers
 * their proj4 definitions); RT 90 2.5 gon V is the system older municipal files and
 * Shapefiles still carry, so the importers read it too (the OGC API does not answer in it).
 */
export const IMPORT_CRS = [
  'EPSG:4326', 'EPSG:3006', 'EPSG:3007', 'EPSG:3008', 'EPSG:3009', 'EPSG:3010', 'EPSG:3011', 'EPSG:3012', 'EPSG:3013',
  'EPSG:3014', 'EPSG:3015', 'EPSG:3016', 'EPSG:3017', 'EPSG:3018', 'EPSG:3021',
] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];
/** A projected import CRS (metres, easting first). */
export type ProjectedCrs = Exclude<ImportCrs, 'EPSG:4326'>;

/** The titles the report and the page show for each import CRS. */
export const CRS_TITLES: Record<string, string> = {
  'EPSG:4326': 'WGS 84',
  ...Object.fromEntries(SUPPORTED_CRS.filter((c) => c.projected).map((c) => [`EPSG:${c.epsg}`, c.title])),
  'EPSG:3021': 'RT 90 2.5 gon V',
};

/**
 * RT 90 2.5 gon V with the seven-parameter shift to WGS 84 that EPSG:1896 ("RT90 to
 * WGS 84 (2)") gives and PROJ/GDAL use by default, written in proj4's position-vector
 * convention: so an import agrees with ogr2ogr's own transformation to the centimetre.
 */
proj4.defs('EPSG:3021', '+proj=tmerc +lat_0=0 +lon_0=15.8082777777778 +k=1 +x_0=1500000 +y_0=0 +ellps=bessel +towgs84=414.1,41.3,603.1,-0.855,2.141,-7.023,0 +units=m +no_defs +type=crs');

const isImportCrs = (c: string): c is ImportCrs => (IMPORT_CRS as readonly string[]).includes(c);

const converters = new Map<string, proj4.Converter>();
function converter(crs: ProjectedCrs): proj4.Converter {
  let c = converters.get(crs);
  if (!c) converters.set(crs, (c = proj4(crs, 'EPSG:4326')));
  return c;
}

/** Easting/northing in a projected import CRS → [lon, lat] in WGS 84 (NaN when proj4 cannot). */
export function projectedToWgs84(x: number, y: number, crs: ProjectedCrs): [number, number] {
  try {
    const [lon, lat] = converter(crs).forward([x, y]) as [number, number];
    return [lon, lat];
  } catch {
    return [Number.NaN, Number.NaN];
  }
}

/** [lon, lat] in WGS 84 → easting/northing in a projected import CRS (exports write SWEREF 99 TM columns). */
export function wgs84ToProjected(lon: number, lat: number, crs: ProjectedCrs = 'EPSG:3006'): [number, number] {
  const [x, y] = converter(crs).inverse([lon, lat]) as [number, number];
  return [x, y];
}

/** Rounds a WGS 84 ordinate to 7 decimals (about 1 cm), the precision stored and compared on re-import. */
export const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/**
 * The import CRS an EPSG code, a `urn:ogc:def:crs:EPSG::3006`, an OGC URI
 * (`http://www.opengis.net/def/crs/EPSG/0/3006`) or a CRS84 name means; undefined when
 * it is none the importers read. EPSG:4326 in a file is taken as lon/lat, as GDAL
 * writes it.
 */
export function importCrsOf(name: string): ImportCrs | undefined {
  const t = name.trim();
  if (/^(urn:ogc:def:crs:OGC:(1\.3)?:CRS84|OGC:CRS84|CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84)$/i.test(t)) return 'EPSG:4326';
  const m = /^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)(\d+)$/i.exec(t);
  const code = m ? `EPSG:${m[1]}` : undefined;
  return code && isImportCrs(code) ? code : undefined;
}

/** The import CRS of an EPSG code number, as a GeoPackage's gpkg_spatial_ref_sys gives it. */
export const importCrsOfEpsg = (code: number): ImportCrs | undefined => {
  const c = `EPSG:${code}`;
  return isImportCrs(c) ? c : undefined;
};

/**
 * The CRS a Shapefile's `.prj` (ESRI or OGC WKT) describes: by its EPSG authority when
 * it has one, else by the names ogr2ogr, ArcGIS and QGIS write (SWEREF99_TM,
 * SWEREF99_12_00, RT90_25_gon_V, GCS_WGS_1984). The datum shift of RT 90 is not in an
 * ESRI .prj, so reading it by name and using our own definition is what gives the right
 * coordinates; undefined for anything else (refused, never guessed).
 */
export function importCrsOfWkt(wkt: string): ImportCrs | undefined {
  const auth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(wkt.trim()) ?? /ID\["EPSG",\s*(\d+)\]\s*\]\s*$/i.exec(wkt.trim());
  if (auth) return importCrsOfEpsg(Number(auth[1]));
  const projcs = /^\s*PROJ(?:CS|CRS)\["([^"]+)"/i.exec(wkt);
  if (!projcs) {
    const geog = /^\s*GEOG(?:CS|CRS)\["([^"]+)"/i.exec(wkt)?.[1] ?? '';
    return /^(GCS_)?WGS[ _]?(19)?84$|^GCS_SWEREF99$|^SWEREF99$/i.test(geog) ? 'EPSG:4326' : undefined;
  }
  const n = projcs[1]!.replace(/[\s_]+/g, ' ').trim();
  if (/^SWEREF ?99 TM$/i.test(n)) return 'EPSG:3006';
  const zone = /^SWEREF ?99 (\d\d) ?(\d\d)$/i.exec(n);
  if (zone) {
    const title = `SWEREF 99 ${zone[1]} ${zone[2]}`;
    const hit = Object.entries(CRS_TITLES).find(([, t]) => t === title);
    return hit ? (hit[0] as ImportCrs) : undefined;
  }
  if (/^RT ?90 2[.,]?5 ?gon ?V(?: 0gon)?$/i.test(n)) return 'EPSG:3021';
  return undefined;
}

/**
 * The CRS of projected coordinates found from their range, as for CSV: northings of
 * Sweden (6.1–7.7 million), with eastings around 1.5 million in RT 90 2.5 gon V,
 * 200 000–1 000 000 in SWEREF 99 TM, and below that a local zone, taken as 12 00
 * (Göteborg's zone; the zones cannot be told apart by range). Degrees give WGS 84;
 * anything else undefined.
 */
export function detectCrs(positions: [number, number][]): ImportCrs | undefined {
  const ok = positions.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (!ok.length) return undefined;
  const share = (f: (p: [number, number]) => boolean) => ok.filter(f).length / ok.length;
  if (share(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90) > 0.5) return 'EPSG:4326';
  const north = ([, y]: [number, number]) => y > 6_000_000 && y < 7_800_000;
  if (share((p) => north(p) && p[0] > 1_100_000 && p[0] < 1_950_000) > 0.5) return 'EPSG:3021';
  if (share((p) => north(p) && p[0] >= 200_000 && p[0] <= 1_000_000) > 0.5) return 'EPSG:3006';
  if (share((p) => north(p) && p[0] > 0 && p[0] < 200_000) > 0.5) return 'EPSG:3007';
  return undefined;
}
