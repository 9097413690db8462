/**
 * The rules an imported row's values must meet: the API's own write schemas, so that a
 * row the importer takes is one `POST /api/<resource>` would take (lengths, code lists,
 * e-mail addresses, protected housing, places). The importer only maps a row to those
 * values first (code synonyms, decimal commas, coordinates to WGS 84); it states no rule
 * of its own about them.
 */
import type { z } from '@hono/zod-openapi';
import { AreaPropertiesInput } from '../schemas/areas.js';
import { ActorPropertiesInput, ChildPlacePropertiesInput } from '../schemas/records.js';
import { UnitPropertiesInput } from '../schemas/units.js';
import { issueDetail } from '../validation.js';
import type { FieldMapping, ImportLayer } from './mapping.js';

/** Each layer's write schema, on the properties an import sets (any subset of them). */
const ROW_SCHEMAS: Record<ImportLayer, z.ZodType> = {
  units: UnitPropertiesInput.partial(),
  actors: ActorPropertiesInput.partial(),
  'child-places': ChildPlacePropertiesInput.partial(),
  areas: AreaPropertiesInput.partial(),
};

/** The mapping key that feeds a stored column, where the two names differ. */
const KEY_OF_COLUMN: Record<string, keyof FieldMapping> = { parent_name: 'parent', external_id: 'id' };

/** One refusal of a row's values: the column it concerns, its rule code and params, and the English reason. */
export interface ValueIssue {
  column: string;
  key: keyof FieldMapping;
  code: string;
  params: Record<string, unknown>;
  reason: string;
}

/**
 * Checks a row's values with the layer's write schema; the first issue, or the values
 * as the schema gives them back (trimmed). An over-long text answers the import's
 * `too_long` with its length and a bad number of places `not_whole_number` with the
 * schema's own bounds, which the import page words; other issues keep the API's code
 * and params (`protected_housing`, `invalid_format`, …), rendered by the same catalogue
 * as the forms.
 */
export function checkRowValues(
  layer: ImportLayer,
  values: Record<string, string | number | null>,
): { values: Record<string, string | number | null> } | { issue: ValueIssue } {
  const result = ROW_SCHEMAS[layer].safeParse(values);
  if (result.success) return { values: result.data as Record<string, string | number | null> };
  const first = result.error.issues[0]!;
  const column = String(first.path[0] ?? 'name');
  const key = KEY_OF_COLUMN[column] ?? (column as keyof FieldMapping);
  const detail = issueDetail(first);
  const value = values[column];
  if (detail.code === 'too_big' && detail.params.origin === 'string' && typeof value === 'string') {
    return { issue: { column, key, code: 'too_long', params: { maximum: detail.params.maximum, length: value.length }, reason: `longer than ${detail.params.maximum} characters (${value.length})` } };
  }
  if (column === 'places') {
    const { minimum, maximum } = placesBounds();
    return { issue: { column, key, code: 'not_whole_number', params: { value: String(value).slice(0, 40), minimum, maximum }, reason: `"${value}" is not a whole number of places ${minimum}–${maximum}` } };
  }
  return { issue: { column, key, code: detail.code, params: detail.params, reason: first.message } };
}

/** The bounds of a unit's places, read from the write schema (its one statement). */
export function placesBounds(): { minimum: number; maximum: number } {
  const places = UnitPropertiesInput.shape.places;
  return { minimum: places.minValue ?? 0, maximum: places.maxValue ?? Number.MAX_SAFE_INTEGER };
}
