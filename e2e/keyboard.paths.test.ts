/**
 * The key jobs driven by the keyboard alone, each counted keystroke by keystroke through
 * one helper and failed above the budget of ten (SECURITY.md, keyboard paths): open a
 * unit's contacts from the start page, mark a selection informed, add an activity.
 * After every action the focus is somewhere meaningful, never on `<body>`; Escape closes
 * what is open; "?" opens the shortcut overview, listing what the code binds.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_KEYS, SHORTCUTS, SHORTCUTS_OFF_KEY } from '../client/src/keys/shortcuts.js';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap } from './harness.js';
import { expectNoEnglishOrRawCodes } from './language.js';

/** The most keystrokes a key job may take from where it starts. */
const BUDGET = 10;

interface Focus {
  tag: string;
  name: string;
  body: boolean;
}

const focusOf = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el || el === document.body) return { tag: 'BODY', name: '', body: true };
    const name = (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    return { tag: el.tagName, name, body: false };
  });

/** Every keystroke of a journey goes through here, so that none goes uncounted. */
class Keys {
  readonly pressed: string[] = [];
  constructor(private readonly page: Page) {}

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.pressed.push(key);
    }
  }

  /** Presses Tab until the focus matches; every press counts. */
  async tabTo(match: (f: Focus) => boolean, key = 'Tab'): Promise<void> {
    for (let i = 0; i <= BUDGET; i++) {
      if (match(await focusOf(this.page))) return;
      await this.press(key);
    }
    throw new Error(`not reached within the budget; focus on ${JSON.stringify(await focusOf(this.page))} after ${this.pressed.join(' ')}`);
  }

  /** Fails when the journey took more than the budget. */
  within(job: string): void {
    expect(this.pressed.length, `${job}: ${this.pressed.join(' ')}`).toBeLessThanOrEqual(BUDGET);
  }
}

/** After an action the focus waits somewhere meaningful, not on the page's start. */
async function expectFocusKept(page: Page, what: string): Promise<Focus> {
  await expect.poll(async () => (await focusOf(page)).body, { ...POLL, message: `focus on <body> after ${what}` }).toBe(false);
  return focusOf(page);
}

const popups = (page: Page) => page.locator('.maplibregl-popup').count();

