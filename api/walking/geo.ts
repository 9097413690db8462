/**
 * Distances and a local plane for the walking engine. Edge lengths and snap distances
 * are great-circle (haversine) distances on a sphere of the mean Earth radius, the same
 * radius turf uses; within a city that is within 0.3 % of the WGS 84 spheroid, which is
 * far below what a walk's length means. Snapping and hulls work in a local
 * equirectangular plane in metres around the network's middle latitude.
 */

/** Mean Earth radius in metres (IUGG), as turf's `earthRadius`. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat points. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A local plane in metres: x east, y north, around (lon0, lat0). */
export interface Plane {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude at lat0. */
  mx: number;
  /** Metres per degree of latitude. */
  my: number;
}

export function planeAt(lon0: number, lat0: number): Plane {
  const my = EARTH_RADIUS_M * RAD;
  return { lon0, lat0, mx: my * Math.cos(lat0 * RAD), my };
}

export const toX = (p: Plane, lon: number): number => (lon - p.lon0) * p.mx;
export const toY = (p: Plane, lat: number): number => (lat - p.lat0) * p.my;
export const toLon = (p: Plane, x: number): number => p.lon0 + x / p.mx;
export const toLat = (p: Plane, y: number): number => p.lat0 + y / p.my;
