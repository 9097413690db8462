import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { hashPassword } from '../auth/passwords.js';
import { hashToken } from '../auth/tokens.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { seedDemo } from '../db/seed.js';
import type { Database } from '../db/types.js';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';

export const TEST_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.test-data');
export const PGLITE_TEMPLATE_DIR = path.join(TEST_DATA_DIR, 'template-pglite');
export const PG_TEMPLATE_DB = 'ps_test_template';

/** Migrates, seeds the demo data and adds the test accounts with their API tokens. */
export async function prepareTemplate(db: Database): Promise<void> {
  await migrate(db);
  await seedDemo(db);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const [role, u] of Object.entries(TEST_USERS)) {
    const [user] = await db.query<{ id: number }>(
      'INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [u.email, u.name, role, passwordHash],
    );
    await db.query('INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3)', [user!.id, 'tests', hashToken(u.token)]);
  }
}

/** Builds the embedded template database folder, copied by each test file. */
export async function buildPgliteTemplate(): Promise<void> {
  fs.rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
  const db = await openPglite(PGLITE_TEMPLATE_DIR);
  await prepareTemplate(db);
  await db.close();
}

/** Builds the template database on the PostgreSQL server (dropped and recreated). */
export async function buildPostgresTemplate(serverUrl: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await dropDatabase(admin, PG_TEMPLATE_DB);
    await admin.unsafe(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(withDatabase(serverUrl, PG_TEMPLATE_DB));
  await prepareTemplate(db);
  await db.close();
}

export async function dropDatabase(admin: postgres.Sql, name: string): Promise<void> {
  await admin.unsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
