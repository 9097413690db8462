import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashToken, newToken } from '../api/auth/tokens.js';
import type { Database } from '../api/db/types.js';
import type { Dataset } from './generate.js';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const sql = (name: string) => fs.readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8');

/** Rows per INSERT … SELECT FROM jsonb_to_recordset: large enough to amortise, small enough for PGlite's memory. */
export const LOAD_CHUNK = 10_000;

export async function chunkedLoad(db: Database, name: string, rows: readonly object[]): Promise<void> {
  const text = sql(name);
  for (let i = 0; i < rows.length; i += LOAD_CHUNK) {
    await db.query(text, [JSON.stringify(rows.slice(i, i + LOAD_CHUNK))]);
  }
}

/**
 * Loads a generated data set into a migrated, empty database in bulk, then ANALYZE so
 * the planner sees the real sizes. Returns the seconds it took.
 */
export async function loadDataset(db: Database, data: Dataset): Promise<number> {
  const started = performance.now();
  await chunkedLoad(db, 'load_units', data.units);
  await chunkedLoad(db, 'load_actors', data.actors);
  await chunkedLoad(db, 'load_child_places', data.childPlaces);
  await db.query(sql('load_contact_persons'));
  await db.exec('ANALYZE');
  return (performance.now() - started) / 1000;
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
