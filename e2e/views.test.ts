/**
 * Every view: axe-core (WCAG 2.0/2.1 A and AA) with zero violations, no console
 * errors, and usable at 320 px width (no sideways scrolling of the page).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, screenshot, waitForMap, waitForMapIdle, POLL, useProduct } from './harness.js';

describe.skipIf(!hasChromium)('every view is accessible and error-free', () => {
  const product = useProduct();
  let unitId: number;
  beforeAll(async () => {
    const { context } = await product.open({ role: 'viewer' });
    const units = (await (await context.request.get('/api/units')).json()) as { features: { id: number; properties: { name: string } }[] };
    unitId = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!.id;
    await context.close();
  });

  it('overview with all layers on, and the in-view lists', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/');
    await waitForMap(page);
    // The layer panel starts open on the offline basemap; open it either way.
    await page.locator('details.layer-panel').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.getByLabel('Barns platser', { exact: true }).check();
    await page.getByLabel('Alla aktörskategorier').check();
    await page.getByLabel('Områden').check();
    await page.getByRole('button', { name: /Kallebäcks vård- och omsorgsboende/ }).click();
    await waitForMapIdle(page);
    await page.getByRole('heading', { name: /^Barns platser: \d+/ }).waitFor();
    await page.getByRole('heading', { name: /^Grannskapsaktörer: \d+/ }).waitFor();
    await expect.poll(async () => Number(await page.locator('.map-canvas').getAttribute('data-features-actors')), POLL).toBeGreaterThan(0);
    await screenshot(page, 'view-overview-layers');
    await expectAccessible(page, 'overview with layers');
    expectClean(page);
    await context.close();
  });

  for (const tab of ['contacts', 'children', 'unit', 'activities', 'principles'] as const) {
    it(`unit view, tab ${tab} (as an editor)`, async () => {
      const { page, context } = await product.open({ role: 'editor' });
      await page.goto(`/units/${unitId}?tab=${tab}`);
      await waitForMap(page);
      await page.locator('.tab-panel .skeleton').first().waitFor({ state: 'detached' }).catch(() => {});
      await page.waitForLoadState('networkidle');
      await waitForMapIdle(page);
      if (tab === 'contacts' || tab === 'children') await screenshot(page, `view-unit-${tab}`);
      await expectAccessible(page, `unit ${tab}`);
      expectClean(page);
      await context.close();
    });
  }

  it('information needs, search, site analysis with a site, and the contact sheet', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/information-needs?status=not_informed');
    await waitForMap(page);
    await page.locator('.needs-table').waitFor();
    await expectAccessible(page, 'information needs');

    await page.goto('/search?q=Kalleb');
    await page.getByRole('heading', { name: /^Aktörer/ }).waitFor();
    await screenshot(page, 'view-search');
    await expectAccessible(page, 'search');

    await page.goto('/site-analysis');
    await waitForMap(page);
    await page.getByRole('button', { name: 'Placera i kartans mitt' }).click();
    await page.getByTestId('site-A-source').filter({ hasText: 'Analys klar' }).waitFor();
    await expectAccessible(page, 'site analysis');

    await page.goto(`/units/${unitId}/sheet`);
    await page.locator('.sheet[data-ready="true"]').waitFor();
    await waitForMap(page);
    await expectAccessible(page, 'contact sheet');

    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
    await expectAccessible(page, 'not found');
    expectClean(page);
    await context.close();
  });

  it('shows an error with a retry when the API fails, and recovers', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    let failures = 1;
    await page.route('**/api/units/*/contacts', async (route) => {
      if (failures-- > 0) await route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"x","request_id":"e2e-1"}}' });
      else await route.continue();
    });
    await page.goto(`/units/${unitId}`);
    const alert = page.getByRole('alert');
    await alert.getByText('Något gick fel på servern. Försök igen om en stund.').waitFor();
    await alert.getByText('Felkod för support: e2e-1').waitFor();
    await expectAccessible(page, 'error message');
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await page.locator('.contact-card').first().waitFor();
    // The browser logs the 500 it was made to see.
    expectClean(page, [/status of 500 .*\/contacts\)$/]);
    await context.close();
  });

  it('in English too', async () => {
    const { page, context } = await product.open({ role: 'viewer', lang: 'en' });
    await page.goto(`/units/${unitId}`);
    await page.getByRole('tab', { name: 'Contacts' }).waitFor();
    await waitForMap(page);
    await expectAccessible(page, 'unit view in English');
    await page.goto('/information-needs');
    await page.locator('.needs-table').waitFor();
    await expectAccessible(page, 'information needs in English');
    expectClean(page);
    await context.close();
  });

  it('works at 320 px width', async () => {
    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 320, height: 640 } });
    for (const url of ['/', `/units/${unitId}`, `/units/${unitId}?tab=children`, '/information-needs', '/site-analysis', '/search?q=skola', `/units/${unitId}/sheet`]) {
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await sidewaysOverflow(page), `sideways scrolling at 320 px on ${url}`).toBeLessThanOrEqual(1);
    }
    await page.goto(`/units/${unitId}`);
    await waitForMap(page);
    await page.locator('.contact-card').first().waitFor();
    await screenshot(page, 'view-unit-320px', true);
    await expectAccessible(page, 'unit view at 320 px');
    expectClean(page);
    await context.close();
  });
});

/** How far the page is wider than the window (0 when it needs no sideways scrolling). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
