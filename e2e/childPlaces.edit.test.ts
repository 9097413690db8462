import { destination, distance } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_BACKENDS, expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct } from './harness.js';

type UnitF = { id: number; geometry: { coordinates: [number, number] }; properties: { name: string; radii: { immediate: number; neighbourhood: number; area: number } } };
type NeedF = { properties: { child_place_id: number; priority: string; ring: string; information: { status: string } } };

/** No English server text, raw code or parser message on a Swedish page. */
async function expectSwedishOnly(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text).not.toMatch(/must be|Unexpected token|precondition|not found|If-Match|Invalid input/i);
}

/** The children table fits its panel (no sideways scrolling) and no date breaks over two lines. */
async function expectTableFits(page: Page) {
  const wrap = page.locator('.children-wrap .table-wrap');
  const [scroll, client] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll, 'the children table scrolls sideways').toBeLessThanOrEqual(client + 1);
  const broken = await page.locator('.children-table .date').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
  expect(broken).toEqual([]);
}

/** Types [lon, lat] into the picker as WGS 84 "lat, lon" and uses it. */
async function typeLocation(page: Page, [lon, lat]: number[]) {
  const form = page.locator('form.record-form');
  await form.getByLabel('Koordinater', { exact: true }).fill(`${lat!.toFixed(6)}, ${lon!.toFixed(6)}`);
  await form.getByRole('button', { name: 'Använd koordinaterna' }).click();
  await expect.poll(() => form.locator('.picker-readout').getAttribute('data-lonlat'), POLL).not.toBe('');
}

for (const backend of E2E_BACKENDS) {
 describe.skipIf(!hasChromium)(`child places edited in the product (${backend})`, () => {
  const product = useProduct({ backend });
  const suffix = backend === 'pglite' ? '' : `-${backend}`;

  it('an information officer adds a school with stages and a Skolverket id near a unit, sees it by ring and as an information need, edits, moves it out and removes it', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const units = (await (await context.request.get('/api/units')).json()) as { features: UnitF[] };
    const kalle = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!;
    const unit = (await (await context.request.get(`/api/units/${kalle.id}`)).json()) as UnitF;
    await page.goto(`/units/${kalle.id}?tab=children`);
    await page.locator('.children-table').waitFor();
    await page.getByRole('button', { name: 'Lägg till barns plats' }).click();
    const form = page.locator('form.record-form');
    await form.waitFor();

    // An error case: no name and no location.
    await form.getByLabel('Typ').selectOption({ label: 'Skola' });
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.locator('.form-error').waitFor();
    await expect(form.locator('.field-error').first().innerText()).resolves.toMatch(/Fyll i|Placera/);
    await expectSwedishOnly(page);

    await form.getByLabel('Namn', { exact: true }).fill('Ängsskolan');
    await form.getByRole('checkbox', { name: 'F–3' }).check();
    await form.getByRole('checkbox', { name: '4–6' }).check();
    await form.getByLabel('Externt id').fill('87654321');
    await form.getByLabel('Huvudman eller förvaltare').fill('Göteborgs Stad');
    await form.getByLabel('Kontakt (rektor eller föreståndare)').fill('Rektor Rut');
    // 150 m north-east of the unit: inside the immediate ring (250 m).
    const near = destination(unit.geometry.coordinates, 0.15, 45, { units: 'kilometers' }).geometry.coordinates;
    await typeLocation(page, near);
    await expectAccessible(page, 'child place form');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Ängsskolan sparades.' }).waitFor();

    const created = (await (await context.request.get(`/api/child-places?q=${encodeURIComponent('Ängsskolan')}`)).json()) as { features: { id: number; geometry: { coordinates: [number, number] }; properties: { stages: string[]; external_id: string; version: number } }[] };
    const place = created.features[0]!;
    expect(place.properties).toMatchObject({ stages: ['F-3', '4-6'], external_id: '87654321' });
    const metres = distance(unit.geometry.coordinates, place.geometry.coordinates, { units: 'meters' });
    expect(metres).toBeLessThan(unit.properties.radii.immediate);
    const row = page.locator(`#child-${place.id}`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Ängsskolan[\s\S]*Skola F–3, 4–6[\s\S]*87654321[\s\S]*Närmast[\s\S]*Hög[\s\S]*Ej informerad/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.id), POLL).toBe(`child-${place.id}`);
    const needs = (await (await context.request.get(`/api/information-needs?unit_id=${kalle.id}&limit=500`)).json()) as { features: NeedF[] };
    expect(needs.features.find((n) => n.properties.child_place_id === place.id)?.properties).toMatchObject({ priority: 'high', ring: 'immediate', information: { status: 'not_informed' } });

    // The table fits at 1400 and at 390 px.
    await row.scrollIntoViewIfNeeded();
    await expectTableFits(page);
    await screenshot(page, `issue14-children-table-1400${suffix}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await row.scrollIntoViewIfNeeded();
    await expectTableFits(page);
    await screenshot(page, `issue14-children-table-390${suffix}`);
    await expectAccessible(page, 'children table at 390 px');
    await page.setViewportSize({ width: 1400, height: 900 });

    // Edit: a third stage.
    await row.getByRole('button', { name: 'Ändra Ängsskolan' }).click();
    await form.getByRole('checkbox', { name: '7–9' }).check();
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna av Ängsskolan sparades.' }).waitFor();
    await expect.poll(() => row.innerText(), POLL).toContain('F–3, 4–6, 7–9');

    // Move it out of the outer ring: gone from the list and from the information needs.
    await row.getByRole('button', { name: 'Ändra Ängsskolan' }).click();
    const far = destination(unit.geometry.coordinates, (unit.properties.radii.area + 400) / 1000, 90, { units: 'kilometers' }).geometry.coordinates;
    await typeLocation(page, far);
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Den ligger nu utanför enhetens yttre zon' }).waitFor();
    await expect.poll(() => row.count(), POLL).toBe(0);
    const moved = await (await context.request.get(`/api/child-places/${place.id}`)).json();
    expect(distance(unit.geometry.coordinates, moved.geometry.coordinates, { units: 'meters' })).toBeGreaterThan(unit.properties.radii.area);
    const needsAfter = (await (await context.request.get(`/api/information-needs?unit_id=${kalle.id}&limit=500`)).json()) as { features: NeedF[] };
    expect(needsAfter.features.some((n) => n.properties.child_place_id === place.id)).toBe(false);

    // Back by the API, then removed with a confirmation.
    const back = await context.request.patch(`/api/child-places/${place.id}`, {
      headers: { Origin: product.baseUrl, 'If-Match': `"${moved.properties.version}"` },
      data: { geometry: { type: 'Point', coordinates: near } },
    });
    expect(back.status()).toBe(200);
    await page.reload();
    await row.getByRole('button', { name: 'Ta bort Ängsskolan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort Ängsskolan?' });
    await confirm.waitFor();
    await screenshot(page, `issue14-child-delete-confirm${suffix}`);
    await confirm.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByRole('status').filter({ hasText: 'Ängsskolan togs bort.' }).waitFor();
    await expect.poll(() => row.count(), POLL).toBe(0);
    expect((await context.request.get(`/api/child-places/${place.id}`)).status()).toBe(404);
    await expectSwedishOnly(page);
    expectClean(page, [/status of 400 \(Bad Request\) \(http:\/\/[^)]+\/api\/child-places\)/]);
    await context.close();
  });
});
}
