import { z } from '@hono/zod-openapi';
import { IMPORT_CRS } from '../import/crs.js';
import { IMPORT_LAYERS, MAPPING_KEYS } from '../import/mapping.js';
import { IMPORT_FORMATS } from '../import/parse.js';
import { AREA_LEVELS } from './common.js';

const FieldRef = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(5)]);

export const ImportMapping = z
  .strictObject({
    name: FieldRef.optional(), id: FieldRef.optional(), address: FieldRef.optional(), kind: FieldRef.optional(),
    category: FieldRef.optional(), operator: FieldRef.optional(), organisation: FieldRef.optional(), phone: FieldRef.optional(),
    email: FieldRef.optional(), website: FieldRef.optional(), places: FieldRef.optional(), code: FieldRef.optional(),
    parent: FieldRef.optional(), level: FieldRef.optional(),
    lon: z.string().min(1).max(200).optional(), lat: z.string().min(1).max(200).optional(),
    x: z.string().min(1).max(200).optional(), y: z.string().min(1).max(200).optional(),
    crs: z.enum(IMPORT_CRS).optional(),
  })
  .openapi('ImportMapping', {
    description:
      `Which input property feeds which field (${MAPPING_KEYS.join(', ')}). A value is a property name, or a list of names whose first non-empty value wins. ` +
      'CSV and Excel coordinates: lon/lat (WGS 84) or x/y with crs (guessed from the range: SWEREF 99 TM, 12 00 or RT 90). Keys left out are guessed; the report shows the mapping used and which keys were guessed.',
  });

export const ImportLayerParam = z.object({
  layer: z.enum(IMPORT_LAYERS).openapi({ param: { name: 'layer', in: 'path' }, example: 'child-places' }),
});

export const ImportBody = z
  .strictObject({
    format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto').openapi({
      description:
        'auto (the default): found from the first bytes. geojson (RFC 7946; or with a "crs" member naming EPSG:3006, 3007–3018 or 3021, or in SWEREF 99 metres recognised by their range), ' +
        'csv ("," or ";", header row), overpass (OSM Overpass API JSON), geopackage (.gpkg, a feature table), shapefile (a .zip with .shp, .dbf, .prj, optionally .cpg), ' +
        'kml, kmz, xlsx (first worksheet, header row, rows as in CSV). Binary formats need encoding "base64". Any other file (PDF, images, .xls, .docx, …) is refused with ' +
        'rule unsupported_file_type and params.type; an explicit format the bytes cannot be is refused with format_mismatch.',
    }),
    content: z.string().min(1, { error: 'content: the file is empty' }).openapi({ description: 'The file: text, or base64 of its bytes with encoding "base64" (needed for GeoPackage, Shapefile, KMZ and xlsx; for text, Windows-1252 is recognised when the bytes are not UTF-8).' }),
    source_layer: z.string().min(1).max(200).optional().openapi({ description: 'GeoPackage: the feature table; zipped Shapefile: the .shp name without extension; xlsx: the worksheet. Needed when a GeoPackage or zip holds several (400 listing them otherwise); xlsx defaults to the first sheet.' }),
    encoding: z.enum(['text', 'base64']).default('text'),
    mapping: ImportMapping.optional(),
    dry_run: z.boolean().default(true).openapi({ description: 'true (default): report only, nothing written.' }),
    kind: z.string().max(60).optional().openapi({ description: 'units, child-places: the kind of every row (a code or its Swedish name).' }),
    category: z.string().max(60).optional().openapi({ description: 'actors: the category of every row.' }),
    level: z.enum(AREA_LEVELS).optional().openapi({ description: 'areas: the level of every row (else mapped, e.g. from "niva").' }),
  })
  .openapi('ImportRequest');

const RowIssue = z
  .object({
    row: z.number().int(),
    field: z.string(),
    reason: z.string(),
    code: z.string().optional().openapi({ description: 'The reason as a rule code a client explains in its own language (`protected_housing`, `not_a_number`, `invalid_value`, `outside_sweden`, …); `reason` is the English text.' }),
    params: z.record(z.string(), z.unknown()).optional().openapi({ description: 'What the reason is about: the value found (`value`), what is valid (`values`, `maximum`, `crs`), …' }),
  })
  .openapi('ImportRowIssue');

export const ImportReport = z
  .object({
    layer: z.enum(IMPORT_LAYERS),
    format: z.enum(IMPORT_FORMATS).openapi({ description: 'The format the file was read as.' }),
    format_detected: z.boolean().openapi({ description: 'true when the format was found from the first bytes (format "auto").' }),
    encoding: z.enum(['utf-8', 'windows-1252']).openapi({ description: 'The text encoding (a Shapefile: of its .dbf, from the .cpg or the bytes).' }),
    crs: z.string().nullable().openapi({ description: 'The CRS the coordinates were read in and reprojected from (EPSG:4326, EPSG:3006, EPSG:3007–3018, EPSG:3021); null for CSV/Excel without coordinate columns.', example: 'EPSG:3006' }),
    crs_title: z.string().nullable().openapi({ example: 'SWEREF 99 TM' }),
    crs_detected: z.boolean().openapi({ description: 'true when the CRS was found from the coordinate range (GeoJSON without "crs", Shapefile without .prj, guessed CSV columns) rather than named by the file or the mapping; a warning says so too.' }),
    source_layer: z.string().nullable().openapi({ description: 'The GeoPackage table, Shapefile or worksheet read.' }),
    layers: z.array(z.string()).openapi({ description: 'Every table, Shapefile or worksheet the file holds.' }),
    dry_run: z.boolean(),
    committed: z.boolean(),
    fields: z.array(z.string()),
    mapping: ImportMapping,
    guessed: z.array(z.string()),
    counts: z.object({ total: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
    rejected: z.array(RowIssue).openapi({ description: 'Each rejected row: row number (CSV and Excel: line, header = 1; other formats: feature number), field, reason. At most 1000 listed.' }),
    warnings: z.array(RowIssue).openapi({ description: 'Rows accepted with a change, such as an invalid polygon repaired with ST_MakeValid; row 0 for the whole file (crs_detected: the CRS was found from the coordinate range).' }),
    sample: z.array(z.object({
      row: z.number().int(), external_id: z.string(), name: z.string(), lon: z.number().nullable(), lat: z.number().nullable(),
      action: z.enum(['insert', 'update', 'unchanged']),
    })),
  })
  .openapi('ImportReport');
