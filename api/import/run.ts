import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Database, Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ApiError } from '../errors.js';
import { audit } from '../services/audit.js';
import type { RequestContext } from '../services/context.js';
import { geometryValidity } from '../services/geometryValidity.js';
import { CRS_TITLES } from './crs.js';
import type { TextEncoding } from './decode.js';
import { guessMapping, type FieldMapping, type ImportLayer } from './mapping.js';
import { isTabular, type ImportFormat, type RowIssue, type SourceFile } from './parse.js';
import { readSource } from './read.js';
import { buildRecords, type ImportOptions, type ImportRecord } from './records.js';
import { IMPORT_STATEMENTS, writeInChunks } from './write.js';
import type { MultiPolygonGeo } from '../schemas/geojson.js';

const areaRepair = statement('import_area_repair', ['geometry']);
const streetNames = statement('import_street_names', ['points', 'within_m']);

/** How near a named street must be to name an unnamed OpenStreetMap place after it. */
const STREET_NAME_WITHIN_M = 150;
const AUDIT_ENTITY = { units: 'unit', actors: 'actor', 'child-places': 'child_place', areas: 'area' } as const satisfies Record<ImportLayer, string>;

/** Most rejected rows listed in one report (the count is always complete). */
export const REPORT_REJECTED_MAX = 1000;

export interface ImportInput {
  layer: ImportLayer;
  /** The format to read, or `auto`: found from the first bytes (a file of the wrong kind is refused either way). */
  format: ImportFormat | 'auto';
  /** The file as bytes (text decoded as UTF-8, else Windows-1252) or as text. */
  content: Uint8Array | string;
  /** GeoPackage table, Shapefile in the zip, or worksheet, when the file holds several. */
  sourceLayer?: string;
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
  /** The format the file was read as (what `auto` found). */
  format: ImportFormat;
  /** Whether the format was found from the file's first bytes rather than given. */
  format_detected: boolean;
  encoding: TextEncoding;
  /** The CRS the coordinates were read in (EPSG:4326 for WGS 84); null when none is known yet (CSV without coordinate columns, Overpass is WGS 84). */
  crs: string | null;
  /** Its name, e.g. "SWEREF 99 TM". */
  crs_title: string | null;
  /** Whether the CRS was found from the coordinate range (no crs member, no .prj, CSV columns guessed) rather than named by the file or the mapping. */
  crs_detected: boolean;
  /** GeoPackage table, Shapefile or worksheet read; null for single-layer formats. */
  source_layer: string | null;
  /** Every layer the file holds (empty for single-layer formats). */
  layers: string[];
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
  const file = await readSource(input.format, input.content, { sourceLayer: input.sourceLayer });
  const encoding = file.encoding;
  if (file.rows.length > DEFAULTS.importFeatureLimit) {
    throw new ApiError('payload_too_large', `The file has ${file.rows.length} rows; an import takes at most ${DEFAULTS.importFeatureLimit}. Split the file.`);
  }
  const { mapping, guessed } = guessMapping(input.layer, file, input.mapping ?? {});
  const options = input.options ?? {};
  const { records, rejected } = buildRecords(input.layer, file, mapping, options);
  await nameByStreets(db, records);
  const warnings: RowIssue[] = [...(file.warnings ?? [])];
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
    layer: input.layer, format: file.format, format_detected: input.format === 'auto', encoding, ...crsOfReport(file, mapping, guessed),
    source_layer: file.sourceLayer ?? null, layers: file.layers ?? [], dry_run: input.dryRun, committed: false,
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
      details: { layer: input.layer, format: file.format, encoding, crs: report.crs, source_layer: report.source_layer, counts },
    });
  });
  report.committed = true;
  return report;
}

/**
 * Names each unnamed OpenStreetMap place after the nearest named street in the base data
 * ("Lekplats vid Smörkärnegatan"); without one near, it keeps its kind's label ("Lekplats").
 * Its OSM reference stays in the external id only.
 */
export async function nameByStreets(db: Queryable, records: ImportRecord[]): Promise<void> {
  const unnamed = records.flatMap((rec, i) => (rec.unnamed && rec.geometry.type === 'Point' ? [{ i, lon: rec.geometry.coordinates[0], lat: rec.geometry.coordinates[1] }] : []));
  for (let k = 0; k < unnamed.length; k += 2000) {
    const rows = await streetNames.run<{ i: number; street: string }>(db, { points: JSON.stringify(unnamed.slice(k, k + 2000)), within_m: STREET_NAME_WITHIN_M });
    for (const { i, street } of rows) {
      const rec = records[i]!;
      rec.values.name = `${String(rec.values.name)} vid ${street}`;
    }
  }
}

/** The CRS the report names: the file's (formats with geometry), the mapping's (CSV, Excel) or WGS 84 (Overpass). */
function crsOfReport(file: SourceFile, mapping: FieldMapping, guessed: string[]): Pick<ImportReport, 'crs' | 'crs_title' | 'crs_detected'> {
  let crs: string | null = null;
  let detected = false;
  if (file.crs) ({ crs, detected } = file.crs);
  else if (file.format === 'overpass') crs = 'EPSG:4326';
  else if (isTabular(file)) {
    if (mapping.x !== undefined && mapping.y !== undefined && mapping.crs) [crs, detected] = [mapping.crs, guessed.includes('crs')];
    else if (mapping.lon !== undefined && mapping.lat !== undefined) [crs, detected] = ['EPSG:4326', guessed.includes('lon')];
  }
  return { crs, crs_title: crs ? (CRS_TITLES[crs] ?? crs) : null, crs_detected: detected };
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
