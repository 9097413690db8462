/**
 * The one error module: machine codes, their HTTP statuses, the one body shape
 * `{"error":{"code","message","details"?}}`, and the texts that repeat.
 */

/** The HTTP statuses an error answer can have (a subset of what HTTP defines). */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429 | 500 | 503;

export const ERROR_STATUS = {
  bad_request: 400,
  /** A unit that names protected housing (skyddat boende), which is never entered. */
  protected_housing: 400,
  /** A password refused by the password rules (too common, the e-mail address); `details.field` names the field. */
  weak_password: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ErrorStatus>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * Rule codes beside zod's issue codes: a validation issue's `code` (`details.issues[]`)
 * or a business-rule error's `details.rule`. Clients render each from their own
 * catalogue with the issue's `params`; api/test/errorCodes.test.ts requires a Swedish
 * and an English text for each.
 */
export const RULE_CODES = {
  protected_housing: 'the text names protected housing (skyddat boende), which is never entered',
  outside_sweden: 'a position outside Sweden\'s bounding box; params lon, lat',
  location_pair: 'a location with only one coordinate',
  position_3d: 'a position with more than two numbers',
  position_shape: 'a position that is not [lon, lat]',
  not_finite: 'a coordinate that is not a finite number',
  crs_member: 'a GeoJSON "crs" member',
  ring_not_closed: 'a polygon ring whose last position is not its first',
  ring_too_short: 'a polygon ring of fewer than four positions; params minimum, got',
  empty_geometry: 'an empty geometry',
  geometry_shape: 'a geometry that is not GeoJSON of the allowed types',
  too_many_positions: 'a geometry with too many positions; params maximum',
  invalid_geometry: 'a geometry the database finds invalid (self-intersection)',
  radii_order: 'zone radii that do not grow outwards',
  stages_only_schools: 'stages on a child place that is not a school',
  empty_change: 'a change that names nothing to change',
  contact_target: 'a contact activity with no actor, child place or note',
  due_before_date: 'a due date before the activity date; params date',
  range_reversed: 'a time range whose end is not after its start; params from',
  date_in_future: 'an activity date after tomorrow; params latest',
  follow_up_kind_only: 'follow-up fields on a kind that has none; params kind',
  missing_reference: 'ids of records that do not exist; params ids',
  outside_outer_ring: 'child places outside the unit\'s outer ring; params ids, radius',
  weak_password: 'a password refused by the password rules',
  wrong_password: 'your own password change: current_password is not the current password',
  local_passwords_off: 'sign-in with an e-mail and password, switched off (LOCAL_PASSWORDS=off): sign in with your work account (GET /api/auth/oidc/start)',
  password_change_required: 'a session whose password an administrator set: only POST /api/auth/password, GET /api/auth/me and POST /api/auth/logout until its owner chooses their own',
  second_factor_enrolment_required: 'a session of an account that must have a second factor (setting second_factor_required_for) and has none: only the enrolment routes under /api/auth/second-factor, GET /api/auth/me, POST /api/auth/password and POST /api/auth/logout until one is set',
  wrong_second_factor: 'a sign-in code, recovery code or passkey answer that is wrong, already used or expired; params attempts_left',
  second_factor_pending_missing: 'no sign-in waits for a second factor (none started, expired, or too many wrong codes): sign in with the password again',
  already_enrolled: 'TOTP enrolment while a confirmed TOTP factor is set: remove it first',
  email_taken: 'an e-mail address another account has; params email',
  last_admin: 'a change that would leave no active administrator',
  duplicate: 'a unique value another record has',
  in_use: 'a record other records refer to',
  stale_version: 'the record changed since it was read; params what, id',
  invalid_value: 'a value outside a list; params values',
  // Import report reasons (rows rejected or warned about; the report's `code` and `params`).
  required_value: 'import: a required value is empty; params values',
  unmapped_field: 'import: no source field is mapped for a required field; params field',
  not_whole_number: 'import: not a whole number in range; params value, minimum, maximum',
  too_long: 'import: a text over its limit; params maximum, length',
  duplicate_id: 'import: an external id that an earlier row has; params value, first',
  not_a_number: 'import: a coordinate cell that is not a number; params value, axis, crs',
  swapped_axes: 'import: coordinates that look swapped',
  metres_not_degrees: 'import: lon/lat values that look like SWEREF 99 metres',
  degrees_not_metres: 'import: x/y values that look like WGS 84 degrees; params crs',
  not_a_feature: 'import: a GeoJSON entry that is not a Feature',
  not_an_element: 'import: an Overpass entry that is not an element',
  no_position: 'import: an OSM node without lat/lon',
  no_center: 'import: an OSM way or relation without a center',
  broken_row: 'import: a CSV row that cannot be read',
  osm_file_kind: 'OSM base data import: a file that is neither .osm.pbf nor Overpass JSON; params kind (pdf, zip, gzip, bzip2, png, jpeg, sqlite, pmtiles, osm_xml, xml, geojson, csv, empty, unknown)',
  osm_file_broken: 'OSM base data import: a truncated or corrupt file, nothing imported; params reason, at (byte or element)',
  osm_file_empty: 'OSM base data import: a file with no nodes or ways',
  osm_no_positions: 'OSM base data import: ways whose nodes the file does not hold (an Overpass answer without its nodes); params ways',
  field_count: 'import: a CSV row with another number of fields than the header; params got, expected',
  geometry_repaired: 'import warning: an invalid polygon repaired with ST_MakeValid',
  bad_file: 'import: a file that cannot be read as the format',
  unsupported_file_type: 'import: a file of a kind the import does not read, recognised by its first bytes; params type (pdf, png, jpeg, gif, tiff, webp, xls, docx, pptx, ods, odt, zip, gzip, bzip2, 7z, rar, shp, sqlite, pmtiles, osm_pbf, osm_xml, gpx, html, xml, exe, empty, binary)',
  format_mismatch: 'import: an explicit format the file\'s bytes cannot be; params format, detected',
  unknown_crs: 'import: a coordinate system (GeoJSON crs, .prj, GeoPackage SRS) the import does not read; params crs',
  crs_detected: 'import warning: the coordinate system was found from the coordinate range (no crs member or .prj); params crs, title',
  choose_layer: 'import: a GeoPackage, zip or workbook with several layers and none (or an unknown one) named in source_layer; params layers, value',
  no_layers: 'import: a GeoPackage or zip with no feature table or Shapefile; params what',
  bad_geometry: 'import: a geometry blob that cannot be decoded',
  shapefile_part: 'import: a zipped Shapefile missing a part (the .dbf); params part, layer',
  zip_too_large: 'import: a zip (Shapefile, KMZ, xlsx) that unpacks to more than the import unpacks; params unpacked_mb, maximum_mb',
} as const;

export type RuleCode = keyof typeof RULE_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; request_id?: string };
}

