import postgres from 'postgres';
import { redactUrl } from '../config.js';
import type { Database, Queryable } from './types.js';

const POOL_SIZE = 10;

/**
 * The connection settings of every session this product opens, on the primary and on a
 * read replica alike, so that the two cannot drift apart. `readOnly` makes every
 * session of the pool read-only (a replica: a write sent there by mistake fails
 * instead of diverging).
 */
export function connectionOptions({ max, readOnly = false }: { max: number; readOnly?: boolean }) {
  return {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    // JIT off for every session this product opens, whatever the database's own setting
    // (migration 0008 sets it on the database, but a copy made with CREATE DATABASE …
    // TEMPLATE, a restore into a new database or a replica's own configuration does not
    // carry it): JIT cost ~2 s per proximity query that runs in milliseconds
    // (docs/ARCHITECTURE.md, performance).
    connection: readOnly ? { jit: 'off', default_transaction_read_only: true } : { jit: 'off' },
    types: {
      // Counts and ids come back as numbers, as they do from PGlite.
      bigint: { to: 20, from: [20, 1700], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      // JSON parameters are passed as text by convention (as PGlite takes them); the
      // client's default would stringify that text a second time.
      json: {
        to: 3802,
        from: [114, 3802],
        serialize: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)),
        parse: (v: string) => JSON.parse(v),
      },
    },
  } satisfies postgres.Options<Record<string, postgres.PostgresType>>;
}

/**
 * Connects to a PostgreSQL server with PostGIS. Fails fast, with a message that says
 * what to do, when the server cannot be reached or PostGIS cannot be enabled.
 */
export async function openPostgres(url: string): Promise<Database> {
  const sql = postgres(url, connectionOptions({ max: POOL_SIZE }));
  try {
    await sql`select 1`;
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new Error(`Cannot reach the PostgreSQL server at ${redactUrl(url)}: ${(err as Error).message}. Check DATABASE_URL and that the server is running.`);
  }
  try {
    await sql.unsafe('CREATE EXTENSION IF NOT EXISTS postgis');
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new Error(
      `PostGIS is not available in the database at ${redactUrl(url)}: ${(err as Error).message}. ` +
        'Install it (Debian/Ubuntu: apt-get install postgresql-15-postgis-3) and run "CREATE EXTENSION postgis" as a superuser in that database.',
    );
  }
  const asQueryable = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
    async exec(script: string) {
      await q.unsafe(script).simple();
    },
  });
  return {
    kind: 'postgresql',
    ...asQueryable(sql),
    transaction: (fn) => sql.begin((tx) => fn(asQueryable(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}
