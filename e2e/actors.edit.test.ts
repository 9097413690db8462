import { distance } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_BACKENDS, expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap } from './harness.js';

type UnitF = { id: number; geometry: { coordinates: [number, number] }; properties: { name: string } };
type ContactF = { id: number; geometry: { coordinates: [number, number] }; properties: { name: string; distance_m: number; version: number; phone: string | null; contact_persons: { id: number; name: string; phone: string | null }[] } };

/** No English server text, raw code or parser message on a Swedish page. */
async function expectSwedishOnly(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text).not.toMatch(/must be|Unexpected token|precondition|is stale|not found|If-Match|Invalid input/i);
}

/** Clicks the picker's map `dx`, `dy` pixels from its centre, once it has loaded. */
async function clickPicker(page: Page, dx: number, dy: number) {
  await page.locator('.picker .map-box[data-map-ready="true"]').waitFor({ timeout: 20_000 });
  const canvas = page.locator('.picker canvas').first();
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.waitForTimeout(300);
  const box = (await canvas.boundingBox())!;
  const x = box.x + box.width / 2 + dx;
  const y = box.y + box.height / 2 + dy;
  await page.mouse.click(x, y);
}

for (const backend of E2E_BACKENDS) {
 describe.skipIf(!hasChromium)(`actors edited in the product (${backend})`, () => {
  const product = useProduct({ backend });
  const suffix = backend === 'pglite' ? '' : `-${backend}`;

  it('unit staff add an actor with two contact persons at a clicked point, find it at the right distance, correct a phone number and log a contact', async () => {
    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const units = (await (await context.request.get('/api/units')).json()) as { features: UnitF[] };
    const kalle = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!;
    await page.goto(`/units/${kalle.id}?tab=contacts`);
    await page.getByRole('heading', { level: 1, name: kalle.properties.name }).waitFor();
    await page.getByRole('button', { name: 'Lägg till aktör här' }).click();
    const form = page.locator('form.record-form');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Ny aktör');
    await waitForMap(page);

    // An error case first: a contact person with a bad e-mail address and no location.
    await form.getByLabel('Namn', { exact: true }).fill('Ängens livs');
    await form.getByLabel('Kategori').selectOption({ label: 'Butik och handel' });
    await form.getByRole('button', { name: 'Lägg till en kontaktperson' }).click();
    const row1 = form.getByRole('group', { name: 'Kontaktperson 1' });
    await row1.getByLabel('Namn').fill('Anna Andersson');
    await row1.getByLabel('E-post i tjänsten').fill('inte-en-adress');
    await form.getByRole('button', { name: 'Spara aktören' }).click();
    await form.locator('.form-error').waitFor();
    await expect(row1.locator('.field-error').innerText()).resolves.toMatch(/e-postadress/);
    await expect(form.locator('.field-error', { hasText: 'Placera aktören i kartan' }).count()).resolves.toBe(1);
    await expectSwedishOnly(page);

    // Fixed: the e-mail, a second person, the other fields, and a point clicked on the map.
    await row1.getByLabel('E-post i tjänsten').fill('anna@angenslivs.example');
    await row1.getByLabel('Roll').fill('Butikschef');
    await row1.getByLabel('Telefon i tjänsten').fill('031-12 34 56');
    await form.getByRole('button', { name: 'Lägg till en kontaktperson' }).click();
    const row2 = form.getByRole('group', { name: 'Kontaktperson 2' });
    await row2.getByLabel('Namn').fill('Bo Berg');
    await row2.getByLabel('Roll').fill('Ägare');
    await form.getByLabel('Organisation', { exact: true }).fill('Ängens livs AB');
    await form.getByLabel('Vad man kontaktar dem om').fill('Nedskräpning vid entrén');
    await form.getByLabel('Adress', { exact: true }).fill('Smörkärnegatan 10');
    await form.getByLabel('Telefon (organisationen)').fill('031-99 88 77');
    await clickPicker(page, 70, -45);
    await expect.poll(() => form.locator('.picker-readout').getAttribute('data-lonlat'), POLL).not.toBe('');
    await expectAccessible(page, 'actor form');
    await screenshot(page, `issue14-actor-form-1400${suffix}`);
    await form.getByRole('button', { name: 'Spara aktören' }).click();
    await page.getByRole('status').filter({ hasText: 'Ängens livs sparades.' }).waitFor();

    // Read back through the API; the distance is checked with turf from the unit's coordinates.
    const contacts = (await (await context.request.get(`/api/units/${kalle.id}/contacts`)).json()) as { features: ContactF[] };
    const mine = contacts.features.find((f) => f.properties.name === 'Ängens livs')!;
    expect(mine, 'the new actor is among the unit contacts').toBeDefined();
    expect(mine.properties.contact_persons.map((p) => p.name)).toEqual(['Anna Andersson', 'Bo Berg']);
    const unit = (await (await context.request.get(`/api/units/${kalle.id}`)).json()) as UnitF;
    const turfMetres = distance(unit.geometry.coordinates, mine.geometry.coordinates, { units: 'meters' });
    expect(turfMetres).toBeGreaterThan(20);
    // turf measures on a sphere, the server on the WGS 84 spheroid: within 0.5 % (and 1 m of rounding).
    expect(Math.abs(mine.properties.distance_m - turfMetres)).toBeLessThanOrEqual(0.005 * turfMetres + 1);
    const card = page.locator(`#contact-${mine.id}`);
    await card.waitFor();
    const shown = await card.locator('.distance').innerText();
    expect(shown).toBe(new Intl.NumberFormat('sv-SE', { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(mine.properties.distance_m));
    expect(Math.abs(Number(shown.replace(/[^\d]/g, '')) - turfMetres)).toBeLessThanOrEqual(0.005 * turfMetres + 1);
    await expect(card.innerText()).resolves.toContain('Ingen kontakt loggad');
    // Focus landed on the new card's name.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article')?.id), POLL).toBe(`contact-${mine.id}`);

    // Correct a phone number inline: "Ändra", the field, Enter.
    await card.getByRole('button', { name: 'Ändra Anna Andersson' }).click();
    const personForm = card.getByRole('form', { name: 'Kontaktperson: Anna Andersson' });
    await personForm.getByLabel('Telefon i tjänsten').fill('031-12 34 99');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, `issue14-contact-card-inline-1400${suffix}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, `issue14-contact-card-inline-390${suffix}`);
    await expectAccessible(page, 'contact card with inline person form at 390 px');
    await page.setViewportSize({ width: 1400, height: 900 });
    await personForm.getByLabel('Telefon i tjänsten').press('Enter');
    await card.getByRole('status').filter({ hasText: 'Anna Andersson sparades.' }).waitFor();
    await expect.poll(async () => (await card.innerText()).includes('031-12 34 99'), POLL).toBe(true);
    const anna = mine.properties.contact_persons.find((p) => p.name === 'Anna Andersson')!;
    const stored = await (await context.request.get(`/api/contact-persons/${anna.id}`)).json();
    expect(stored).toMatchObject({ phone: '031-12 34 99', role: 'Butikschef', email: 'anna@angenslivs.example', version: 2 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Ändra Anna Andersson');

    // Bo Berg has left: hidden at once after the confirmation.
    await card.getByRole('button', { name: 'Bo Berg har slutat' }).click();
    const confirm = page.getByRole('dialog', { name: 'Har Bo Berg slutat?' });
    await confirm.waitFor();
    await screenshot(page, `issue14-person-left-confirm${suffix}`);
    await confirm.getByRole('button', { name: 'Ja, personen har slutat' }).click();
    await card.getByRole('status').filter({ hasText: 'Bo Berg visas inte längre.' }).waitFor();
    await expect.poll(async () => (await card.locator('.persons').innerText()).includes('Bo Berg'), POLL).toBe(false);
    const bo = mine.properties.contact_persons.find((p) => p.name === 'Bo Berg')!;
    expect((await context.request.get(`/api/contact-persons/${bo.id}`)).status()).toBe(404);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Lägg till kontaktperson hos Ängens livs');

    // "Logga kontakt" lands on the activity form with the actor set.
    await card.getByRole('link', { name: 'Logga kontakt med Ängens livs' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab'), POLL).toBe('activities');
    expect(page.url()).toContain(`log_actor=${mine.id}`);
    const activityForm = page.getByRole('form', { name: 'Lägg till aktivitet' });
    await activityForm.waitFor();
    await expect(activityForm.getByLabel('Typ av aktivitet').inputValue()).resolves.toBe('contact');
    const actorBox = activityForm.getByRole('checkbox', { name: 'Ängens livs', exact: true });
    await expect.poll(() => actorBox.isChecked(), POLL).toBe(true);
    const date = await activityForm.getByLabel('Datum').inputValue();
    await activityForm.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('log_actor'), POLL).toBeNull();
    // Back on the contacts: the card says when the actor was last contacted.
    await page.getByRole('tab', { name: 'Kontakter' }).click();
    const lastContacted = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    await expect.poll(() => page.locator(`#contact-${mine.id} .last-contacted`).innerText(), POLL).toBe(`Senast kontaktad: ${lastContacted}`);
    const read = await (await context.request.get(`/api/actors/${mine.id}`)).json();
    expect(read.properties.last_contacted_at).toBe(date);
    await expectSwedishOnly(page);
    // The refused first save is the browser's own log line for the 400 the form answered.
    expectClean(page, [/status of 400 \(Bad Request\) \(http:\/\/[^)]+\/api\/actors\)/]);
    await context.close();
  });

  it('two editors change the same actor: the second is shown the conflict field by field; the actor is moved and removed', async () => {
    const a = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const b = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const units = (await (await a.context.request.get('/api/units')).json()) as { features: UnitF[] };
    const kalle = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!;
    const [lon, lat] = kalle.geometry.coordinates;
    const created = await a.context.request.post('/api/actors', {
      headers: { Origin: product.baseUrl },
      data: { type: 'Feature', geometry: { type: 'Point', coordinates: [lon + 0.001, lat] }, properties: { name: 'Krockföreningen', category: 'association', phone: '031-1' } },
    });
    expect(created.status()).toBe(201);
    const actor = (await created.json()) as ContactF;
    for (const s of [a, b]) {
      await s.page.goto(`/units/${kalle.id}?tab=contacts`);
      await s.page.locator(`#contact-${actor.id}`).getByRole('button', { name: 'Ändra Krockföreningen' }).click();
      await s.page.locator('form.record-form').waitFor();
    }
    await a.page.locator('form.record-form').getByLabel('Telefon (organisationen)').fill('031-2');
    await a.page.locator('form.record-form').getByRole('button', { name: 'Spara' }).click();
    await a.page.getByRole('status').filter({ hasText: 'Ändringarna av Krockföreningen sparades.' }).waitFor();

    const formB = b.page.locator('form.record-form');
    await formB.getByLabel('Telefon (organisationen)').fill('031-3');
    await formB.getByLabel('Vad man kontaktar dem om').fill('Lokalen i källaren');
    await formB.getByRole('button', { name: 'Spara' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Någon annan har ändrat samma post' });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('031-2');
    await expect(dialog.innerText()).resolves.toContain('031-3');
    await screenshot(b.page, `issue14-actor-conflict${suffix}`);
    await expectAccessible(b.page, 'actor conflict dialog');
    await expectSwedishOnly(b.page);
    // Keep my phone number; the other change (none besides) stays theirs.
    await dialog.getByRole('radio', { name: /^Min ändring/ }).check();
    await dialog.getByRole('button', { name: 'Spara mina val' }).click();
    await b.page.getByRole('status').filter({ hasText: 'Ändringarna av Krockföreningen sparades.' }).waitFor();
    const after = await (await b.context.request.get(`/api/actors/${actor.id}`)).json();
    expect(after.properties).toMatchObject({ phone: '031-3', contact_about: 'Lokalen i källaren', version: 3 });

    // Moved with the picker's typed coordinates, far outside the outer ring: gone from the contacts.
    await b.page.locator(`#contact-${actor.id}`).getByRole('button', { name: 'Ändra Krockföreningen' }).click();
    const formB2 = b.page.locator('form.record-form');
    await formB2.getByLabel('Koordinater').fill('57.75, 11.90');
    await formB2.getByRole('button', { name: 'Använd koordinaterna' }).click();
    await formB2.getByRole('button', { name: 'Spara' }).click();
    await b.page.getByRole('status').filter({ hasText: 'Ändringarna av Krockföreningen sparades.' }).waitFor();
    const moved = await (await b.context.request.get(`/api/actors/${actor.id}`)).json();
    expect(moved.geometry.coordinates[0]).toBeCloseTo(11.9, 5);
    expect(moved.geometry.coordinates[1]).toBeCloseTo(57.75, 5);
    await expect.poll(() => b.page.locator(`#contact-${actor.id}`).count(), POLL).toBe(0);
    // Back near the unit by API, then removed from its card with a confirmation.
    const back = await b.context.request.patch(`/api/actors/${actor.id}`, {
      headers: { Origin: product.baseUrl, 'If-Match': `"${moved.properties.version}"` },
      data: { geometry: { type: 'Point', coordinates: [lon + 0.001, lat] } },
    });
    expect(back.status()).toBe(200);
    await b.page.reload();
    await b.page.locator(`#contact-${actor.id}`).getByRole('button', { name: 'Ta bort Krockföreningen' }).click();
    const confirm = b.page.getByRole('dialog', { name: 'Ta bort Krockföreningen?' });
    await confirm.waitFor();
    await expect(confirm.innerText()).resolves.toContain('kontaktpersoner');
    await confirm.getByRole('button', { name: 'Ja, ta bort' }).click();
    await b.page.getByRole('status').filter({ hasText: 'Krockföreningen togs bort.' }).waitFor();
    expect((await b.context.request.get(`/api/actors/${actor.id}`)).status()).toBe(404);
    expectClean(a.page);
    // The 412 of the stale save is the browser's own log line; it is what the dialog answers.
    expectClean(b.page, [/status of 412 \(Precondition Failed\)/]);
    await a.context.close();
    await b.context.close();
  });

  it('a viewer sees no edit control, and the server refuses the viewer\'s write anyway', async () => {
    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 1400, height: 900 } });
    const units = (await (await context.request.get('/api/units')).json()) as { features: UnitF[] };
    const kalle = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!;
    await page.goto(`/units/${kalle.id}?tab=contacts`);
    const cards = page.locator('article.contact-card');
    await cards.first().waitFor();
    await expect(cards.first().innerText()).resolves.toContain('Senast kontaktad');
    await expect(page.getByRole('button', { name: 'Lägg till aktör här' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Ändra / }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Ta bort / }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /har slutat$/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /^Logga kontakt/ }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: /Barns platser/ }).click();
    await page.locator('.children-table').waitFor();
    await expect(page.getByRole('button', { name: 'Lägg till barns plats' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Ändra / }).count()).resolves.toBe(0);

    const contacts = (await (await context.request.get(`/api/units/${kalle.id}/contacts`)).json()) as { features: ContactF[] };
    const target = contacts.features[0]!;
    const res = await context.request.patch(`/api/actors/${target.id}`, {
      headers: { Origin: product.baseUrl, 'If-Match': `"${target.properties.version}"` },
      data: { properties: { phone: '000' } },
    });
    expect(res.status()).toBe(403);
    const person = target.properties.contact_persons[0];
    if (person) {
      const p = await context.request.patch(`/api/contact-persons/${person.id}`, { headers: { Origin: product.baseUrl, 'If-Match': '"1"' }, data: { active: false } });
      expect(p.status()).toBe(403);
    }
    const still = await (await context.request.get(`/api/actors/${target.id}`)).json();
    expect(still.properties.phone).toBe(target.properties.phone);
    expectClean(page);
    await context.close();
  });
});
}
