/**
 * The information-needs table when the needs do not fit one page (national scale):
 * "showing N of M" with the server's counts over all of them, and "show more" appends
 * the next page. The demo data fits one page, so the browser's requests ask the real
 * server for pages of 40.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct } from './harness.js';

const PAGE = 40;

describe.skipIf(!hasChromium)('information needs, page by page', () => {
  const product = useProduct();

  it('shows N of M with the counts of all, and loads the next page on request', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    const all = (await (await context.request.get('/api/information-needs')).json()) as {
      number_matched: number; by_status: Record<string, number>; features: { id: string }[];
    };
    expect(all.number_matched, 'the demo data has more than two small pages of needs').toBeGreaterThan(2 * PAGE);
    await page.route((url) => url.pathname === '/api/information-needs', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', String(PAGE));
      return route.continue({ url: url.toString() });
    });
    await page.goto('/information-needs');
    const count = page.getByTestId('needs-count');
    const total = all.number_matched.toLocaleString('sv-SE');
    await expect.poll(() => count.textContent(), POLL).toBe(`Visar ${PAGE} av ${total} behov`);
    const rows = page.locator('.needs-table tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(PAGE);
    // the headline counts are those of every need, not of the page
    await expect.poll(() => page.locator('.count').textContent(), POLL).toContain('Av alla:');
    await expectAccessible(page, 'information needs, first page of several');
    await screenshot(page, 'needs-paged-first');

    const more = page.getByRole('button', { name: 'Visa fler' });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'needs-paged-more-button');
    await more.click();
    await expect.poll(() => count.textContent(), POLL).toBe(`Visar ${2 * PAGE} av ${total} behov`);
    await expect.poll(() => rows.count(), POLL).toBe(2 * PAGE);
    // the rows are the server's first two pages: no pair twice, none skipped
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.id.replace(/^need-/, '')));
    expect(new Set(shown)).toEqual(new Set(all.features.slice(0, 2 * PAGE).map((f) => f.id)));
    expectClean(page);
    await context.close();
  });
});
