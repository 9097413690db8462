import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, screenshot, useProduct } from './harness.js';

const DATA = fileURLToPath(new URL('../../shared/data/goteborg/', import.meta.url));
const present = fs.existsSync(DATA);
if (!present) {
  if (process.env.CI === 'true') throw new Error('../shared/data is missing; the import journey must run in CI.');
  console.warn('\n*** SKIPPING the import journey: ../shared/data is absent ***\n');
}

describe.skipIf(!hasChromium || !present)('an administrator imports real data through the UI', () => {
  const product = useProduct();

  it('SCB preschools: guesses shown, dry-run report, import, re-import without duplicates; the city areas too', async () => {
    const { page } = await product.open({ role: 'admin' });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Import och export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera data' }).waitFor();

    await page.getByLabel('Lager', { exact: true }).selectOption('child-places');
    await page.getByLabel('Fil', { exact: true }).setInputFiles(`${DATA}forskolor-scb-2025-sweref99tm.csv`);
    // The format is recognised from the bytes by the server; the report says what it read.
    await expect.poll(() => page.getByLabel('Format', { exact: true }).inputValue()).toBe('auto');
    await page.getByLabel('Typ för alla rader').selectOption('preschool');
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    const status = page.getByRole('status').filter({ hasText: 'rader' });
    await status.filter({ hasText: '575 rader: 575 nya, 0 ändrade, 0 oförändrade, 0 avvisade.' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-read').innerText()).resolves.toMatch(/^Läst som CSV \(igenkänt\)\. Koordinatsystem: SWEREF 99 TM \(EPSG:3006\), igenkänt av koordinaternas storlek/);
    // The guesses are shown first and marked.
    await expect(page.getByLabel('X / easting').inputValue()).resolves.toBe('X');
    await expect(page.getByLabel('Koordinatsystem').inputValue()).resolves.toBe('EPSG:3006');
    await expect(page.getByText('(gissad)').count()).resolves.toBeGreaterThan(3);
    await expectAccessible(page, 'import-report');
    await screenshot(page, 'import-dry-run', true);

    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await status.filter({ hasText: 'Importerat' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    await status.filter({ hasText: '575 rader: 0 nya, 0 ändrade, 575 oförändrade, 0 avvisade.' }).waitFor({ timeout: 30_000 });

    // A file with a bad row: the report lists row, field and reason, and import is not offered.
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'fel.csv', mimeType: 'text/csv', buffer: Buffer.from('id;name;lon;lat\n1;A;57,7;11,9\n2;B;11,9;57,7\n') });
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    const issues = page.locator('table.import-issues tbody tr');
    await issues.first().waitFor({ timeout: 30_000 });
    await expect(issues.first().innerText()).resolves.toMatch(/^2\s+lon\/lat\s+Koordinaterna ser omkastade ut/);
    await expect(page.getByRole('button', { name: 'Importera', exact: true }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-rejected', true);

    // The city areas.
    await page.getByLabel('Lager', { exact: true }).selectOption('areas');
    await page.getByLabel('Fil', { exact: true }).setInputFiles(`${DATA}stadsomraden.geojson`);
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    await status.filter({ hasText: '4 rader: 4 nya' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await status.filter({ hasText: 'Importerat' }).waitFor({ timeout: 60_000 });
    const areas = await (await page.context().request.get('/api/areas')).json();
    expect(areas.number_matched).toBe(4);
    expectClean(page);
  });

  it('viewers see the export links but no import form', async () => {
    const { page } = await product.open({ role: 'viewer' });
    await page.goto('/import');
    await page.getByText('Bara administratörer kan importera.').waitFor();
    expect(await page.getByRole('button', { name: 'Provkör' }).count()).toBe(0);
    const href = await page.getByRole('link', { name: 'CSV', exact: true }).first().getAttribute('href');
    const res = await page.context().request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/text\/csv/);
    await expectAccessible(page, 'import-viewer');
    expectClean(page);
  });
});
