/**
 * An administrator changes the settings every unit shares, in the product: the zone
 * radii and the walking settings, told at the field in Swedish when a value is out of
 * range, and the saved values are what the API then serves.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct } from './harness.js';

describe.skipIf(!hasChromium)('the shared settings', () => {
  const product = useProduct();

  it('an admin sets the walking speed and the information distance, and the zone radii, with errors at the field', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    const before = await (await context.request.get('/api/settings/walking')).json();
    const radiiBefore = await (await context.request.get('/api/settings/zone-radii')).json();
    try {
      await page.goto('/');
      await page.getByRole('link', { name: 'Administration' }).click();
      const walking = page.getByRole('form', { name: 'Gångavstånd' });
      const speed = walking.getByLabel('Gånghastighet (km/h)');
      await expect.poll(() => speed.inputValue(), POLL).toBe('5');

      await speed.fill('9');
      await walking.getByRole('button', { name: 'Spara gångavstånd' }).click();
      await expect.poll(() => speed.getAttribute('aria-invalid'), POLL).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('walking-speed');
      expect(await walking.locator('.field-error').innerText()).toMatch(/7/);
      expect((await (await context.request.get('/api/settings/walking')).json()).walking_speed_kmh).toBe(5);

      await speed.fill('3,5');
      await walking.getByLabel(/gångavståndet på gatunätet/).check();
      await walking.getByRole('button', { name: 'Spara gångavstånd' }).click();
      await walking.getByText('Ändringen sparades.').waitFor();
      expect(await (await context.request.get('/api/settings/walking')).json()).toMatchObject({ walking_speed_kmh: 3.5, information_distance: 'walking' });
      expect(await speed.inputValue()).toBe('3,5'); // shown back with the Swedish decimal comma

      const radii = page.getByRole('form', { name: 'Zonradier' });
      await radii.getByLabel('Grannskapet (meter)').fill('200');
      await radii.getByRole('button', { name: 'Spara zonradier' }).click();
      await radii.getByRole('alert').waitFor();
      expect(await radii.getByRole('alert').innerText()).not.toMatch(/radii|strictly/); // Swedish, not the server's English
      expect((await (await context.request.get('/api/settings/zone-radii')).json()).neighbourhood).toBe(radiiBefore.neighbourhood);
      await radii.getByLabel('Grannskapet (meter)').fill(String(radiiBefore.neighbourhood + 50));
      await radii.getByRole('button', { name: 'Spara zonradier' }).click();
      await radii.getByText('Ändringen sparades.').waitFor();
      expect((await (await context.request.get('/api/settings/zone-radii')).json()).neighbourhood).toBe(radiiBefore.neighbourhood + 50);

      await screenshot(page, 'admin-settings', true);
      await expectAccessible(page, 'administration settings');
      expectClean(page, [/400/]);
    } finally {
      const headers = { Origin: product.baseUrl };
      await context.request.put('/api/settings/walking', { headers, data: { walking_speed_kmh: before.walking_speed_kmh, information_distance: before.information_distance } });
      await context.request.put('/api/settings/zone-radii', { headers, data: { immediate: radiiBefore.immediate, neighbourhood: radiiBefore.neighbourhood, area: radiiBefore.area } });
      await context.close();
    }
  });
});
