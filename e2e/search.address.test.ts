import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { importOsmFixture } from './baseDataFixture.js';
import { E2E_BACKENDS, expectAccessible, hasChromium, POLL, screenshot, useProduct, waitForMap, waitForMapIdle } from './harness.js';

type LonLat = [number, number];
const metres = (a: LonLat, b: LonLat) => distance(a, b, { units: 'kilometers' }) * 1000;

/** Address search and the river warning on the imported Göteborg extract, on each engine. */
for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`address search on ${backend}`, () => {
  // The product's own basemap (BASEMAP_STYLE_URL unset), so the screenshots show the streets and the river.
  const product = useProduct({ backend, env: { BASEMAP_STYLE_URL: '' } });

  it('finds Kungsportsavenyen 1, also misspelt; choosing it moves the map there; a site in the river warns', async () => {
    const { page, context } = await product.open({ role: 'admin', viewport: { width: 1400, height: 900 } });
    const fx = await importOsmFixture(context.request, product.baseUrl);
    const ave = fx.landmarks.addresses.find((a) => a.street === 'Kungsportsavenyen' && a.housenumber === '1')!;

    await page.goto(`/search?q=${encodeURIComponent('Kungsportsavenyen 1')}`);
    await waitForMap(page);
    const section = page.getByRole('region', { name: /^Adresser/ });
    await section.waitFor({ timeout: 15_000 });
    const hit = section.getByRole('button', { name: /^Kungsportsavenyen 1\s*,?\s*\d{3} \d{2} Göteborg$/ });
    await hit.first().waitFor({ timeout: 15_000 });
    // Keyboard: Tab to the result and Enter chooses it.
    await hit.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hit.first().getAttribute('aria-pressed'), POLL).toBe('true');
    const centre = async () => (await page.locator('.map-box [data-address-centre], .map-box[data-address-centre], [data-address-centre]').first().getAttribute('data-address-centre').catch(() => null));
    await expect.poll(centre, POLL).not.toBeNull();
    const c = ((await centre()) ?? '').split(',').map(Number) as LonLat;
    expect(metres(c, ave.lonLat)).toBeLessThan(30);
    await expect.poll(() => page.locator('[data-features-chosen-address]').first().getAttribute('data-features-chosen-address'), POLL).toBe('1');
    await waitForMapIdle(page);
    await screenshot(page, 'issue15-address-search-1400');
    await expectAccessible(page, 'search with addresses');

    // Misspelt, typed in the panel's field: the answer to that query lists it first.
    const answered = page.waitForResponse((r) => r.url().includes('/api/addresses?') && r.url().includes('Kungsprotsavenyen'));
    await page.locator('#search-panel-input').fill('Kungsprotsavenyen 1');
    await answered;
    await page.getByRole('heading', { level: 1, name: 'Träffar för ”Kungsprotsavenyen 1”' }).waitFor();
    await expect.poll(async () => (await page.getByRole('region', { name: /^Adresser/ }).getByRole('button').first().innerText()).replace(/\s+/g, ' '), POLL)
      .toMatch(/^Kungsportsavenyen 1 ?,? \d{3} \d{2} Göteborg$/);

    // A candidate site in the Göta älv: warned about, and analysed all the same.
    const [lon, lat] = fx.landmarks.inRiver;
    await page.goto(`/site-analysis?sites=${lon.toFixed(6)},${lat.toFixed(6)}`);
    await waitForMap(page);
    const warning = page.getByTestId('site-A-warning');
    await expect.poll(() => warning.innerText().catch(() => ''), POLL).toMatch(/^Plats A: Platsen ligger i Göta älv\./);
    await expect.poll(() => page.getByTestId('site-A-source').innerText(), POLL).not.toMatch(/Analyserar/);
    await waitForMapIdle(page);
    await screenshot(page, 'issue15-site-in-river-1400');
    // A site added by address is named by it.
    const field = page.getByRole('combobox', { name: 'Lägg till plats från adress' });
    await field.fill('Kungsportsavenyen 1');
    await page.getByRole('option', { name: /^Kungsportsavenyen 1, / }).first().waitFor({ timeout: 10_000 });
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('site-B-name').innerText().catch(() => ''), POLL).toMatch(/^Kungsportsavenyen 1, \d{3} \d{2} Göteborg$/);
    await expect(page.getByTestId('site-B-warning').count()).resolves.toBe(0);
  });
});
