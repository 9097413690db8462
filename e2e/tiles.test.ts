/**
 * Issue 8: a layer with more features in view than the GeoJSON page holds is drawn
 * from vector tiles, and from GeoJSON again once zoomed in. The demo data is small,
 * so the server runs with a small TILE_THRESHOLD to exercise the same switch the
 * national data set makes at the default.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, waitForMap, waitForMapIdle, useProduct } from './harness.js';

const THRESHOLD = 15;

/** The names the tiled actor layer placed: its collision boxes that are not its (square) icons. */
function placedTileLabels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = (document.querySelector('.map-canvas') as unknown as { psMap: unknown }).psMap as {
      style: {
        placement: {
          collisionIndex: { grid: { boxKeys: { bucketInstanceId: number }[]; bboxes: number[] } };
          retainedQueryData: Record<number, { bucketIndex: number; featureIndex: { bucketLayerIDs: string[][] } }>;
        };
      };
    };
    const { boxKeys, bboxes } = map.style.placement.collisionIndex.grid;
    let n = 0;
    boxKeys.forEach((k, i) => {
      const q = map.style.placement.retainedQueryData[k.bucketInstanceId];
      if (q?.featureIndex.bucketLayerIDs[q.bucketIndex]?.[0] !== 'actors-tiles-symbol') return;
      const w = bboxes[4 * i + 2]! - bboxes[4 * i]!;
      const h = bboxes[4 * i + 3]! - bboxes[4 * i + 1]!;
      if (w > h * 1.6) n++;
    });
    return n;
  });
}

describe.skipIf(!hasChromium)('vector tiles for large layers', () => {
  const product = useProduct({ env: { TILE_THRESHOLD: String(THRESHOLD) } });

  it('draws actors from tiles while more than the threshold are in view, and from GeoJSON after zooming in', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    const tileResponses: { status: number; type: string | null; bytes: number }[] = [];
    page.on('response', async (r) => {
      if (!/\/api\/tiles\/actors\/\d+\/\d+\/\d+\.mvt$/.test(new URL(r.url()).pathname)) return;
      // A body is gone once the map has moved on (the tile was cancelled or the page closed): count it as unread.
      const bytes = r.status() === 200 ? await r.body().then((b) => b.length, () => 0) : 0;
      tileResponses.push({ status: r.status(), type: r.headers()['content-type'] ?? null, bytes });
    });
    await page.goto('/');
    await waitForMap(page);
    const canvas = page.locator('.map-canvas');
    await page.locator('details.layer-panel').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.getByLabel('Alla aktörskategorier').check();
    await page.getByRole('button', { name: /Kallebäcks vård- och omsorgsboende/ }).click();
    await waitForMapIdle(page);

    // The view around Kallebäck holds far more than THRESHOLD actors: tiles, not GeoJSON.
    await expect.poll(() => canvas.getAttribute('data-tiles-actors-tiles'), POLL).toBe('on');
    await expect.poll(() => tileResponses.filter((r) => r.status === 200 && r.bytes > 0).length, POLL).toBeGreaterThan(0);
    expect(tileResponses.every((r) => r.status === 200 || r.status === 304)).toBe(true);
    expect(tileResponses.find((r) => r.status === 200)!.type).toBe('application/vnd.mapbox-vector-tile');
    await expect.poll(() => canvas.getAttribute('data-features-actors'), POLL).toBe('0');
    await page.getByText('Många träffar: kartan ritar alla, listan visar de första.').waitFor();
    // Tiled actors are named where their names fit, as the GeoJSON layer's are (from zoom 13).
    await page.evaluate(() => {
      const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
      if (map.getZoom() < 13.2) map.jumpTo({ zoom: 13.2 });
    });
    await waitForMapIdle(page);
    await expect.poll(() => canvas.getAttribute('data-tiles-actors-tiles'), POLL).toBe('on');
    await expect.poll(() => placedTileLabels(page), POLL).toBeGreaterThan(0);
    await screenshot(page, 'issue8-actors-from-tiles');
    await expectAccessible(page, 'overview with tiled actors');

    // Zoomed in far enough, at most THRESHOLD match: back to GeoJSON, with the list complete.
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    for (let i = 0; i < 4; i++) {
      await zoomIn.click();
      await waitForMapIdle(page);
    }
    await expect.poll(() => canvas.getAttribute('data-tiles-actors-tiles'), POLL).toBe('off');
    await expect.poll(async () => Number(await canvas.getAttribute('data-features-actors')), POLL).toBeGreaterThan(0);
    expect(Number(await canvas.getAttribute('data-features-actors'))).toBeLessThanOrEqual(THRESHOLD);
    await expect(page.getByText('Många träffar: kartan ritar alla, listan visar de första.').count()).resolves.toBe(0);
    await screenshot(page, 'issue8-actors-from-geojson');
    expectClean(page);
    await context.close();
  });
});
