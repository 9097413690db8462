/**
 * Schemas shared by every resource. The same zod schemas validate requests, describe
 * responses in the OpenAPI document, and give the client its types.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULTS } from '../config.js';

/** Sweden's bounding box (with a margin): positions outside it are rejected on input. */
export const SWEDEN_BBOX = { minLon: 10.0, minLat: 55.0, maxLon: 24.5, maxLat: 69.5 } as const;

/** The one test of "inside Sweden" for a WGS 84 position, used by every input (API, import). */
export const inSweden = (lon: number, lat: number): boolean =>
  lon >= SWEDEN_BBOX.minLon && lon <= SWEDEN_BBOX.maxLon && lat >= SWEDEN_BBOX.minLat && lat <= SWEDEN_BBOX.maxLat;

/** The box in words, for messages that say what is valid. */
export const SWEDEN_BBOX_TEXT = `lon ${SWEDEN_BBOX.minLon}–${SWEDEN_BBOX.maxLon}, lat ${SWEDEN_BBOX.minLat}–${SWEDEN_BBOX.maxLat}`;

export const UNIT_KINDS = ['care_home', 'supported_housing', 'emergency_housing', 'shelter', 'training_flats', 'housing_first'] as const;
export const UNIT_STATUSES = ['planned', 'open', 'closed'] as const;
export const SENSITIVITIES = ['public', 'restricted'] as const;
export const ACTOR_CATEGORIES = [
  'property_owner', 'housing_company', 'shop', 'restaurant', 'police', 'security', 'faith',
  'association', 'public_transport', 'library', 'health', 'park_street', 'leisure', 'other',
] as const;
export const CHILD_PLACE_KINDS = ['school', 'preschool', 'leisure_centre', 'playground'] as const;
export const AREA_LEVELS = ['city_area', 'primary_area', 'other'] as const;
export const SCHOOL_STAGES = ['F-3', '4-6', '7-9', 'gymnasium'] as const;
export const RINGS = ['immediate', 'neighbourhood', 'area'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const INFORMATION_STATUSES = ['not_informed', 'informed', 'due_soon', 'overdue'] as const;
export const ACTIVITY_KINDS = ['meeting', 'information', 'safety_walk', 'contact', 'dialogue', 'observation'] as const;
export const ROLES = ['viewer', 'editor', 'admin'] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export type Sensitivity = (typeof SENSITIVITIES)[number];
export type ActorCategory = (typeof ACTOR_CATEGORIES)[number];
export type ChildPlaceKind = (typeof CHILD_PLACE_KINDS)[number];
export type SchoolStage = (typeof SCHOOL_STAGES)[number];
export type Ring = (typeof RINGS)[number];
export type AreaLevel = (typeof AREA_LEVELS)[number];
export type Role = (typeof ROLES)[number];

/**
 * The field rules every write schema shares (units, actors, contact persons, child places,
 * areas), stated once: the API's bodies and the importer's rows are checked with them.
 */
export const textInput = (max: number, field: string) =>
  z.string().trim().max(max, { error: `${field} must be at most ${max} characters` }).nullable();
/** A required name: not empty, at most 200 characters. */
export const nameInput = z.string().trim().min(1, { error: 'name must not be empty' }).max(200, { error: 'name must be at most 200 characters' });
export const emailInput = (field: string) => z.email({ error: `${field} must be an e-mail address` }).max(200).nullable();
/** The id of the record in the source it was imported from (a register, OpenStreetMap). */
export const externalIdInput = z.string().trim().min(1).max(200).nullable();

/** A positive integer id in a path, e.g. `/api/units/{id}`. */
export const IdParam = z.object({
  id: z.coerce
    .number({ error: 'id must be a positive integer' })
    .int({ error: 'id must be a positive integer' })
    .positive({ error: 'id must be a positive integer' })
    .max(2147483647, { error: 'id must be a positive integer below 2147483648' })
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const Position = z.tuple([z.number(), z.number()]).openapi({ example: [12.0005, 57.6823] });

export const PointGeometry = z
  .object({ type: z.literal('Point'), coordinates: Position })
  .openapi('Point', { description: 'GeoJSON Point, WGS 84 [lon, lat] (RFC 7946).' });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request', description: 'The machine code (`ERROR_STATUS` in api/errors.ts): bad_request, protected_housing, weak_password, unauthorized, forbidden, not_found, conflict, precondition_failed, payload_too_large, unsupported_media_type, precondition_required, too_many_requests, internal, unavailable.' }),
      message: z.string().openapi({ example: 'id must be a positive integer', description: 'English, for API users; clients render `code` and `details` in their own language.' }),
      details: z.unknown().optional().openapi({
        description:
          'Machine-readable details. A failed validation: `issues[]` of `{ path: string[], code, params, message }`, where `code` is zod\'s issue code ' +
          '(invalid_type, too_small, too_big, invalid_value, invalid_format, unrecognized_keys, …) or a rule code (outside_sweden, protected_housing, radii_order, …) ' +
          'and `params` says what is valid (minimum, maximum, origin, values, expected, format, keys, …). A business rule: `rule`, `params` and, about one field, ' +
          '`path` (plus the same as one issue in `issues`). A refused import: its report, whose rows carry `code` and `params`.',
        example: { issues: [{ path: ['properties', 'places'], code: 'too_small', params: { origin: 'number', minimum: 0, inclusive: true }, message: 'places must be 0 or more' }] },
      }),
      request_id: z.string().optional(),
    }),
  })
  .openapi('Error');