/**
 * An error a client caused or must know about; the app's one `onError` (api/app.ts)
 * turns it into the JSON error body with {@link ApiError.status}. A plain Error, not
 * Hono's HTTPException: services throw it, and they load nothing from the web framework.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** The HTTP status of the answer, from the code ({@link ERROR_STATUS}). */
  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError('bad_request', message, details);

/**
 * An error about one rule, with what the client needs to render it without the English
 * message: `details.rule`, `details.params` and, when it is about a field, `details.path`
 * plus the same as one issue in `details.issues` (so forms show it at the field).
 */
export function ruleError(code: ErrorCode, rule: RuleCode, message: string, params: Record<string, unknown> = {}, path?: string[]): ApiError {
  return new ApiError(code, message, { rule, params, ...(path ? { path, issues: [{ path, code: rule, params, message }] } : {}) });
}
export const notFound = (what: string, id: number | string) => new ApiError('not_found', `No ${what} with id ${id}.`);

export const MESSAGES = {
  internal: 'Something went wrong on the server. The request id identifies the log entry.',
  routeNotFound: (method: string, path: string) => `No such route: ${method} ${path}. See /api/docs for the API.`,
  ogcPathNotFound: (method: string, path: string) => `No such OGC API path: ${method} ${path}. The landing page /ogc links to the conformance classes and the collections.`,
  unauthorized: 'Sign in first (session cookie), or send a personal API token as "Authorization: Bearer <token>" (GIS clients on /ogc and /api/tiles: HTTP Basic with the token as the password).',
  basicElsewhere: 'HTTP Basic is accepted only on /ogc and /api/tiles (and /api/openapi.json, which /ogc links to), with a personal API token as the password; elsewhere send "Authorization: Bearer <token>".',
  basicNeedsHttps: 'HTTP Basic sends the token with every request, so it is accepted only over https (or from this machine); reach the product by its https address.',
  basicMalformed: 'The Basic credentials are not "user:token" in base64.',
  forbidden: (role: string) => `Your role does not allow this; it needs the role ${role}.`,
  secondFactorEnrolmentRequired: 'Your role must have a second factor and this account has none: set one up first (POST /api/auth/second-factor/totp, or a passkey with POST /api/auth/second-factor/passkeys/options).',
  localPasswordsOff: 'Sign-in with a password is switched off here: sign in with your work account (GET /api/auth/oidc/start).',
  passwordChangeRequired: 'Your password was set by an administrator and is temporary: choose your own first (POST /api/auth/password with current_password and new_password).',
} as const;

export function errorBody(code: ErrorCode, message: string, details?: unknown, requestId?: string): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { request_id: requestId } : {}) } };
}
