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
      'CSV coordinates: lon/lat (WGS 84) or x/y with crs. Keys left out are guessed; the report shows the mapping used and which keys were guessed.',
  });

export const ImportLayerParam = z.object({
  layer: z.enum(IMPORT_LAYERS).openapi({ param: { name: 'layer', in: 'path' }, example: 'child-places' }),
});

export const ImportBody = z
  .strictObject({
    format: z.enum(IMPORT_FORMATS).openapi({ description: 'geojson (RFC 7946), csv ("," or ";", header row), overpass (OSM Overpass API JSON).' }),
    content: z.string().min(1, { error: 'content: the file is empty' }).openapi({ description: 'The file: text, or base64 of its bytes with encoding "base64" (then Windows-1252 is recognised when the bytes are not UTF-8).' }),
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
    format: z.enum(IMPORT_FORMATS),
    encoding: z.enum(['utf-8', 'windows-1252']),
    dry_run: z.boolean(),
    committed: z.boolean(),
    fields: z.array(z.string()),
    mapping: ImportMapping,
    guessed: z.array(z.string()),
    counts: z.object({ total: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
    rejected: z.array(RowIssue).openapi({ description: 'Each rejected row: row number (CSV: line, header = 1; GeoJSON/Overpass: feature number), field, reason. At most 1000 listed.' }),
    warnings: z.array(RowIssue).openapi({ description: 'Rows accepted with a change, such as an invalid polygon repaired with ST_MakeValid.' }),
    sample: z.array(z.object({
      row: z.number().int(), external_id: z.string(), name: z.string(), lon: z.number().nullable(), lat: z.number().nullable(),
      action: z.enum(['insert', 'update', 'unchanged']),
    })),
  })
  .openapi('ImportReport');
