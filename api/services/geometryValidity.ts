/**
 * Polygon validity in the OGC sense (no self-intersections such as a bow-tie), which only
 * the database can judge: the zod schemas of api/schemas/geojson.ts check the shape and
 * stop there, running no SQL. Every path that stores a polygon (the areas import, any
 * route taking one) asks here before writing.
 */
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { ApiError } from '../errors.js';
import type { InputGeometry } from '../schemas/geojson.js';

const geojsonIsValid = statement('geojson_is_valid', ['geometry']);

/**
 * The database's verdict on a (schema-checked) geometry: valid, with PostGIS's reason
 * when not. The embedded PostGIS can answer with no row at all, and a geometry it
 * cannot read raises: both count as invalid, never as valid. Points are always valid
 * once they passed the schema.
 */
export async function geometryValidity(db: Queryable, geometry: InputGeometry): Promise<{ valid: boolean; reason: string | null; unreadable?: true }> {
  if (geometry.type === 'Point') return { valid: true, reason: null };
  try {
    const row = await geojsonIsValid.one<{ valid: boolean | null; reason: string | null }>(db, { geometry: JSON.stringify(geometry) });
    return { valid: row?.valid === true, reason: row?.reason ?? null };
  } catch {
    return { valid: false, reason: null, unreadable: true };
  }
}

/** {@link geometryValidity} as a 400 naming `field` (rule `invalid_geometry`) when the geometry is not valid. */
export async function assertValidInDatabase(db: Queryable, geometry: InputGeometry, field = 'geometry'): Promise<void> {
  const verdict = await geometryValidity(db, geometry);
  if (verdict.valid) return;
  const issues = [{ path: field.split('.'), code: 'invalid_geometry', params: { type: geometry.type } }];
  if (verdict.unreadable) throw new ApiError('bad_request', `${field}: the database could not read this geometry; send a valid GeoJSON ${geometry.type}.`, { issues });
  const reason = verdict.reason && verdict.reason !== 'Valid Geometry' ? ` (${verdict.reason})` : '';
  throw new ApiError('bad_request', `${field}: the ${geometry.type} is not valid${reason}: rings must not cross themselves or each other (no bow-ties).`, { issues });
}
