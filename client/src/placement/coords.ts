/**
 * Typed coordinates for the location picker: WGS 84 (latitude, longitude, as
 * people write them) or SWEREF 99 TM (northing, easting, as Lantmäteriet and the
 * City's maps give them), parsed, checked against Sweden and shown in both.
 * Moves by keyboard and their description use turf (geodesic on the sphere).
 */
import { bearing, destination, distance } from '@turf/turf';
import { projectedToWgs84, wgs84ToProjected } from '../../../api/import/crs.js';

export type LonLat = [number, number];
export type CoordSystem = 'wgs84' | 'sweref99tm';

/**
 * Sweden's box in WGS 84, the same as the server's `SWEDEN_BBOX` (api/schemas/common.ts,
 * which the bundle cannot import: it pulls in zod and the server's configuration);
 * `coords.test.ts` fails if the two differ. The server stays the judge.
 */
export const SWEDEN = { minLon: 10.0, minLat: 55.0, maxLon: 24.5, maxLat: 69.5 } as const;

/** Whether a WGS 84 position lies inside Sweden's box (the rule of the server's `inSweden`). */
export function insideSweden([lon, lat]: readonly [number, number]): boolean {
  return lon >= SWEDEN.minLon && lon <= SWEDEN.maxLon && lat >= SWEDEN.minLat && lat <= SWEDEN.maxLat;
}

export type ParseError =
  /** Nothing typed. */
  | 'empty'
  /** Not two numbers. */
  | 'format'
  /** Two numbers, but neither degrees nor SWEREF 99 TM metres (or one of each). */
  | 'system'
  /** Degrees typed with SWEREF 99 TM chosen, or metres with WGS 84 chosen. */
  | 'wrongSystem'
  /** A valid position outside Sweden. */
  | 'outside';

export type ParseResult = { ok: true; lonLat: LonLat; system: CoordSystem } | { ok: false; error: ParseError };

/**
 * Splits typed text into two numbers, taking a comma as the decimal mark or the
 * separator as the text makes clear: "57,6969 11,9866", "57.6969, 11.9866",
 * "57.6969,11.9866", "57,6969;11,9866", "N 6398000 E 319000".
 */
export function splitNumbers(text: string): [number, number] | null {
  const t = text
    .replace(/\b(lat|lon|lng)\s*[:=]?/gi, ' ')
    .replace(/\b[NnEeØø]\s*[:=]?\s*(?=[-+\d])/g, ' ')
    .replace(/[°]/g, ' ')
    .trim();
  if (!t) return null;
  let parts: string[];
  if (t.includes(';')) parts = t.split(';');
  else if (/\s/.test(t)) {
    // A blank separates the two numbers; a comma next to a blank is part of the separator.
    parts = t.replace(/\s*,\s+|\s+,\s*/g, ' ').split(/\s+/);
  } else {
    const commas = (t.match(/,/g) ?? []).length;
    if (commas === 1) parts = t.split(',');
    else if (commas === 3) {
      // "57,6969,11,9866": decimal commas, the second comma separates.
      const i = t.indexOf(',', t.indexOf(',') + 1);
      parts = [t.slice(0, i), t.slice(i + 1)];
    } else return null;
  }
  parts = parts.map((p) => p.trim()).filter(Boolean);
  if (parts.length !== 2) return null;
  const nums = parts.map((p) => (/^[-+]?\d+([.,]\d+)?$/.test(p) ? Number(p.replace(',', '.')) : NaN));
  if (!nums.every(Number.isFinite)) return null;
  return [nums[0]!, nums[1]!];
}

const isDegrees = (a: number, b: number) => Math.abs(a) <= 90 && Math.abs(b) <= 180;
/** SWEREF 99 TM metres as they occur for Sweden and its neighbourhood: northing 6.0–7.8 million, easting 0.1–1.1 million. */
const isNorthing = (v: number) => v >= 6_000_000 && v <= 7_800_000;
const isEasting = (v: number) => v >= 100_000 && v <= 1_100_000;

/**
 * Reads typed coordinates: WGS 84 as "lat, lon" or SWEREF 99 TM as "N E", told apart
 * by magnitude unless `system` names one. Within Sweden the two orders cannot be
 * confused (latitude 55–69.5, longitude 10–24.5; northing in millions, easting
 * below one million), so "lon, lat" and "E N" are read too.
 */
