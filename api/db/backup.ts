/**
 * Logical backups of the application's data, one format for both engines: every
 * application table in dependency order as JSON rows, geometries as EWKB hex (the
 * PostGIS text form, so they come back bit for bit). `npm run backup`, `npm run
 * restore` and the server's scheduled backups all go through this module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { query } from './sqlFiles.js';
import type { Database, Queryable } from './types.js';

export const BACKUP_FORMAT = 'platssamverkan-backup';
export const BACKUP_VERSION = 1;
/** Tables the backup leaves out: the migration ledger is checked, not restored. */
const SKIPPED = new Set(['schema_migrations']);
const BATCH = 500;

export interface BackupTable { name: string; columns: string[]; identity: string[]; rows: Record<string, unknown>[] }
export interface Backup { format: string; version: number; created_at: string; database: string; migrations: number[]; tables: BackupTable[] }

/** A catalog identifier, quoted for SQL. Only names read from the database's own catalog reach here. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables, each after every table it references. */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string; refs: string[] }>(query('backup_tables'));
  const refs = new Map(rows.filter((r) => !SKIPPED.has(r.name)).map((r) => [r.name, r.refs.filter((x) => !SKIPPED.has(x))]));
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (seen.has(name) || !refs.has(name)) return;
    if (path.includes(name)) throw new Error(`Circular foreign keys among ${path.join(', ')}`);
    for (const r of refs.get(name)!) visit(r, [...path, name]);
    seen.add(name);
    order.push(name);
  };
  for (const name of refs.keys()) visit(name, []);
  return order;
}

async function columnsOf(db: Queryable, table: string) {
  const cols = await db.query<{ name: string; is_identity: boolean }>(query('backup_columns'), [table]);
  return { columns: cols.map((c) => c.name), identity: cols.filter((c) => c.is_identity).map((c) => c.name) };
}

/** Reads every application table into a backup, in one consistent snapshot. */
export async function backupDatabase(db: Database): Promise<Backup> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const migrations = (await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
    const tables: BackupTable[] = [];
    for (const name of await tablesInDependencyOrder(tx)) {
      const { columns, identity } = await columnsOf(tx, name);
      const select = columns.map(ident).join(', ');
      const rows = (await tx.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(x) AS row FROM (SELECT ${select} FROM ${ident(name)} ORDER BY 1) x`)).map((r) => r.row);
      tables.push({ name, columns, identity, rows });
    }
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, created_at: new Date().toISOString(), database: db.kind, migrations, tables };
  });
}

/**
 * Replaces every application table's content with the backup's, in one transaction
 * (all or nothing). The database must be migrated to the same migrations as the
 * backup. Triggers stay off while rows go in (the audit log's append-only guard
 * must not block its own restore); identity sequences continue after the highest id.
 */
export async function restoreDatabase(db: Database, backup: Backup): Promise<Record<string, number>> {
  if (backup.format !== BACKUP_FORMAT || backup.version !== BACKUP_VERSION) throw new Error(`Not a ${BACKUP_FORMAT} version ${BACKUP_VERSION} file.`);
  const applied = (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
  if (applied.join(',') !== backup.migrations.join(',')) {
    throw new Error(`The backup was made at migrations [${backup.migrations.join(', ')}], the database is at [${applied.join(', ')}]: restore with the same version of the application.`);
  }
  const known = new Set(await tablesInDependencyOrder(db));
  for (const t of backup.tables) if (!known.has(t.name)) throw new Error(`The backup has a table "${t.name}" this database does not have.`);
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    const all = [...known];
    if (all.length) await tx.query(`TRUNCATE ${all.map(ident).join(', ')} RESTART IDENTITY CASCADE`);
    for (const t of backup.tables) {
      const { columns: current, identity } = await columnsOf(tx, t.name);
      const cols = t.columns.filter((c) => current.includes(c)).map(ident).join(', ');
      for (let i = 0; i < t.rows.length; i += BATCH) {
        await tx.query(
          `INSERT INTO ${ident(t.name)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM jsonb_populate_recordset(NULL::${ident(t.name)}, $1::jsonb)`,
          [JSON.stringify(t.rows.slice(i, i + BATCH))],
        );
      }
      for (const col of identity) {
        await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${ident(col)}) FROM ${ident(t.name)}), 0) + 1, false)`, [`public.${ident(t.name)}`, col]);
      }
      counts[t.name] = t.rows.length;
    }
  });
  return counts;
}

