/**
 * Messages in the user's language and concurrent edits: the error cases a user can
 * provoke in the existing forms show the catalogue's Swedish (or English) text at the
 * field, never the server's English or a raw code; a 412 shows the other person's change
 * field by field and the user chooses.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formsEn, formsSv } from '../client/src/forms/messages.js';
import { sv } from '../client/src/i18n/sv.js';
import { outreachSv } from '../client/src/outreach/messages.js';
import { apiRequest } from './apiRequest.js';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, TEST_PASSWORD, TEST_USERS, useProduct } from './harness.js';
import { expectNoEnglishOrRawCodes, findEnglishOrRawCodes } from './language.js';

/** The browser logs each refused request as a console error: those this file provokes on purpose. */
const REFUSED = [/status of (400|401|409|412) \(/];

/** The administration page's texts the new-user form is found and sent by, in the page's language. */
interface NewUserForm { heading: string; email: string; name: string; create: string }

/** Opens the administration page and sends its new-user form with a password too weak to accept. */
async function sendWeakPassword(page: Page, form: NewUserForm) {
  await page.goto('/admin');
  await page.getByRole('heading', { name: form.heading, exact: true }).waitFor();
  await page.locator('#new-user-email').fill(form.email);
  await page.locator('#new-user-name').fill(form.name);
  await page.locator('#new-user-password').fill('password1');
  await page.getByRole('button', { name: form.create }).click();
}

describe.skipIf(!hasChromium)('messages in the user\'s language', () => {
  const product = useProduct();

  it('sign-in with a wrong password says so in Swedish', async () => {
    const { page, context } = await product.open({ role: null });
    await page.goto('/');
    await page.getByLabel('E-postadress').fill(TEST_USERS.editor.email);
    await page.getByLabel('Lösenord').fill(`${TEST_PASSWORD}-fel`);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText(sv.signIn.wrong).waitFor();
    await expectNoEnglishOrRawCodes(page);
    await screenshot(page, 'issue14-messages-signin-wrong');
    expectClean(page, REFUSED);
    await context.close();
  });

  it('an admin creating a user is told at the field: a weak password, then an e-mail already taken; focus goes to the field', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    await sendWeakPassword(page, { heading: 'Användare', email: 'ny.person@example.se', name: 'Ny Person', create: 'Skapa användare' });
    const passwordError = page.locator('#new-user-password-error');
    await passwordError.waitFor();
    expect(await passwordError.innerText()).toBe(formsSv.rule.weak_password);
    await expect.poll(() => page.locator('#new-user-password').getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await page.locator('#new-user-password').getAttribute('aria-describedby')).toContain('new-user-password-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('new-user-password');
    await expectNoEnglishOrRawCodes(page);
    await screenshot(page, 'issue14-messages-admin-weak-password', true);

    await page.locator('#new-user-email').fill(TEST_USERS.editor.email);
    await page.locator('#new-user-password').fill('ett långt lösenord med ord');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    const emailError = page.locator('#new-user-email-error');
    await emailError.waitFor();
    expect(await emailError.innerText()).toBe(formsSv.rule.email_taken);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('new-user-email');
    expect(await page.locator('#new-user-password-error').count()).toBe(0);
    await page.getByRole('alert').filter({ hasText: formsSv.rule.email_taken }).waitFor();
    await expectNoEnglishOrRawCodes(page);
    await expectAccessible(page, 'admin with field errors');
    await screenshot(page, 'issue14-messages-admin-email-taken', true);
    expectClean(page, REFUSED);
    await context.close();
  });

  it('the same weak password in English', async () => {
    const { page, context } = await product.open({ role: 'admin', lang: 'en' });
    await sendWeakPassword(page, { heading: 'Users', email: 'new.person@example.se', name: 'New Person', create: 'Create user' });
    await page.locator('#new-user-password-error').waitFor();
    expect(await page.locator('#new-user-password-error').innerText()).toBe(formsEn.rule.weak_password);
    await expectNoEnglishOrRawCodes(page, 'en');
    await screenshot(page, 'issue14-messages-admin-weak-password-en', true);
    expectClean(page, REFUSED);
    await context.close();
  });

  it('an import with bad rows lists each reason in Swedish, enum values by their labels', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    await page.goto('/import');
    await page.getByRole('heading', { level: 1, name: 'Importera data' }).waitFor();
    await page.getByLabel('Lager', { exact: true }).selectOption('units');
    const csv = ['name;kind;lon;lat', 'Rad ett;castle;11,95;57,70', 'Rad två;shelter;elva;57,70', 'Rad tre;shelter;57,70;11,95', 'Rad fyra;shelter;11,95;57,70'].join('\n');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'felrader.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The file is read before the dry run can start; the server recognises the format from its bytes.
    await expect.poll(() => page.getByLabel('Format', { exact: true }).inputValue(), POLL).toBe('auto');
    await expect.poll(() => page.getByRole('button', { name: 'Provkör' }).first().isEnabled(), POLL).toBe(true);
    await page.getByRole('button', { name: 'Provkör' }).first().click();
    const issues = page.locator('table.import-issues tbody tr');
    await expect.poll(() => issues.count(), { timeout: 30_000 }).toBe(3);
    const rows = await issues.allInnerTexts();
    expect(rows[0]).toContain('”castle” är inte ett känt värde. Giltiga:');
    expect(rows[0]).toContain(sv.unitKind.care_home);
    expect(rows[1]).toContain('”elva” är inte ett tal (longitud).');
    expect(rows[2]).toContain('Koordinaterna ser omkastade ut.');
    await expectNoEnglishOrRawCodes(page);
    await page.locator('table.import-issues').scrollIntoViewIfNeeded();
    await screenshot(page, 'issue14-messages-import-rejected');
    await expectAccessible(page, 'import report with rejected rows');
    expectClean(page, REFUSED);
    await context.close();
  });

  it('deleting an activity someone else changed meanwhile (412) says so in Swedish and keeps it', async () => {
    const first = await product.open({ role: 'editor' });
    const units = await apiRequest(first.context.request, product.baseUrl, 'GET', '/api/units');
    const unit = (units.features as { id: number; properties: { name: string } }[]).find((u) => u.properties.name.startsWith('Kallebäcks'))!;
    const note = `Möte om belysning ${Date.now()}`;
    const created = await apiRequest(first.context.request, product.baseUrl, 'POST', `/api/units/${unit.id}/activities`, {
      kind: 'meeting', date: new Date().toISOString().slice(0, 10), actor_ids: [], child_place_ids: [], organisations: ['Fastighetsägaren'], note,
    });
    const { page } = first;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`/units/${unit.id}?tab=activities`);
    const item = page.locator('.activity-item').filter({ hasText: note });
    await item.waitFor({ timeout: 15_000 });

    const second = await product.open({ role: 'editor' });
    await apiRequest(second.context.request, product.baseUrl, 'PATCH', `/api/activities/${created.id}`, { note: `${note} (ändrad)` }, created.version);
    await second.context.close();

    await item.getByRole('button', { name: /Ta bort/ }).click();
    await page.getByText(outreachSv.stale).waitFor();
    await expectNoEnglishOrRawCodes(page);
    await screenshot(page, 'issue14-messages-activity-delete-412');
    const still = await apiRequest(first.context.request, product.baseUrl, 'GET', `/api/activities/${created.id}`);
    expect(still.note).toBe(`${note} (ändrad)`);
    expectClean(page, REFUSED);
    await first.context.close();
  });
});

