/**
 * The OpenStreetMap base data: an import replaces all of it in ONE transaction (the
 * tables emptied and their secondary indexes dropped, the new rows inserted a chunk per
 * statement, the indexes rebuilt once at the end: sql/migrations/0021), records a
 * base_imports row whose id is the base data's version, and is audited. Dismissed
 * suggestions are kept (they name POIs by OSM id, which a re-import keeps). A file that
 * cannot be read fails before the transaction starts, so it changes nothing.
 */
import { statement } from '../db/statements.js';
import type { Database, Queryable } from '../db/types.js';
import { WRITE_CHUNK_CHARS, WRITE_CHUNK_ROWS } from '../import/write.js';
import type { OsmSourceKind } from '../osm/elements.js';
import { readOsmFile, type BaseData, type BaseDataCounts } from '../osm/read.js';
import { lineStringWkb, multiPolygonWkb } from '../osm/wkb.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';

const TABLES = ['ways', 'areas', 'places', 'addresses', 'pois'] as const;
type Table = (typeof TABLES)[number];

/** Empties the tables and takes their secondary indexes down for the load; finish puts them back (migration 0021). */
const begin = statement('base_import_begin', []);
const finish = statement('base_import_finish', []);
const inserts = {
  ways: statement('base_import_insert_ways', ['rows']),
  areas: statement('base_import_insert_areas', ['rows']),
  places: statement('base_import_insert_places', ['rows']),
  addresses: statement('base_import_insert_addresses', ['rows']),
  pois: statement('base_import_insert_pois', ['rows']),
} as const satisfies Record<Table, unknown>;
const storedCounts = statement('base_import_counts', []);
const recordImport = statement('base_import_record', ['source_name', 'source_kind', 'counts', 'west', 'south', 'east', 'north', 'user_id', 'now']);
const latest = statement('base_import_latest', []);

/** Rows stored per table, and what the file held. */
export type BaseImportCounts = Record<Table, number> & Pick<BaseDataCounts, 'nodes_read' | 'ways_read' | 'relations_read' | 'incomplete'>;

export interface BaseImportSummary {
  /** The new base_imports row: the base data's version. */
  import_id: number;
  imported_at: string;
  source_name: string;
  source_kind: OsmSourceKind;
  counts: BaseImportCounts;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  seconds: number;
}

export interface BaseImportProgress { phase: string; done: number; total?: number }

export interface LatestBaseImport {
  id: number;
  imported_at: string;
  source_name: string;
  source_kind: OsmSourceKind;
  counts: Partial<BaseImportCounts>;
  bbox: [number, number, number, number] | null;
}

/** The JSON row of each table's INSERT (short keys: a city sends millions of them). */
function rowsOf(data: BaseData): Record<Table, () => Generator<string>> {
  return {
    *ways() { for (const r of data.ways) yield JSON.stringify({ id: r.osm_id, k: r.kind, c: r.class, n: r.name, t: r.tags, ids: `{${r.node_ids.join(',')}}`, g: lineStringWkb(r.coords) }); },
    *areas() { for (const r of data.areas) yield JSON.stringify({ ty: r.osm_type, id: r.osm_id, k: r.kind, c: r.class, n: r.name, t: r.tags, g: multiPolygonWkb(r.polygons) }); },
    *places() { for (const r of data.places) yield JSON.stringify({ ty: r.osm_type, id: r.osm_id, c: r.class, n: r.name, t: r.tags, x: r.point[0], y: r.point[1] }); },
    *addresses() { for (const r of data.addresses) yield JSON.stringify({ ty: r.osm_type, id: r.osm_id, st: r.street, hn: r.housenumber, pc: r.postcode, ci: r.city, s: r.search, x: r.point[0], y: r.point[1] }); },
    *pois() { for (const r of data.pois) yield JSON.stringify({ ty: r.osm_type, id: r.osm_id, k: r.key, v: r.value, n: r.name, t: r.tags, x: r.point[0], y: r.point[1] }); },
  };
}

/** Inserts rows a chunk per statement: at most WRITE_CHUNK_ROWS rows and (beyond one row) WRITE_CHUNK_CHARS characters. */
async function insertChunks(tx: Queryable, table: Table, rows: Generator<string>, total: number, progress: (done: number) => void): Promise<void> {
  let chunk: string[] = [];
  let chars = 0, done = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await inserts[table].run(tx, { rows: `[${chunk.join(',')}]` });
    done += chunk.length;
    chunk = [];
    chars = 0;
    progress(done);
  };
  for (const json of rows) {
    if (chunk.length > 0 && (chunk.length >= WRITE_CHUNK_ROWS || chars + json.length > WRITE_CHUNK_CHARS)) await flush();
    chunk.push(json);
    chars += json.length + 1;
  }
  await flush();
  if (total === 0) progress(0);
}

/**
 * Reads the file (PBF or Overpass JSON) and replaces all base data with it. Throws the
 * reader's rule error (osm_file_kind, osm_file_broken, osm_file_empty) with nothing written.
 * `ctx.user` is the administrator of the route, or undefined for the command line.
 */
export async function importBaseData(
  ctx: RequestContext,
  file: { name: string; bytes: Uint8Array },
  onProgress?: (p: BaseImportProgress) => void,
): Promise<BaseImportSummary> {
  const user = ctx.user;
  const started = performance.now();
  const data = readOsmFile(file.bytes, (p) => onProgress?.(p));
  const sourceName = (file.name.trim() || 'osm').slice(0, 300);
  const rows = rowsOf(data);
  const result = await ctx.db.transaction(async (tx) => {
    await begin.run(tx, {});
    for (const t of TABLES) {
      const total = data[t].length;
      await insertChunks(tx, t, rows[t](), total, (done) => onProgress?.({ phase: `write:${t}`, done, total }));
    }
    onProgress?.({ phase: 'index', done: 0 });
    await finish.run(tx, {});
    const stored = (await storedCounts.one<Record<Table, number>>(tx, {}))!;
    const counts: BaseImportCounts = {
      ...stored,
      nodes_read: data.counts.nodes_read, ways_read: data.counts.ways_read, relations_read: data.counts.relations_read, incomplete: data.counts.incomplete,
    };
    const [west, south, east, north] = data.bbox;
    const rec = (await recordImport.one<{ id: number; imported_at: string }>(tx, {
      source_name: sourceName, source_kind: data.kind, counts: JSON.stringify(counts), west, south, east, north, user_id: user?.id ?? null, now: ctx.now.toISOString(),
    }))!;
    await audit(tx, {
      at: ctx.now, user, action: 'import', entity: 'base_data', entityId: rec.id,
      details: { source_name: sourceName, source_kind: data.kind, counts },
    });
    return { rec, counts };
  });
  onProgress?.({ phase: 'done', done: 1, total: 1 });
  return {
    import_id: result.rec.id,
    imported_at: result.rec.imported_at,
    source_name: sourceName,
    source_kind: data.kind,
    counts: result.counts,
    bbox: data.bbox,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** The current base data (the latest import), or null before the first import. */
export async function latestBaseImport(db: Database): Promise<LatestBaseImport | null> {
  const row = await latest.one<LatestBaseImport>(db, {});
  return row ?? null;
}
