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
import { protectedHousingProblem } from '../api/services/protectedHousing.js';
import { restoreDatabase, type Backup } from './backup.js';

/**
 * Why the backup must not be restored: a unit in it names protected housing, which is
 * never entered (the database would refuse it too, with a less helpful message).
 */
function protectedHousingInBackup(backup: Backup): string | undefined {
  const units = backup.tables?.find((t) => t.name === 'units')?.rows ?? [];
  for (const row of units) {
    const problem = protectedHousingProblem(row);
    if (problem) return `unit ${String(row.id)} in the backup: ${problem.message}.`;
  }
  return undefined;
}

const file = process.argv[2];
const backup = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Backup) : undefined;
const refused = backup && protectedHousingInBackup(backup);
if (!file || !backup) {
  console.error('Usage: npm run restore -- <file.json>');
  process.exitCode = 2;
} else if (refused) {
  console.error(`Refused: ${refused} Nothing was restored.`);
  process.exitCode = 1;
} else {
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
