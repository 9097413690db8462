/**
 * The product's own basemap, by default and offline: with the Göteborg extract imported,
 * the overview map draws streets, the river and Swedish place names from vector tiles,
 * glyphs and a style of this origin, and the page asks no other host for anything.
 */
import { describe, expect, it } from 'vitest';
import { importOsmFixture } from './baseDataFixture.js';
import { E2E_BACKENDS, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap, waitForMapIdle } from './harness.js';

for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`own basemap on ${backend}`, () => {
  // BASEMAP_STYLE_URL unset: the default, the product's own style.
  const product = useProduct({ backend, env: { BASEMAP_STYLE_URL: '' } });

  it('shows streets, water and Swedish names from this origin only', async () => {
    const { page, context } = await product.open({ role: 'admin', viewport: { width: 1280, height: 800 } });
    await importOsmFixture(context.request, product.baseUrl);
    const origin = new URL(product.baseUrl).origin;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const basemapAnswers: { path: string; status: number; type: string | undefined }[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/basemap/')) basemapAnswers.push({ path: url.pathname, status: r.status(), type: r.headers()['content-type'] });
    });

    await page.goto('/');
    await waitForMap(page);
    const box = page.locator('.map-box').first();
    await expect(box.getAttribute('data-basemap')).resolves.toBe('online');
    // From the city view (zoom 10.4) in to about 14, where the district's streets and names show.
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    for (let i = 0; i < 4; i++) {
      await zoomIn.click();
      await waitForMapIdle(page);
    }
    const canvas = page.locator('.map-canvas').first();
    await expect.poll(async () => Number(await canvas.getAttribute('data-basemap-roads')), POLL).toBeGreaterThan(20);
    await expect.poll(async () => Number(await canvas.getAttribute('data-basemap-water')), POLL).toBeGreaterThan(0);
    await expect.poll(async () => (await canvas.getAttribute('data-basemap-labels')) ?? '', POLL).toMatch(/Göteborg|Nordstaden|Inom Vallgraven|Göta älv|Gullbergsvass|Heden|Lorensberg|Vasastaden/);
    const labels = ((await canvas.getAttribute('data-basemap-labels')) ?? '').split('|');
    // Swedish names with å, ä, ö are drawn (their glyphs come from this origin).
    expect(labels.some((l) => /[åäöÅÄÖ]/.test(l)), labels.join(', ')).toBe(true);
    await screenshot(page, 'issue15-own-basemap-z14');

    // The attribution names OpenStreetMap.
    await expect(page.locator('.maplibregl-ctrl-attrib').first().textContent()).resolves.toContain('OpenStreetMap');

    // Zero requests to other hosts; the basemap's style, tiles and glyphs came from here.
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    expect(foreign).toEqual([]);
    expect(basemapAnswers.some((a) => a.path === '/api/basemap/style.json' && a.status === 200)).toBe(true);
    expect(basemapAnswers.some((a) => a.path.startsWith('/api/basemap/tiles/') && a.status === 200 && a.type === 'application/vnd.mapbox-vector-tile')).toBe(true);
    expect(basemapAnswers.some((a) => a.path.startsWith('/api/basemap/fonts/') && a.status === 200 && a.type === 'application/x-protobuf')).toBe(true);
    expect(basemapAnswers.filter((a) => a.status >= 400)).toEqual([]);
    expectClean(page);
    await context.close();
  });
});
