import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Database, Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ApiError } from '../errors.js';
import { audit } from '../services/audit.js';
import type { RequestContext } from '../services/context.js';
import { geometryValidity } from '../services/geometryValidity.js';
import { decodeBytes, stripBom, type TextEncoding } from './decode.js';
import { guessMapping, type FieldMapping, type ImportLayer } from './mapping.js';
import { parseSource, type ImportFormat, type RowIssue } from './parse.js';
import { buildRecords, type ImportOptions, type ImportRecord } from './records.js';
import { IMPORT_STATEMENTS, writeInChunks } from './write.js';
import type { MultiPolygonGeo } from '../schemas/geojson.js';

const areaRepair = statement('import_area_repair', ['geometry']);
const AUDIT_ENTITY = { units: 'unit', actors: 'actor', 'child-places': 'child_place', areas: 'area' } as const satisfies Record<ImportLayer, string>;

/** Most rejected rows listed in one report (the count is always complete). */
export const REPORT_REJECTED_MAX = 1000;

export interface ImportInput {
  layer: ImportLayer;
  format: ImportFormat;
  /** The file as bytes (decoded as UTF-8, else Windows-1252) or as text. */
  content: Uint8Array | string;
  /** Explicit mapping; missing keys are guessed. */
  mapping?: FieldMapping;
  options?: ImportOptions;
  dryRun: boolean;
  now: Date;
  user: Pick<CurrentUser, 'id' | 'email'> | undefined;
  /** Called while rows are written (the command prints progress). */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportCounts {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  layer: ImportLayer;
  format: ImportFormat;
  encoding: TextEncoding;
  dry_run: boolean;
  /** True only when a real run wrote its changes. */
  committed: boolean;
  /** The file's property names / CSV columns. */
  fields: string[];
  /** The mapping used: the given one completed with guesses. */
  mapping: FieldMapping;
  /** Mapping keys that were guessed rather than given. */
  guessed: string[];
  counts: ImportCounts;
  /** Rejected rows (at most REPORT_REJECTED_MAX), in row order. */
  rejected: RowIssue[];
  /** Rows accepted with a change, e.g. a repaired polygon. */
  warnings: RowIssue[];
  /** The first records as they would be stored, for a preview. */
  sample: { row: number; external_id: string; name: string; lon: number | null; lat: number | null; action: 'insert' | 'update' | 'unchanged' }[];
}

interface ExistingRow {
  id: number;
  external_id: string;
  version: number;
  values: Record<string, unknown>;
  geometry: { coordinates: unknown };
}

function isUnchanged(rec: ImportRecord, ex: ExistingRow): boolean {
  for (const [k, v] of Object.entries(rec.values)) if ((ex.values[k] ?? null) !== v) return false;
  return JSON.stringify(ex.geometry.coordinates) === JSON.stringify(rec.geometry.coordinates);
}

/**
 * The import as a request runs it: {@link runImport} on the request's primary database,
 * clock and caller. A real run with rejected rows is refused here with the report in
 * `details` (400), so that the route only answers.
 */
export async function importForRequest(ctx: RequestContext, input: Omit<ImportInput, 'now' | 'user'>): Promise<ImportReport> {
  const report = await runImport(ctx.db, { ...input, now: ctx.now, user: ctx.user });
  if (!input.dryRun && !report.committed) {
    throw new ApiError('bad_request', `${report.counts.rejected} row(s) rejected; nothing was imported. Fix them (see details.rejected) and run again.`, report);
  }
  return report;
}

/**
 * Reads, maps and validates a file, compares it with the stored rows by external id,
 * and (not a dry run, nothing rejected) writes inserts and updates in ONE transaction,
 * a chunk of rows per statement (`writeInChunks`), together with one `import` audit entry. A real run with rejected rows writes
 * nothing: the caller answers 400 with the report.
 */
export async function runImport(db: Database, input: ImportInput): Promise<ImportReport> {
  const { text, encoding } = typeof input.content === 'string' ? { text: input.content, encoding: 'utf-8' as const } : decodeBytes(input.content);
  const file = parseSource(input.format, stripBom(text));
  if (file.rows.length > DEFAULTS.importFeatureLimit) {
    throw new ApiError('payload_too_large', `The file has ${file.rows.length} rows; an import takes at most ${DEFAULTS.importFeatureLimit}. Split the file.`);
  }
  const { mapping, guessed } = guessMapping(input.layer, file, input.mapping ?? {});
  const options = input.options ?? {};
  const { records, rejected } = buildRecords(input.layer, file, mapping, options);
  const warnings: RowIssue[] = [];
  const valid = input.layer === 'areas' ? await repairPolygons(db, records, rejected, warnings) : records;
  rejected.sort((a, b) => a.row - b.row);

  const existing = new Map<string, ExistingRow>();
  for (let i = 0; i < valid.length; i += 5000) {
    const ids = valid.slice(i, i + 5000).map((r) => r.externalId);
    for (const row of await IMPORT_STATEMENTS[input.layer].existing.run<ExistingRow>(db, { external_ids: JSON.stringify(ids) })) existing.set(row.external_id, row);
  }
  const plan = valid.map((rec) => {
    const ex = existing.get(rec.externalId);
    return { rec, ex, action: !ex ? ('insert' as const) : isUnchanged(rec, ex) ? ('unchanged' as const) : ('update' as const) };
  });
  const counts: ImportCounts = {
    total: file.rows.length,
    inserted: plan.filter((p) => p.action === 'insert').length,
    updated: plan.filter((p) => p.action === 'update').length,
    unchanged: plan.filter((p) => p.action === 'unchanged').length,
    rejected: rejected.length,
  };
  const report: ImportReport = {
    layer: input.layer, format: input.format, encoding, dry_run: input.dryRun, committed: false,
    fields: file.fields, mapping, guessed, counts,
    rejected: rejected.slice(0, REPORT_REJECTED_MAX),
    warnings: warnings.slice(0, REPORT_REJECTED_MAX),
    sample: plan.slice(0, 10).map(({ rec, action }) => {
      const point = rec.geometry.type === 'Point' ? rec.geometry.coordinates : null;
      return { row: rec.row, external_id: rec.externalId, name: String(rec.values.name), lon: point?.[0] ?? null, lat: point?.[1] ?? null, action };
    }),
  };
  if (input.dryRun || rejected.length > 0) return report;

  const now = input.now.toISOString();
  const writes = plan.filter((p) => p.action !== 'unchanged');
  await db.transaction(async (tx) => {
    await writeInChunks(tx, input.layer, writes, now, input.onProgress);
    await audit(tx, {
      at: input.now, user: input.user, action: 'import', entity: AUDIT_ENTITY[input.layer], entityId: null,
      details: { layer: input.layer, format: input.format, encoding, counts },
    });
  });
  report.committed = true;
  return report;
}

/**
 * Polygon validity needs the database; a missing answer counts as invalid (the
 * embedded PostGIS can answer with no row). An invalid polygon is repaired
 * (ST_MakeValid, polygonal parts only) when the repair is itself valid and not
 * empty, and the repair is reported as a warning; otherwise the row is rejected.
 */
async function repairPolygons(db: Queryable, records: ImportRecord[], rejected: RowIssue[], warnings: RowIssue[]): Promise<ImportRecord[]> {
  const ok: ImportRecord[] = [];
  for (const rec of records) {
    let row: { valid: boolean | null; reason: string | null; repaired: MultiPolygonGeo | null } | undefined;
    try {
      row = await areaRepair.one<NonNullable<typeof row>>(db, { geometry: JSON.stringify(rec.geometry) });
    } catch {
      row = undefined;
    }
    if (row?.valid === true) {
      ok.push(rec);
      continue;
    }
    const reason = row?.reason && row.reason !== 'Valid Geometry' ? ` (${row.reason})` : '';
    const repaired = row?.repaired;
    if (repaired && repaired.coordinates.length > 0 && (await isValid(db, repaired))) {
      warnings.push({ row: rec.row, field: 'geometry', code: 'geometry_repaired', reason: `the polygon was not valid${reason}; it was repaired (ST_MakeValid) and the repair is stored` });
      ok.push({ ...rec, geometry: repaired });
    } else {
      rejected.push({ row: rec.row, field: 'geometry', code: 'invalid_geometry', reason: `the polygon is not valid${reason} and cannot be repaired: rings must not cross themselves or each other` });
    }
  }
  return ok;
}

async function isValid(db: Queryable, g: MultiPolygonGeo): Promise<boolean> {
  return (await geometryValidity(db, g)).valid;
}
