import { statement, type Statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { ApiError } from '../errors.js';
import type { ImportLayer } from './mapping.js';
import type { ImportRecord } from './records.js';

/** The statements of one layer's import: each takes its rows as one JSON array (text). */
export interface LayerStatements {
  /** The stored rows whose external ids are in `external_ids`, with the values an import compares. */
  existing: Statement<'external_ids'>;
  insert: Statement<'rows' | 'now'>;
  /** Applies only where the stored version is still the one read; returns the ids it changed. */
  update: Statement<'rows' | 'now'>;
}

/** One layer's statements: `sql/queries/import_{existing,insert,update}_<table>.sql`. */
const layerStatements = (table: 'units' | 'actors' | 'child_places' | 'areas'): LayerStatements => ({
  existing: statement(`import_existing_${table}`, ['external_ids']),
  insert: statement(`import_insert_${table}`, ['rows', 'now']),
  update: statement(`import_update_${table}`, ['rows', 'now']),
});

/**
 * Each import layer's SQL, bound when this module loads: the layer chooses among these
 * fixed files and never names a table of its own.
 */
export const IMPORT_STATEMENTS: Record<ImportLayer, LayerStatements> = {
  units: layerStatements('units'),
  actors: layerStatements('actors'),
  'child-places': layerStatements('child_places'),
  areas: layerStatements('areas'),
};

/**
 * Most rows sent in one INSERT or UPDATE. One statement per chunk instead of one per
 * row is what makes a national import take seconds rather than minutes; the chunk stays
 * modest because PGlite holds the whole JSON parameter and its parsed form in WASM memory.
 */
export const WRITE_CHUNK_ROWS = 5000;
/** Most characters of JSON in one chunk: large polygons end a chunk before its row count does. */
export const WRITE_CHUNK_CHARS = 8 * 1024 * 1024;

/** One row to write: an insert when there is no stored row, else an update of `ex` at the version read. */
export interface PlannedWrite {
  rec: ImportRecord;
  ex: { id: number; version: number } | undefined;
}

/**
 * Writes inserts and updates of `layer` chunk by chunk, in the given order: per
 * chunk one insert and one update statement of the layer, each
 * taking the chunk's rows as one JSON array. An update applies only where the stored
 * version is still the one read; when any row of a chunk was changed or deleted
 * meanwhile, throws a conflict naming the first such row, so the caller's transaction
 * rolls back. Calls `onProgress` after each chunk (once with 0 of 0 when there is nothing to write).
 */
export async function writeInChunks(
  tx: Queryable,
  layer: ImportLayer,
  writes: readonly PlannedWrite[],
  now: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  if (writes.length === 0) onProgress?.(0, 0);
  const sql = IMPORT_STATEMENTS[layer];
  let done = 0;
  for (const chunk of chunks(writes)) {
    if (chunk.inserts.length > 0) await sql.insert.run(tx, { rows: `[${chunk.inserts.join(',')}]`, now });
    if (chunk.updates.length > 0) {
      const rows = await sql.update.run<{ id: number }>(tx, { rows: `[${chunk.updates.map((u) => u.json).join(',')}]`, now });
      if (rows.length < chunk.updates.length) {
        const applied = new Set(rows.map((r) => r.id));
        const { rec } = chunk.updates.find((u) => !applied.has(u.id))!;
        throw new ApiError('conflict', `Row ${rec.row} (external id "${rec.externalId}") was changed by someone else during the import; nothing was imported. Run it again.`);
      }
    }
    done += chunk.size;
    onProgress?.(done, writes.length);
  }
}

interface Chunk {
  size: number;
  /** Insert rows as JSON objects. */
  inserts: string[];
  /** Update rows as JSON objects, with the stored id and the record for a conflict message. */
  updates: { json: string; id: number; rec: ImportRecord }[];
}

/** Consecutive writes grouped into chunks of at most WRITE_CHUNK_ROWS rows and (beyond one row) WRITE_CHUNK_CHARS characters. */
function* chunks(writes: readonly PlannedWrite[]): Generator<Chunk> {
  let chunk: Chunk = { size: 0, inserts: [], updates: [] };
  let chars = 0;
  for (const { rec, ex } of writes) {
    const json = JSON.stringify(ex ? { id: ex.id, version: ex.version, ...rowFields(rec) } : { external_id: rec.externalId, ...rowFields(rec) });
    if (chunk.size > 0 && (chunk.size >= WRITE_CHUNK_ROWS || chars + json.length > WRITE_CHUNK_CHARS)) {
      yield chunk;
      chunk = { size: 0, inserts: [], updates: [] };
      chars = 0;
    }
    if (ex) chunk.updates.push({ json, id: ex.id, rec });
    else chunk.inserts.push(json);
    chunk.size++;
    chars += json.length + 1;
  }
  if (chunk.size > 0) yield chunk;
}

/**
 * The values (`v`: only the keys the mapping supplies) and the geometry of one row:
 * a point as `lon`/`lat`, anything else as GeoJSON `g`.
 */
function rowFields(rec: ImportRecord): { v: ImportRecord['values']; lon: number; lat: number } | { v: ImportRecord['values']; g: ImportRecord['geometry'] } {
  if (rec.geometry.type === 'Point') return { v: rec.values, lon: rec.geometry.coordinates[0], lat: rec.geometry.coordinates[1] };
  return { v: rec.values, g: rec.geometry };
}
