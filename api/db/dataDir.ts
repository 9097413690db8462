/**
 * The embedded database's data folder, judged before the engine touches it. PGlite
 * runs `initdb` over any folder without `PG_VERSION`, files and all, and opens a folder
 * whose table files were cut short as if the missing rows had never been: both lose
 * data without a word. So a folder is opened only when it is new or a whole PostgreSQL
 * data folder, and a clean shutdown leaves a manifest of every relation file's size
 * that the next start compares before opening.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupMigration, latestBackup } from './backup.js';
import { listMigrations } from './migrate.js';

/** The PostgreSQL major version of the bundled engine (`@electric-sql/pglite` 0.5.x), as its `PG_VERSION` file says. */
export const ENGINE_PG_VERSION = '18';

/** Written into the data folder at a clean shutdown, removed when the engine opens it. */
export const MANIFEST_FILE = 'platssamverkan-manifest.json';
const MANIFEST_FORMAT = 'platssamverkan-data-manifest';

/**
 * What every data folder PostgreSQL can start from holds (PGlite 0.5 writes the
 * whole tree of `initdb`); without any of these the engine cannot open it, or, without
 * `PG_VERSION`, it would initialise it afresh.
 */
const REQUIRED: ReadonlyArray<{ path: string; dir: boolean }> = [
  { path: 'PG_VERSION', dir: false },
  { path: 'global', dir: true },
  { path: 'global/pg_control', dir: false },
  { path: 'global/pg_filenode.map', dir: false },
  { path: 'base', dir: true },
  { path: 'pg_wal', dir: true },
  { path: 'pg_xact', dir: true },
  { path: 'pg_multixact', dir: true },
];

/** Entries a new, empty folder may hold: the root of a mounted file system has `lost+found`. */
const IGNORABLE = new Set(['lost+found']);

/** The folder's damage, stated for an operator, with the way back. The server prints the message and exits. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    readonly damage: string,
    backupDir: string | undefined,
    opts: { touched?: boolean; wrongPlace?: boolean } = {},
  ) {
    super(`${damage}\n${wayBack(dataDir, backupDir, opts)}`);
    this.name = 'DataDirError';
  }
}

/** How to get back from a damaged folder: keep it aside, restore the latest backup into an empty folder. */
export function wayBack(dataDir: string, backupDir: string | undefined, { touched = false, wrongPlace = false } = {}): string {
  const current = safely(() => Math.max(0, ...listMigrations().map((m) => m.version)));
  const latest = safely(() => latestBackup(backupDir, current));
  const newest = safely(() => latestBackup(backupDir));
  const file = latest ?? '<backup file>';
  const older = newest && newest !== latest
    ? ` The newest, ${newest}, holds a database at migration ${backupMigration(newest) ?? '(unknown)'}; this version restores only backups at migration ${current}: restore that one with the version of the application that made it.`
    : '';
  const where = (latest ? `The latest backup this version can restore is ${latest}.` : backupDir ? `No backup this version can restore was found in ${backupDir}; use the newest backup file you have.` : 'Use the newest backup file you have (`npm run backup`).') + older;
  return [
    touched
      ? `The application wrote nothing to ${dataDir} (the engine itself updates its log and control files when it opens a folder).`
      : `It was left as it was: ${dataDir}.`,
    ...(wrongPlace ? ['If DATA_DIR names the wrong place, correct it (an absent or empty folder starts a new database).'] : []),
    `${wrongPlace ? 'If the database was there' : 'To get back'}: move the folder aside (keep it for inspection), then restore the latest backup into an empty folder:`,
    `  mv '${dataDir}' '${dataDir}.damaged' && DATA_DIR='${dataDir}' npm run restore -- '${file}'`,
    `${where} See docs/OPERATIONS.md, "When the server refuses to start".`,
  ].join('\n');
}

export type DataDirState = 'new' | 'database';

/**
 * Classifies `dataDir` without writing to it: absent or empty → `new`; a whole
 * PostgreSQL data folder of this engine's version whose files match the last clean
 * shutdown's manifest → `database`; anything else throws a {@link DataDirError}.
 */
