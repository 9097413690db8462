/**
 * The information officer's work on the needs list: two statuses at once, every shown
 * row selected with one checkbox and marked informed in one action, the list exported
 * as the rows it shows, a refusal in Swedish, the keyboard path to "select all", and
 * the table at a desktop's and a phone's width.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiRequest } from './apiRequest.js';
import { E2E_BACKENDS, expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap, type Backend } from './harness.js';
import { expectNoEnglishOrRawCodes } from './language.js';

type Need = { id: string; properties: { unit_id: number; child_place_id: number; name: string; unit_name: string; information: { status: string } } };
type Needs = { number_matched: number; features: Need[] };

/** The ids of the table's rows, in the order shown (`need-<unit>:<child place>`). */
const shownIds = (page: Page) => page.locator('.needs-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.id.replace(/^need-/, '')));

/** No sideways scrolling: neither the page nor the table's box is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    const wrap = document.querySelector<HTMLElement>('.needs-view .table-wrap');
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: wrap ? wrap.scrollWidth - wrap.clientWidth : 0 };
  });
  expect(widths, `sideways overflow at ${where}`).toEqual({ page: 0, table: 0 });
}

/** CSV rows of a download (the BOM left off, CRLF line ends), split at `sep` (no field here holds it). */
function csvRows(text: string, sep: string): string[][] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n').map((l) => l.split(sep));
}

/** The journey that writes, on each database engine (E2E_BACKENDS). */
function markingJourney(backend: Backend) {
  const product = useProduct({ backend });
  const suffix = backend === 'pglite' ? '' : `-${backend}`;

  it(`an information officer filters two statuses, selects every shown need, exports exactly them and marks them informed (${backend})`, async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const needs = async (q: string) => (await (await context.request.get(`/api/information-needs${q}`)).json()) as Needs;
    // Information given 13 months ago to two high-priority places has expired: they are overdue.
    const high = (await needs('?priority=high&status=not_informed')).features;
    const unitId = high[0]!.properties.unit_id;
    const atUnit = high.filter((n) => n.properties.unit_id === unitId).slice(0, 2);
    expect(atUnit.length, 'two high-priority places at one unit').toBe(2);
    const d = new Date();
    d.setUTCMonth(d.getUTCMonth() - 13);
    await apiRequest(context.request, product.baseUrl, 'POST', '/api/information-needs/mark-informed', {
      unit_id: unitId, child_place_ids: atUnit.map((n) => n.properties.child_place_id), date: d.toISOString().slice(0, 10),
    });
    // Some recently informed high-priority places, which the two statuses leave out.
    const informedNow = high.filter((n) => !atUnit.includes(n)).slice(0, 1);
    await apiRequest(context.request, product.baseUrl, 'POST', '/api/information-needs/mark-informed', {
      unit_id: informedNow[0]!.properties.unit_id, child_place_ids: [informedNow[0]!.properties.child_place_id], date: new Date().toISOString().slice(0, 10),
    });

    await page.goto('/information-needs?priority=high');
    await page.locator('.needs-table tbody tr').first().waitFor({ timeout: 30_000 });
    const all = await needs('?priority=high');
    const counts = (await (await context.request.get('/api/information-needs?priority=high')).json()) as { by_status: Record<string, number> };
    const statusGroup = page.getByRole('group', { name: 'Status' });
    await statusGroup.getByRole('checkbox', { name: `Försenad (${counts.by_status.overdue})` }).check();
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?status=overdue&priority=high');
    await statusGroup.getByRole('checkbox', { name: /^Ej informerad/ }).check();
    await expect.poll(() => decodeURIComponent(new URL(page.url()).search), POLL).toBe('?status=overdue,not_informed&priority=high');
    // The counts on the choices stay those of the whole list whatever is chosen.
    await expect(statusGroup.getByRole('checkbox', { name: `Informerad (${counts.by_status.informed})` }).isChecked()).resolves.toBe(false);

    const filtered = await needs('?status=overdue,not_informed&priority=high');
    const expected = all.features.filter((n) => ['overdue', 'not_informed'].includes(n.properties.information.status)).map((n) => n.id);
    expect(filtered.features.map((n) => n.id)).toEqual(expected);
    await expect.poll(() => shownIds(page), POLL).toEqual(expected);
    // Most urgent first: the two overdue places lead.
    expect(expected.slice(0, 2).sort()).toEqual(atUnit.map((n) => n.id).sort());
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').innerText(), POLL).toContain('Status');

    // Select every shown need with the header checkbox; one off makes it mixed; on again.
    const selectAll = page.getByRole('checkbox', { name: 'Välj alla synliga behov' });
    await selectAll.check();
    const selected = page.getByTestId('needs-selected');
    await expect.poll(() => selected.textContent(), POLL).toBe(`${expected.length} av ${expected.length} synliga valda`);
    const first = filtered.features[0]!.properties;
    await page.getByRole('checkbox', { name: `Välj ${first.name}, ${first.unit_name}` }).uncheck();
    await expect.poll(() => selectAll.evaluate((el) => (el as HTMLInputElement).indeterminate), POLL).toBe(true);
    expect(await page.locator('.needs-table thead').ariaSnapshot()).toContain('checkbox "Välj alla synliga behov" [checked=mixed]');
    await expect.poll(() => selected.textContent(), POLL).toBe(`${expected.length - 1} av ${expected.length} synliga valda`);
    await selectAll.check();
    await expect.poll(() => selected.textContent(), POLL).toBe(`${expected.length} av ${expected.length} synliga valda`);
    await expectNoSidewaysScroll(page, '1400 px');
    await screenshot(page, `needs-work-selected-1400${suffix}`);
    await expectAccessible(page, 'information needs, two statuses, every row selected');

    // The exports hold exactly the rows shown, in the order shown.
    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return { file: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
    };
    const excel = await save('CSV för Excel');
    expect(excel.file).toBe('informationsbehov.csv');
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelRows = csvRows(excel.bytes.toString('utf8'), ';');
    expect(excelRows[0]!.slice(0, 4)).toEqual(['Enhetens id', 'Enhet', 'Platsens id', 'Plats']);
    expect(excelRows.slice(1).map((r) => `${r[0]}:${r[2]}`)).toEqual(await shownIds(page));
    const standard = await save('CSV för andra program');
    expect(standard.bytes[0]).not.toBe(0xef);
    const standardRows = csvRows(standard.bytes.toString('utf8'), ',');
    expect(standardRows.slice(1).map((r) => `${r[0]}:${r[2]}`)).toEqual(expected);

    // A date in the future is refused, in Swedish, and nothing is marked.
    const date = page.getByLabel('Informationsdatum');
    await date.fill('2099-01-01');
    await page.getByRole('button', { name: `Markera ${expected.length} som informerade` }).click();
    await expect.poll(() => page.locator('.needs-work .field-error, .needs-work .form-error').count(), POLL).toBeGreaterThan(0);
    await expectNoEnglishOrRawCodes(page);
    await screenshot(page, `needs-work-refused-1400${suffix}`);
    expect((await needs('?status=overdue,not_informed&priority=high')).number_matched).toBe(expected.length);

    // Marked in one action: the message takes the focus, the rows leave the filter.
    await date.fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: `Markera ${expected.length} som informerade` }).click();
    const done = page.getByRole('status').filter({ hasText: `${expected.length} platser markerade som informerade.` });
    await done.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName), POLL)
      .toBe(`${expected.length} platser markerade som informerade.`);
    await page.getByText('Inga informationsbehov matchar filtren.').waitFor({ timeout: 15_000 });
    const after = await needs('?priority=high&status=informed');
    const informed = new Set(after.features.map((n) => n.id));
    for (const id of expected) expect(informed.has(id), id).toBe(true);
    await expectNoEnglishOrRawCodes(page);
    await screenshot(page, `needs-work-marked-1400${suffix}`);
    await expectAccessible(page, 'information needs after marking');
    // the refused date's answer is the only failed request
    expectClean(page, [/status of 400 .*\/api\/information-needs\/mark-informed\)$/]);
    await context.close();
  });
}

