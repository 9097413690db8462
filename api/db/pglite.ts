import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { DataDirError, inspectDataDir, removeManifest, writeManifest } from './dataDir.js';
import { checkTables } from './integrity.js';
import { query } from './sqlFiles.js';
import type { Database, Queryable } from './types.js';

/** Parsers that make PGlite answer like the `postgres` adapter (int8 and numeric as numbers). */
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

/** What `openPglite` does besides opening. */
export interface PgliteOptions {
  /** Where the backups are, to name the latest one when the folder turns out to be damaged. */
  backupDir?: string;
}

/**
 * Opens (creating if needed) the embedded PostgreSQL with PostGIS in `dataDir`.
 * The folder is judged first (dataDir.ts): only a new one is initialised, and a damaged
 * one is refused with a {@link DataDirError} that names the damage and the way back,
 * as is a folder the engine aborts on or whose tables do not read whole (integrity.ts).
 * Creating the PostGIS extension the first time takes about 20 s, so the caller is
 * told through `onProgress` before that happens.
 */
export async function openPglite(dataDir: string, onProgress: (message: string) => void = () => {}, options: PgliteOptions = {}): Promise<Database> {
  const fresh = inspectDataDir(dataDir, options.backupDir) === 'new';
  if (fresh) onProgress(`Preparing the embedded PostGIS database in ${dataDir} (first start, about 20 s)…`);
  fs.mkdirSync(dataDir, { recursive: true });
  removeManifest(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { extensions: { postgis, pg_trgm }, parsers });
    await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis;');
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    if (fresh) throw new Error(`The embedded database could not be created in ${dataDir}: ${reason}`);
    throw new DataDirError(dataDir, `The embedded database in ${dataDir} could not be opened: its files appear damaged (the engine stopped with "${reason}").`, options.backupDir, { touched: true });
  }
  const db = wrap(pg, dataDir);
  const problems = fresh ? [] : await checkTables(db).catch((err: Error) => [`the check itself failed: ${err.message}`]);
  if (problems.length) {
    await pg.close().catch(() => {});
    throw new DataDirError(dataDir, `The embedded database in ${dataDir} is damaged: ${problems.join('; ')}.`, options.backupDir, { touched: true });
  }
  return db;
}

function wrap(pg: PGlite, dataDir: string): Database {
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await q.exec(script);
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    close: async () => {
      const relations = await pg.query<{ path: string; relation: string }>(query('integrity_relations')).then((r) => r.rows, () => undefined);
      await pg.close();
      if (relations) writeManifest(dataDir, Object.fromEntries(relations.map((r) => [r.path, r.relation])));
    },
  };
}
