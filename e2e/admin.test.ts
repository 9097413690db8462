/**
 * What each role sees of administration: an admin manages users and reads the audit
 * log; an editor and a viewer get no admin link and a plain refusal; everyone makes
 * personal API tokens that GIS clients then use.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, screenshot, useProduct } from './harness.js';

describe.skipIf(!hasChromium)('administration and API tokens', () => {
  const product = useProduct();

  it('an admin creates a user, changes its role, and finds both in the audit log', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    await page.goto('/');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Användare', exact: true }).waitFor();
    await page.getByLabel('E-post').fill('ny.redaktor@example.se');
    await page.getByLabel('Namn', { exact: true }).fill('Ny Redaktör');
    await page.locator('#new-user-role').selectOption('editor');
    await page.getByLabel(/Lösenord/).fill('ett långt lösenord');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByText('Användaren ny.redaktor@example.se skapades.').waitFor();
    await page.getByLabel('Roll: Ny Redaktör').selectOption('viewer');
    const confirm = page.getByRole('dialog', { name: 'Ändra rollen för Ny Redaktör?' });
    await confirm.getByText('Ny Redaktör går från Redaktör till Läsare.').waitFor();
    await confirm.getByRole('button', { name: 'Gör till läsare' }).click();
    await page.getByText('Ändringen sparades.').waitFor();
    await page.locator('#main').getByRole('button', { name: 'Sök', exact: true }).click();
    const rows = page.locator('section[aria-labelledby="audit-title"] tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).filter((r) => r.includes('Användare')).length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'admin-users-audit', true);
    await expectAccessible(page, 'administration');
    expectClean(page);
    await context.close();
  });

  it('the audit log shows Swedish local time with the zone, before and after, pages, and explains a reversed range', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    // More than a page of entries: rename one user back and forth through the API (as the admin).
    const users = (await (await context.request.get('/api/users')).json()) as { users: { id: number; name: string; role: string; version: number }[] };
    let viewer = users.users.find((u) => u.role === 'viewer')!;
    const original = viewer.name;
    for (let i = 0; i < 26; i++) {
      for (const name of [`Granskad ${i}`, original]) {
        const res = await context.request.patch(`/api/users/${viewer.id}`, { data: { name }, headers: { 'if-match': `"${viewer.version}"` } });
        expect(res.status()).toBe(200);
        viewer = await res.json();
      }
    }
    await page.goto('/admin');
    const log = page.locator('section[aria-labelledby="audit-title"]');
    await log.getByRole('status').filter({ hasText: /Visar 1–50 av \d+ poster/ }).waitFor();
    const firstTime = (await log.locator('table.audit-table > tbody > tr > td:first-child').first().textContent())!;
    expect(firstTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} CES?T/);
    // The newest change shows what it changed: the name, back from the last "Granskad".
    await log.getByText('Visa före och efter').first().click();
    const change = log.locator('.change-table').first();
    await expect.poll(() => change.textContent()).toContain('Granskad 25');
    expect(await change.textContent()).toContain(original);
    await log.getByRole('button', { name: 'Nästa sida' }).click();
    await log.getByRole('status').filter({ hasText: /Visar 51–/ }).waitFor();
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'admin-audit-log', true);
    // A to date before the from date is explained, and no request is made.
    let asked = 0;
    page.on('request', (r) => void (r.url().includes('/api/audit') && asked++));
    await log.getByLabel('Från (datum)').fill('2026-12-02');
    await log.getByLabel('Till (datum)').fill('2026-12-01');
    await log.getByRole('button', { name: 'Sök', exact: true }).click();
    await log.getByRole('alert').filter({ hasText: 'Till-datumet ligger före från-datumet' }).waitFor();
    expect(asked).toBe(0);
    expectClean(page);
    await context.close();
  });

  it('an arrow key on a focused role select asks first: Escape keeps the role, nothing is sent; confirming grants it', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    const email = `pil.${Date.now()}@example.se`;
    const created = await context.request.post('/api/users', {
      data: { email, name: 'Pil Tangent', role: 'viewer', password: 'ett långt lösenord' }, headers: { Origin: product.baseUrl },
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).id as number;
    const roleOnServer = async () => (await (await context.request.get(`/api/users/${id}`)).json()).role as string;
    let patches = 0;
    page.on('request', (r) => void (r.method() === 'PATCH' && r.url().endsWith(`/api/users/${id}`) && patches++));
    await page.goto('/admin');
    const select = page.getByLabel('Roll: Pil Tangent');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    const confirm = page.getByRole('dialog', { name: 'Ändra rollen för Pil Tangent?' });
    await confirm.getByText('Pil Tangent går från Läsare till Redaktör.').waitFor();
    await expectAccessible(page, 'role change confirmation');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`role-${id}`);
    expect(await select.inputValue()).toBe('viewer');
    expect(patches).toBe(0);
    expect(await roleOnServer()).toBe('viewer');
    // Choosing administrator says what that means and is confirmed with the red button.
    await select.selectOption('admin');
    await confirm.getByText('En administratör hanterar användare och roller').waitFor();
    await screenshot(page, 'admin-role-confirm', true);
    await confirm.getByRole('button', { name: 'Gör till administratör' }).click();
    await page.getByText('Ändringen sparades.').waitFor();
    expect(patches).toBe(1);
    expect(await roleOnServer()).toBe('admin');
    expect(await select.inputValue()).toBe('admin');
    expectClean(page);
    await context.close();
  });

  it('a user changes their own password: a wrong current one is named at its field, then this browser stays signed in', async () => {
    const admin = await product.open({ role: 'admin' });
    const email = `byt.${Date.now()}@example.se`;
    const created = await admin.context.request.post('/api/users', {
      data: { email, name: 'Byt Lösen', role: 'editor', password: 'det gamla lösenordet' }, headers: { Origin: product.baseUrl },
    });
    expect(created.status()).toBe(201);
    await admin.context.close();
    const { page, context } = await product.open({ role: null });
    const signIn = await context.request.post('/api/auth/login', { data: { email, password: 'det gamla lösenordet' }, headers: { Origin: product.baseUrl } });
    expect(signIn.status()).toBe(200);
    await page.goto('/tokens');
    const form = page.locator('section[aria-labelledby="own-password-title"]');
    await form.getByLabel('Nuvarande lösenord').fill('inte mitt lösenord');
    await form.getByLabel(/Nytt lösenord/).fill('ett alldeles nytt lösenord');
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => page.locator('#current-password-error').textContent()).toContain('Det är inte ditt nuvarande lösenord.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('current-password');
    await form.getByLabel('Nuvarande lösenord').fill('det gamla lösenordet');
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await form.getByText(/Lösenordet är bytt\. 0 andra inloggningar avslutades och 0 API-nycklar återkallades\./).waitFor();
    await screenshot(page, 'own-password', true);
    await expectAccessible(page, 'own password');
    expect((await context.request.get('/api/auth/me')).status()).toBe(200);
    const again = await product.open({ role: null });
    expect((await again.context.request.post('/api/auth/login', { data: { email, password: 'det gamla lösenordet' }, headers: { Origin: product.baseUrl } })).status()).toBe(401);
    expect((await again.context.request.post('/api/auth/login', { data: { email, password: 'ett alldeles nytt lösenord' }, headers: { Origin: product.baseUrl } })).status()).toBe(200);
    await again.context.close();
    // the browser's own log line for the refused first attempt
    expectClean(page, [/status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/auth\/password\)/]);
    await context.close();
  });

  it('an editor has no admin link and the page refuses', async () => {
    const { page, context } = await product.open({ role: 'editor' });
    await page.goto('/');
    await page.getByRole('link', { name: 'Karta' }).waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByText('Bara administratörer når den här sidan.').waitFor();
    expectClean(page);
    await context.close();
  });

  it('a viewer creates an API token shown once that then works as Bearer, and revokes it', async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    await page.goto('/tokens');
    await page.getByLabel(/Namn på nyckeln/).fill('QGIS på min dator');
    await page.getByRole('button', { name: 'Skapa nyckel' }).click();
    const token = (await page.locator('.token-secret').textContent())!.trim();
    expect(token.length).toBeGreaterThan(30);
    await screenshot(page, 'admin-api-token', true);
    const ogc = await context.request.get('/ogc/collections', { headers: { authorization: `Bearer ${token}`, cookie: '' } });
    expect(ogc.status()).toBe(200);
    await expectAccessible(page, 'api tokens');
    await page.getByRole('button', { name: /Återkalla.*QGIS på min dator/ }).click();
    await page.getByText('Nyckeln återkallades.').waitFor();
    await expect.poll(async () => (await context.request.get('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
    expectClean(page);
    await context.close();
  });
});
