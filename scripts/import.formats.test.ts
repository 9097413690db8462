import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gisFixturesAvailable, SHARED_DATA_DIR } from '../api/test/gisFixtures.js';
import { pgliteTemplateDir } from '../api/test/templates.js';
import { runScript } from './runScript.js';

const SCB = path.join(SHARED_DATA_DIR, 'forskolor-scb-2025.geojson');
const present = gisFixturesAvailable("the import command's format test");

describe.skipIf(!present)('npm run import with a GeoPackage and a PDF (recognised by their bytes)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-import-cli-formats-'));
    fs.cpSync(pgliteTemplateDir(), path.join(dir, 'db'), { recursive: true });
    execFileSync('ogr2ogr', ['-f', 'GPKG', path.join(dir, 'forskolor.gpkg'), SCB, '-t_srs', 'EPSG:3006', '-nln', 'forskolor'], { stdio: 'pipe' });
    fs.writeFileSync(path.join(dir, 'karta.geojson'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    runScript('scripts/import.ts', args, { DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' }, 120_000).then((r) => ({ code: r.code, out: r.stdout + r.stderr }));

  it('imports the GeoPackage in SWEREF 99 TM and refuses the PDF whatever its name', async () => {
    const gpkg = await cli(path.join(dir, 'forskolor.gpkg'), '--layer', 'child-places', '--kind', 'preschool');
    expect(gpkg.out).toMatch(/Read as geopackage, layer forskolor; coordinates SWEREF 99 TM \(EPSG:3006\)/);
    expect(gpkg.out).toMatch(/inserted 575, updated 0, unchanged 0, rejected 0 \(of 575\)/);
    expect(gpkg.code).toBe(0);
    const pdf = await cli(path.join(dir, 'karta.geojson'), '--layer', 'child-places', '--kind', 'preschool');
    expect(pdf.code).toBe(1);
    expect(pdf.out).toMatch(/Refused: file: this is a PDF file; the import reads GeoJSON, CSV, GeoPackage/);
  }, 300_000);
});
