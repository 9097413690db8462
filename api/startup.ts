import { ensureFirstAdmin } from './auth/bootstrap.js';
import { withFactorKey } from './auth/factorKey.js';
import type { Config } from './config.js';
import { backupAndRotate } from './db/backup.js';
import { listMigrations, migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { isEmpty, seedDemo, seedDemoOutreach } from './db/seed.js';
import type { Database } from './db/types.js';
import { sealPlainTotpSecrets } from './services/secondFactor.js';

/**
 * Opens the configured database, backs it up when migrations are pending, migrates it,
 * loads the demo data into a database created by this start, and ensures an
 * administrator; then makes sure the key of second-factor secrets exists (generated into
 * DATA_DIR after the embedded database is, when FACTOR_ENCRYPTION_KEY is unset) and seals
 * TOTP secrets still in plain text. A database that held a schema before is never seeded again, even
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
    const totp = await sealPlainTotpSecrets(db, withFactorKey(config, log).factorEncryptionKey);
    if (totp.sealed_now) log(`Encrypted ${totp.sealed_now} authenticator-app secret(s) that were stored in plain text.`);
    if (totp.unreadable_user_ids.length) {
      log(`Warning: ${totp.unreadable_user_ids.length} authenticator-app secret(s) do not open with the second-factor key (users ${totp.unreadable_user_ids.join(', ')}): their codes are refused. Set FACTOR_ENCRYPTION_KEY, or put back DATA_DIR/factor-encryption-key, with the key this database was used with; otherwise those users sign in with a recovery code or an administrator resets their second factor (docs/DEPLOYMENT.md).`);
    }
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
