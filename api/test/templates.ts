import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { hashPassword } from '../auth/passwords.js';
import { hashToken } from '../auth/tokens.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { createDatabase, dropDatabase, withDatabase } from '../db/databases.js';
import { openPostgres } from '../db/postgres.js';
import { seedDemo } from '../db/seed.js';
import type { Database } from '../db/types.js';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';

export const TEST_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.test-data');
/**
 * Template names are per test run (the id is chosen by globalSetup and passed to the
 * workers in PS_TEST_RUN), so that several runs on one machine do not collide.
 */
const runId = () => process.env.PS_TEST_RUN ?? 'default';
export const pgliteTemplateDir = () => path.join(TEST_DATA_DIR, `template-pglite-${runId()}`);
export const pgTemplateDb = () => `ps_test_template_${runId()}`;
/** A test file's own database (or PGlite folder): named after the run, so the run's teardown can find any left behind. */
export const testDatabaseName = (suffix: string) => `ps_t_${runId()}_${process.pid}_${suffix}`;

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
  fs.rmSync(pgliteTemplateDir(), { recursive: true, force: true });
  const db = await openPglite(pgliteTemplateDir());
  await prepareTemplate(db);
  await db.close();
}

/** Builds the template database on the PostgreSQL server (dropped and recreated). */
export async function buildPostgresTemplate(serverUrl: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await dropDatabase(admin, pgTemplateDb());
    await createDatabase(admin, pgTemplateDb());
  } finally {
    await admin.end();
  }
  const db = await openPostgres(withDatabase(serverUrl, pgTemplateDb()));
  await prepareTemplate(db);
  await db.close();
}

/** Removes this run's templates, and any test database of this run a crashed file left behind. */
export async function removeTemplates(serverUrl: string | undefined): Promise<void> {
  fs.rmSync(pgliteTemplateDir(), { recursive: true, force: true });
  const prefix = testDatabaseName('').replace(/_\d+_$/, '_');
  if (fs.existsSync(TEST_DATA_DIR)) {
    for (const entry of fs.readdirSync(TEST_DATA_DIR)) {
      if (entry.startsWith(prefix)) fs.rmSync(path.join(TEST_DATA_DIR, entry), { recursive: true, force: true });
    }
  }
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await dropDatabase(admin, pgTemplateDb());
    const left = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE starts_with(datname, ${prefix})`;
    for (const { datname } of left) await dropDatabase(admin, datname);
  } finally {
    await admin.end();
  }
}
