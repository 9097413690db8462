import Papa from 'papaparse';
import { badRequest } from '../errors.js';
import { importCrsOf } from './crs.js';
import type { TextEncoding } from './decode.js';
import { reprojectRows, type CrsUsed } from './formats/geometry.js';

/** The formats an import reads; `auto` (the request's default) finds it from the file's first bytes. */
export const IMPORT_FORMATS = ['geojson', 'csv', 'overpass', 'geopackage', 'shapefile', 'kml', 'kmz', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats of rows and columns, whose coordinates come from mapped columns (the others carry geometries). */
export const isTabular = (f: { format: ImportFormat }): boolean => f.format === 'csv' || f.format === 'xlsx';

/** One problem with one input row: which row, which field, why. */
export interface RowIssue {
  /** GeoJSON and Overpass: the feature/element number (1-based). CSV: the line, the header being line 1. */
  row: number;
  field: string;
  reason: string;
  /** The reason's rule code, which a client explains in its own language (`protected_housing`, `not_a_number`, … in RULE_CODES); `reason` is the English text. */
  code?: string;
  /** What the client needs to render the reason: the values found and what is valid. */
  params?: Record<string, unknown>;
}

/** A row issue with a code and, when there are any, its params. */
export const rowIssue = (row: number, field: string, code: string, reason: string, params?: Record<string, unknown>): RowIssue =>
  params && Object.keys(params).length ? { row, field, reason, code, params } : { row, field, reason, code };

/** One input row before mapping: its properties, and its geometry when the format carries one. */
export interface SourceRow {
  row: number;
  props: Record<string, unknown>;
  /** GeoJSON geometry (GeoJSON) or a Point built from the element's lat/lon or center (Overpass). */
  geometry?: unknown;
  /** OSM identity, e.g. `node/267125534` (Overpass only). */
  osm?: string;
  /** Set when the row could not even be read (broken quoting, wrong number of fields). */
  issue?: RowIssue;
}

export interface SourceFile {
  format: ImportFormat;
  /** The property names (GeoJSON, Overpass tags) or column headers (CSV), in file order. */
  fields: string[];
  rows: SourceRow[];
  /** CSV only: the separator found in the header. */
  delimiter?: string;
  /** Formats with geometries: the CRS the coordinates were read in (they are WGS 84 in `rows` already). */
  crs?: CrsUsed;
  /** Whole-file remarks for the report (a CRS found from the coordinate range, a missing .prj, …); row 0. */
  warnings?: RowIssue[];
  /** The text encoding of a binary format's text (a Shapefile's .dbf); else the upload's. */
  encoding?: TextEncoding;
  /** GeoPackage table, Shapefile or worksheet read, when the file can hold several. */
  sourceLayer?: string;
  /** Every layer (table, Shapefile, worksheet) the file holds. */
  layers?: string[];
}

/** A whole-file problem: answered with 400 naming `file` and the reason. */
export const fileError = (reason: string, code = 'bad_file', params: Record<string, unknown> = {}) =>
  badRequest(`file: ${reason}`, { row: 0, field: 'file', reason, code, rule: code, params });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that must never become object keys of ours (prototype pollution). */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function safeProps(v: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (!FORBIDDEN_KEYS.has(k)) out[k] = val;
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const at = /at position (\d+)/.exec(msg);
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw fileError(truncated ? `the JSON ends too early (truncated file?): ${msg}` : `not valid JSON: ${msg}`);
  }
}

export function collectFields(rows: SourceRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.props)) seen.add(k);
  return [...seen];
}

/**
 * A GeoJSON FeatureCollection (or one Feature). A collection-level `crs` member (the
 * 2008 GeoJSON that GDAL and QGIS still write for SWEREF 99) is read when it names WGS 84
 * or a CRS the importers know (SWEREF 99 TM, the local zones, RT 90), and the
 * coordinates are reprojected; any other CRS is refused. Without one, projected
 * coordinates are recognised by their range as for CSV (and reported as such).
 * Geometries are checked later, per row.
 */
export function parseGeoJson(text: string): SourceFile {
  const doc = parseJson(text);
  if (!isObject(doc)) throw fileError('a GeoJSON FeatureCollection (a JSON object) is expected');
  let declared: ReturnType<typeof importCrsOf>;
  if ('crs' in doc) {
    const name = isObject(doc.crs) && isObject(doc.crs.properties) ? doc.crs.properties.name : undefined;
    declared = typeof name === 'string' ? importCrsOf(name) : undefined;
    if (!declared) {
      const shown = typeof name === 'string' ? name.slice(0, 60) : 'an unreadable CRS';
      const reason =
        `the "crs" member names ${typeof name === 'string' ? `"${shown}"` : shown}, which the import does not read; it reads WGS 84, SWEREF 99 TM (EPSG:3006), ` +
        'the SWEREF 99 local zones (EPSG:3007–3018) and RT 90 2.5 gon V (EPSG:3021). Convert it (ogr2ogr -t_srs EPSG:4326).';
      throw fileError(reason, 'unknown_crs', { crs: shown });
    }
  }
  let features: unknown[];
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) throw fileError('"features" must be an array');
    features = doc.features;
  } else if (doc.type === 'Feature') {
    features = [doc];
  } else {
    throw fileError(`GeoJSON "type" must be FeatureCollection or Feature; got ${JSON.stringify(doc.type)?.slice(0, 40) ?? 'nothing'}`);
  }
  const rows: SourceRow[] = features.map((f, i) => {
    const row = i + 1;
    if (!isObject(f) || f.type !== 'Feature') {
      return { row, props: Object.create(null), issue: rowIssue(row, 'feature', 'not_a_feature', 'not a GeoJSON Feature object') };
    }
    const props = safeProps(f.properties);
    if (f.id !== undefined && !('id' in props) && (typeof f.id === 'string' || typeof f.id === 'number')) props['@id'] = f.id;
    return { row, props, geometry: f.geometry };
  });
  const warnings: RowIssue[] = [];
  const crs = reprojectRows(rows, declared, warnings, 'the GeoJSON has no "crs" member', false);
  return { format: 'geojson', fields: collectFields(rows), rows, crs, warnings };
}

