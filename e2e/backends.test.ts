/**
 * The product's journeys that write run on both engines (E2E_BACKENDS). This file
 * holds the harness to that: on each backend the product starts on its own copy of the
 * template, says which engine it runs on, and a write made in one product is not seen
 * by another (each journey owns its data).
 */
import { describe, expect, it } from 'vitest';
import { E2E_BACKENDS, expectClean, hasChromium, startProduct } from './harness.js';

describe.skipIf(!hasChromium)('the end-to-end harness on each database', () => {
  for (const backend of E2E_BACKENDS) {
    it(`runs the product on ${backend}, one database copy per product`, async () => {
      const first = await startProduct({ backend });
      const second = await startProduct({ backend });
      try {
        const { page } = await first.open({ role: 'editor' });
        const health = await (await page.request.get('/api/health')).json();
        expect(health.database).toBe(backend);
        await page.goto('/');
        await expect.poll(() => page.locator('.unit-list li').count()).toBeGreaterThan(0);

        const name = `Hämtställe ${backend}`;
        const created = await page.request.post('/api/actors', {
          headers: { Origin: first.baseUrl },
          data: { type: 'Feature', geometry: { type: 'Point', coordinates: [11.97, 57.7] }, properties: { name, category: 'shop' } },
        });
        expect(created.status()).toBe(201);
        const inFirst = await (await page.request.get(`/api/actors?q=${encodeURIComponent(name)}`)).json();
        expect(inFirst.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain(name);

        const { page: other } = await second.open({ role: 'editor' });
        const inSecond = await (await other.request.get(`/api/actors?q=${encodeURIComponent(name)}`)).json();
        expect(inSecond.features).toHaveLength(0);
        expectClean(page);
      } finally {
        await first.stop();
        await second.stop();
      }
    });
  }
});
