import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTemplateDir } from '../api/test/templates.js';
import { ROOT, runScript } from './runScript.js';

const SCB = path.resolve(ROOT, '../shared/data/goteborg/forskolor-scb-2025-sweref99tm.csv');
const present = fs.existsSync(SCB);
if (!present) {
  if (process.env.CI === 'true') throw new Error('../shared/data is missing; the import command test must run in CI.');
  console.warn('\n*** SKIPPING the import command test: ../shared/data is absent ***\n');
}

describe.skipIf(!present)('npm run import (scripts/import.ts)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-import-cli-'));
    fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    runScript('scripts/import.ts', args, { DATA_DIR: dir, DATABASE_URL: '' }, 120_000).then((r) => ({ code: r.code, out: r.code === 0 ? r.stdout : r.stdout + r.stderr }));

  it('imports, then finds every row unchanged; a rejected row exits 1 and writes nothing', async () => {
    const first = await cli(SCB, '--layer', 'child-places', '--kind', 'preschool', '--x', 'X', '--y', 'Y', '--crs', 'EPSG:3006');
    expect(first.out).toMatch(/inserted 575, updated 0, unchanged 0, rejected 0 \(of 575\)/);
    expect(first.out).toMatch(/Writing 575\/575/);
    expect(first.code).toBe(0);
    const again = await cli(SCB, '--layer', 'child-places', '--kind', 'preschool');
    expect(again.out).toMatch(/inserted 0, updated 0, unchanged 575, rejected 0/);
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'id;name;lon;lat\nn1;New;11,95;57,70\nn2;Swapped;57,7;11,9\n');
    const refused = await cli(bad, '--layer', 'actors', '--category', 'shop');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/rejected: row 3, lon\/lat: latitude and longitude look swapped/);
    expect(refused.out).toMatch(/Nothing was written/);
    const dry = await cli(bad, '--layer', 'actors', '--category', 'shop', '--dry-run');
    expect(dry.out).toMatch(/inserted 1, updated 0, unchanged 0, rejected 1/);
    expect((await cli(SCB, '--layer', 'schools')).code).toBe(2);
  }, 300_000);
});
