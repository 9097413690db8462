/**
 * A damaged data folder of the embedded database is refused, named, and left as it was
 * (SECURITY.md, "damaged data"). Each case starts from a copy of the test template, a
 * folder closed cleanly like a stopped server's.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { prepareDatabase } from '../startup.js';
import { pgliteTemplateDir } from '../test/templates.js';
import { DataDirError, ENGINE_PG_VERSION, inspectDataDir, MANIFEST_FILE } from './dataDir.js';
import { listMigrations } from './migrate.js';
import { openPglite } from './pglite.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-datadir-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A copy of the template folder (cleanly closed, so with its manifest). */
function copyOfTemplate(): string {
  const dir = path.join(root, `case-${++n}`);
  fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
  return dir;
}

/** Every path, kind and byte under `p` (or of the file `p`). */
function treeHash(p: string): string {
  const h = crypto.createHash('sha256');
  const walk = (rel: string) => {
    const full = path.join(p, rel);
    const st = fs.statSync(full);
    if (!st.isDirectory()) {
      h.update(`f ${rel} ${st.size}\n`).update(fs.readFileSync(full));
      return;
    }
    h.update(`d ${rel}\n`);
    for (const e of fs.readdirSync(full).sort()) walk(path.join(rel, e));
  };
  walk('.');
  return h.digest('hex');
}

/** The main file of a table, from the manifest of the folder's last clean shutdown. */
function tableFile(dir: string, table: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { relations: Record<string, string> };
  const [file] = Object.entries(manifest.relations).find(([, r]) => r === `table "${table}"`)!;
  return path.join(dir, file);
}

/** Opening refuses with a DataDirError matching `message`, and the folder is byte for byte what it was. */
async function expectRefusedUntouched(dir: string, message: RegExp): Promise<DataDirError> {
  const before = treeHash(dir);
  const err = await openPglite(dir).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataDirError);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message).toMatch(/npm run restore -- /);
  expect(treeHash(dir)).toBe(before);
  return err as DataDirError;
}