export function parseCoordinates(text: string, system: CoordSystem | 'auto' = 'auto'): ParseResult {
  if (!text.trim()) return { ok: false, error: 'empty' };
  const nums = splitNumbers(text);
  if (!nums) return { ok: false, error: 'format' };
  const [a, b] = nums;
  const degrees = isDegrees(a, b);
  const metres = (isNorthing(a) && isEasting(b)) || (isNorthing(b) && isEasting(a));
  const read: CoordSystem | null = degrees ? 'wgs84' : metres ? 'sweref99tm' : null;
  if (!read) return { ok: false, error: 'system' };
  if (system !== 'auto' && system !== read) return { ok: false, error: 'wrongSystem' };
  let lonLat: LonLat;
  if (read === 'wgs84') {
    const asLatLon: LonLat = [b, a];
    const asLonLat: LonLat = [a, b];
    lonLat = !insideSweden(asLatLon) && insideSweden(asLonLat) ? asLonLat : asLatLon;
  } else {
    const [n, e] = isNorthing(a) ? [a, b] : [b, a];
    lonLat = swerefToWgs84(n, e);
  }
  if (!insideSweden(lonLat)) return { ok: false, error: 'outside' };
  return { ok: true, lonLat: [round7(lonLat[0]), round7(lonLat[1])], system: read };
}

/** SWEREF 99 TM northing and easting (metres) → [lon, lat] in WGS 84. */
export function swerefToWgs84(northing: number, easting: number): LonLat {
  return projectedToWgs84(easting, northing, 'EPSG:3006');
}

/** [lon, lat] in WGS 84 → SWEREF 99 TM `{ n, e }` in metres. */
export function wgs84ToSweref([lon, lat]: readonly [number, number]): { n: number; e: number } {
  const [e, n] = wgs84ToProjected(lon, lat, 'EPSG:3006');
  return { n, e };
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** A position in both systems as text: "57,69690, 11,98660" (lat, lon) and "N 6398000, E 319000". */
export function formatBoth(lonLat: readonly [number, number], lang: 'sv' | 'en'): { wgs84: string; sweref: string } {
  const dec = (v: number) => (lang === 'sv' ? v.toFixed(6).replace('.', ',') : v.toFixed(6));
  const { n, e } = wgs84ToSweref(lonLat);
  return {
    wgs84: lang === 'sv' ? `${dec(lonLat[1])} ${dec(lonLat[0])}` : `${dec(lonLat[1])}, ${dec(lonLat[0])}`,
    sweref: `N ${Math.round(n)} E ${Math.round(e)}`,
  };
}

/** The same position in text that `parseCoordinates` reads back (for filling the field). */
export function formatForInput(lonLat: readonly [number, number], system: CoordSystem, lang: 'sv' | 'en'): string {
  if (system === 'sweref99tm') {
    const { n, e } = wgs84ToSweref(lonLat);
    return `${Math.round(n)} ${Math.round(e)}`;
  }
  return formatBoth(lonLat, lang).wgs84;
}

export type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const ARROW_BEARING: Record<Arrow, number> = { ArrowUp: 0, ArrowRight: 90, ArrowDown: 180, ArrowLeft: -90 };
export const isArrow = (key: string): key is Arrow => key in ARROW_BEARING;

/** Nice step lengths in metres. */
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/**
 * The length of one arrow-key step at a zoom level: about 12 screen pixels rounded
 * down to a nice figure (10 m at zoom 15 in Göteborg), ten times that with Shift.
 */
export function keyStep(zoom: number, lat: number, big = false): number {
  const metresPerPixel = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  const raw = metresPerPixel * 12;
  const step = [...STEPS].reverse().find((s) => s <= raw) ?? STEPS[0]!;
  return big ? step * 10 : step;
}

/** The zoom at which a circle of `radius` metres at `lat` fits `pixels` across (MapLibre's 512 px tiles), within 11–16. */
export function zoomToFit(radius: number, lat: number, pixels = 300): number {
  const metresPerPixel = (2 * radius * 1.1) / pixels;
  const z = Math.log2((40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * metresPerPixel));
  return Math.max(11, Math.min(16, Math.floor(z * 4) / 4));
}

/** The position `metres` away from `from` in the arrow's direction (north up). */
export function moveBy(from: readonly [number, number], key: Arrow, metres: number): LonLat {
  const p = destination([from[0], from[1]], metres / 1000, ARROW_BEARING[key], { units: 'kilometers' }).geometry.coordinates;
  return [round7(p[0]!), round7(p[1]!)];
}

export type Compass = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';
const COMPASS: Compass[] = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];

/** How far and in which of eight directions `to` lies from `from` (metres, geodesic on the sphere). */
export function displacement(from: readonly [number, number], to: readonly [number, number]): { metres: number; direction: Compass } {
  const metres = distance([from[0], from[1]], [to[0], to[1]], { units: 'kilometers' }) * 1000;
  const b = (bearing([from[0], from[1]], [to[0], to[1]]) + 360) % 360;
  return { metres, direction: COMPASS[Math.round(b / 45) % 8]! };
}

/** Metres between two positions (geodesic on the sphere, turf). */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  return distance([a[0], a[1]], [b[0], b[1]], { units: 'kilometers' }) * 1000;
}
