/**
 * `npm run backup -- <file>`: a logical backup of the database that DATABASE_URL /
 * DATA_DIR select (PostgreSQL or the embedded PGlite), through the same adapter the
 * API uses, so one format serves both and restores into either. Every application
 * table is written in dependency order as JSON rows; geometries travel as EWKB hex
 * (the PostGIS text form), so they come back bit for bit. `npm run restore` reads it.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../api/config.js';
import { migrate } from '../api/db/migrate.js';
import { openDatabase } from '../api/db/open.js';
import { query } from '../api/db/sqlFiles.js';
import type { Database, Queryable } from '../api/db/types.js';

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

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run backup -- <file.json>');
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase(loadConfig());
  try {
    await migrate(db);
    const backup = await backupDatabase(db);
    fs.writeFileSync(file, JSON.stringify(backup), { mode: 0o600 });
    const rows = backup.tables.reduce((n, t) => n + t.rows.length, 0);
    console.log(`Backed up ${backup.tables.length} tables, ${rows} rows, from the ${db.kind} database to ${file} (readable only by you: it holds personal data).`);
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
