import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './types.js';

/** Parsers that make PGlite answer like the `postgres` adapter (int8 and numeric as numbers). */
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

/**
 * Opens (creating if needed) the embedded PostgreSQL with PostGIS in `dataDir`.
 * Creating the PostGIS extension the first time takes about 20 s, so the caller is
 * told through `onProgress` before that happens.
 */
export async function openPglite(dataDir: string, onProgress: (message: string) => void = () => {}): Promise<Database> {
  const fresh = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  if (fresh) onProgress(`Preparing the embedded PostGIS database in ${dataDir} (first start, about 20 s)…`);
  fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { postgis }, parsers });
  await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis;');
  return wrap(pg);
}

function wrap(pg: PGlite): Database {
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
    close: () => pg.close(),
  };
}
