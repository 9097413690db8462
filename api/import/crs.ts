import proj4 from 'proj4';

/** Coordinate systems the importers read. Everything is stored as WGS 84 (EPSG:4326). */
export const IMPORT_CRS = ['EPSG:4326', 'EPSG:3006', 'EPSG:3007'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

/** SWEREF 99 TM and SWEREF 99 12 00 (Lantmäteriet); SWEREF 99 equals WGS 84 at the metre level. */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');
proj4.defs('EPSG:3007', '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');

const toWgs = {
  'EPSG:3006': proj4('EPSG:3006', 'EPSG:4326'),
  'EPSG:3007': proj4('EPSG:3007', 'EPSG:4326'),
};
const fromWgs = {
  'EPSG:3006': proj4('EPSG:4326', 'EPSG:3006'),
  'EPSG:3007': proj4('EPSG:4326', 'EPSG:3007'),
};

/** Easting/northing in a SWEREF 99 projection → [lon, lat] in WGS 84. */
export function projectedToWgs84(x: number, y: number, crs: Exclude<ImportCrs, 'EPSG:4326'>): [number, number] {
  const [lon, lat] = toWgs[crs].forward([x, y]) as [number, number];
  return [lon, lat];
}

/** [lon, lat] in WGS 84 → easting/northing in a SWEREF 99 projection (exports write SWEREF 99 TM columns). */
export function wgs84ToProjected(lon: number, lat: number, crs: Exclude<ImportCrs, 'EPSG:4326'> = 'EPSG:3006'): [number, number] {
  const [x, y] = fromWgs[crs].forward([lon, lat]) as [number, number];
  return [x, y];
}

/** Rounds a WGS 84 ordinate to 7 decimals (about 1 cm), the precision stored and compared on re-import. */
export const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;
