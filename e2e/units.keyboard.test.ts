import { distance } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_BACKENDS, expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap } from './harness.js';

type LonLat = [number, number];

/** The focused element's name as a screen reader would start it: aria-label, its label, or its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
  });

/** Presses Tab until the focused element is named `name`; returns how many presses it took. */
async function tabTo(page: Page, name: string | RegExp, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return i;
  }
  throw new Error(`${String(name)} not reached with ${max} presses of Tab (last: ${await focusedName(page)})`);
}

const readout = async (page: Page) => ((await page.locator('.picker-readout').getAttribute('data-lonlat')) ?? '').split(',').map(Number) as LonLat;

/** The journeys write: on each database engine (E2E_BACKENDS). */
for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`a keyboard-only user on ${backend}`, () => {
  const product = useProduct({ backend });

  it('creates a unit: tabs to "Ny enhet", fills the form, places the point with the arrow keys, saves and lands on the unit', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    await page.locator('.unit-list').waitFor();
    const toEntry = await tabTo(page, /Ny enhet$/);
    expect(toEntry).toBeLessThanOrEqual(20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ny enhet' }).waitFor();
    await waitForMap(page);
    await page.locator('.picker .map-box[data-map-ready="true"]').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await expectAccessible(page, 'new unit form');

    await tabTo(page, 'Namn (obligatoriskt)');
    await page.keyboard.type('Testboendet Tangentbord');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Typ (obligatoriskt)');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Typ (obligatoriskt)').inputValue()).resolves.toBe('supported_housing');
    await tabTo(page, 'Antal platser');
    await page.keyboard.type('8');

    // The point: placed at the map's centre, then moved with the arrow keys on the focused marker.
    await tabTo(page, 'Placera i kartans mitt');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('picker-marker')), POLL).toBe(true);
    const start = await readout(page);
    expect(start.every(Number.isFinite)).toBe(true);
    const step = Number((await page.locator('.picker-tools').innerText()).match(/Ett steg med piltangenterna: (\d+) m/)![1]);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    const end = await readout(page);
    // East 3 steps, north 10 steps (Shift): checked with turf, and as the live region says it.
    const moved = distance(start, end, { units: 'kilometers' }) * 1000;
    expect(moved).toBeCloseTo(Math.hypot(3 * step, 10 * step), -1);
    expect(end[0]).toBeGreaterThan(start[0]);
    expect(end[1]).toBeGreaterThan(start[1]);
    const said = await page.locator('.picker-live').innerText();
    expect(said).toMatch(/^Flyttad [\d\s ]+ m norrut från där den började\.$/);
    expect(Number(said.match(/Flyttad ([\d\s ]+) m/)![1]!.replace(/\s/g, ''))).toBeCloseTo(moved, -1);
    await screenshot(page, 'issue14-unit-keyboard-placed');

    const toSave = await tabTo(page, 'Skapa enheten');
    expect(toSave).toBeLessThanOrEqual(12);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Testboendet Tangentbord' }).waitFor();
    expect(page.url()).toMatch(/\/units\/\d+\?tab=unit$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('H1');
    const id = Number(page.url().match(/\/units\/(\d+)/)![1]);
    const unit = (await (await context.request.get(`/api/units/${id}`)).json()) as { geometry: { coordinates: LonLat }; properties: { kind: string; places: number } };
    expect(unit.properties).toMatchObject({ kind: 'supported_housing', places: 8 });
    expect(distance(unit.geometry.coordinates, end, { units: 'kilometers' }) * 1000).toBeLessThan(0.1);
    await waitForMap(page);
    await page.locator('.picker .map-box[data-map-ready="true"]').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await screenshot(page, 'issue14-unit-keyboard-created');
    await expectAccessible(page, 'the new unit');
    expectClean(page);
    await context.close();
  });
});