describe.skipIf(!hasChromium)('the language check itself', () => {
  const product = useProduct();

  it('finds raw codes and English server text, and ignores what is marked data-raw-ok', async () => {
    const { page, context } = await product.open({ role: null });
    await page.goto('/');
    /** Replaces the page with paragraphs of plain text (`rawOk` ones marked data-raw-ok). */
    const showParagraphs = (paragraphs: [string, boolean][]) =>
      page.evaluate((list) => {
        document.body.replaceChildren(
          ...list.map(([text, rawOk]) => {
            const p = document.createElement('p');
            p.textContent = text;
            if (rawOk) p.setAttribute('data-raw-ok', '');
            return p;
          }),
        );
      }, paragraphs);
    await showParagraphs([
      ['Kategori: property_owner', false], ['Invalid body: name must be a string', false], ['Unexpected token < in JSON', false],
      ['Typ: shelter', false], ['kontakt_person@example.se', true], ['Allt väl', false],
    ]);
    const found = await findEnglishOrRawCodes(page);
    expect(found).toContain('raw code "property_owner"');
    expect(found).toContain('raw code "shelter"');
    expect(found.some((f) => f.includes('Invalid body'))).toBe(true);
    expect(found.some((f) => f.includes('Unexpected token'))).toBe(true);
    expect(found.some((f) => f.includes('kontakt_person'))).toBe(false);
    await showParagraphs([['Välj en av: Vårdboende, Stödboende.', false], ['anna_berg@example.se', true]]);
    expect(await findEnglishOrRawCodes(page)).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!hasChromium)('concurrent edits', () => {
  const product = useProduct();

  it('two administrators change the same user: the second sees the other change field by field, Escape keeps editing, and the chosen values are saved', async () => {
    const mine = await product.open({ role: 'admin' });
    const user = await apiRequest(mine.context.request, product.baseUrl, 'POST', '/api/users', {
      email: 'konflikt.person@example.se', name: 'Konflikt Person', role: 'viewer', password: 'ett långt lösenord med ord',
    });
    const { page } = mine;
    await page.goto('/admin');
    const roleSelect = page.getByLabel('Roll: Konflikt Person');
    await roleSelect.waitFor();

    // Someone else renames the user and makes them editor.
    const other = await product.open({ role: 'admin' });
    await apiRequest(other.context.request, product.baseUrl, 'PATCH', `/api/users/${user.id}`, { name: 'Konflikt Persson', role: 'editor' }, user.version);
    await other.context.close();

    // I make them administrator, from the page read before that change (confirmed first).
    await roleSelect.selectOption('admin');
    await page.getByRole('dialog', { name: 'Ändra rollen för Konflikt Person?' }).getByRole('button', { name: 'Gör till administratör' }).click();
    const dialog = page.getByRole('dialog', { name: formsSv.conflict.title });
    await dialog.waitFor();
    const roleRow = dialog.locator('.conflict-field[data-state="both"]');
    expect(await roleRow.locator('legend').innerText()).toBe('Roll');
    const values = await roleRow.locator('dd').allInnerTexts();
    expect(values).toEqual(['Läsare', 'Redaktör', 'Administratör']);
    const nameRow = dialog.locator('.conflict-field[data-state="theirs"]');
    expect(await nameRow.innerText()).toContain('Konflikt Persson');
    expect(await nameRow.innerText()).toContain(formsSv.conflict.takenTheirs);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), POLL).toBe('radio');
    await expectAccessible(page, 'conflict dialog');
    await expectNoEnglishOrRawCodes(page);
    await screenshot(page, 'issue14-conflict-dialog');
    // At 390 px the three values stack and nothing is cut.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    await screenshot(page, 'issue14-conflict-dialog-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Escape cancels: nothing saved, nothing of mine dropped on the server.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await apiRequest(mine.context.request, product.baseUrl, 'GET', `/api/users/${user.id}`)).role).toBe('editor');

    // Again, and this time save my role: their name stays, my role wins.
    await roleSelect.selectOption('admin');
    await page.getByRole('dialog', { name: /^Ändra rollen för Konflikt Person/ }).getByRole('button', { name: 'Gör till administratör' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: formsSv.conflict.save }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Roll' }).waitFor();
    await dialog.getByRole('radio', { name: `${formsSv.conflict.chooseMine}: Administratör` }).check();
    await dialog.getByRole('button', { name: formsSv.conflict.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(sv.admin.saved).waitFor();
    await expect
      .poll(async () => {
        const u = await apiRequest(mine.context.request, product.baseUrl, 'GET', `/api/users/${user.id}`);
        return `${u.name}/${u.role}`;
      }, POLL)
      .toBe('Konflikt Persson/admin');
    await expect.poll(() => page.getByLabel('Roll: Konflikt Persson').inputValue(), POLL).toBe('admin');
    await screenshot(page, 'issue14-conflict-resolved', true);
    expectClean(page, REFUSED);
    await mine.context.close();
  });
});
