/**
 * Sign-in with the work account in the product (issue 18), against a real OpenID provider
 * on loopback: an administrator maps a group to a role under Settings, a person clicks
 * "Logga in med ditt arbetskonto" and is signed in with that role, signs out at the
 * provider too; a person without a mapped group sees the waiting page, and the
 * administrator sees the account waiting for access under Users and gives it a role; a
 * refused sign-in is told on the sign-in page in both languages, and so is a start past the
 * sign-ins under way from one address.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../api/test/freePort.js';
import { startTestProvider } from '../api/test/oidcProvider.js';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct } from './harness.js';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const provider = await startTestProvider(`${base}/api/auth/oidc/callback`, `${base}/`);
afterAll(() => provider.close());

const ALLOWED = [/status of 401 .*\/api\/auth\/me\)$/];

describe.skipIf(!hasChromium)('sign-in with the work account', () => {
  const product = useProduct({
    env: { PORT: String(port), OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret },
  });

  it('an administrator maps a group; a person of it signs in with the button as an editor and signs out at the provider too', async () => {
    const admin = await product.open({ role: 'admin', viewport: { width: 1400, height: 900 } });
    await admin.page.goto('/');
    await admin.page.getByRole('link', { name: 'Administration' }).click();
    const form = admin.page.getByRole('form', { name: 'Grupper i arbetskontot' });
    await form.getByText('Inga grupper: alla nya konton väntar på en administratör.').waitFor();
    await form.getByRole('button', { name: 'Lägg till grupp' }).click();
    const value = form.getByLabel('Grupp eller roll i arbetskontot 1');
    await expect.poll(() => value.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await value.fill('ps-redaktorer');
    await form.getByLabel('Roll här 1').selectOption({ label: 'Redaktör' });
    await form.getByRole('button', { name: 'Spara grupperna' }).click();
    await form.getByText('Grupperna är sparade.').waitFor();
    expect((await (await admin.context.request.get('/api/settings/oidc-role-mappings')).json()).mappings).toEqual([{ claim_value: 'ps-redaktorer', role: 'editor' }]);
    await form.scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'work-account-mappings-1400');
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await form.scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'work-account-mappings-390');
    await expectAccessible(admin.page, 'administration with the group mappings');
    expectClean(admin.page);
    await admin.context.close();

    provider.addAccount({ sub: 'e2e-redaktor', email: 'redaktor.arbete@test.example', email_verified: true, name: 'Rut Redaktör', groups: ['ps-redaktorer'] });
    provider.signInAs('e2e-redaktor');
    const { page, context } = await product.open({ role: null, viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    const button = page.getByRole('link', { name: 'Logga in med ditt arbetskonto' });
    await button.waitFor();
    await screenshot(page, 'work-account-signin-1400');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'work-account-signin-390');
    await expectAccessible(page, 'sign-in page with the work account');
    await page.setViewportSize({ width: 1400, height: 900 });
    await button.click();
    await page.getByText('Rut Redaktör').first().waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await (await context.request.get('/api/auth/me')).json()).toMatchObject({ email: 'redaktor.arbete@test.example', role: 'editor' });

    await page.getByRole('button', { name: 'Logga ut' }).click();
    // the provider asks to confirm the sign-out there, then sends the browser back to the product
    await page.waitForURL((u) => u.origin === provider.issuer, { timeout: 15_000 });
    await page.locator('button[autofocus], button[name="logout"]').first().click();
    await page.waitForURL((u) => u.origin === base, { timeout: 15_000 });
    await page.getByRole('link', { name: 'Logga in med ditt arbetskonto' }).waitFor();
    expect((await context.request.get('/api/auth/me')).status()).toBe(401);
    expectClean(page, ALLOWED);
    await context.close();
  });

  it('a person without a mapped group sees that the account waits for an administrator', async () => {
    provider.addAccount({ sub: 'e2e-vantar', email: 'vantar.arbete@test.example', name: 'Valle Väntar', groups: ['alla-anstallda'] });
    provider.signInAs('e2e-vantar');
    const { page, context } = await product.open({ role: null, viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    await page.getByRole('link', { name: 'Logga in med ditt arbetskonto' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Ditt konto väntar på en administratör' });
    await heading.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('H1');
    expect(page.url()).toBe(`${base}/`); // the query is taken off the address
    await screenshot(page, 'work-account-waiting-1400');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'work-account-waiting-390');
    await expectAccessible(page, 'waiting page');
    expect((await context.request.get('/api/auth/me')).status()).toBe(401);
    expectClean(page, ALLOWED);
    await context.close();

    // the administrator sees the account waiting under Users and gives it a role, which lets it in
    const admin = await product.open({ role: 'admin', viewport: { width: 1400, height: 900 } });
    await admin.page.goto('/');
    await admin.page.getByRole('link', { name: 'Administration' }).click();
    const users = admin.page.getByRole('region', { name: 'Användare' });
    const row = users.getByRole('row', { name: /Valle Väntar/ });
    const badge = row.locator('.badge', { hasText: 'Väntar på behörighet' });
    await badge.waitFor();
    const select = row.getByLabel('Roll: Valle Väntar');
    expect(await select.getAttribute('aria-describedby')).toBeTruthy();
    await expect.poll(() => select.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent), POLL).toMatch(/ingen av hens grupper ger en roll/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'work-account-user-waiting-1400');
    await expectAccessible(admin.page, 'users page with a waiting account');
    await select.selectOption({ label: 'Redaktör' });
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByText('Valle Väntar får rollen Redaktör och kan logga in. Ändringen loggas.').waitFor();
    await dialog.getByRole('button', { name: 'Gör till redaktör' }).click();
    await users.getByText('Ändringen sparades.').waitFor();
    await row.getByText('Satt för hand. Gäller tills arbetskontots grupper ger en roll vid en inloggning.').waitFor();
    expect(await badge.count()).toBe(0);
    const listed = (await (await admin.context.request.get('/api/users')).json()).users.find((u: { email: string }) => u.email === 'vantar.arbete@test.example');
    expect(listed).toMatchObject({ role: 'editor', active: true, waiting: false, role_source: 'override' });
    expectClean(admin.page);
    await admin.context.close();

    provider.signInAs('e2e-vantar');
    const again = await product.open({ role: null, viewport: { width: 1400, height: 900 } });
    await again.page.goto('/');
    await again.page.getByRole('link', { name: 'Logga in med ditt arbetskonto' }).click();
    await again.page.getByText('Valle Väntar').first().waitFor({ timeout: 20_000 });
    expect(await (await again.context.request.get('/api/auth/me')).json()).toMatchObject({ email: 'vantar.arbete@test.example', role: 'editor' });
    expectClean(again.page, ALLOWED);
    await again.context.close();
  });

  it('shows "Waiting for access" in English', async () => {
    provider.addAccount({ sub: 'e2e-waiting-en', email: 'waiting.en@test.example', name: 'Wanda Waiting', groups: ['everyone'] });
    provider.signInAs('e2e-waiting-en');
    const person = await product.open({ role: null, lang: 'en', viewport: { width: 1400, height: 900 } });
    await person.page.goto('/');
    await person.page.getByRole('link', { name: 'Sign in with your work account' }).click();
    await person.page.getByRole('heading', { level: 1, name: 'Your account is waiting for an administrator' }).waitFor({ timeout: 20_000 });
    await person.context.close();
    const admin = await product.open({ role: 'admin', lang: 'en', viewport: { width: 1400, height: 900 } });
    await admin.page.goto('/');
    await admin.page.getByRole('link', { name: 'Administration' }).click();
    const row = admin.page.getByRole('region', { name: 'Users' }).getByRole('row', { name: /Wanda Waiting/ });
    await row.locator('.badge', { hasText: 'Waiting for access' }).waitFor();
    await row.getByText(/none of their groups gives a role/).waitFor();
    await expectAccessible(admin.page, 'users page with a waiting account, in English');
    expectClean(admin.page);
    await admin.context.close();
  });

  it('tells a refused sign-in on the sign-in page, in Swedish and in English', async () => {
    for (const [lang, text] of [['sv', /svaret från arbetskontot hörde inte till din inloggning/], ['en', /did not belong to your sign-in/]] as const) {
      const { page, context } = await product.open({ role: null, lang, viewport: { width: 390, height: 844 } });
      await page.goto('/?signin_error=state');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(text);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), POLL).toBe('alert');
      await screenshot(page, `work-account-error-${lang}-390`);
      expectClean(page, ALLOWED);
      await context.close();
    }
  });

  // Last in the file: it uses up this address's sign-ins under way for the next 10 minutes.
  it('past the sign-ins under way from one address, the button leads back to the sign-in page with the reason, not to an error body', async () => {
    const { page, context } = await product.open({ role: null, viewport: { width: 1400, height: 900 } });
    let busy = false;
    for (let i = 0; i <= 30 && !busy; i++) {
      const start = await context.request.get('/api/auth/oidc/start', { maxRedirects: 0 });
      expect(start.status()).toBe(302);
      busy = start.headers()['location'] === '/?signin_error=busy';
    }
    expect(busy, 'the starts from this address reach the limit').toBe(true);
    await page.goto('/');
    await page.getByRole('link', { name: 'Logga in med ditt arbetskonto' }).or(page.getByRole('button', { name: 'Logga in med ditt arbetskonto' })).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/För många inloggningar med arbetskonto har startats från din adress/);
    expect(new URL(page.url()).search).toBe('');
    expectClean(page, ALLOWED);
    await context.close();
  });
});
