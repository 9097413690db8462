import { destination, distance } from '@turf/turf';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiRequest } from './apiRequest.js';
import { expectNoEnglishOrRawCodes } from './language.js';
import { E2E_BACKENDS, expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap, waitForMapIdle } from './harness.js';
import { screenshotPixels } from './pixels.js';

type UnitF = { id: number; geometry: { coordinates: [number, number] }; properties: { name: string } };
type Named = { id: number; properties: { name: string } };
type Activity = {
  id: number; kind: string; date: string; note: string | null; organisations: string[]; version: number;
  actors: { id: number }[]; child_places: { id: number }[]; responsible_actor: { id: number } | null;
  due_date: string | null; follow_up_status: string | null; location: { coordinates: [number, number] } | null;
};

/** No English server text, raw code or parser message on a Swedish page: the shared check, and the snake_case tokens besides. */
async function expectSwedishOnly(page: Page) {
  await expectNoEnglishOrRawCodes(page, 'sv');
  expect(await page.locator('body').innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
}

/** A day `days` from today (UTC), YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

const activities = async (request: APIRequestContext, unitId: number) =>
  (await json<{ activities: Activity[] }>(request, `/api/units/${unitId}/activities?limit=500`)).activities;

/** Nothing has been written since `before` (the same ids and versions). */
async function expectUnchanged(request: APIRequestContext, unitId: number, before: Activity[]) {
  const now = await activities(request, unitId);
  expect(now.map((a) => `${a.id}:${a.version}`).sort()).toEqual(before.map((a) => `${a.id}:${a.version}`).sort());
}

/** The browser logs each refused request (400) as a console error; those are the refusals this file provokes. */
const REFUSED = [/status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/(units\/\d+\/activities|activities\/\d+)\)/];

