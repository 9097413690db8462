import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, screenshot, TEST_PASSWORD, waitForMap, waitForMapIdle, POLL, useProduct } from './harness.js';
import { screenshotPixels } from './pixels.js';

describe.skipIf(!hasChromium)('the map of units', () => {
  const product = useProduct();

  it('signs in through the form, shows every unit on the map and in the list, and selects in both', async () => {
    const { page, context } = await product.open({ role: null });
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('sv');
    await page.getByLabel('E-postadress').fill('viewer@test.example');
    await page.getByLabel('Lösenord').fill('wrong password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Fel e-postadress eller lösenord.').waitFor();
    await expectAccessible(page, 'sign-in');

    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociala boenden' }).waitFor();
    await waitForMap(page);

    // The list holds every unit the API has.
    const units = (await (await context.request.get('/api/units')).json()) as { features: { id: number; properties: { name: string } }[] };
    expect(units.features.length).toBeGreaterThanOrEqual(12);
    const items = page.getByRole('list', { name: 'Enheter' }).getByRole('button');
    await expect.poll(() => items.count(), POLL).toBe(units.features.length);
    for (const u of units.features) await expect(page.getByRole('button', { name: new RegExp(escape(u.properties.name)) }).count()).resolves.toBe(1);

    // The map canvas has drawn something other than the background.
    const canvas = page.getByRole('region', { name: 'Karta', exact: true });
    await expect(canvas.getAttribute('tabindex')).resolves.toBe('0');
    expect(await drawnColours(page)).toBeGreaterThan(2);

    // Selecting in the list selects on the map (popup) and in the list.
    const kalle = page.getByRole('button', { name: /Kallebäcks vård- och omsorgsboende/ });
    await kalle.click();
    await expect(kalle.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('.maplibregl-popup').getByText('Kallebäcks vård- och omsorgsboende').waitFor();
    expect(page.url()).toMatch(/\?unit=\d+$/);

    // Selecting on the map selects in the list: centre another unit, unselect it in the list, click its symbol.
    const bergsjon = page.getByRole('button', { name: /Bergsjön/ });
    await bergsjon.click();
    await waitForMapIdle(page);
    await bergsjon.click();
    await expect.poll(() => bergsjon.getAttribute('aria-pressed'), POLL).toBe('false');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 3);
    await expect.poll(() => bergsjon.getAttribute('aria-pressed'), POLL).toBe('true');
    await expect(kalle.getAttribute('aria-pressed')).resolves.toBe('false');

    await screenshot(page, 'issue2-map-of-units');
    await expectAccessible(page, 'overview');

    // When the session ends (here: signed out elsewhere), the next request shows the sign-in view.
    await context.request.post('/api/auth/logout', { headers: { Origin: product.baseUrl } });
    await page.getByRole('link', { name: /Öppna enheten/ }).click();
    await page.getByText('Du har loggats ut (sessionen tog slut). Logga in igen för att fortsätta.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();

    // Before signing in, the session check, the wrong password and the ended session answer 401, which the browser logs.
    expectClean(page, [/status of 401 .*\/api\//]);
    await context.close();
  });
});

describe.skipIf(!hasChromium)('the basemap when its host answers', () => {
  const product = useProduct({ basemap: 'online' });

  it('draws the configured style (allowed by the CSP) under the units, without the offline notice', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/');
    await waitForMap(page);
    await expect(page.locator('.map-box').getAttribute('data-basemap')).resolves.toBe('online');
    await expect(page.locator('.map-notice').count()).resolves.toBe(0);
    await waitForMapIdle(page);
    const [r, g, b] = await cornerColour(page);
    expect([r, g, b]).toEqual([0xc8, 0xe6, 0xf0]);
    await screenshot(page, 'issue2-online-basemap');
    expectClean(page);
    await context.close();
  });
});

/** The colour of the map canvas a little inside its top-left corner. */
async function cornerColour(page: import('playwright-core').Page): Promise<number[]> {
  const box = (await page.locator('.map-canvas canvas').boundingBox())!;
  const png = await page.screenshot({ clip: { x: box.x + 5, y: box.y + 200, width: 4, height: 4 } });
  const { width, sample } = await screenshotPixels(page, png, { every: 1 });
  const v = sample[width + 1]!;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How many distinct colours a sample of the map canvas shows (a blank map shows one). */
async function drawnColours(page: import('playwright-core').Page): Promise<number> {
  const png = await page.locator('.map-canvas canvas').screenshot();
  return new Set((await screenshotPixels(page, png, { every: 97 })).sample).size;
}
