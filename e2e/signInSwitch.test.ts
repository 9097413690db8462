/**
 * Two people share one browser tab: a viewer signs out and an editor signs in (and back).
 * The edit controls follow whoever is signed in now, never the first user of the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectClean, hasChromium, TEST_PASSWORD, TEST_USERS, useProduct } from './harness.js';

async function signIn(page: Page, role: 'viewer' | 'editor') {
  await page.getByLabel('E-postadress').fill(TEST_USERS[role].email);
  await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByText(TEST_USERS[role].name).first().waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('button', { name: 'Logga in' }).waitFor();
}

/** The follow-ups page through the client's own navigation (no reload: the page and its modules live on). */
async function openFollowUps(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /Uppföljning/ }).click();
  await page.getByRole('heading', { level: 1, name: /Uppföljning av iakttagelser/ }).waitFor();
  await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
}

describe.skipIf(!hasChromium)('signing out and in as someone else in the same tab', () => {
  const product = useProduct();

  it('a viewer signs out, an editor signs in: the edit controls are the editor\'s, and go again for the next viewer', async () => {
    const editor = await product.open({ role: 'editor' });
    const units = (await (await editor.context.request.get('/api/units')).json()) as { features: { id: number; properties: { status: string } }[] };
    const unit = units.features.find((u) => u.properties.status === 'open')!;
    const res = await editor.context.request.post(`${product.baseUrl}/api/units/${unit.id}/activities`, {
      headers: { Origin: product.baseUrl },
      data: { kind: 'observation', date: new Date().toISOString().slice(0, 10), note: 'Klotter på busskuren' },
    });
    expect(res.status()).toBe(201);
    await editor.context.close();

    const { page, context } = await product.open({ role: null });
    await page.goto('/');
    await signIn(page, 'viewer');
    await openFollowUps(page);
    const statusSelects = page.locator('tbody tr').getByRole('combobox');
    expect(await statusSelects.count()).toBe(0);

    await signOut(page);
    await signIn(page, 'editor');
    await openFollowUps(page);
    await expect.poll(() => statusSelects.count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await signOut(page);
    await signIn(page, 'viewer');
    await openFollowUps(page);
    expect(await statusSelects.count()).toBe(0);
    // The only refusal: the session check of the signed-out page.
    expectClean(page, [/status of 401 .*\/api\/auth\/me\)$/]);
    await context.close();
  });
});