/** No sideways scrolling of the page. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page width').toBeLessThanOrEqual(client);
}

/** The journeys write: on each database engine (E2E_BACKENDS). */
for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`activities edited in the product on ${backend}`, () => {
  const product = useProduct({ backend });

  async function kallebäck(request: APIRequestContext) {
    const units = await json<{ features: UnitF[] }>(request, '/api/units');
    const unit = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!;
    const contacts = (await json<{ features: Named[] }>(request, `/api/units/${unit.id}/contacts`)).features;
    const children = (await json<{ features: Named[] }>(request, `/api/units/${unit.id}/child-places`)).features;
    expect(contacts.length, 'contacts around Kallebäck').toBeGreaterThanOrEqual(2);
    expect(children.length, 'child places around Kallebäck').toBeGreaterThanOrEqual(1);
    return { unit, contacts, children };
  }

  /** An editor's page at a desktop size, with Kallebäck and the records around it. */
  async function editorAtKallebäck() {
    const opened = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    return { ...opened, ...(await kallebäck(opened.context.request)) };
  }

  it('unit staff log a contact from the contact card link: the form opens preset, a contact without anyone is refused at the field, the saved one drops the draft', async () => {
    const { page, context, unit, contacts } = await editorAtKallebäck();
    const actor = contacts[1]!;
    await page.goto(`/units/${unit.id}?tab=activities&log_actor=${actor.id}`);
    const form = page.getByRole('form', { name: 'Lägg till aktivitet' });
    await form.waitFor();
    await expect(page.locator('summary').filter({ hasText: 'Logga kontakt' }).count()).resolves.toBe(1);
    await expect(form.getByLabel('Typ av aktivitet').inputValue()).resolves.toBe('contact');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await expect(form.getByLabel('Datum').inputValue()).resolves.toBe(today);
    const box = form.getByRole('checkbox', { name: actor.properties.name, exact: true });
    await expect.poll(() => box.isChecked(), POLL).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('TEXTAREA');
    await waitForMap(page);
    await screenshot(page, 'issue14-activity-log-contact-1400');

    // Refused at the field: a contact with nobody and no note. Nothing is written.
    const before = await activities(context.request, unit.id);
    await box.uncheck();
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.locator('.field-error').getByText('En kontakt behöver en aktör, en barns plats eller en anteckning.').waitFor();
    // The message is tied to the actors: the first actor checkbox is described by it.
    await expect.poll(() => form.getByRole('checkbox').first().getAttribute('aria-invalid'), POLL).toBe('true');
    await expectUnchanged(context.request, unit.id, before);
    await expectSwedishOnly(page);
    await screenshot(page, 'issue14-activity-contact-refused-1400');

    await box.check();
    await form.getByLabel('Anteckning (högst 500 tecken)').fill('Ringde om belysningen vid hållplatsen');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?tab=activities');
    const created = (await activities(context.request, unit.id)).find((a) => !before.some((b) => b.id === a.id))!;
    expect(created).toMatchObject({ kind: 'contact', date: today, note: 'Ringde om belysningen vid hållplatsen' });
    expect(created.actors.map((a) => a.id)).toEqual([actor.id]);
    await expectAccessible(page, 'activities tab with the contact logged');
    expectClean(page, REFUSED);
    await context.close();
  });

  it('an editor changes every field of an activity in place and sees them after a reload', async () => {
    const { page, context, unit, contacts, children } = await editorAtKallebäck();
    const [a1, a2] = contacts;
    const date = day(-20);
    const a = (await apiRequest(context.request, product.baseUrl, 'POST', `/api/units/${unit.id}/activities`, {
      kind: 'meeting', date, actor_ids: [a1!.id], organisations: ['Polisen'], note: 'Samverkansmöte om sommaren',
    })) as Activity;
    await page.goto(`/units/${unit.id}?tab=activities`);
    await page.getByRole('heading', { name: 'Aktivitetslogg' }).waitFor();
    await page.getByRole('button', { name: `Ändra Möte ${date}` }).click();
    const form = page.getByRole('form', { name: 'Ändra aktiviteten' });
    await form.waitFor();
    await expect(form.getByLabel('Anteckning (högst 500 tecken)').inputValue()).resolves.toBe('Samverkansmöte om sommaren');

    const newDate = day(-10);
    const due = day(20);
    await form.getByLabel('Typ av aktivitet').selectOption('observation');
    await form.getByLabel('Datum').fill(newDate);
    await form.getByLabel('Deltagande organisationer (kommaseparerade)').fill('Stadsmissionen, Bostadsbolaget');
    await form.getByLabel('Anteckning (högst 500 tecken)').fill('Trasig belysning i gångtunneln');
    await form.getByRole('checkbox', { name: a1!.properties.name, exact: true }).uncheck();
    await form.getByRole('checkbox', { name: a2!.properties.name, exact: true }).check();
    await form.getByRole('checkbox', { name: children[0]!.properties.name, exact: true }).check();
    await form.getByRole('combobox', { name: 'Ansvarig aktör' }).selectOption(String(a2!.id));
    await form.getByLabel('Åtgärdas senast').fill(due);
    await form.getByRole('combobox', { name: 'Uppföljningsstatus' }).selectOption('in_progress');
    const [lon, lat] = unit.geometry.coordinates;
    await form.getByLabel('Latitud (WGS 84)').fill(String((lat + 0.001).toFixed(6)));
    await form.getByLabel('Longitud (WGS 84)').fill(String((lon + 0.001).toFixed(6)));
    await screenshot(page, 'issue14-activity-edit-form-1400');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringen är sparad.' }).waitFor();
    // Focus goes back to the entry's edit button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe(`activity-edit-${a.id}`);

    await page.reload();
    await page.getByRole('heading', { name: 'Aktivitetslogg' }).waitFor();
    const item = page.locator(`#activity-${a.id}`);
    await item.waitFor();
    const text = await item.innerText();
    for (const s of ['Iakttagelse', newDate, 'Pågår', 'Trasig belysning i gångtunneln', 'Stadsmissionen, Bostadsbolaget', a2!.properties.name, children[0]!.properties.name, due]) {
      expect(text).toContain(s);
    }
    const stored = await json<Activity>(context.request, `/api/activities/${a.id}`);
    expect(stored).toMatchObject({
      kind: 'observation', date: newDate, note: 'Trasig belysning i gångtunneln', organisations: ['Stadsmissionen', 'Bostadsbolaget'],
      due_date: due, follow_up_status: 'in_progress', responsible_actor: { id: a2!.id }, version: 2,
    });
    expect(stored.actors.map((x) => x.id)).toEqual([a2!.id]);
    expect(stored.child_places.map((x) => x.id)).toEqual([children[0]!.id]);
    expect(stored.location!.coordinates[0]).toBeCloseTo(lon + 0.001, 6);
    expect(stored.location!.coordinates[1]).toBeCloseTo(lat + 0.001, 6);
    expectClean(page, REFUSED);
    await context.close();
  });

  it('an editor sets an observation\'s place by clicking the unit map, after refusals at the due date and the half-typed place, and sees it on the map', async () => {
    const { page, context, unit } = await editorAtKallebäck();
    await page.goto(`/units/${unit.id}?tab=activities`);
    await page.getByRole('heading', { name: 'Aktivitetslogg' }).waitFor();
    await waitForMap(page);
    await waitForMapIdle(page);
    const legend = page.locator('.observation-legend');
    const legendCount = Number((await legend.innerText()).match(/\((\d+)\)/)![1]);
    await page.locator('summary').filter({ hasText: 'Lägg till aktivitet' }).click();
    const form = page.getByRole('form', { name: 'Lägg till aktivitet' });
    await form.getByLabel('Typ av aktivitet').selectOption('observation');
    const date = day(-3);
    await form.getByLabel('Datum').fill(date);
    await form.getByLabel('Anteckning (högst 500 tecken)').fill('Krossad glasruta i busskuren');
    const before = await activities(context.request, unit.id);

    // A due date before the date: refused at the due date.
    await form.getByLabel('Åtgärdas senast').fill(day(-5));
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.locator('.field-error').getByText('Förfallodatumet kan inte ligga före aktivitetens datum.').waitFor();
    await expect(form.getByLabel('Åtgärdas senast').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), POLL).toBe('date');
    await expectUnchanged(context.request, unit.id, before);
    await expectSwedishOnly(page);

    // Only a latitude: refused at the place.
    await form.getByLabel('Åtgärdas senast').fill(day(7));
    await form.getByLabel('Latitud (WGS 84)').fill('57,68');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.locator('.field-error').getByText('Ange både longitud och latitud, eller ingen av dem.').waitFor();
    await expect(form.getByLabel('Latitud (WGS 84)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectUnchanged(context.request, unit.id, before);
    await expectSwedishOnly(page);
    await screenshot(page, 'issue14-activity-refused-place-1400');

    // Pick the place on the map: a click 110 px right of and 70 px above the map's centre (the unit, where the map was fitted).
    await form.getByRole('button', { name: 'Välj plats i kartan' }).click();
    const canvas = page.locator('.map-box .maplibregl-canvas').first();
    const box = (await canvas.boundingBox())!;
    const [dx, dy] = [110, -70];
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Metres per pixel from the map's own scale bar (MapLibre measures it across the map's middle).
    const scale = page.locator('.maplibregl-ctrl-scale').first();
    const scaleText = (await scale.innerText()).replace(/\s/g, ' ');
    const scaleWidth = await scale.evaluate((el) => parseFloat((el as HTMLElement).style.width));
    const [, value, unitName] = /([\d.,]+)\s*(km|m)/.exec(scaleText)!;
    const metresPerPixel = (Number(value!.replace(',', '.')) * (unitName === 'km' ? 1000 : 1)) / scaleWidth;
    await page.mouse.click(cx + dx, cy + dy);
    await page.getByText(/Plats vald i kartan: latitud/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Välj plats i kartan');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();

    const created = (await activities(context.request, unit.id)).find((a) => !before.some((b) => b.id === a.id))!;
    expect(created).toMatchObject({ kind: 'observation', date, follow_up_status: 'open', note: 'Krossad glasruta i busskuren' });
    const expected = destination(unit.geometry.coordinates, (Math.hypot(dx, dy) * metresPerPixel) / 1000, (Math.atan2(dx, -dy) * 180) / Math.PI);
    const off = distance(created.location!.coordinates, expected, { units: 'meters' });
    expect(off, `stored point ${created.location!.coordinates} vs the clicked ${expected.geometry.coordinates}`).toBeLessThan(6);

    // On the map without a reload: the legend counts it, the symbol is drawn where the click was, its popup tells kind, date and status.
    await expect.poll(() => legend.innerText(), POLL).toContain(`(${legendCount + 1})`);
    await waitForMapIdle(page);
    const drawn = async () => {
      const png = await page.screenshot({ clip: { x: cx + dx - 14, y: cy + dy - 14, width: 28, height: 28 } });
      return (await screenshotPixels(page, png, { near: [0x92, 0x40, 0x0e], tolerance: 12 })).near;
    };
    await expect.poll(drawn, POLL).toBeGreaterThan(40);
    await page.mouse.click(cx + dx, cy + dy + 4);
    const popup = page.locator('.maplibregl-popup');
    await popup.getByText('Iakttagelse').waitFor();
    await expect(popup.innerText()).resolves.toContain(date);
    await expect(popup.innerText()).resolves.toContain('Öppen');
    await screenshot(page, 'issue14-unit-map-observation-1400');
    await expectAccessible(page, 'activities tab with an observation on the map');
    await expectSwedishOnly(page);
    expectClean(page, REFUSED);

    // The phone: the form and the map with the observation, no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Aktivitetslogg' }).waitFor();
    await waitForMap(page);
    await page.getByRole('button', { name: `Visa i kartan Iakttagelse ${date}` }).first().click();
    await page.locator('.maplibregl-popup').getByText('Iakttagelse').waitFor();
    await waitForMapIdle(page);
    // The map comes into view above the list.
    await expect.poll(() => page.locator('.map-box').first().evaluate((el) => el.getBoundingClientRect().top), POLL).toBeLessThan(844 / 2);
    await screenshot(page, 'issue14-unit-map-observation-390');
    await page.locator('summary').filter({ hasText: 'Lägg till aktivitet' }).click();
    const phoneForm = page.getByRole('form', { name: 'Lägg till aktivitet' });
    await phoneForm.getByLabel('Typ av aktivitet').selectOption('observation');
    await phoneForm.getByLabel('Typ av aktivitet').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await screenshot(page, 'issue14-activity-form-390');
    await phoneForm.getByRole('button', { name: 'Välj plats i kartan' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 300));
    await screenshot(page, 'issue14-activity-form-place-390');
    await expectNoSidewaysScroll(page);
    expectClean(page, REFUSED);
    await context.close();
  });

  it('two people change the same activity: the second sees the other\'s change field by field, keeps the other\'s and their own, and nothing is lost', async () => {
    const { page, context, unit } = await editorAtKallebäck();
    const other = await product.open({ role: 'admin' });
    const date = day(-6);
    const a = (await apiRequest(context.request, product.baseUrl, 'POST', `/api/units/${unit.id}/activities`, {
      kind: 'dialogue', date, organisations: ['Polisen'], note: 'Grannsamtal på gården',
    })) as Activity;
    await page.goto(`/units/${unit.id}?tab=activities`);
    await page.getByRole('button', { name: `Ändra Grannsamtal ${date}` }).click();
    const form = page.getByRole('form', { name: 'Ändra aktiviteten' });
    await form.waitFor();
    // Meanwhile the other person adds an organisation and rewrites the note.
    await apiRequest(other.context.request, product.baseUrl, 'PATCH', `/api/activities/${a.id}`, { organisations: ['Polisen', 'Räddningstjänsten'], note: 'Grannsamtal vid entrén' }, a.version);
    await form.getByLabel('Anteckning (högst 500 tecken)').fill('Grannsamtal om nedskräpningen');
    await form.getByRole('button', { name: 'Spara' }).click();
    const dialog = page.getByRole('dialog', { name: 'Någon annan har ändrat samma post' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Polisen, Räddningstjänsten');
    expect(text).toContain('Grannsamtal vid entrén');
    expect(text).toContain('Grannsamtal om nedskräpningen');
    await screenshot(page, 'issue14-activity-conflict-1400');
    await expectAccessible(page, 'activity conflict dialog');
    await dialog.getByRole('radio', { name: /^Min ändring/ }).check();
    await dialog.getByRole('button', { name: 'Spara mina val' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringen är sparad.' }).waitFor();
    const stored = await json<Activity>(context.request, `/api/activities/${a.id}`);
    expect(stored).toMatchObject({ version: 3, note: 'Grannsamtal om nedskräpningen', organisations: ['Polisen', 'Räddningstjänsten'] });
    await expectSwedishOnly(page);
    expectClean(page, [...REFUSED, /status of 412/]);
    await other.context.close();
    await context.close();
  });

  it('a follow-up marked done stays with Ångra, undo restores it on the server, and Visa avslutade shows it once done', async () => {
    const { page, context, unit } = await editorAtKallebäck();
    const note = 'Nedskräpning vid återvinningsstationen';
    const a = (await apiRequest(context.request, product.baseUrl, 'POST', `/api/units/${unit.id}/activities`, {
      kind: 'observation', date: day(-30), due_date: day(-2), note,
    })) as Activity;
    await page.goto('/follow-ups');
    await page.getByRole('heading', { level: 1, name: 'Uppföljning av iakttagelser och trygghetsvandringar' }).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: note });
    await row.waitFor();
    const select = row.getByRole('combobox');
    await select.selectOption('done');
    await page.getByRole('status').filter({ hasText: 'Status ändrad till Klar' }).waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect.poll(async () => (await json<Activity>(context.request, `/api/activities/${a.id}`)).follow_up_status, POLL).toBe('done');
    await screenshot(page, 'issue14-follow-ups-undo-1400');
    await expectAccessible(page, 'follow-ups with a changed row');

    await row.getByRole('button', { name: /^Ångra/ }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringen ångrades: status är Öppen igen.' }).waitFor();
    await expect.poll(async () => (await json<Activity>(context.request, `/api/activities/${a.id}`)).follow_up_status, POLL).toBe('open');
    await expect(select.inputValue()).resolves.toBe('open');
    await expect(row.getByRole('button', { name: /^Ångra/ }).count()).resolves.toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('SELECT');

    // Done again; after a reload it is gone from the default list and back with "Visa avslutade".
    await select.selectOption('done');
    await page.getByRole('status').filter({ hasText: 'Status ändrad till Klar' }).waitFor();
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    await expect(page.locator('tbody tr').filter({ hasText: note }).count()).resolves.toBe(0);
    await page.getByLabel('Visa avslutade').check();
    await expect.poll(() => page.locator('tbody tr').filter({ hasText: note }).count(), POLL).toBe(1);
    await expect(page.locator('tbody tr').filter({ hasText: note }).getByRole('combobox').inputValue()).resolves.toBe('done');
    await expectNoSidewaysScroll(page);
    // Dates never break inside: each date cell is one line.
    const lines = await page.locator('tbody tr').filter({ hasText: note }).locator('td').nth(2).evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    });
    expect(lines, 'lines of the date cell').toBe(1);
    await screenshot(page, 'issue14-follow-ups-1400');

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await page.locator('tbody tr').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'issue14-follow-ups-390');
    await expectAccessible(page, 'follow-ups on a phone');
    await expectSwedishOnly(page);
    expectClean(page, REFUSED);
    await context.close();
  });

  it('unsaved principle text survives a tab switch, is marked as unsaved, and closing the page asks first', async () => {
    const { page, context, unit } = await editorAtKallebäck();
    await page.goto(`/units/${unit.id}?tab=principles`);
    const item = page.locator('.principle-item').nth(1);
    await item.waitFor();
    const text = 'Fastighetsvärden städar runt entrén varje måndag';
    await item.getByLabel('Underlag').fill(text);
    await item.getByText('Osparad ändring').waitFor();
    await page.getByRole('tab', { name: 'Aktiviteter' }).click();
    await page.getByRole('heading', { name: 'Aktivitetslogg' }).waitFor();
    await page.getByRole('tab', { name: 'Principer' }).click();
    await expect.poll(() => page.locator('.principle-item').nth(1).getByLabel('Underlag').inputValue(), POLL).toBe(text);
    await page.locator('.principle-item').nth(1).getByText('Osparad ändring').waitFor();
    const asks = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(asks).toBe(true);
    await expectAccessible(page, 'principles with an unsaved change');
    // Saved: the mark goes and closing no longer asks.
    await page.locator('.principle-item').nth(1).getByRole('button', { name: 'Spara Princip 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Princip 2: Sparat.' }).waitFor();
    await expect.poll(() => page.getByText('Osparad ändring').count(), POLL).toBe(0);
    const principles = await json<{ principles: { principle: number; evidence: string | null }[] }>(context.request, `/api/units/${unit.id}/principles`);
    expect(principles.principles.find((p) => p.principle === 2)!.evidence).toBe(text);
    await expect(page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    })).resolves.toBe(false);
    expectClean(page, REFUSED);
    await context.close();
  });
});
