/**
 * `npm run backup -- [file]`: a logical backup of the database that DATABASE_URL /
 * DATA_DIR select (PostgreSQL or the embedded PGlite), through the same adapter the
 * API uses, so one format serves both and restores into either (api/db/backup.ts).
 * Without a file, the backup goes into BACKUP_DIR under a timestamped name, rotated
 * like the scheduled ones. `npm run restore` reads it. The embedded database allows
 * one process at a time: stop the server first (it takes its own scheduled backups).
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../api/config.js';
import { backupAndRotate, writeBackupFile } from '../api/db/backup.js';
import { migrate } from '../api/db/migrate.js';
import { openDatabase } from '../api/db/open.js';

export { BACKUP_FORMAT, BACKUP_VERSION, backupDatabase, ident, restoreDatabase, tablesInDependencyOrder } from '../api/db/backup.js';
export type { Backup, BackupTable } from '../api/db/backup.js';

async function main(): Promise<void> {
  const file = process.argv[2];
  const config = loadConfig();
  if (!file && !config.backupDir) {
    console.error('Usage: npm run backup -- <file.json> (or set BACKUP_DIR to back up into it)');
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const r = file ? await writeBackupFile(db, file) : await backupAndRotate(db, config.backupDir!, config.backupKeep);
    console.log(`Backed up ${r.tables} tables, ${r.rows} rows, from the ${db.kind} database to ${r.file} (readable only by you: it holds personal data).`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  });
}
