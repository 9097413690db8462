/**
 * A person's own sign-ins on the API-nycklar page: the laptop they sit at and the phone
 * they lost, told apart by browser and system; the phone signed out from the laptop is
 * signed out at once, and focus lands on the line that says so.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, screenshot, useProduct } from './harness.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

describe.skipIf(!hasChromium)('own sign-ins', () => {
  const product = useProduct();

  it('lists this browser and a phone, and signs the phone out from here', async () => {
    const email = `sessioner.${Date.now()}@example.se`;
    const password = 'en tappad telefon i parken';
    const admin = await product.open({ role: 'admin' });
    const created = await admin.context.request.post('/api/users', {
      data: { email, name: 'Tappad Telefon', role: 'viewer', password }, headers: { Origin: product.baseUrl },
    });
    expect(created.status()).toBe(201);
    await admin.context.close();

    const phone = await product.browser.newContext({ baseURL: product.baseUrl, userAgent: IPHONE, viewport: { width: 390, height: 844 } });
    expect((await phone.request.post('/api/auth/login', { data: { email, password }, headers: { Origin: product.baseUrl } })).status()).toBe(200);
    expect((await phone.request.get('/api/auth/me')).status()).toBe(200);

    const { page, context } = await product.open({ role: null });
    await page.goto('/');
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await page.goto('/tokens');
    const table = page.getByRole('list', { name: 'Dina inloggningar' });
    await expect.poll(() => table.getByRole('listitem').count()).toBe(2);
    const rows = await table.locator('.session-name').allTextContents();
    expect(rows.some((r) => /Safari på iOS/.test(r) && !/den här/.test(r))).toBe(true);
    expect(rows.some((r) => /Chrom(e|ium) på Linux/.test(r) && /den här/.test(r))).toBe(true);
    // Only the other sign-in can be ended here; this one signs out with the header's button.
    const endButtons = table.getByRole('button', { name: /^Logga ut/ });
    expect(await endButtons.count()).toBe(1);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'own-sessions');
    await expectAccessible(page, 'own sessions');

    await endButtons.first().press('Enter');
    const status = page.getByText('Inloggningen avslutades.');
    await status.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Inloggningen avslutades.');
    await expect.poll(() => table.getByRole('listitem').count()).toBe(1);
    expect((await phone.request.get('/api/auth/me')).status()).toBe(401);
    expect((await context.request.get('/api/auth/me')).status()).toBe(200);
    await page.getByText('Du har inga andra inloggningar.').waitFor();
    // The sign-in page asks who is signed in first: that one 401 is expected.
    expectClean(page, [/status of 401 .*\/api\/auth\/me\)$/]);
    await phone.close();
    await context.close();
  });
});
