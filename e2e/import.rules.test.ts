/**
 * The import page applies the API's write rules to every row: a unit named as protected
 * housing and an actor with an e-mail address the API refuses are listed with their
 * reason in Swedish, the import is not offered, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { expectClean, hasChromium, screenshot, useProduct } from './harness.js';

const point = (lon: number, props: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 57.7] }, properties: props });
const geojson = (...features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));

describe.skipIf(!hasChromium)('the import page refuses rows the API would refuse', () => {
  const product = useProduct();

  it('protected housing and a malformed e-mail address: the rows and reasons in Swedish, no import, nothing written', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    const unitsBefore = (await (await context.request.get('/api/units')).json()).features.length as number;
    await page.goto('/import');
    await page.getByRole('heading', { level: 1, name: 'Importera data' }).waitFor();

    await page.getByLabel('Lager', { exact: true }).selectOption('units');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'enheter.geojson', mimeType: 'application/geo+json',
      buffer: geojson(point(11.95, { id: 'e2e-1', name: 'Testboendet Majorna' }), point(11.96, { id: 'e2e-2', name: 'Skyddat boende Väst' })),
    });
    await expect.poll(() => page.getByLabel('Format', { exact: true }).inputValue()).toBe('auto');
    await page.getByLabel('Typ för alla rader').selectOption('shelter');
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    const issues = page.locator('table.import-issues tbody tr');
    await issues.first().waitFor({ timeout: 30_000 });
    expect(await issues.count()).toBe(1);
    await expect(issues.first().innerText()).resolves.toMatch(/^2\s+name\s+Skyddat boende får aldrig registreras/);
    await expect(page.getByRole('button', { name: 'Importera', exact: true }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-protected-housing', true);

    await page.getByLabel('Lager', { exact: true }).selectOption('actors');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'aktorer.csv', mimeType: 'text/csv', buffer: Buffer.from('id;namn;epost;lon;lat\na1;Kiosken;info(at)kiosken.se;11,95;57,7\n'),
    });
    await expect.poll(() => page.getByLabel('Format', { exact: true }).inputValue()).toBe('auto');
    await page.getByLabel('Kategori för alla rader').selectOption('shop');
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    await page.locator('table.import-issues tbody tr', { hasText: 'epost' }).waitFor({ timeout: 30_000 });
    const row = await page.locator('table.import-issues tbody tr').first().innerText();
    expect(row).toMatch(/^2\s+epost\s+/);
    expect(row).toMatch(/e-post/i);
    expect(row).not.toMatch(/invalid_format|email must be/);

    const unitsAfter = (await (await context.request.get('/api/units')).json()).features.length as number;
    expect(unitsAfter).toBe(unitsBefore);
    expectClean(page);
  });
});