for (const backend of E2E_BACKENDS) {
  describe.skipIf(!hasChromium)(`information needs: filter, select, mark, export on ${backend}`, () => markingJourney(backend));
}

describe.skipIf(!hasChromium)('information needs: keyboard and phone', () => {
  const product = useProduct();

  it('a keyboard user selects every shown need with Tab and Space', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.goto('/information-needs?status=not_informed&priority=medium&kind=school');
    await waitForMap(page);
    await page.locator('.needs-table tbody tr').first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('.needs-table tbody tr').count();
    // From the date of the marking form: Tab to the header checkbox, then Space.
    await page.getByLabel('Informationsdatum').focus();
    let presses = 0;
    while (presses < 12 && !(await page.evaluate(() => document.activeElement?.classList.contains('select-all')))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses, 'Tab presses from the date to "select all"').toBeLessThan(12);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('needs-selected').textContent(), POLL).toBe(`${rows} av ${rows} synliga valda`);
    await expect.poll(() => page.locator('.needs-table tbody input[type="checkbox"]:checked').count(), POLL).toBe(rows);
    await screenshot(page, 'needs-work-keyboard-select-all');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('needs-selected').textContent(), POLL).toBe('Inga behov valda');
    // A column sorts from the keyboard too, and the address keeps the order.
    await page.getByRole('button', { name: /^Avstånd/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('distance');
    await expect.poll(() => page.getByRole('columnheader', { name: /Avstånd/ }).getAttribute('aria-sort'), POLL).toBe('ascending');
    expectClean(page);
    await context.close();
  });

  it('fits a phone: cards, no sideways scrolling, every control reachable', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 390, height: 844 } });
    await page.goto('/information-needs?status=overdue,not_informed,due_soon');
    await waitForMap(page);
    await page.locator('.needs-table tbody tr').first().waitFor({ timeout: 15_000 });
    await page.getByRole('checkbox', { name: 'Välj alla synliga behov' }).check();
    await expectNoSidewaysScroll(page, '390 px');
    // Dates do not break inside: each date's box is one line high.
    const dateHeights = await page.locator('.needs-table tbody td.col-due .nowrap').evaluateAll((els) => els.slice(0, 20).map((e) => e.getClientRects().length));
    expect(dateHeights.every((n) => n === 1)).toBe(true);
    await page.locator('.needs-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'needs-work-phone-390');
    await page.locator('.needs-work').scrollIntoViewIfNeeded();
    await screenshot(page, 'needs-work-phone-390-marking');
    await expectAccessible(page, 'information needs on a phone');
    expectClean(page);
    await context.close();
  });
});