/** Standard error responses, to spread into a route's `responses`. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s] ?? 'Error', content: { 'application/json': { schema: ErrorResponse } } }]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: the message names the parameter and what is valid.',
  401: 'Not signed in.',
  403: 'Signed in, but the role does not allow this.',
  404: 'Unknown id or route.',
  409: 'Conflict with existing data.',
  412: 'The If-Match version is stale: read again and retry.',
  413: 'Body too large.',
  415: 'Body is not application/json.',
  428: 'If-Match is required.',
  429: 'Too many requests; see Retry-After.',
};

const LIMIT_MESSAGE = `limit must be an integer from 1 to ${DEFAULTS.listLimitMax}`;
const OFFSET_MESSAGE = 'offset must be an integer from 0 to 2147483647';

/**
 * The paging parameters of every list outside `/ogc` (OGC API Features has its own),
 * to spread into a query schema: `limit` (DEFAULTS.listLimit when left out, at most
 * DEFAULTS.listLimitMax) and `offset` (0 when left out).
 */
export const pagingQuery = {
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(DEFAULTS.listLimitMax, { error: LIMIT_MESSAGE })
    .default(DEFAULTS.listLimit)
    .openapi({ param: { name: 'limit', in: 'query' }, description: `Page size; ${DEFAULTS.listLimit} when left out, at most ${DEFAULTS.listLimitMax}.` }),
  offset: z.coerce
    .number({ error: OFFSET_MESSAGE })
    .int({ error: OFFSET_MESSAGE })
    .min(0, { error: OFFSET_MESSAGE })
    .max(2147483647, { error: OFFSET_MESSAGE })
    .default(0)
    .openapi({ param: { name: 'offset', in: 'query' }, description: 'Number of matches to skip; 0 when left out.' }),
};

/** The counts of every page outside `/ogc`, beside its items; the names are those of OGC API Features. */
export const pageCounts = {
  number_matched: z.number().int().openapi({ description: 'How many items match the filters in all (every page).' }),
  number_returned: z.number().int().openapi({ description: 'How many items this page holds.' }),
};

/** A page of a list: the items under `key`, with {@link pageCounts}. */
export const page = <K extends string, T extends z.ZodType>(key: K, items: T) =>
  z.object({ [key]: z.array(items), ...pageCounts } as { [P in K]: z.ZodArray<T> } & typeof pageCounts);

/** The answer of one page: the items under `key` and their counts. */
export const pageOf = <K extends string, T>(key: K, items: T[], numberMatched: number) =>
  ({ [key]: items, number_matched: numberMatched, number_returned: items.length }) as { [P in K]: T[] } & { number_matched: number; number_returned: number };

/** Distances in output: metres, rounded to 0.1 m. */
export const roundMetres = (m: number): number => Math.round(m * 10) / 10;
