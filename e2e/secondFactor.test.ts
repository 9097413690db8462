/**
 * Two-step verification in the browser (issue 18): a passkey registered on the API-nycklar
 * page and used to sign in, with Chromium's virtual authenticator (CDP WebAuthn); and an
 * editor whose role must have a second factor, shown only the set-up, who scans (reads)
 * the key, confirms with a code generated here, keeps the recovery codes, and signs in
 * with a code next time.
 */
import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct } from './harness.js';
import { pdfText } from './pdf.js';

const SIGN_IN_401 = /status of 401 .*\/api\/auth\/me\)$/;

async function createUser(product: ReturnType<typeof useProduct>, role: 'editor' | 'viewer', name: string) {
  const email = `tvasteg.${role}.${Date.now()}@example.se`;
  const password = 'en nyckel i fickan och en i datorn';
  const admin = await product.open({ role: 'admin' });
  const created = await admin.context.request.post('/api/users', { data: { email, name, role, password }, headers: { Origin: product.baseUrl } });
  expect(created.status()).toBe(201);
  await admin.context.close();
  return { email, password };
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).first().click();
  await page.getByLabel('E-postadress').waitFor();
}

async function shoot(page: Page, name: string) {
  for (const [width, height] of [[1400, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`, true);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function virtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}

describe.skipIf(!hasChromium)('two-step verification', () => {
  const product = useProduct();

  it('registers a passkey on the API-nycklar page and signs in with it', async () => {
    const { email, password } = await createUser(product, 'viewer', 'Nyckel Person');
    const { page, context } = await product.open({ role: null, localhost: true });
    const { cdp, authenticatorId } = await virtualAuthenticator(context, page);
    await signInWithPassword(page, email, password);
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await page.goto('/tokens');
    const section = page.getByRole('region', { name: 'Tvåstegsverifiering' });
    await section.getByText('Inga inloggningsnycklar.').waitFor();
    await section.getByLabel('Namn på inloggningsnyckeln').fill('Testdatorn');
    await section.getByRole('button', { name: 'Lägg till nyckel' }).click();
    // The first factor brings recovery codes, shown once and focused.
    const codes = section.getByRole('list', { name: 'Dina återställningskoder' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sf-codes') ?? false), POLL).toBe(true);
    // Printed while shown, the page holds the codes and nothing else of the page.
    await page.emulateMedia({ media: 'print' });
    const printed = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
    await page.emulateMedia({ media: 'screen' });
    for (const code of await codes.getByRole('listitem').allTextContents()) expect(printed).toContain(code.trim());
    expect(printed).not.toContain('Lägg till nyckel');
    const keys = section.getByRole('list', { name: 'Inloggningsnycklar' });
    await keys.getByText('Testdatorn', { exact: true }).waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'second-factor-passkey');
    await expectAccessible(page, 'two-step verification');

    await signOut(page);
    await signInWithPassword(page, email, password);
    await page.getByRole('heading', { name: 'Tvåstegsverifiering' }).waitFor();
    await shoot(page, 'second-factor-step-passkey');
    await expectAccessible(page, 'second step of sign-in');
    await page.getByRole('button', { name: 'Logga in med nyckel' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    expect((await context.request.get('/api/auth/me')).status()).toBe(200);
    const after = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!;
    expect(after.signCount).toBeGreaterThan(0);
    expectClean(page, [SIGN_IN_401]);
    await context.close();
  });

  it('an editor whose role must have one sets up an authenticator app first, then signs in with a code', async () => {
    const { email, password } = await createUser(product, 'editor', 'Kod Person');
    // A viewer who set up an app and then lost the phone.
    const lost = await createUser(product, 'viewer', 'Tappad Telefon');
    const phone = await product.browser.newContext({ baseURL: product.baseUrl });
    const headers = { Origin: product.baseUrl };
    expect((await phone.request.post('/api/auth/login', { data: lost, headers })).status()).toBe(200);
    const { secret: lostSecret } = await (await phone.request.post('/api/auth/second-factor/totp', { headers })).json();
    expect((await phone.request.post('/api/auth/second-factor/totp/confirm', { data: { code: await generate({ secret: lostSecret }) }, headers })).status()).toBe(200);
    expect(await (await phone.request.post('/api/auth/login', { data: lost, headers })).json()).toMatchObject({ second_factor_required: true });

    // The administrator resets it, then makes two-step verification required for editors and administrators
    // (the test's admin has none: from then on it could only set one up, so this is the last test of the file).
    const admin = await product.open({ role: 'admin' });
    await admin.page.goto('/admin');
    await admin.page.getByRole('button', { name: /^Återställ tvåstegsverifiering.*Tappad Telefon/ }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Återställ tvåstegsverifiering' });
    await dialog.getByText(/Autentiseringsapp, inloggningsnycklar och återställningskoder tas bort/).waitFor();
    await shoot(admin.page, 'second-factor-admin-reset');
    await expectAccessible(admin.page, 'second factor reset dialog');
    await dialog.getByRole('button', { name: 'Återställ tvåstegsverifiering' }).click();
    await admin.page.getByText('Tvåstegsverifieringen för Tappad Telefon är återställd. Tappad Telefon loggar in med lösenordet och ställer in en ny.').waitFor();
    expect(await (await phone.request.post('/api/auth/login', { data: lost, headers })).json()).toMatchObject({ name: 'Tappad Telefon' });
    await phone.close();
    const audit = await (await admin.context.request.get('/api/audit?entity=user&limit=20')).json();
    expect(audit.entries.some((e: { details?: { second_factor?: string } }) => e.details?.second_factor === 'reset')).toBe(true);

    const setting = admin.page.getByRole('form', { name: 'Tvåstegsverifiering krävs för' });
    await setting.getByLabel('Redaktörer och administratörer').check();
    await setting.scrollIntoViewIfNeeded();
    await shoot(admin.page, 'second-factor-setting');
    await setting.getByRole('button', { name: 'Spara kravet' }).click();
    await setting.getByText('Ändringen sparades.').waitFor();
    expect(await (await admin.context.request.get('/api/auth/me')).json()).toMatchObject({ second_factor_enrolment_required: true });
    expectClean(admin.page);
    await admin.context.close();
    const { page, context } = await product.open({ role: null });
    await signInWithPassword(page, email, password);
    await page.getByRole('heading', { name: 'Ställ in tvåstegsverifiering' }).waitFor();
    expect((await context.request.get('/api/units')).status()).toBe(403);
    await page.getByRole('button', { name: 'Ställ in autentiseringsapp' }).click();
    await page.getByRole('img', { name: 'QR-kod för autentiseringsappen' }).waitFor();
    await shoot(page, 'second-factor-enrol-qr');
    await expectAccessible(page, 'authenticator app set-up');
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    const now = Math.floor(Date.now() / 1000);
    await page.getByLabel('Kod från appen (6 siffror)').fill(await generate({ secret, epoch: now }));
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    const codes = page.getByRole('list', { name: 'Dina återställningskoder' });
    await codes.waitFor();
    const recovery = await codes.getByRole('listitem').allTextContents();
    expect(recovery).toHaveLength(10);
    await page.getByText('På sedan').waitFor();
    await shoot(page, 'second-factor-enrol-codes');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).first().waitFor();
    expect((await context.request.get('/api/units')).status()).toBe(200);

    await signOut(page);
    await signInWithPassword(page, email, password);
    const code = page.getByLabel('Kod från appen');
    await code.waitFor();
    // A wrong code says how many tries are left, at the field's live region.
    await code.fill(String((Number(await generate({ secret, epoch: now })) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText(/Fel kod, eller en kod som redan har använts\. 4 försök kvar\./).waitFor();
    await shoot(page, 'second-factor-step-code');
    // The next time step's code (the one that confirmed cannot be used again).
    await code.fill(await generate({ secret, epoch: now + 30 }));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).first().waitFor();
    expect((await context.request.get('/api/units')).status()).toBe(200);

    // A recovery code works once from the second step's other choice.
    await signOut(page);
    await signInWithPassword(page, email, password);
    await page.getByRole('button', { name: 'Använd en återställningskod' }).click();
    await page.getByLabel('Återställningskod').fill(recovery[0]!);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).first().waitFor();
    expectClean(page, [SIGN_IN_401, /status of 401 .*\/api\/auth\/login\/totp\)$/]);
    await context.close();
  });
});