/**
 * An OpenStreetMap Overpass API JSON answer: nodes by their lat/lon, ways and
 * relations by their `center` (query them with `out center`). Tags become the
 * properties; the OSM identity (`node/123`) is the external id.
 */
export function parseOverpass(text: string): SourceFile {
  const doc = parseJson(text);
  if (!isObject(doc) || !Array.isArray(doc.elements)) throw fileError('an Overpass API JSON answer {"elements":[…]} is expected');
  const rows: SourceRow[] = doc.elements.map((e, i) => {
    const row = i + 1;
    if (!isObject(e)) return { row, props: Object.create(null), issue: rowIssue(row, 'element', 'not_an_element', 'not an object') };
    const props = safeProps(e.tags);
    const type = e.type;
    const id = e.id;
    if (!['node', 'way', 'relation'].includes(String(type)) || typeof id !== 'number' || !Number.isSafeInteger(id)) {
      return { row, props, issue: rowIssue(row, 'type', 'not_an_element', 'an element needs "type" node, way or relation and an integer "id"') };
    }
    const osm = `${String(type)}/${id}`;
    const at = type === 'node' ? e : e.center;
    if (!isObject(at) || at.lat === undefined || at.lon === undefined) {
      return { row, props, osm, issue: rowIssue(row, type === 'node' ? 'lat' : 'center', type === 'node' ? 'no_position' : 'no_center', type === 'node' ? 'the node has no lat/lon' : `the ${String(type)} has no "center": run the Overpass query with "out center"`) };
    }
    return { row, props, osm, geometry: { type: 'Point', coordinates: [at.lon, at.lat] } };
  });
  return { format: 'overpass', fields: collectFields(rows), rows };
}

/** Counts a character in a line, ignoring what is inside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * CSV separated by `,` or `;` (found from the header line), with a header row.
 * Rows whose quoting is broken or whose field count differs from the header's are
 * rejected one by one with their line number.
 */
export function parseCsv(text: string): SourceFile {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw fileError('the CSV is empty or its first line (the header) is blank');
  const semi = countOutsideQuotes(firstLine, ';');
  const comma = countOutsideQuotes(firstLine, ',');
  if (semi === 0 && comma === 0) {
    const other = countOutsideQuotes(firstLine, '\t') ? 'tabs' : countOutsideQuotes(firstLine, '|') ? '"|"' : undefined;
    throw fileError(
      other
        ? `the header is separated by ${other}; the separator must be "," or ";"`
        : `the header has a single column ("${firstLine.slice(0, 60)}"); the separator must be "," or ";" and a header row is required`,
    );
  }
  const delimiter = semi >= comma ? ';' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const data = parsed.data;
  const header = (data[0] ?? []).map((h) => h.trim());
  const dupes = header.filter((h, i) => header.indexOf(h) !== i);
  if (dupes.length) throw fileError(`the header names the column "${dupes[0]}" twice`);
  const errorsByRow = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row === undefined || errorsByRow.has(e.row)) continue;
    const reason =
      e.code === 'MissingQuotes' ? 'broken quoting: a quoted field is never closed (check the " characters)' :
      e.code === 'InvalidQuotes' ? 'broken quoting: a quote inside a quoted field must be doubled ("")' :
      e.message;
    errorsByRow.set(e.row, reason);
  }
  if (errorsByRow.has(0)) throw fileError(`the header line cannot be read: ${errorsByRow.get(0)}`);
  const rows: SourceRow[] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    const row = i + 1;
    if (cells.length === 1 && cells[0]!.trim() === '' && !errorsByRow.has(i)) continue;
    const props: Record<string, unknown> = Object.create(null);
    header.forEach((h, j) => {
      if (!FORBIDDEN_KEYS.has(h)) props[h] = cells[j] ?? '';
    });
    const broken = errorsByRow.get(i);
    if (broken) rows.push({ row, props, issue: rowIssue(row, 'row', 'broken_row', broken) });
    else if (cells.length !== header.length) {
      rows.push({ row, props, issue: rowIssue(row, 'row', 'field_count', `the row has ${cells.length} fields but the header has ${header.length} (separator "${delimiter}"; check quoting and separators)`, { got: cells.length, expected: header.length, separator: delimiter }) });
    } else rows.push({ row, props });
  }
  return { format: 'csv', fields: header.filter((h) => !FORBIDDEN_KEYS.has(h)), rows, delimiter };
}

/** The text formats' readers; api/import/read.ts picks a reader for every format. */
export function parseSource(format: 'geojson' | 'overpass' | 'csv', text: string): SourceFile {
  if (format === 'geojson') return parseGeoJson(text);
  if (format === 'overpass') return parseOverpass(text);
  return parseCsv(text);
}
