/**
 * The first load: the sign-in page carries no map code (the signed-in product is its
 * own chunk, loaded after sign-in), and every script and style arrives compressed; no
 * view moves under the reader while it loads (layout shift).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectClean, hasChromium, useProduct } from './harness.js';

/**
 * The layout shift of a page load as Lighthouse counts it (the sum of shifts without
 * recent input), from the browser's own layout-shift entries, with what moved.
 */
async function layoutShiftOf(page: Page, path: string, settledBy: string): Promise<{ total: number; moved: string[] }> {
  await page.addInitScript(() => {
    const seen: { value: number; nodes: string[] }[] = [];
    (globalThis as { __shifts?: typeof seen }).__shifts = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
        if (!e.hadRecentInput) seen.push({ value: e.value, nodes: e.sources.map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(path);
  await page.locator(settledBy).first().waitFor();
  await page.waitForTimeout(1500);
  const shifts = await page.evaluate(() => (globalThis as unknown as { __shifts: { value: number; nodes: string[] }[] }).__shifts);
  return { total: shifts.reduce((n, s) => n + s.value, 0), moved: shifts.flatMap((s) => s.nodes) };
}

describe.skipIf(!hasChromium)('the first load', () => {
  const product = useProduct();

  it('loads no map code on the sign-in page, compressed scripts, and the product after sign-in', async () => {
    const { context, page } = await product.open({ role: null });
    const scripts: { url: string; encoding: string | undefined; bytes: number; mapCode: boolean }[] = [];
    page.on('response', async (res) => {
      const url = new URL(res.url());
      if (!/\.(m?js|css)$/.test(url.pathname)) return;
      // Sizes are gone once the page has navigated away; such a script is counted with size 0.
      const sizes = await res.request().sizes().catch(() => ({ responseBodySize: 0 }));
      // MapLibre's map adds this class to its canvas: present in any bundle that holds the map.
      const mapCode = /\.m?js$/.test(url.pathname) && (await res.text().catch(() => '')).includes('maplibregl-canvas');
      const headers = await res.allHeaders().catch(() => res.headers());
      scripts.push({ url: url.pathname, encoding: headers['content-encoding'], bytes: sizes.responseBodySize, mapCode });
    });
    await page.goto('/');
    await page.getByLabel(/e-post/i).waitFor();
    await page.waitForLoadState('networkidle');
    const atSignIn = scripts.map((s) => s.url);
    expect(atSignIn.some((u) => /\/assets\/index-[^/]+\.js$/.test(u))).toBe(true);
    expect(atSignIn.filter((u) => /Shell|maplibre|contacts/.test(u)), 'no chunk of the signed-in product at sign-in').toEqual([]);
    for (const s of scripts) expect(s.encoding, s.url).toMatch(/^(br|gzip)$/);
    expect(scripts.filter((s) => s.mapCode).map((s) => s.url), 'map code at sign-in').toEqual([]);
    const evaluated = await page.evaluate(() => typeof (globalThis as { maplibregl?: unknown }).maplibregl);
    expect(evaluated).toBe('undefined');

    const total = scripts.reduce((n, s) => n + s.bytes, 0);
    console.log(`sign-in page: ${scripts.length} scripts and styles, ${(total / 1024).toFixed(0)} kB as transferred`);
    const { page: signedIn } = await product.open({ role: 'viewer' });
    const later: string[] = [];
    signedIn.on('request', (req) => later.push(new URL(req.url()).pathname));
    await signedIn.goto('/');
    await signedIn.locator('.maplibregl-canvas').waitFor();
    expect(later.some((u) => /\/assets\/Shell-[^/]+\.js$/.test(u)), 'the product chunk loads after sign-in').toBe(true);
    // The session check at load answers 204 to a visitor: the sign-in page logs no error at all.
    expectClean(page);
    expectClean(signedIn);
  });

  // Lighthouse's mobile screen; 0.1 is the web's "good" mark for layout shift.
  it('keeps the layout shift under 0.1 while the sign-in page, a unit and the information needs load on a phone', async () => {
    for (const [role, path, settledBy] of [[null, '/', 'input[type=email]'], ['editor', '/units/1', '.unit-view .legend-list'], ['editor', '/information-needs', '.status-choice']] as const) {
      const { page, context } = await product.open({ role, viewport: { width: 412, height: 823 } });
      const shift = await layoutShiftOf(page, path, settledBy);
      expect(shift.total, `layout shift on ${path}: ${shift.moved.join(' | ')}`).toBeLessThan(0.1);
      await context.close();
    }
  });
});
