/**
 * Schemas of the OpenStreetMap base data import: the upload's query, the import job's
 * status (progress while it runs, the summary or the error when it ends) and the current
 * base data. They validate the requests and describe the answers in the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULTS } from '../config.js';
import { ErrorResponse } from './common.js';

export const BaseImportQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: 'name must be the file name, 1 to 300 characters' })
    .max(300, { error: 'name must be the file name, 1 to 300 characters' })
    .optional()
    .openapi({ param: { name: 'name', in: 'query' }, description: 'The file name, kept as the base data\'s source.', example: 'goteborg.osm.pbf' }),
});

export const BaseImportJobParam = z.strictObject({
  job_id: z.string().regex(/^[0-9a-f-]{36}$/, { error: 'job_id must be the id the upload answered' }).openapi({ param: { name: 'job_id', in: 'path' }, example: '0b6b4c3e-8f0a-4a49-9f3e-5f8f6f3a2c11' }),
});

const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]).openapi({ description: '[west, south, east, north] in WGS 84.', example: [11.89, 57.685, 12.0, 57.725] });

export const BaseImportCounts = z
  .object({
    ways: z.number().int(), areas: z.number().int(), places: z.number().int(), addresses: z.number().int(), pois: z.number().int(),
    nodes_read: z.number().int(), ways_read: z.number().int(), relations_read: z.number().int(),
    incomplete: z.number().int().openapi({ description: 'Ways and relations whose nodes or members the extract does not hold (cut at its edge); their complete parts are imported.' }),
  })
  .openapi('BaseImportCounts', { description: 'Rows stored per base table, and the elements the file held.' });

export const BaseImportSummary = z
  .object({
    import_id: z.number().int().openapi({ description: 'The base data\'s new version.' }),
    imported_at: z.string(),
    source_name: z.string(),
    source_kind: z.enum(['pbf', 'overpass_json']),
    counts: BaseImportCounts,
    bbox: Bbox,
    seconds: z.number(),
  })
  .openapi('BaseImportSummary');

export const BaseImportJob = z
  .object({
    job_id: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    phase: z.string().openapi({ description: 'read, map, write:ways, write:areas, write:places, write:addresses, write:pois, index (the indexes rebuilt), done; failed when it failed.' }),
    done: z.number(),
    total: z.number().nullable(),
    started_at: z.string(),
    summary: z.union([BaseImportSummary, z.null()]),
    error: ErrorResponse.shape.error.nullable().openapi({ description: 'Why it failed (the same body as an error answer, with `details.rule` osm_file_broken, osm_file_empty…); nothing was imported then.' }),
  })
  .openapi('BaseImportJob');

export const BaseDataCurrent = z
  .object({
    current: z
      .object({
        id: z.number().int(),
        imported_at: z.string(),
        source_name: z.string(),
        source_kind: z.enum(['pbf', 'overpass_json']),
        counts: z.record(z.string(), z.number()).openapi({ description: 'The counts of that import (BaseImportCounts).' }),
        bbox: Bbox.nullable(),
      })
      .nullable()
      .openapi({ description: 'The latest import (its id is the base data\'s version), null before the first.' }),
    /** An import that runs now (administrators only; null for other roles). */
    running: z.union([BaseImportJob, z.null()]),
    limit_bytes: z.number().int().openapi({ description: 'The largest file the upload takes.', example: DEFAULTS.osmImportBodyLimitBytes }),
  })
  .openapi('BaseDataCurrent');
