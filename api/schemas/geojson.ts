/**
 * GeoJSON input validation, in one place for every route that accepts geometry
 * (units, areas, imports). RFC 7946 as SECURITY.md reads it: 2-D positions of finite
 * numbers, `[lon, lat]` inside Sweden's bounding box, rings closed with ≥ 4
 * positions, no `crs` member (PostGIS's `ST_GeomFromGeoJSON` would silently switch
 * SRID on it), not empty. Polygon validity (self-intersection, bow-ties) needs the
 * database, which schemas never query: api/services/geometryValidity.ts asks it before writing.
 *
 * Each schema reports problems as zod issues whose path points at the offending
 * member (`geometry.coordinates.0.3`), so the shared validation hook answers 400
 * naming it.
 */
import { z } from '@hono/zod-openapi';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { inSweden, SWEDEN_BBOX_TEXT } from './common.js';

/** Most positions one geometry may have; larger ones belong in a simplified import. */
export const MAX_POSITIONS = 100_000;

export type GeometryType = 'Point' | 'Polygon' | 'MultiPolygon';
export type Position2D = [number, number];
export interface PointGeo { type: 'Point'; coordinates: Position2D }
export interface PolygonGeo { type: 'Polygon'; coordinates: Position2D[][] }
export interface MultiPolygonGeo { type: 'MultiPolygon'; coordinates: Position2D[][][] }
export type InputGeometry = PointGeo | PolygonGeo | MultiPolygonGeo;

/** One problem found in a geometry: where (relative to the geometry) and what. */
export interface GeometryIssue {
  path: (string | number)[];
  /** The rule code the client renders (`outside_sweden`, `ring_not_closed`, … in `RULE_CODES` of api/errors.ts). */
  code: string;
  params?: Record<string, unknown>;
  message: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Issues of one position: an array of exactly two finite numbers inside Sweden. */
function positionIssues(p: unknown, path: (string | number)[]): GeometryIssue[] {
  if (!Array.isArray(p)) return [{ path, code: 'position_shape', message: 'a position must be an array [lon, lat]' }];
  if (p.length !== 2) {
    return [{ path, code: p.length > 2 ? 'position_3d' : 'position_shape', message: p.length > 2 ? `positions must be 2-D [lon, lat]; got ${p.length} numbers (no elevation or measure)` : 'a position needs two numbers [lon, lat]' }];
  }
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return [{ path, code: 'not_finite', message: 'longitude and latitude must be numbers' }];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [{ path, code: 'not_finite', message: 'longitude and latitude must be finite numbers (no NaN or Infinity)' }];
  if (!inSweden(lon, lat)) {
    return [{ path, code: 'outside_sweden', params: { lon, lat }, message: `position [${lon}, ${lat}] is outside Sweden (${SWEDEN_BBOX_TEXT}); positions are [lon, lat] in WGS 84` }];
  }
  return [];
}

/** Issues of one linear ring: ≥ 4 valid positions, first equal to last. */
function ringIssues(ring: unknown, path: (string | number)[]): GeometryIssue[] {
  if (!Array.isArray(ring)) return [{ path, code: 'ring_too_short', message: 'a ring must be an array of positions' }];
  if (ring.length < 4) return [{ path, code: 'ring_too_short', params: { minimum: 4, got: ring.length }, message: `a ring needs at least 4 positions (closed: the last equals the first); got ${ring.length}` }];
  for (let i = 0; i < ring.length; i++) {
    const issues = positionIssues(ring[i], [...path, i]);
    if (issues.length) return issues;
  }
  const first = ring[0] as Position2D;
  const last = ring[ring.length - 1] as Position2D;
  if (first[0] !== last[0] || first[1] !== last[1]) return [{ path, code: 'ring_not_closed', message: 'the ring is not closed: its last position must equal its first' }];
  return [];
}

function polygonIssues(rings: unknown, path: (string | number)[]): GeometryIssue[] {
  if (!Array.isArray(rings)) return [{ path, code: 'geometry_shape', message: 'polygon coordinates must be an array of rings' }];
  if (rings.length === 0) return [{ path, code: 'empty_geometry', message: 'the polygon is empty: it needs an outer ring' }];
  for (let i = 0; i < rings.length; i++) {
    const issues = ringIssues(rings[i], [...path, i]);
    if (issues.length) return issues;
  }
  return [];
}

function countPositions(v: unknown, depth: number): number {
  if (!Array.isArray(v)) return 0;
  if (depth === 0) return 1;
  let n = 0;
  for (const x of v) n += countPositions(x, depth - 1);
  return n;
}

/**
 * Every problem of `value` as a geometry of one of `allowed` types (empty when it is
 * acceptable). Pure; usable outside zod, e.g. by importers reporting row by row.
 */
export function geometryIssues(value: unknown, allowed: readonly GeometryType[]): GeometryIssue[] {
  if (!isPlainObject(value)) return [{ path: [], code: 'geometry_shape', message: `must be a GeoJSON geometry object of type ${allowed.join(' or ')}` }];
  if ('crs' in value) {
    return [{ path: ['crs'], code: 'crs_member', message: 'a "crs" member is not allowed: GeoJSON (RFC 7946) is always WGS 84 [lon, lat]' }];
  }
  const extra = Object.keys(value).filter((k) => k !== 'type' && k !== 'coordinates' && k !== 'bbox');
  if (extra.length) return [{ path: [], code: 'unrecognized_keys', params: { keys: extra }, message: `unknown ${extra.length > 1 ? 'keys' : 'key'} ${extra.map((k) => `"${k}"`).join(', ')} in geometry` }];
  const type = value.type;
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    return [{ path: ['type'], code: 'invalid_value', params: { values: [...allowed] }, message: `geometry type must be ${allowed.join(' or ')}; got ${JSON.stringify(type)?.slice(0, 40) ?? 'nothing'}` }];
  }
  if (!('coordinates' in value)) return [{ path: ['coordinates'], code: 'empty_geometry', message: 'the geometry has no coordinates' }];
  const coords = value.coordinates;
  const depth = type === 'Point' ? 0 : type === 'Polygon' ? 2 : 3;
  if (countPositions(coords, depth) > MAX_POSITIONS) {
    return [{ path: ['coordinates'], code: 'too_many_positions', params: { maximum: MAX_POSITIONS }, message: `the geometry has more than ${MAX_POSITIONS} positions; simplify it first` }];
  }
  if (type === 'Point') {
    if (Array.isArray(coords) && coords.length === 0) return [{ path: ['coordinates'], code: 'empty_geometry', message: 'the point is empty: it needs [lon, lat]' }];
    return positionIssues(coords, ['coordinates']);
  }
  if (type === 'Polygon') return polygonIssues(coords, ['coordinates']);
  if (!Array.isArray(coords)) return [{ path: ['coordinates'], code: 'geometry_shape', message: 'multipolygon coordinates must be an array of polygons' }];
  if (coords.length === 0) return [{ path: ['coordinates'], code: 'empty_geometry', message: 'the multipolygon is empty: it needs at least one polygon' }];
  for (let i = 0; i < coords.length; i++) {
    const issues = polygonIssues(coords[i], ['coordinates', i]);
    if (issues.length) return issues;
  }
  return [];
}

