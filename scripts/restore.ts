/**
 * `npm run restore -- <file>`: replaces the content of the database that
 * DATABASE_URL / DATA_DIR select with a backup made by `npm run backup`, in one
 * transaction. Works across backends (a PGlite backup restores into PostgreSQL and
 * back). Stop the API first: sessions in the backup replace the current ones.
 */
import fs from 'node:fs';
import { loadConfig } from '../api/config.js';
import { migrate } from '../api/db/migrate.js';
import { openDatabase } from '../api/db/open.js';
import { restoreDatabase, type Backup } from './backup.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <file.json>');
  process.exitCode = 2;
} else {
  const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
  const db = await openDatabase(loadConfig());
  try {
    await migrate(db);
    const counts = await restoreDatabase(db, backup);
    console.log(`Restored ${Object.keys(counts).length} tables (${Object.values(counts).reduce((a, b) => a + b, 0)} rows) into the ${db.kind} database from ${file}.`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
