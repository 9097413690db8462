import { describe, expect, it } from 'vitest';
import { importOsmFixture } from './baseDataFixture.js';
import { E2E_BACKENDS, expectAccessible, hasChromium, POLL, screenshot, useProduct, waitForMap, waitForMapIdle } from './harness.js';

type LonLat = [number, number];

/**
 * The river case on the unit view, on each engine: a unit on the north bank of the Göta
 * älv, a school across the water (< 400 m in a straight line); the "Gångavstånd" choice
 * draws the walk zones, and the children's list says how far it is on foot and in a
 * straight line, marking the detour.
 */
for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`walking distances on ${backend}`, () => {
  // The product's own basemap (BASEMAP_STYLE_URL unset), so the river case shows the river.
  const product = useProduct({ backend, env: { BASEMAP_STYLE_URL: '' } });

  it('draws the walk zones and shows the school across the river far on foot and near as the crow flies', async () => {
    const admin = await product.open({ role: 'admin' });
    const fx = await importOsmFixture(admin.context.request, product.baseUrl);
    await admin.context.close();
    const { north, south } = fx.landmarks.acrossRiver;

    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const post = async (url: string, body: unknown) => {
      const res = await context.request.post(url, { data: body, headers: { Origin: product.baseUrl } });
      expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
      return (await res.json()) as { id: number };
    };
    const point = (p: LonLat) => ({ type: 'Point', coordinates: p });
    const unit = await post('/api/units', { type: 'Feature', geometry: point(north), properties: { name: 'Älvstrandens boende', kind: 'supported_housing', places: 6 } });
    await post('/api/child-places', { type: 'Feature', geometry: point(south), properties: { name: 'Skolan vid kajen', kind: 'school' } });

    const near = (await (await context.request.get(`/api/units/${unit.id}/child-places`)).json()) as {
      features: { properties: { name: string; distance_m: number; walk_m: number | null } }[];
    };
    const school = near.features.find((f) => f.properties.name === 'Skolan vid kajen')!.properties;
    expect(school.distance_m).toBeLessThan(400);
    expect(school.walk_m!).toBeGreaterThan(3 * school.distance_m);

    await page.goto(`/units/${unit.id}?tab=children`);
    const walking = page.getByRole('checkbox', { name: 'Gångavstånd' });
    await walking.waitFor({ timeout: 15_000 });
    await walking.check();
    await page.getByRole('list', { name: 'Gångzoner' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByRole('list', { name: 'Gångzoner' }).innerText(), POLL).toContain('15 min till fots');
    const row = page.locator('tr', { hasText: 'Skolan vid kajen' });
    const text = (await row.innerText()).replace(/\u00a0|\u202f/g, ' ');
    const fmt = (x: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(x).replace(/\u00a0|\u202f/g, ' ');
    expect(text).toContain(`${fmt(school.walk_m!)} m till fots, ${fmt(school.distance_m)} m fågelvägen`);
    expect(await row.locator('.walk-detour').count()).toBe(1);
    await row.scrollIntoViewIfNeeded();
    // The map has drawn the basemap's water and the walk bands before the picture is taken.
    await waitForMap(page);
    await expect.poll(async () => Number(await page.locator('.map-canvas').first().getAttribute('data-basemap-water')), { ...POLL, timeout: 30_000 }).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await screenshot(page, 'issue16-walking-river-1400');
    await expectAccessible(page, 'unit view with walk zones');

    // both at once, and the straight rings can be turned off
    await page.getByRole('checkbox', { name: 'Fågelvägen' }).uncheck();
    await expect(page.getByRole('checkbox', { name: 'Gångavstånd' }).isChecked()).resolves.toBe(true);

    // the site analysis counts the same neighbourhood by walking band, as the API does
    const site = (await (await context.request.post('/api/site-analysis', { data: { lon: north[0], lat: north[1] }, headers: { Origin: product.baseUrl } })).json()) as {
      walking: { bands: { minutes: number; child_places: Record<string, number> }[]; beyond: { actors: number; child_places: number } };
    };
    await page.goto(`/site-analysis?sites=${north[0]},${north[1]}`);
    await page.getByTestId('site-A-source').filter({ hasText: 'Analys klar' }).waitFor({ timeout: 15_000 });
    const table = page.getByRole('table', { name: 'Jämförelse av platserna' });
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const bandRow = table.locator('tr', { hasText: 'Barns platser inom 5 min gång' });
    expect((await bandRow.locator('td strong').innerText()).trim()).toBe(String(sum(site.walking.bands[0]!.child_places)));
    const beyond = (await table.locator('tr', { hasText: 'Längre än 15 min gång' }).innerText()).replace(/\u00a0|\u202f/g, ' ');
    expect(beyond).toContain(`${site.walking.beyond.actors} aktörer, ${site.walking.beyond.child_places} barns platser`);
    expect(site.walking.beyond.child_places).toBeGreaterThan(0); // the school across the river, far on foot
    await bandRow.scrollIntoViewIfNeeded();
    await waitForMapIdle(page);
    await screenshot(page, 'issue16-site-analysis-walking');

    // with the information rules by walking, the city-wide needs list ranks the school low and says how far it is on foot
    const admin2 = await product.open({ role: 'admin' });
    const put = (information_distance: string) => admin2.context.request.put('/api/settings/walking', { data: { walking_speed_kmh: 5, information_distance }, headers: { Origin: product.baseUrl } });
    expect((await put('walking')).status()).toBe(200);
    try {
      await page.goto(`/information-needs?unit_id=${unit.id}`);
      const need = page.locator('tr', { hasText: 'Skolan vid kajen' });
      await need.waitFor({ timeout: 15_000 });
      const needText = (await need.innerText()).replace(/\u00a0|\u202f/g, ' ');
      expect(needText).toContain(`${fmt(school.walk_m!)} m till fots, ${fmt(school.distance_m)} m fågelvägen`);
      expect(needText).toContain('Låg');
      await screenshot(page, 'issue16-needs-walking');
    } finally {
      expect((await put('straight')).status()).toBe(200);
      await admin2.context.close();
    }
    await context.close();
  });
});
