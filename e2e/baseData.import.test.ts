import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOsmFixture, writeOsmPbf, type OsmFixture } from '../api/test/osmFixture.js';
import { expectAccessible, expectClean, hasChromium, screenshot, useProduct } from './harness.js';

/**
 * An administrator loads OpenStreetMap base data on the import page: the generated
 * Göteborg extract as .osm.pbf, progress while it runs, the counts at the end and as the
 * current base data; a PDF is refused by name. The fixture reads ../shared/data and
 * throws without it (CI has it).
 */
describe.skipIf(!hasChromium)('the import page loads OpenStreetMap base data', () => {
  const product = useProduct();
  let fx: OsmFixture;
  let pbf: string;
  beforeAll(async () => {
    fx = buildOsmFixture();
    pbf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osm-e2e-')), 'goteborg.osm.pbf');
    await writeOsmPbf(fx, pbf);
  });

  it('imports the fixture with progress, shows the counts and the current base data; refuses a PDF', async () => {
    const { page } = await product.open({ role: 'admin' });
    await page.goto('/import');
    const section = page.getByRole('region', { name: 'Grunddata från OpenStreetMap' });
    await section.waitFor();
    await section.getByText('Ingen grunddata är importerad än').waitFor();

    await section.getByLabel('OSM-fil (.osm.pbf eller Overpass JSON)').setInputFiles({ name: 'karta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') });
    await section.getByRole('button', { name: 'Importera grunddata' }).click();
    await section.getByRole('alert').filter({ hasText: 'Det här är en PDF-fil; OSM-importen läser .osm.pbf eller Overpass JSON.' }).waitFor();

    await section.getByLabel('OSM-fil (.osm.pbf eller Overpass JSON)').setInputFiles(pbf);
    await section.getByRole('button', { name: 'Importera grunddata' }).click();
    // Progress while it runs: the bar and a phase in the live region.
    await section.getByRole('progressbar').waitFor({ timeout: 10_000 });
    const status = section.getByTestId('base-data-status');
    await status.filter({ hasText: 'Grunddatan är importerad' }).waitFor({ timeout: 120_000 });
    const text = await status.innerText();
    const stored = (await (await page.context().request.get('/api/base-data')).json()) as { current: { counts: Record<string, number> } };
    const c = stored.current.counts;
    const sv = (v: number) => v.toLocaleString('sv-SE');
    expect(text).toContain(`${sv(c.ways!)} vägar och linjer, ${sv(c.areas!)} ytor, ${sv(c.places!)} ortnamn, ${sv(c.addresses!)} adresser, ${sv(c.pois!)} platser`);
    expect(c.addresses).toBe(fx.overpass.elements.filter((e) => e.tags?.['addr:housenumber']).length);
    await section.getByTestId('base-data-current').getByText('Nuvarande grunddata: goteborg.osm.pbf').waitFor();
    await expectAccessible(page, 'import-osm');
    await screenshot(page, 'import-osm-done', true);

    // After a reload the current base data is still shown, in English too.
    await page.evaluate(() => localStorage.setItem('platssamverkan.lang', 'en'));
    await page.reload();
    await page.getByRole('region', { name: 'Base data from OpenStreetMap' }).getByText('Current base data: goteborg.osm.pbf').waitFor();
    // The PDF's refusal is a 415 answer, which Chromium logs.
    expectClean(page, [/status of 415/]);
  });
});