export function inspectDataDir(dataDir: string, backupDir?: string): DataDirState {
  const fail = (damage: string, wrongPlace = false) => new DataDirError(dataDir, damage, backupDir, { wrongPlace });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw fail(`The data folder ${dataDir} cannot be read (${(err as Error).message}).`);
  }
  if (!stat.isDirectory()) throw fail(`DATA_DIR ${dataDir} is a file, not a folder: it is not an embedded database, and it will not be replaced by one.`, true);
  let entries: string[];
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    entries = fs.readdirSync(dataDir);
  } catch (err) {
    throw fail(`The data folder ${dataDir} cannot be read and written by this user (${(err as Error).message}).`);
  }
  if (entries.every((e) => IGNORABLE.has(e))) return 'new';
  const missing = REQUIRED.filter((r) => !isKind(path.join(dataDir, r.path), r.dir)).map((r) => r.path + (r.dir ? '/' : ''));
  if (missing.length === REQUIRED.length) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, … (${entries.length} entries)` : '');
    throw fail(`The data folder ${dataDir} holds files but is not an embedded database (no PG_VERSION, global/ or base/; it holds ${shown}). It will not be initialised over.`, true);
  }
  if (missing.length) {
    throw fail(`The embedded database in ${dataDir} is damaged: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. It will not be initialised over (that would replace its data with an empty database).`);
  }
  const version = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  if (version !== ENGINE_PG_VERSION) {
    throw fail(`The embedded database in ${dataDir} was made by PostgreSQL ${version || '(empty PG_VERSION)'}; this version of the application embeds PostgreSQL ${ENGINE_PG_VERSION} and cannot open it. Restore a backup (backups work across versions of the engine).`);
  }
  const mismatches = compareManifest(dataDir);
  if (mismatches.length) {
    const shown = mismatches.slice(0, 5).join('; ') + (mismatches.length > 5 ? `; and ${mismatches.length - 5} more` : '');
    throw fail(`The embedded database in ${dataDir} is damaged: files changed since the last clean shutdown (${shown}). Opening it would lose the missing rows without a word.`);
  }
  return 'database';
}

function isKind(p: string, dir: boolean): boolean {
  try {
    return fs.statSync(p).isDirectory() === dir;
  } catch {
    return false;
  }
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

interface Manifest {
  format: string;
  written_at: string;
  /** Size in bytes of every file under base/ and global/, by path relative to the folder. */
  files: Record<string, number>;
  /** The application's relations by the path of their main file (`base/5/17537` → `table "actors"`), to name the damage. */
  relations: Record<string, string>;
}

/** Files whose size the manifest records: the relation files of every database and of the shared catalogs. */
function relationFiles(dataDir: string): Record<string, number> {
  const files: Record<string, number> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dataDir, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files[p] = fs.statSync(path.join(dataDir, p)).size;
    }
  };
  walk('base');
  walk('global');
  return files;
}

/**
 * Records the size of every relation file, after the engine has closed the folder
 * (nothing writes to it until the next open). Written to a temporary file and renamed,
 * so a crash never leaves half a manifest.
 */
export function writeManifest(dataDir: string, relations: Record<string, string>): void {
  const manifest: Manifest = { format: MANIFEST_FORMAT, written_at: new Date().toISOString(), files: relationFiles(dataDir), relations };
  const temp = path.join(dataDir, `.${MANIFEST_FILE}.tmp`);
  fs.writeFileSync(temp, JSON.stringify(manifest), { mode: 0o600 });
  fs.renameSync(temp, path.join(dataDir, MANIFEST_FILE));
}

/**
 * Removes the manifest before the engine opens the folder: from then on the files
 * change, and after a crash there is no clean shutdown to compare with (the engine's
 * own integrity check at start still runs, see integrity.ts).
 */
export function removeManifest(dataDir: string): void {
  fs.rmSync(path.join(dataDir, MANIFEST_FILE), { force: true });
}

/** Differences between the folder and its manifest, named for an operator; none when there is no manifest. */
function compareManifest(dataDir: string): string[] {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dataDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return [];
  }
  if (manifest?.format !== MANIFEST_FORMAT || typeof manifest.files !== 'object') return [];
  const name = (file: string) => {
    const main = file.replace(/(_fsm|_vm|_init)?(\.\d+)?$/, '');
    const fork = file.slice(main.length).replace(/\.\d+$/, '');
    const relation = manifest.relations?.[main];
    const what = relation ?? (file.startsWith('global/') ? 'a shared system catalog' : 'a system catalog');
    return `${what}${fork === '_fsm' ? ' (free space map)' : fork === '_vm' ? ' (visibility map)' : ''}, ${file}`;
  };
  const problems: string[] = [];
  for (const [file, size] of Object.entries(manifest.files)) {
    let now: number;
    try {
      now = fs.statSync(path.join(dataDir, file)).size;
    } catch {
      problems.push(`${name(file)}: missing`);
      continue;
    }
    if (now !== size) problems.push(`${name(file)}: ${now} bytes, ${size} at the last clean shutdown`);
  }
  return problems;
}
