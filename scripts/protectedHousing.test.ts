/** The command-line import and restore refuse protected housing (skyddat boende) and write nothing. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTemplateDir } from '../api/test/templates.js';
import type { Backup } from './backup.js';
import { runScript } from './runScript.js';

describe('npm run import and npm run restore with protected housing', () => {
  let dir: string;
  let work: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-protected-cli-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-protected-files-'));
    fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  const cli = (script: string, ...args: string[]) =>
    runScript(script, args, { DATA_DIR: dir, DATABASE_URL: '', BACKUP_DIR: '' }, 120_000).then((r) => ({ code: r.code, out: r.stdout + r.stderr }));

  it('the import rejects the row, exits 1 and writes nothing', async () => {
    const file = path.join(work, 'units.geojson');
    fs.writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [11.95, 57.7] }, properties: { name: 'Testboendet Majorna', id: 'cli-1' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [11.96, 57.71] }, properties: { name: 'Skyddat boende Väst', id: 'cli-2' } },
      ],
    }));
    const res = await cli('scripts/import.ts', file, '--layer', 'units', '--kind', 'shelter');
    expect(res.out).toMatch(/rejected: row 2, name: name mentions protected housing \(skyddat boende\)/);
    expect(res.out).toMatch(/Nothing was written/);
    expect(res.code).toBe(1);
  }, 180_000);

  it('the restore refuses a backup holding such a unit before opening the database, exits 1; the same backup without it restores', async () => {
    const file = path.join(work, 'backup.json');
    const made = await cli('scripts/backup.ts', file);
    expect(made.code, made.out).toBe(0);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    const units = backup.tables.find((t) => t.name === 'units')!;
    const original = String(units.rows[0]!.name);
    units.rows[0]!.name = 'Skyddat boende Väst';
    fs.writeFileSync(file, JSON.stringify(backup));
    const res = await cli('scripts/restore.ts', file);
    expect(res.out).toMatch(/Refused: unit \d+ in the backup: name mentions protected housing \(skyddat boende\).*Nothing was restored/);
    expect(res.code).toBe(1);

    units.rows[0]!.name = original;
    fs.writeFileSync(file, JSON.stringify(backup));
    const ok = await cli('scripts/restore.ts', file);
    expect(ok.out).toMatch(/Restored \d+ tables/);
    expect(ok.code).toBe(0);
  }, 240_000);
});
