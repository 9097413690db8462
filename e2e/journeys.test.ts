/**
 * The user journeys, one test per user job, in real Chromium against the built
 * product. Every test saves a screenshot to test-results/ and fails on console
 * errors, uncaught exceptions and CSP violations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClean, hasChromium, RESULTS_DIR, screenshot, waitForMap, waitForMapIdle, POLL, useProduct } from './harness.js';
import { pdfText } from './pdf.js';

interface Fc<P> {
  features: { id: number | string; geometry: { coordinates: [number, number] }; properties: P }[];
}
type ContactP = {
  name: string; distance_m: number; phone: string | null; email: string | null;
  contact_persons: { name: string; phone: string | null; email: string | null }[];
};

describe.skipIf(!hasChromium)('journeys', () => {
  const product = useProduct();
  let kallebackId: number;
  beforeAll(async () => {
    const { context } = await product.open({ role: 'viewer' });
    const units = (await (await context.request.get('/api/units')).json()) as Fc<{ name: string }>;
    kallebackId = Number(units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!.id);
    await context.close();
  });

  it('1. staff opens Kallebäck and sees the contacts nearest first, with the right phone link', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/');
    await page.getByRole('button', { name: /Kallebäcks vård- och omsorgsboende/ }).click();
    await page.getByRole('link', { name: /Öppna enheten/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${kallebackId}`);
    await expect.poll(() => page.getByRole('tab', { name: 'Kontakter' }).getAttribute('aria-selected'), POLL).toBe('true');

    const api = (await (await context.request.get(`/api/units/${kallebackId}/contacts`)).json()) as Fc<ContactP>;
    const cards = page.locator('.contact-card');
    await expect.poll(() => cards.count(), POLL).toBe(api.features.length);
    await page.getByText(`${api.features.length} aktörer`, { exact: true }).waitFor();

    // The first card is the nearest actor; within every category, nearest first.
    const nearest = api.features[0]!;
    await expect(cards.first().locator('.contact-name').textContent()).resolves.toBe(nearest.properties.name);
    const groups = page.locator('.category-group');
    for (let i = 0; i < (await groups.count()); i++) {
      const metres = (await groups.nth(i).locator('.distance').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
      expect(metres).toEqual([...metres].sort((a, b) => a - b));
    }

    // The contact person's phone is a tel: link with the digits of the number.
    const person = nearest.properties.contact_persons.find((p) => p.phone)!;
    const tel = cards.first().locator('a[href^="tel:"]', { hasText: person.phone! });
    await expect(tel.getAttribute('href')).resolves.toBe(`tel:${person.phone!.replace(/\D/g, '')}`);

    // Selecting the card highlights the actor on the map (popup with its name).
    await cards.first().locator('.contact-name').click();
    await expect(cards.first().locator('.contact-name').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('.maplibregl-popup').getByText(nearest.properties.name).waitFor();
    await waitForMapIdle(page);
    await screenshot(page, 'journey1-staff-contacts');
    expectClean(page);
    await context.close();
  });

  it('2. planner drops a candidate site, sees the preview, then the server answer, compares two sites, and shares them by link', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    // Hold the server's answer back a little so the browser preview can be seen first.
    let release: () => void = () => {};
    await page.route('**/api/site-analysis', async (route) => {
      await new Promise<void>((r) => {
        release = r;
        setTimeout(r, 3000);
      });
      await route.continue();
    });
    // Look at Kallebäck from closer so there are features around the sites, then switch mode.
    await page.goto(`/units/${kallebackId}`);
    await waitForMap(page);
    await waitForMapIdle(page);
    await page.getByRole('link', { name: 'Platsanalys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Platsanalys' }).waitFor();
    await waitForMapIdle(page);

    const canvas = page.locator('.map-canvas canvas').first();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.getByRole('columnheader', { name: /Plats A/ }).waitFor();
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-features-site-rings'), POLL).toBe('3');
    await expect(page.getByTestId('site-A-source').textContent()).resolves.toBe('Analyserar…');
    // The preview already counts actors in the rings.
    const firstActorsCell = page.getByRole('row', { name: /Aktörer, Närmast/ }).getByRole('cell').first();
    await expect.poll(async () => Number((await firstActorsCell.locator('strong').textContent()) ?? 'NaN'), POLL).toBeGreaterThanOrEqual(0);
    release();
    await expect.poll(() => page.getByTestId('site-A-source').textContent(), POLL).toBe('Analys klar');

    // A second site, placed from the keyboard path ("at the map centre") after panning.
    await canvas.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Placera i kartans mitt' }).click();
    await page.getByRole('columnheader', { name: /Plats B/ }).waitFor();
    release();
    await expect.poll(() => page.getByTestId('site-B-source').textContent(), POLL).toBe('Analys klar');
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-features-site-rings'), POLL).toBe('6');
    await expect(page.getByRole('row', { name: /Närmaste skola/ }).getByRole('cell').count()).resolves.toBe(2);
    await expect(page.locator('.site-marker').count()).resolves.toBe(2);
    await waitForMapIdle(page);
    await screenshot(page, 'journey2-planner-site-analysis');

    // The sites are in the address: a reload keeps them, and the link opens them for someone else.
    await expect.poll(() => new URL(page.url()).searchParams.get('sites')?.split(';').length ?? 0, POLL).toBe(2);
    const shared = page.url();
    const coordinates = await page.getByRole('row', { name: /Koordinater/ }).getByRole('cell').allTextContents();
    const where = await page.getByTestId('site-A-where').textContent();
    expect(where).not.toBe('…');
    await page.unroute('**/api/site-analysis');
    await page.reload();
    await page.getByRole('columnheader', { name: /Plats B/ }).waitFor();
    await expect.poll(() => page.getByTestId('site-B-source').textContent(), POLL).toBe('Analys klar');
    await expect.poll(() => page.locator('.site-marker').count(), POLL).toBe(2);
    const { page: colleague, context: theirs } = await product.open({ role: 'viewer' });
    await colleague.goto(shared);
    await expect.poll(() => colleague.getByTestId('site-B-source').textContent(), POLL).toBe('Analys klar');
    const coordinatesAgain = (await colleague.getByRole('row', { name: /Koordinater/ }).getByRole('cell').allTextContents())
      .map((t) => t.replace('Analys klar', ''));
    expect(coordinatesAgain).toEqual(coordinates.map((t) => t.replace('Analys klar', '')));
    await expect(colleague.getByTestId('site-A-where').textContent()).resolves.toBe(where);
    expectClean(colleague);
    await theirs.close();

    // Leaving the mode clears the sites.
    await page.getByRole('link', { name: 'Karta', exact: true }).click();
    await expect.poll(() => page.locator('.site-marker').count(), POLL).toBe(0);
    expectClean(page);
    await context.close();
  });

  it('3. information officer filters the needs to high priority; table and map agree', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/information-needs');
    await waitForMap(page);
    await page.getByLabel('Prioritet').selectOption('high');
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?priority=high');

    const api = (await (await context.request.get('/api/information-needs?priority=high')).json()) as Fc<{ priority: string }>;
    expect(api.features.length).toBeGreaterThan(0);
    const rows = page.locator('.needs-table tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(api.features.length);
    await expect.poll(() => page.getByTestId('needs-count').textContent(), POLL).toBe(`${api.features.length} behov visas`);
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-features-needs'), POLL).toBe(String(api.features.length));
    const priorities = await page.locator('.needs-table tbody .badge[class*="priority-"]').allTextContents();
    expect(new Set(priorities)).toEqual(new Set(['Hög']));

    // A row selects its place on the map; sorting by distance orders the rows.
    await page.getByRole('button', { name: /^Avstånd/ }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /Avstånd/ }).getAttribute('aria-sort'), POLL).toBe('ascending');
    const metres = (await page.locator('.needs-table tbody td.num').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
    expect(metres.length).toBe(api.features.length);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    const firstName = (await rows.first().getByRole('button').textContent())!;
    await rows.first().getByRole('button').click();
    await page.locator('.maplibregl-popup').getByText(firstName).first().waitFor();
    await waitForMapIdle(page);
    await screenshot(page, 'journey3-information-needs-high');
    expectClean(page);
    await context.close();
  });

  it('4. the contact sheet prints to PDF with every contact, each person\'s and organisation\'s phone and e-mail, numbers keyed to the map', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto(`/units/${kallebackId}?tab=unit`);
    await page.getByRole('link', { name: 'Kontaktblad för utskrift' }).click();
    await page.locator('.sheet[data-ready="true"]').waitFor();
    await waitForMap(page);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Skriv ut / spara som PDF' }).waitFor();
    await screenshot(page, 'journey4-contact-sheet', true);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'journey4-contact-sheet.pdf'), pdf);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Kallebäcks vård- och omsorgsboende');
    expect(text).toContain('Utskrivet');
    const contacts = (await (await context.request.get(`/api/units/${kallebackId}/contacts`)).json()) as Fc<ContactP>;
    // E-mail addresses may wrap inside a narrow column; compare them without white space.
    const squeezed = text.replace(/\s+/g, '');
    let ways = 0;
    for (const c of contacts.features) {
      expect(text).toContain(c.properties.name.replace(/\s+/g, ' '));
      for (const way of [c.properties, ...c.properties.contact_persons]) {
        if (way !== c.properties) expect(text).toContain((way as { name: string }).name);
        if (way.phone) expect(text, `${c.properties.name}: ${way.phone}`).toContain(way.phone.replace(/\s+/g, ' '));
        if (way.email) expect(squeezed, `${c.properties.name}: ${way.email}`).toContain(way.email);
        ways += way.phone ? 1 : 0;
      }
    }
    expect(ways).toBeGreaterThan(contacts.features.length);
    // No phone number is broken over two lines in print.
    const broken = await page.locator('.sheet .phone').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
    expect(broken).toEqual([]);
    // Every row has its number, 1…n over the contacts and then the children's places.
    const numbers = await page.locator('.sheet-table tbody td.num:first-child').allTextContents();
    expect(numbers.map(Number).sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));

    expectClean(page);
    await context.close();
  });

  it('5. keyboard only: reach a unit and its contacts without the mouse', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sociala boenden' }).waitFor();
    await waitForMap(page);

    // The skip link is first and jumps to the content.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Hoppa till innehållet' });
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => /Kallebäcks vård- och omsorgsboende/.test(f.text), 30);
    expect(await hasVisibleFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => /Öppna enheten/.test(f.text), 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: 'H1' });

    // Tabs work with the arrow keys; the contact links are reachable with Tab.
    await tabUntil(page, (f) => f.role === 'tab', 10);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?tab=children');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?tab=contacts');
    await tabUntil(page, (f) => f.href.startsWith('tel:'), 20);
    expect(await hasVisibleFocus(page)).toBe(true);

    // The map is a named region the keyboard can enter, zoom, and leave.
    const scale = page.locator('.maplibregl-ctrl-scale');
    const before = await scale.textContent();
    await page.getByRole('region', { name: 'Karta', exact: true }).focus();
    await page.keyboard.press('Minus');
    await page.keyboard.press('Minus');
    await waitForMapIdle(page);
    await expect.poll(() => scale.textContent(), POLL).not.toBe(before);
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.not.toMatchObject({ tag: 'CANVAS' });
    await screenshot(page, 'journey5-keyboard');
    expectClean(page);
    await context.close();
  });

  it('6. the English switch changes every label, MapLibre controls and number formats, and is remembered', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto(`/units/${kallebackId}`);
    await page.getByRole('heading', { level: 1, name: 'Kallebäcks vård- och omsorgsboende' }).waitFor();
    await waitForMap(page);
    await expect(page.getByRole('button', { name: 'Zooma in' }).count()).resolves.toBe(1);
    await page.getByText(/^Området \(inom 1\s000 m\)$/).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en');
    await page.getByRole('tab', { name: 'Contacts' }).waitFor();
    await page.getByText('Area (within 1,000 m)').waitFor();
    await waitForMap(page);
    await expect.poll(() => page.getByRole('button', { name: 'Zoom in' }).count(), POLL).toBe(1);
    await expect(page.getByRole('region', { name: 'Map', exact: true }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Information needs' }).waitFor();

    await page.reload();
    await page.getByRole('tab', { name: 'Contacts' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await waitForMap(page);
    await waitForMapIdle(page);
    await screenshot(page, 'journey6-english');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('tab', { name: 'Kontakter' }).waitFor();
    expectClean(page);
    await context.close();
  });
});

interface Focused {
  tag: string;
  text: string;
  role: string;
  href: string;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim(),
      role: el?.getAttribute('role') ?? '',
      href: el?.getAttribute('href') ?? '',
    };
  });
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabUntil(page: Page, match: (f: Focused) => boolean, max: number): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`No matching element within ${max} Tab presses; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Whether the focused element shows a focus outline (or ring) of at least 2 px. */
function hasVisibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });
}

