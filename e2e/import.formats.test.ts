/**
 * A GIS user brings a GeoPackage in SWEREF 99 TM through the import page (the format
 * and the CRS recognised, the report saying so), and a PDF by mistake (refused in
 * Swedish, naming what it is and what is read). Runs on the embedded database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gisFixturesAvailable, SHARED_DATA_DIR } from '../api/test/gisFixtures.js';
import { expectAccessible, expectClean, hasChromium, screenshot, useProduct } from './harness.js';

const DATA = SHARED_DATA_DIR;
const present = gisFixturesAvailable('the GeoPackage import journey');

describe.skipIf(!hasChromium || !present)('an administrator imports a GeoPackage, and a PDF by mistake', () => {
  const product = useProduct({ backend: 'pglite' });
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-e2e-gpkg-'));
    execFileSync('ogr2ogr', ['-f', 'GPKG', path.join(dir, 'forskolor.gpkg'), `${DATA}forskolor-scb-2025.geojson`, '-t_srs', 'EPSG:3006', '-nln', 'forskolor'], { stdio: 'pipe' });
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the GeoPackage: recognised, SWEREF 99 TM named in the report, imported; the PDF: refused in Swedish', async () => {
    const { page } = await product.open({ role: 'admin' });
    await page.goto('/import');
    await page.getByRole('heading', { level: 1, name: 'Importera data' }).waitFor();
    expect(await page.getByLabel('Fil', { exact: true }).getAttribute('accept')).toContain('.gpkg');
    await expect(page.getByLabel('Format', { exact: true }).locator('option:checked').innerText()).resolves.toBe('Känn igen automatiskt');

    await page.getByLabel('Lager', { exact: true }).selectOption('child-places');
    await page.getByLabel('Fil', { exact: true }).setInputFiles(path.join(dir, 'forskolor.gpkg'));
    await page.getByLabel('Typ för alla rader').selectOption('preschool');
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    const status = page.getByRole('status').filter({ hasText: 'rader' });
    await status.filter({ hasText: '575 rader: 575 nya, 0 ändrade, 0 oförändrade, 0 avvisade.' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-read').innerText()).resolves.toBe(
      'Läst som GeoPackage (.gpkg) (igenkänt). Koordinatsystem: SWEREF 99 TM (EPSG:3006); omräknat till WGS 84. Lager: forskolor.',
    );
    // The preview's first position is in Göteborg, in degrees.
    const first = await page.locator('table.import-table').last().locator('tbody tr').first().innerText();
    expect(first).toMatch(/\t11\.\d+, 57\.\d+\t/);
    await expectAccessible(page, 'import-geopackage');
    await screenshot(page, 'import-geopackage', true);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await status.filter({ hasText: 'Importerat' }).waitFor({ timeout: 60_000 });

    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'karta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1') });
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.innerText()).resolves.toBe('Det här är en PDF-fil; importen läser GeoJSON, CSV, GeoPackage, Shapefile (zip), KML/KMZ och Excel (.xlsx).');
    await screenshot(page, 'import-pdf-refused', true);
    // The refusal is the one 400 the browser logs.
    expectClean(page, [/status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/import\/child-places\)/]);
  });
});
