import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createDatabase, dropDatabase, withDatabase } from '../api/db/databases.js';
import { openPglite } from '../api/db/pglite.js';
import { openPostgres } from '../api/db/postgres.js';
import type { Database } from '../api/db/types.js';

/** An empty database for one benchmark run, and how to remove it afterwards. */
export interface ScratchDatabase {
  db: Database;
  /** Closes the database and removes it: the PGlite folder, or the database on the server. */
  drop(): Promise<void>;
}

/**
 * A fresh database on `engine`: PGlite in a new folder under the system's temp folder, or
 * a new database (named after `label` and the time) on the server of TEST_DATABASE_URL.
 */
export async function openScratchDatabase(engine: 'pglite' | 'postgresql', label: string): Promise<ScratchDatabase> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ps-${label}-bench-`));
    const db = await openPglite(dir);
    return {
      db,
      async drop() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is needed for the PostgreSQL run.');
  const name = `ps_bench_${label}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await createDatabase(admin, name);
  const db = await openPostgres(withDatabase(url, name));
  return {
    db,
    async drop() {
      await db.close();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}
