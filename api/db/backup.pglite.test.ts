/**
 * Scheduled backups of the embedded database (SECURITY.md, "backup"): timestamped files
 * readable only by the owner, written whole or not at all, rotated to BACKUP_KEEP, a
 * failure never costing an older backup, and the newest one restoring into a new folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from '../config.js';
import { openTestDatabase } from '../test/harness.js';
import { backupAndRotate, backupFileName, backupMigration, ident, latestBackup, listBackups, restoreDatabase, scheduleBackups, tablesInDependencyOrder, type Backup } from './backup.js';
import { listMigrations, migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import type { Database } from './types.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of await tablesInDependencyOrder(db)) out[name] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(name)}`))[0]!.n;
  return out;
}

const waitFor = async (ok: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('backup settings', () => {
  it('default to a folder beside DATA_DIR for the embedded database only', () => {
    const c = loadConfig({ DATA_DIR: '/srv/plats/data' });
    expect(c).toMatchObject({ backupDir: `/srv/plats/data${DEFAULTS.backupDirSuffix}`, backupKeep: DEFAULTS.backupKeep, backupIntervalHours: DEFAULTS.backupIntervalHours });
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).backupDir).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', BACKUP_DIR: '/b' }).backupDir).toBe('/b');
    expect(loadConfig({ BACKUP_DIR: 'off' }).backupDir).toBeUndefined();
    expect(loadConfig({ BACKUP_KEEP: '3', BACKUP_INTERVAL_HOURS: '0.5' })).toMatchObject({ backupKeep: 3, backupIntervalHours: 0.5 });
  });

  it.each([['BACKUP_KEEP', '0'], ['BACKUP_KEEP', '2.5'], ['BACKUP_INTERVAL_HOURS', '-1'], ['BACKUP_INTERVAL_HOURS', 'daily']])('refuses %s=%s, naming the setting', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`${key} must be .*"${value}"`));
  });

  it('names files by UTC time, so that names sort as times do', () => {
    expect(backupFileName(new Date('2025-03-04T05:06:07.891Z'), 13)).toBe('platssamverkan-20250304T050607Z-m13.json');
    expect(backupFileName(new Date('2025-03-04T05:06:07Z'), 12, 'before-migration')).toBe('platssamverkan-20250304T050607Z-m12-before-migration.json');
  });
});

describe('a failed backup', () => {
  it('is logged, leaves no partial file, and deletes no older backup', async () => {
    const dir = path.join(root, 'failing');
    fs.mkdirSync(dir);
    const older = ['20250101T000000Z', '20250102T000000Z', '20250103T000000Z'].map((s) => path.join(dir, `platssamverkan-${s}.json`));
    for (const f of older) fs.writeFileSync(f, '{}');
    const broken = { kind: 'pglite', transaction: () => Promise.reject(new Error('disk I/O error')) } as unknown as Database;
    await expect(backupAndRotate(broken, dir, 1)).rejects.toThrow(/disk I\/O error/);
    const logs: string[] = [];
    const schedule = scheduleBackups(broken, { dir: path.join(root, 'failing-new'), keep: 1, intervalHours: 1 }, (m) => logs.push(m));
    await waitFor(() => logs.length > 0);
    await schedule.stop();
    expect(logs[0]).toMatch(/FAILED: disk I\/O error\. Older backups are kept/);
    expect(fs.readdirSync(dir).sort()).toEqual(older.map((f) => path.basename(f)));
  });
});

describe('scheduled backups of the embedded database', () => {
  it('write timestamped 0600 files, rotate to BACKUP_KEEP, and the newest restores into a new folder with equal counts', { timeout: 240_000 }, async () => {
    const db = await openTestDatabase();
    await db.query("INSERT INTO units (name, kind, location) VALUES ('Säkerhetskopia', 'shelter', ST_GeogFromText('POINT(11.9 57.7)'))");
    const before = await counts(db);
    const dir = path.join(root, 'scheduled');
    fs.mkdirSync(dir);
    // an older backup and an unrelated file: the first is rotated away, the second never touched
    fs.writeFileSync(path.join(dir, 'platssamverkan-20200101T000000Z.json'), '{}');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');

    const logs: string[] = [];
    const schedule = scheduleBackups(db, { dir, keep: 2, intervalHours: 1 / 3600 }, (m) => logs.push(m));
    await waitFor(() => logs.filter((l) => l.startsWith('Backup written')).length >= 3);
    await schedule.stop();
    expect(logs.filter((l) => l.includes('FAILED'))).toEqual([]);

    const kept = listBackups(dir);
    expect(kept).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    for (const f of kept) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(latestBackup(dir)).toBe(kept[0]);
    const migration = Math.max(...listMigrations().map((m) => m.version));
    expect(backupMigration(kept[0]!)).toBe(migration);
    expect(latestBackup(dir, migration)).toBe(kept[0]);

    const restoredDir = path.join(root, 'restored');
    const restored = await openPglite(restoredDir);
    try {
      await migrate(restored);
      await restoreDatabase(restored, JSON.parse(fs.readFileSync(kept[0]!, 'utf8')) as Backup);
      expect(await counts(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
  });
});
