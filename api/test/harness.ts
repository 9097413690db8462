import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import type { Database } from '../db/types.js';
import { TEST_USERS, type TestRole } from './fixtures.js';
import { createDatabase, dropDatabase, withDatabase } from '../db/databases.js';
import { pgTemplateDb, pgliteTemplateDir, TEST_DATA_DIR, testDatabaseName } from './templates.js';

/** Which backend this test file runs on (set per vitest project). */
export const backend = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgresql';

/**
 * Cleanups of the databases this file opened. Run by one hook registered when this
 * module loads: a hook registered inside `beforeAll` (where most files open their
 * database) is never run, and the copies were left behind.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * A fresh database for one test file, copied from the prepared template: a folder
 * copy for PGlite, `CREATE DATABASE … TEMPLATE` on the server. Dropped after the file
 * (and any a crashed file left are removed with the run's templates).
 */
export async function openTestDatabase(): Promise<Database> {
  const name = testDatabaseName(crypto.randomBytes(4).toString('hex'));
  if (backend === 'pglite') {
    const dir = path.join(TEST_DATA_DIR, name);
    fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const db = await openPglite(dir);
    cleanups.push(async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return db;
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await createDatabase(admin, name, pgTemplateDb());
  const db = await openPostgres(withDatabase(serverUrl, name));
  cleanups.push(async () => {
    await db.close();
    await dropDatabase(admin, name);
    await admin.end();
  });
  return db;
}

export interface TestContext {
  db: Database;
  app: ReturnType<typeof createApp>;
  config: Config;
  /** The clock the app sees; tests move it with `setNow`. */
  setNow(date: Date | string): void;
  /** Runs `fn` with the app's clock at `date` and puts the clock back afterwards, whether `fn` passed or failed. */
  withNow<T>(date: Date | string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` with rows of the settings table set (key → JSON value) and restores each
   * row's value afterwards, whether `fn` passed or failed: a test that changes a setting
   * leaves the shared database as it found it.
   */
  withSettings<T>(values: Record<string, unknown>, fn: () => Promise<T>): Promise<T>;
  /** A request as `role` (personal API token) or anonymous; JSON bodies are serialised. */
  request(role: TestRole | 'anonymous', method: string, urlPath: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** GET as `role`, asserting 200, and returning the parsed JSON. */
  getJson<T = any>(role: TestRole | 'anonymous', urlPath: string): Promise<T>;
}

/** An app on a fresh copy of the template database, with an injectable clock. */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const db = await openTestDatabase();
  // A key of its own per test file, as a server resolves one at start (api/auth/factorKey.ts).
  const config = { ...loadConfig({}), factorEncryptionKey: crypto.randomBytes(32), ...overrides };
  let now = new Date();
  const app = createApp({ db, config, clock: () => now });
  const request: TestContext['request'] = (role, method, urlPath, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (role !== 'anonymous') h.authorization = `Bearer ${TEST_USERS[role].token}`;
    let payload: BodyInit | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(`http://localhost${urlPath}`, { method, headers: h, body: payload }));
  };
  return {
    db,
    app,
    config,
    setNow: (d) => {
      now = new Date(d);
    },
    async withNow(d, fn) {
      const before = now;
      now = new Date(d);
      try {
        return await fn();
      } finally {
        now = before;
      }
    },
    async withSettings(values, fn) {
      const keys = Object.keys(values);
      const saved = await db.query<{ key: string; value: string }>('SELECT key, value::text AS value FROM settings WHERE key = ANY($1::text[])', [keys]);
      if (saved.length !== keys.length) throw new Error(`withSettings: unknown setting among ${keys.join(', ')}`);
      try {
        for (const k of keys) await db.query('UPDATE settings SET value = $2::jsonb WHERE key = $1', [k, JSON.stringify(values[k])]);
        return await fn();
      } finally {
        for (const row of saved) await db.query('UPDATE settings SET value = $2::jsonb WHERE key = $1', [row.key, row.value]);
      }
    },
    request,
    async getJson(role, urlPath) {
      const res = await request(role, 'GET', urlPath);
      if (res.status !== 200) throw new Error(`GET ${urlPath} as ${role}: ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}

/** The `ps_session` cookie a sign-in answer set, ready for a `cookie` header; throws when it set none. */
export function sessionCookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const m = /ps_session=([^;]+)/.exec(set);
  if (!m) throw new Error(`no session cookie in "${set}"`);
  return `ps_session=${m[1]}`;
}
