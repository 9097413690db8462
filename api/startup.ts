import { ensureFirstAdmin } from './auth/bootstrap.js';
import type { Config } from './config.js';
import { backupAndRotate } from './db/backup.js';
import { listMigrations, migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { isEmpty, seedDemo, seedDemoOutreach } from './db/seed.js';
import type { Database } from './db/types.js';

/**
 * Opens the configured database, backs it up when migrations are pending, migrates it,
 * loads the demo data into a database created by this start, and ensures an
 * administrator. A database that held a schema before is never seeded again, even
 * when its tables are empty: empty tables there mean lost data, not a new installation.
 */
export async function prepareDatabase(config: Config, log: (m: string) => void = console.log): Promise<Database> {
  const db = await openDatabase(config, log);
  try {
    const before = await appliedMigrations(db);
    const pending = listMigrations().filter((m) => !before.includes(m.version));
    if (before.length && pending.length && config.backupDir) {
      const r = await backupAndRotate(db, config.backupDir, config.backupKeep, new Date(), 'before-migration').catch((err: Error) => {
        throw new Error(`Could not back up the database into ${config.backupDir} before applying ${pending.length} migration(s): ${err.message}. Free the space or fix BACKUP_DIR (BACKUP_DIR=off migrates without this backup).`);
      });
      log(`Backed up before migrating: ${r.file}.`);
    }
    const applied = await migrate(db);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    if (config.seedDemo && !before.length && (await isEmpty(db))) {
      const counts = await seedDemo(db);
      const activities = await seedDemoOutreach(db, new Date());
      log(`Loaded the demo data: ${counts.units} units, ${counts.actors} actors, ${counts.child_places} child places, ${activities} activities.`);
    }
    await ensureFirstAdmin(db, config, log);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}

/** The migrations recorded in the database's ledger; none in a database without one. */
async function appliedMigrations(db: Database): Promise<number[]> {
  const [ledger] = await db.query<{ present: boolean }>("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present");
  if (!ledger?.present) return [];
  return (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
}