/** `npx tsx api/server.ts` on `dir`: exit code and output. */
function startServer(dir: string, backupDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, DATA_DIR: dir, BACKUP_DIR: backupDir, PORT: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('a damaged data folder of the embedded database', () => {
  it('with PG_VERSION deleted: refused, untouched, never initialised afresh', async () => {
    const dir = copyOfTemplate();
    fs.rmSync(path.join(dir, 'PG_VERSION'));
    await expectRefusedUntouched(dir, /PG_VERSION is missing\. It will not be initialised over/);
  });

  it('with essential parts missing: refused, naming them', async () => {
    const dir = copyOfTemplate();
    fs.rmSync(path.join(dir, 'global', 'pg_control'));
    fs.rmSync(path.join(dir, 'pg_xact'), { recursive: true });
    await expectRefusedUntouched(dir, /global\/pg_control, pg_xact\/ are missing/);
  });

  it('with a truncated table file: refused before the engine opens it, naming the table', async () => {
    const dir = copyOfTemplate();
    const file = tableFile(dir, 'actors');
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(8192);
    fs.truncateSync(file, 8192);
    await expectRefusedUntouched(dir, new RegExp(`table "actors", ${path.relative(dir, file)}: 8192 bytes, ${size} at the last clean shutdown`));
  });

  it('holding files that are not a database: refused, untouched', async () => {
    const dir = path.join(root, 'documents');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a database');
    await expectRefusedUntouched(dir, /holds files but is not an embedded database .*notes\.txt/);
  });

  it('that is a stray file: refused, untouched', async () => {
    const file = path.join(root, 'stray');
    fs.writeFileSync(file, 'x');
    await expectRefusedUntouched(file, /is a file, not a folder/);
  });

  it('made by another version of the engine: refused, naming both versions', async () => {
    const dir = copyOfTemplate();
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '17\n');
    await expectRefusedUntouched(dir, new RegExp(`made by PostgreSQL 17; .* embeds PostgreSQL ${ENGINE_PG_VERSION}`));
  });

  it('names the latest backup as the way back', async () => {
    const dir = copyOfTemplate();
    fs.rmSync(path.join(dir, 'PG_VERSION'));
    const backups = path.join(root, 'backups-way-back');
    fs.mkdirSync(backups);
    const current = Math.max(...listMigrations().map((m) => m.version));
    // the newest file holds an older schema (taken before an upgrade's migrations): this version cannot restore it
    for (const name of [`20250101T000000Z-m${current}`, `20250301T000000Z-m${current}`, `20250201T000000Z-m${current}`, `20250401T000000Z-m${current - 1}-before-migration`]) {
      fs.writeFileSync(path.join(backups, `platssamverkan-${name}.json`), '{}');
    }
    const err = await openPglite(dir, () => {}, { backupDir: backups }).catch((e: Error) => e);
    expect((err as Error).message).toContain(`npm run restore -- '${path.join(backups, `platssamverkan-20250301T000000Z-m${current}.json`)}'`);
    expect((err as Error).message).toMatch(new RegExp(`The newest, .*20250401T000000Z-m${current - 1}-before-migration\\.json, holds a database at migration ${current - 1}`));
  });

  it('with a table file truncated after a crash (no clean shutdown): the tables check refuses it', async () => {
    const dir = copyOfTemplate();
    const file = tableFile(dir, 'actors');
    fs.rmSync(path.join(dir, MANIFEST_FILE));
    fs.truncateSync(file, 8192);
    const err = await openPglite(dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toMatch(/table "actors" cannot be read through its primary key: could not read block/);
  });

  it('with a vacuumed table truncated after a crash: the counts through the heap and the primary key differ', async () => {
    const dir = copyOfTemplate();
    const db = await openPglite(dir);
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM actors')) as [{ n: number }];
    await db.exec('VACUUM actors');
    await db.close();
    const file = tableFile(dir, 'actors');
    fs.rmSync(path.join(dir, MANIFEST_FILE));
    fs.truncateSync(file, 8192);
    const err = await openPglite(dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toMatch(new RegExp(`table "actors": a full read finds \\d+ rows, its primary key lists ${n}`));
  });

  it('that the engine aborts on: the server exits 1 with a clear message and no stack trace', () => {
    const dir = copyOfTemplate();
    fs.rmSync(path.join(dir, MANIFEST_FILE));
    fs.truncateSync(path.join(dir, 'global', 'pg_control'), 100);
    const r = startServer(dir, path.join(root, 'no-backups'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Could not start: The embedded database in ${dir} could not be opened: its files appear damaged`));
    expect(r.stderr).toMatch(/npm run restore -- /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('with PG_VERSION deleted: the server exits 1 with the message, the folder untouched', () => {
    const dir = copyOfTemplate();
    fs.rmSync(path.join(dir, 'PG_VERSION'));
    const before = treeHash(dir);
    const r = startServer(dir, path.join(root, 'no-backups'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Could not start: The embedded database in .* is damaged: PG_VERSION is missing/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(treeHash(dir)).toBe(before);
  });
});

describe('a folder that is new', () => {
  it('absent, empty, or an empty mount point with lost+found: new', () => {
    expect(inspectDataDir(path.join(root, 'absent'))).toBe('new');
    fs.mkdirSync(path.join(root, 'empty'));
    expect(inspectDataDir(path.join(root, 'empty'))).toBe('new');
    fs.mkdirSync(path.join(root, 'mount', 'lost+found'), { recursive: true });
    expect(inspectDataDir(path.join(root, 'mount'))).toBe('new');
  });

  it('a cleanly closed database: opened, and its manifest matches', () => {
    expect(inspectDataDir(pgliteTemplateDir())).toBe('database');
    expect(fs.readFileSync(path.join(pgliteTemplateDir(), 'PG_VERSION'), 'utf8').trim()).toBe(ENGINE_PG_VERSION);
  });
});

describe('a folder that holds data', () => {
  it('is never seeded again, even with its tables emptied', async () => {
    const dir = copyOfTemplate();
    const db = await openPglite(dir);
    await db.exec('TRUNCATE units, actors, child_places CASCADE');
    await db.close();
    const config = { ...loadConfig({}), dataDir: dir, backupDir: path.join(root, 'seed-backups'), seedDemo: true };
    const reopened = await prepareDatabase(config, () => {});
    try {
      expect(await reopened.query('SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM actors)::int AS actors')).toEqual([{ units: 0, actors: 0 }]);
    } finally {
      await reopened.close();
    }
  });
});