/** What one written backup file holds. */
export interface BackupWritten { file: string; tables: number; rows: number }

/**
 * Writes a backup of `db` to `file` so that a reader never sees half a file: into a
 * temporary file beside it (mode 0600: it holds personal data), flushed to disk, then
 * renamed over the name. A failure leaves no partial file behind.
 */
export async function writeBackupFile(db: Database, file: string): Promise<BackupWritten> {
  return writeBackup(await backupDatabase(db), file);
}

function writeBackup(backup: Backup, file: string): BackupWritten {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, JSON.stringify(backup));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return { file, tables: backup.tables.length, rows: backup.tables.reduce((n, t) => n + t.rows.length, 0) };
}

/**
 * Names of backups in BACKUP_DIR: the UTC time they were taken, so that names sort as
 * times do, and the last migration of the database they hold (`-m13`), because a backup
 * restores only into a database at the same migrations.
 */
const NAMED = /^platssamverkan-(\d{8}T\d{6}Z)(?:-m(\d+))?(?:-[a-z][\w-]*)?\.json$/;

/** The name of a backup taken at `at` of a database at `migration`, with an optional reason (`before-migration`). */
export function backupFileName(at: Date, migration: number, reason?: string): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `platssamverkan-${stamp}-m${migration}${reason ? `-${reason}` : ''}.json`;
}

/** The backups in `dir` written by this module, newest first (empty when the folder does not exist). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => NAMED.test(f)).sort((a, b) => NAMED.exec(b)![1]!.localeCompare(NAMED.exec(a)![1]!) || b.localeCompare(a)).map((f) => path.join(dir, f));
}

/** The last migration of the database a backup file holds, from its name (undefined when the name does not say). */
export function backupMigration(file: string): number | undefined {
  const m = NAMED.exec(path.basename(file))?.[2];
  return m === undefined ? undefined : Number(m);
}

/** The newest backup in `dir`; with `migration`, the newest of a database at that migration (the ones this version can restore). */
export function latestBackup(dir: string | undefined, migration?: number): string | undefined {
  if (!dir) return undefined;
  return listBackups(dir).find((f) => migration === undefined || backupMigration(f) === migration);
}

/**
 * Takes a backup into `dir` under a timestamped name, then deletes all but the newest
 * `keep`. Rotation runs only after the new file is in place, so a failed backup never
 * costs an older good one.
 */
export async function backupAndRotate(db: Database, dir: string, keep: number, at = new Date(), reason?: string): Promise<BackupWritten & { deleted: string[] }> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const backup = await backupDatabase(db);
  const written = writeBackup(backup, path.join(dir, backupFileName(at, Math.max(0, ...backup.migrations), reason)));
  const deleted = listBackups(dir).slice(keep);
  for (const f of deleted) fs.rmSync(f, { force: true });
  return { ...written, deleted };
}

export interface BackupSchedule {
  /** Stops the timer and waits for a backup in progress, so the database can be closed. */
  stop(): Promise<void>;
}

/**
 * Backs `db` up into `dir` every `intervalHours`, keeping the newest `keep`. The first
 * backup is due one interval after the newest one of the database's current migration
 * (`migration`; at once when there is none, as after an upgrade), so restarts do not
 * multiply backups. A failure is logged and retried at the next interval; older backups stay.
 */
export function scheduleBackups(db: Database, opts: { dir: string; keep: number; intervalHours: number; migration?: number }, log: (m: string) => void = console.log): BackupSchedule {
  const intervalMs = opts.intervalHours * 3_600_000;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = () => {
    running = backupAndRotate(db, opts.dir, opts.keep)
      .then((r) => log(`Backup written: ${r.file} (${r.rows} rows${r.deleted.length ? `; removed ${r.deleted.length} older` : ''}).`))
      .catch((err: Error) => log(`Backup into ${opts.dir} FAILED: ${err.message}. Older backups are kept; next attempt in ${opts.intervalHours} h.`))
      .finally(() => {
        running = undefined;
        if (!stopped) arm(intervalMs);
      });
  };
  const arm = (ms: number) => {
    timer = setTimeout(run, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    timer.unref();
  };
  const newest = latestBackup(opts.dir, opts.migration);
  const age = newest ? Date.now() - fs.statSync(newest).mtimeMs : Infinity;
  arm(intervalMs - age);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
