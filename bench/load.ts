import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashToken, newToken } from '../api/auth/tokens.js';
import type { Database } from '../api/db/types.js';
import type { Dataset } from './generate.js';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const sql = (name: string) => fs.readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8');

/** The benchmark's clock: the information activities are dated before it and W2/W3 judge them at it. */
export const BENCH_NOW = new Date('2026-06-01T10:00:00Z');

/** Rows per INSERT … SELECT FROM jsonb_to_recordset: large enough to amortise, small enough for PGlite's memory. */
export const LOAD_CHUNK = 10_000;

export async function chunkedLoad(db: Database, name: string, rows: readonly object[]): Promise<void> {
  const text = sql(name);
  for (let i = 0; i < rows.length; i += LOAD_CHUNK) {
    await db.query(text, [JSON.stringify(rows.slice(i, i + LOAD_CHUNK))]);
  }
}

/**
 * Loads a generated data set into a migrated, empty database in bulk, then VACUUM ANALYZE so
 * the planner sees the real sizes. Returns the seconds it took.
 */
export async function loadDataset(db: Database, data: Dataset): Promise<number> {
  const started = performance.now();
  await chunkedLoad(db, 'load_units', data.units);
  await chunkedLoad(db, 'load_actors', data.actors);
  await chunkedLoad(db, 'load_child_places', data.childPlaces);
  await db.query(sql('load_contact_persons'));
  await loadInformation(db);
  // VACUUM too: a database in use has been vacuumed (visibility map set, hint bits written);
  // without it autovacuum starts on the fresh 300,000 rows in the middle of the timings.
  await db.exec('VACUUM ANALYZE');
  return (performance.now() - started) / 1000;
}

/**
 * Information activities for about a third of the (unit, child place) pairs, dated over
 * the 18 months before BENCH_NOW (bench/sql/load_information.sql); returns how many.
 */
export async function loadInformation(db: Database): Promise<number> {
  await db.query(sql('load_information'), [BENCH_NOW.toISOString()]);
  const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM activities WHERE kind = 'information'");
  return row!.n;
}

/** An administrator with a personal API token for the benchmark's requests; returns the token. */
export async function benchUser(db: Database): Promise<string> {
  const token = newToken();
  const [user] = await db.query<{ id: number }>(
    "INSERT INTO users (email, name, role, password_hash) VALUES ('bench@example.se', 'Benchmark', 'admin', 'not-a-password-hash') RETURNING id",
  );
  await db.query("INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, 'bench', $2)", [user!.id, hashToken(token)]);
  return token;
}
