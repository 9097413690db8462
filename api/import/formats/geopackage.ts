/**
 * GeoPackage (OGC 12-128): an SQLite database read with sql.js. Its feature tables are
 * listed in gpkg_contents, their geometry column and SRS in gpkg_geometry_columns and
 * gpkg_spatial_ref_sys; each geometry is a GeoPackage blob (a short header, then WKB,
 * which wkx decodes).
 */
import { createRequire } from 'node:module';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import wkx from 'wkx';
import { importCrsOfEpsg, type ImportCrs } from '../crs.js';
import { collectFields, fileError, FORBIDDEN_KEYS, rowIssue, type RowIssue, type SourceFile, type SourceRow } from '../parse.js';
import { chooseLayer } from './layers.js';
import { reprojectRows } from './geometry.js';

let sqlJs: Promise<SqlJsStatic> | undefined;
/** sql.js, its wasm loaded once from node_modules/sql.js/dist (the same under tsx, npm start and vitest). */
function sql(): Promise<SqlJsStatic> {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  return (sqlJs ??= initSqlJs({ locateFile: () => wasm }));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function all(db: Database, query: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const st = db.prepare(query, params);
  const out: Record<string, SqlValue>[] = [];
  try {
    while (st.step()) out.push(st.getAsObject());
  } finally {
    st.free();
  }
  return out;
}

/**
 * A GeoPackage geometry blob as GeoJSON: magic "GP", version, flags (bit 0 byte order,
 * bits 1–3 the envelope's size, bit 4 empty), srs_id, the envelope, then WKB. Undefined
 * for an empty geometry; throws on a blob that is not one.
 */
export function gpkgGeometry(blob: Uint8Array): unknown {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no "GP" header)');
  const flags = blob[3]!;
  if (flags & 0x10) return undefined;
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error(`unknown envelope indicator ${(flags >> 1) & 0x07}`);
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelope, blob.length - 8 - envelope);
  return wkx.Geometry.parse(wkb).toGeoJSON();
}

/** The import CRS of a GeoPackage SRS id, from gpkg_spatial_ref_sys (organisation EPSG and its code). */
function srsOf(db: Database, srsId: number): { crs?: ImportCrs; name: string } {
  const [row] = all(db, 'SELECT srs_name, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
  const name = String(row?.srs_name ?? `srs_id ${srsId}`);
  if (!row) return { name };
  const org = String(row.organization ?? '').toUpperCase();
  const code = Number(row.organization_coordsys_id);
  return { crs: org === 'EPSG' ? importCrsOfEpsg(code) : undefined, name: `${name} (${org}:${code})` };
}

/**
 * Reads the feature table `sourceLayer` names, else the only one; the integer primary
 * key (GDAL's `fid`) is bookkeeping and not a property. The CRS must be one the
 * importers read; coordinates are reprojected to WGS 84 here.
 */
export async function parseGeoPackage(bytes: Uint8Array, sourceLayer: string | undefined): Promise<SourceFile> {
  const SQL = await sql();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (err) {
    throw fileError(`the GeoPackage cannot be opened: ${(err as Error).message}`);
  }
  try {
    let tables: { table: string; column: string; srsId: number }[];
    try {
      tables = all(db, `SELECT c.table_name AS t, g.column_name AS c, g.srs_id AS s FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
        WHERE c.data_type = 'features' ORDER BY c.table_name`).map((r) => ({ table: String(r.t), column: String(r.c), srsId: Number(r.s) }));
    } catch {
      throw fileError('the SQLite file is not a GeoPackage (it has no gpkg_contents / gpkg_geometry_columns tables)', 'unsupported_file_type', { type: 'sqlite' });
    }
    const chosen = chooseLayer(tables.map((t) => t.table), sourceLayer, 'GeoPackage feature tables');
    const table = tables.find((t) => t.table === chosen)!;
    const srs = srsOf(db, table.srsId);
    if (!srs.crs) {
      throw fileError(`the table "${table.table}" is in ${srs.name}, which the import does not read; it reads WGS 84 (EPSG:4326), SWEREF 99 TM (EPSG:3006), the SWEREF 99 local zones (EPSG:3007–3018) and RT 90 (EPSG:3021)`, 'unknown_crs', { crs: srs.name });
    }
    const pk = all(db, `PRAGMA table_info(${quoteIdent(table.table)})`).find((c) => Number(c.pk) === 1 && /^INTEGER$/i.test(String(c.type)));
    const rows: SourceRow[] = [];
    all(db, `SELECT * FROM ${quoteIdent(table.table)}`).forEach((r, i) => {
      const row = i + 1;
      const props: Record<string, unknown> = Object.create(null);
      for (const [k, v] of Object.entries(r)) {
        if (k === table.column || k === pk?.name || FORBIDDEN_KEYS.has(k) || v instanceof Uint8Array) continue;
        props[k] = v;
      }
      const blob = r[table.column];
      if (!(blob instanceof Uint8Array)) return rows.push({ row, props, geometry: undefined });
      try {
        rows.push({ row, props, geometry: gpkgGeometry(blob) });
      } catch (err) {
        rows.push({ row, props, issue: rowIssue(row, table.column, 'bad_geometry', `the geometry cannot be read: ${(err as Error).message}`) });
      }
    });
    const warnings: RowIssue[] = [];
    const crs = reprojectRows(rows, srs.crs, warnings, '');
    return { format: 'geopackage', fields: collectFields(rows), rows, crs, warnings, sourceLayer: table.table, layers: tables.map((t) => t.table) };
  } finally {
    db.close();
  }
}