describe.skipIf(!hasChromium)('keyboard paths', () => {
  const product = useProduct();
  let kallebackId: number;
  beforeAll(async () => {
    const { context } = await product.open({ role: 'viewer' });
    const units = (await (await context.request.get('/api/units')).json()) as { features: { id: number; properties: { name: string } }[] };
    kallebackId = Number(units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!.id);
    await context.close();
  });

  it('opens Kallebäck\'s contacts from the start page: "e", "k", Enter, Tab, Enter', async () => {
    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    await page.locator('.unit-list button.unit-item').first().waitFor();
    await waitForMap(page);
    const keys = new Keys(page);
    await keys.press('e');
    await expect.poll(async () => (await focusOf(page)).tag, POLL).toBe('BUTTON');
    await keys.press('k');
    expect((await focusOf(page)).name).toMatch(/^Kallebäcks vård- och omsorgsboende/);
    await keys.press('Enter');
    await keys.tabTo((f) => /^Öppna enheten/.test(f.name));
    await keys.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/units/${kallebackId}?tab=contacts`);
    await page.locator('a[href^="tel:"]').first().waitFor();
    expect((await expectFocusKept(page, 'opening the unit')).tag).toBe('H1');
    keys.within('open a unit\'s contacts with the shortcuts');
    expectClean(page);
    await context.close();
  });

  it('opens Kallebäck\'s contacts with Tab alone, the shortcuts turned off: skip link, type-ahead in the list', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.addInitScript((key) => localStorage.setItem(key, '1'), SHORTCUTS_OFF_KEY);
    await page.goto('/');
    await page.locator('.unit-list button.unit-item').first().waitFor();
    const keys = new Keys(page);
    // Off means off: the letter does nothing outside the list.
    await keys.press('e');
    expect((await focusOf(page)).body).toBe(true);
    keys.pressed.length = 0;

    await keys.press('Tab');
    expect((await focusOf(page)).name).toBe('Hoppa till innehållet');
    await keys.press('Enter');
    await keys.tabTo((f) => f.tag === 'BUTTON' && f.name !== '' && !/Ny enhet/.test(f.name));
    await keys.press('k');
    expect((await focusOf(page)).name).toMatch(/^Kallebäcks vård- och omsorgsboende/);
    await keys.press('Enter');
    await keys.tabTo((f) => /^Öppna enheten/.test(f.name));
    await keys.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    expect((await expectFocusKept(page, 'opening the unit')).tag).toBe('H1');
    keys.within('open a unit\'s contacts with Tab');
    expectClean(page);
    await context.close();
  });

  it('marks two ticked places informed: Space, Tab, Space, "m", Enter; the message keeps the focus', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.goto(`/information-needs?unit_id=${kallebackId}&status=not_informed,overdue,due_soon`);
    await waitForMap(page);
    const boxes = page.locator('.needs-table tbody input[type="checkbox"]');
    await boxes.nth(1).waitFor({ timeout: 15_000 });
    const names = [await boxes.nth(0).getAttribute('aria-label'), await boxes.nth(1).getAttribute('aria-label')];
    await boxes.nth(0).focus();

    const keys = new Keys(page);
    await keys.press('Space');
    await keys.tabTo((f) => f.tag === 'INPUT' && f.name === names[1]);
    await keys.press('Space');
    await expect.poll(() => page.getByTestId('needs-selected').textContent(), POLL).toMatch(/^2 av \d+ synliga valda$/);
    await keys.press('m');
    expect((await focusOf(page)).name).toBe('Markera 2 som informerade');
    await screenshot(page, 'keys-mark-ready-1400');
    await keys.press('Enter');
    const done = page.getByRole('status').filter({ hasText: '2 platser markerade som informerade.' });
    await done.waitFor();
    const after = await expectFocusKept(page, 'marking');
    expect(after.name).toBe('2 platser markerade som informerade.');
    keys.within('mark a selection informed');

    const informed = (await (await context.request.get(`/api/information-needs?unit_id=${kallebackId}&status=informed`)).json()) as {
      features: { properties: { child_place: { name: string } } | { child_place_name?: string } }[];
    };
    expect(informed.features.length).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'needs after marking from the keyboard');
    expectClean(page);
    await context.close();
  });

  it('the date of "mark as informed" is one Tab stop, stepped with the arrows, and a wrong one is named', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.goto('/information-needs?status=not_informed');
    const date = page.getByLabel('Informationsdatum');
    await date.waitFor({ timeout: 15_000 });
    await date.fill('2025-03-01');
    await date.press('ArrowDown');
    await expect(date.inputValue()).resolves.toBe('2025-02-28');
    // One Tab leaves it (a type="date" field took three: day, month, year).
    await date.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-mark-date'))).toBe(false);
    await page.locator('.needs-table tbody input[type="checkbox"]').first().check();
    await date.fill('14/3/2025');
    await page.getByRole('button', { name: 'Markera som informerad' }).click();
    await page.getByText('Informationsdatum: skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-03-14.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-mark-date'))).toBe(true);
    await expectAccessible(page, 'needs with a wrong date');
    expectClean(page);
    await context.close();
  });

  it('adds an activity at a unit: "n", a kind with the arrow, Ctrl+Enter; removes it and the focus stays', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.goto(`/units/${kallebackId}?tab=contacts`);
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    await waitForMap(page);
    const activities = async () =>
      ((await (await context.request.get(`/api/units/${kallebackId}/activities?limit=500`)).json()) as { activities: { id: number; kind: string }[] }).activities;
    const before = await activities();

    const keys = new Keys(page);
    await keys.press('n');
    await expect.poll(() => new URL(page.url()).searchParams.get('tab'), POLL).toBe('activities');
    await expect.poll(async () => (await focusOf(page)).name, POLL).toBe('Typ av aktivitet');
    await keys.press('ArrowDown');
    await keys.press('Control+Enter');
    await page.getByRole('status').filter({ hasText: /Sparat\./ }).first().waitFor();
    const saved = await expectFocusKept(page, 'saving an activity');
    expect(saved.name).toMatch(/^Sparat\./);
    keys.within('add an activity');
    const added = (await activities()).filter((a) => !before.some((b) => b.id === a.id));
    expect(added.map((a) => a.kind)).toEqual(['information']);
    await screenshot(page, 'keys-activity-saved-1400');
    // A letter on a checkbox of the form being filled in stays there: "p" does not leave for the sheet.
    await page.locator('form.outreach-form input[type="checkbox"]').first().focus();
    await page.keyboard.press('p');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(`/units/${kallebackId}`);
    await page.locator('.outreach-status').focus();

    // Removing it: the message takes the focus again.
    page.once('dialog', (d) => void d.accept());
    const remove = new Keys(page);
    await remove.tabTo((f) => f.tag === 'BUTTON' && /^Ta bort /.test(f.name));
    await remove.press('Enter');
    await page.getByRole('status').filter({ hasText: /Aktiviteten togs bort\./ }).first().waitFor();
    await expectFocusKept(page, 'removing an activity');
    remove.within('remove an activity');
    await expect.poll(async () => (await activities()).map((a) => a.id).sort(), POLL).toEqual(before.map((a) => a.id).sort());
    await expectAccessible(page, 'activities after keyboard add and remove');
    expectClean(page);
    await context.close();
  });

  it('opens the contact sheet from the unit with "p", the focus on its print button', async () => {
    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 1400, height: 900 } });
    await page.goto(`/units/${kallebackId}?tab=contacts`);
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    const keys = new Keys(page);
    await keys.press('p');
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/units/${kallebackId}/sheet`);
    await expect.poll(async () => (await focusOf(page)).name, POLL).toBe('Skriv ut / spara som PDF');
    keys.within('open the contact sheet');
    expectClean(page);
    await context.close();
  });

  it('Escape closes the map popup while the focus is in the list beside the map, and the layer panel', async () => {
    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    await waitForMap(page);
    const kalle = page.locator('.unit-list button.unit-item', { hasText: 'Kallebäcks' });
    await kalle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => popups(page), POLL).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => popups(page), POLL).toBe(0);
    expect((await focusOf(page)).name).toMatch(/^Kallebäcks/);

    const summary = page.locator('details.layer-panel > summary');
    await summary.focus();
    if (!(await page.locator('details.layer-panel[open]').count())) await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('details.layer-panel')))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('details.layer-panel[open]').count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    expectClean(page);
    await context.close();
  });

  it('"?" opens the overview of what the code binds; nothing fires while typing; it can be turned off', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    await page.locator('.unit-list button.unit-item').first().waitFor();
    await waitForMap(page);

    // Typing in the search field types, it does not open anything.
    await page.locator('#global-search').focus();
    await page.keyboard.type('e?/');
    await expect(page.locator('#global-search').inputValue()).resolves.toBe('e?/');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.locator('#global-search').fill('');

    await page.locator('.unit-list button.unit-item').first().focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Kortkommandon' });
    await dialog.waitFor();
    const rows = dialog.locator('[data-shortcut]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-shortcut')))).toEqual(SHORTCUTS.map((s) => s.id));
    expect(await rows.locator('dt').allTextContents()).toEqual(SHORTCUTS.map((s) => s.key));
    expect(await dialog.locator('[data-local-key]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-local-key')))).toEqual(Object.keys(LOCAL_KEYS));
    await expectNoEnglishOrRawCodes(page);
    await expectAccessible(page, 'the shortcut overview');
    await screenshot(page, 'keys-overview-1400');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count(), POLL).toBe(0);
    expect((await expectFocusKept(page, 'closing the overview')).tag).toBe('BUTTON');

    // "/" goes to the search field.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('global-search');

    // Turned off in the overview (opened by its button), the letters do nothing; the button still opens it.
    await page.getByRole('button', { name: 'Kortkommandon' }).click();
    await dialog.getByRole('checkbox', { name: 'Stäng av kortkommandona med ett tecken' }).check();
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    expect((await expectFocusKept(page, 'closing the overview')).name).toBe('Kortkommandon');
    await page.keyboard.press('?');
    await page.keyboard.press('e');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await focusOf(page)).name).toBe('Kortkommandon');
    expectClean(page);
    await context.close();
  });

  it('the overview in English, and on a phone', async () => {
    const { page, context } = await product.open({ role: 'viewer', lang: 'en', viewport: { width: 390, height: 844 } });
    await page.goto('/');
    await page.locator('.unit-list button.unit-item').first().waitFor();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('Go to the list of units');
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'the shortcut overview on a phone');
    await screenshot(page, 'keys-overview-390');
    expectClean(page);
    await context.close();
  });
});