const positionDoc: SchemaObject = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, example: [11.9746, 57.7089] };

/** A zod schema for a geometry of the given types, reporting {@link geometryIssues} as issues. */
function geometrySchema<T extends InputGeometry>(allowed: readonly GeometryType[], name: string, coordinates: SchemaObject) {
  return z
    .custom<T>(() => true)
    .superRefine((value, ctx) => {
      for (const issue of geometryIssues(value, allowed)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, params: { code: issue.code, ...issue.params } });
    })
    .openapi(name, {
      type: 'object',
      description: `GeoJSON ${allowed.join(' or ')} (RFC 7946): 2-D [lon, lat] in WGS 84 inside Sweden, finite numbers, closed rings of ≥ 4 positions, no "crs" member.`,
      required: ['type', 'coordinates'],
      properties: { type: { type: 'string', enum: [...allowed] }, coordinates },
    });
}

/** A GeoJSON Point input: `{"type":"Point","coordinates":[lon,lat]}` inside Sweden. */
export const GeoPointInput = geometrySchema<PointGeo>(['Point'], 'PointInput', positionDoc);

/** A GeoJSON Polygon input. Check validity with `assertValidInDatabase` (api/services/geometryValidity.ts) before writing. */
export const GeoPolygonInput = geometrySchema<PolygonGeo>(['Polygon'], 'PolygonInput', {
  type: 'array', items: { type: 'array', minItems: 4, items: positionDoc },
});

/** A GeoJSON Polygon or MultiPolygon input (areas). Check validity in the database before writing. */
export const GeoPolygonalInput = geometrySchema<PolygonGeo | MultiPolygonGeo>(['Polygon', 'MultiPolygon'], 'PolygonalInput', {
  type: 'array', items: { type: 'array' },
});
