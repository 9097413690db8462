/**
 * The coordinate reference systems the product speaks besides its storage CRS (WGS 84
 * longitude/latitude): WGS 84 in the EPSG axis order (latitude first), SWEREF 99 TM and
 * the twelve SWEREF 99 local zones that Swedish municipalities map in. Geometry is
 * stored and computed in WGS 84; these are for answers and requests only (OGC API –
 * Features Part 2), transformed with proj4. SWEREF 99 equals WGS 84 at the metre level
 * (Lantmäteriet), hence the null datum shift.
 */
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

/** OGC's URI for WGS 84 longitude/latitude, the default CRS of OGC API – Features. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG_URI = 'http://www.opengis.net/def/crs/EPSG/0/';

/**
 * One CRS: its URI, proj4 definition, and the axis order of its coordinates as the
 * authority defines it. EPSG:4326 is latitude, longitude; the SWEREF 99 projections are
 * northing, easting (Lantmäteriet's and EPSG's order), which OGC API – Features Part 2
 * requires answers to follow.
 */
export interface CrsDef {
  uri: string;
  /** EPSG code, or undefined for CRS84. */
  epsg?: number;
  title: string;
  /** Whether the first axis is the northing/latitude (true) or the easting/longitude (false). */
  northFirst: boolean;
  /** Whether coordinates are metres (projected) rather than degrees. */
  projected: boolean;
}

/** Central meridians of the SWEREF 99 local zones, EPSG:3007 to 3018, in EPSG's order. */
const LOCAL_ZONES: [number, string][] = [
  [12, '12 00'], [13.5, '13 30'], [15, '15 00'], [16.5, '16 30'], [18, '18 00'], [14.25, '14 15'],
  [15.75, '15 45'], [17.25, '17 15'], [18.75, '18 45'], [20.25, '20 15'], [21.75, '21 45'], [23.25, '23 15'],
];

const definitions: CrsDef[] = [
  { uri: CRS84, title: 'WGS 84 (longitude, latitude)', northFirst: false, projected: false },
  { uri: `${EPSG_URI}4326`, epsg: 4326, title: 'WGS 84 (latitude, longitude)', northFirst: true, projected: false },
  { uri: `${EPSG_URI}3006`, epsg: 3006, title: 'SWEREF 99 TM', northFirst: true, projected: true },
  ...LOCAL_ZONES.map(([, name], i) => ({ uri: `${EPSG_URI}${3007 + i}`, epsg: 3007 + i, title: `SWEREF 99 ${name}`, northFirst: true, projected: true })),
];

proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');
LOCAL_ZONES.forEach(([lon0], i) =>
  proj4.defs(`EPSG:${3007 + i}`, `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs`),
);

/** Every CRS the OGC API answers and takes bboxes in, default first. */
export const SUPPORTED_CRS: readonly CrsDef[] = definitions;
const byUri = new Map(definitions.map((d) => [d.uri, d]));

/**
 * The CRS a request names: an OGC URI, or the safe CURIE forms `[EPSG:3006]` and
 * `EPSG:3006` that clients also send. Undefined when it is none of the supported ones.
 */
export function crsOf(text: string): CrsDef | undefined {
  const t = text.trim();
  const curie = /^\[?(EPSG|OGC):(\w+(?:\.\d+)?)\]?$/i.exec(t);
  if (curie) {
    const [, auth, code] = curie;
    if (auth!.toUpperCase() === 'OGC') return /^CRS84$/i.test(code!) ? byUri.get(CRS84) : undefined;
    return byUri.get(`${EPSG_URI}${code}`);
  }
  return byUri.get(t.replace(/^https:/, 'http:'));
}

const converters = new Map<number, proj4.Converter>();
function converter(epsg: number): proj4.Converter {
  let c = converters.get(epsg);
  if (!c) converters.set(epsg, (c = proj4('EPSG:4326', `EPSG:${epsg}`)));
  return c;
}

/** Decimals kept: 7 for degrees (about 1 cm, as stored), 3 for metres (1 mm). */
const round = (v: number, projected: boolean) => (projected ? Math.round(v * 1e3) / 1e3 : Math.round(v * 1e7) / 1e7);

/** A WGS 84 [lon, lat] position in `crs`, in its axis order. */
export function fromWgs84(crs: CrsDef, [lon, lat]: Position): [number, number] {
  const [x, y] = crs.epsg && crs.projected ? (converter(crs.epsg).forward([lon!, lat!]) as [number, number]) : [lon!, lat!];
  const a = round(x, crs.projected);
  const b = round(y, crs.projected);
  return crs.northFirst ? [b, a] : [a, b];
}

/** A position given in `crs` (its axis order) as WGS 84 [lon, lat]. */
export function toWgs84(crs: CrsDef, [first, second]: Position): [number, number] {
  const [x, y] = crs.northFirst ? [second!, first!] : [first!, second!];
  if (!(crs.epsg && crs.projected)) return [x, y];
  return converter(crs.epsg).inverse([x, y]) as [number, number];
}

const mapPositions = (g: Geometry, f: (p: Position) => Position): Geometry => {
  switch (g.type) {
    case 'Point': return { ...g, coordinates: f(g.coordinates) };
    case 'MultiPoint': case 'LineString': return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiLineString': case 'Polygon': return { ...g, coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection': return { ...g, geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
};

/** A WGS 84 geometry in `crs`; the same object when `crs` is CRS84. */
export function geometryFromWgs84(crs: CrsDef, g: Geometry): Geometry {
  return crs.uri === CRS84 ? g : mapPositions(g, (p) => fromWgs84(crs, p));
}

/**
 * A bbox given in `crs` (its axis order: minFirst, minSecond, maxFirst, maxSecond) as a
 * WGS 84 polygon. A projected rectangle is not a rectangle in longitude/latitude, so
 * each edge is walked in steps and the polygon follows it to well under a metre.
 */
export function bboxPolygonToWgs84(crs: CrsDef, [a1, b1, a2, b2]: [number, number, number, number]): Geometry {
  const steps = crs.projected ? 16 : 1;
  const corners: Position[] = [[a1, b1], [a2, b1], [a2, b2], [a1, b2]];
  const ring: Position[] = [];
  for (let i = 0; i < 4; i++) {
    const [p, q] = [corners[i]!, corners[(i + 1) % 4]!];
    for (let s = 0; s < steps; s++) ring.push(toWgs84(crs, [p[0]! + ((q[0]! - p[0]!) * s) / steps, p[1]! + ((q[1]! - p[1]!) * s) / steps]));
  }
  ring.push(ring[0]!);
  // A CRS with latitude first lists the corners clockwise in lon/lat; keep the ring counter-clockwise (RFC 7946).
  if (signedArea(ring) < 0) ring.reverse();
  return { type: 'Polygon', coordinates: [ring] };
}

const signedArea = (ring: Position[]) => ring.slice(1).reduce((s, p, i) => s + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0) / 2;
