import postgres from 'postgres';
import { redactUrl } from '../config.js';
import type { AppDeps } from '../env.js';
import { connectionOptions } from './postgres.js';
import type { Database } from './types.js';

const READ_POOL_SIZE = 10;

/**
 * The database read-only routes should query: the read replica when one is configured
 * (`DATABASE_READ_URL`), else the primary. Replicas lag by a little, so use it only for
 * answers that may be a second old (map layers, tiles, proximity lists) and never for
 * a read that decides a write.
 */
export const readerOf = (deps: Pick<AppDeps, 'db' | 'readDb'>): Database => deps.readDb ?? deps.db;

/**
 * Connects to a PostgreSQL streaming replica. Unlike the primary's adapter it creates
 * nothing (a hot standby refuses DDL); its sessions have the primary's settings
 * (`connectionOptions`) and are read-only.
 */
export async function openReadReplica(url: string): Promise<Database> {
  const sql = postgres(url, connectionOptions({ max: READ_POOL_SIZE, readOnly: true }));
  try {
    await sql`select postgis_lib_version()`;
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new Error(`Cannot use the read replica at ${redactUrl(url)}: ${(err as Error).message}. Check DATABASE_READ_URL (a replica of DATABASE_URL, with PostGIS).`);
  }
  const asQueryable = (q: postgres.Sql | postgres.TransactionSql) => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
    },
    async exec(): Promise<void> {
      throw new Error('The read replica runs no scripts.');
    },
  });
  return {
    kind: 'postgresql',
    ...asQueryable(sql),
    transaction: (fn) => sql.begin((tx) => fn(asQueryable(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}
