import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { importOsmFixture } from './baseDataFixture.js';
import { E2E_BACKENDS, expectAccessible, hasChromium, POLL, screenshot, useProduct } from './harness.js';

type LonLat = [number, number];
type UnitF = { id: number; geometry: { coordinates: LonLat }; properties: { name: string; radii: { area: number } } };
const metres = (a: LonLat, b: LonLat) => distance(a, b, { units: 'kilometers' }) * 1000;

/** A suggestion from OpenStreetMap accepted on the unit view becomes an actor in its contacts list, on each engine. */
for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`OSM suggestions on ${backend}`, () => {
  const product = useProduct({ backend });

  it('an editor adds a suggested point of interest as an actor and sees it among the contacts', async () => {
    const admin = await product.open({ role: 'admin' });
    const fx = await importOsmFixture(admin.context.request, product.baseUrl);
    await admin.context.close();

    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    // A new unit among the fixture's points of interest (central Göteborg), with the default 1000 m outer ring.
    const made = await context.request.fetch(`${product.baseUrl}/api/units`, {
      method: 'POST', headers: { Origin: product.baseUrl },
      data: { type: 'Feature', geometry: { type: 'Point', coordinates: [11.968, 57.704] }, properties: { name: 'Förslagsboendet', kind: 'supported_housing', places: 4 } },
    });
    expect(made.status()).toBe(201);
    const unit = (await made.json()) as UnitF;
    const suggested = ((await (await context.request.get(`/api/units/${unit.id}/suggestions`)).json()) as { features: { properties: { osm_id: number; record: string; distance_m: number } }[] }).features;
    const found = fx.landmarks.pois.find((p) => suggested.some((s) => s.properties.osm_id === p.osmId && s.properties.record === 'actor'));
    expect(found, 'a fixture point of interest suggested as an actor').toBeDefined();
    const poi = found!;
    expect(metres(unit.geometry.coordinates, poi.lonLat)).toBeLessThan(1000);

    await page.goto(`/units/${unit.id}?tab=contacts`);
    const panel = page.getByRole('region', { name: 'Förslag från OpenStreetMap' });
    await panel.waitFor({ timeout: 15_000 });
    const add = panel.getByRole('button', { name: `Lägg till ${poi.name}`, exact: true });
    await add.waitFor({ timeout: 15_000 });
    await add.scrollIntoViewIfNeeded();
    await screenshot(page, 'issue15-suggestions-1400');
    await expectAccessible(page, 'unit view with suggestions');
    await add.click();
    await expect.poll(() => panel.getByRole('status').innerText(), POLL).toBe(`${poi.name} har lagts till.`);
    await expect.poll(() => panel.getByRole('button', { name: `Lägg till ${poi.name}`, exact: true }).count(), POLL).toBe(0);
    // The contacts list (above the panel) shows the new actor.
    await expect.poll(async () => (await page.locator('.tab-panel').innerText()).split('Förslag från OpenStreetMap')[0]!.includes(poi.name), POLL).toBe(true);
    const contacts = (await (await context.request.get(`/api/units/${unit.id}/contacts`)).json()) as { features: { properties: { name: string; external_id: string | null } }[] };
    expect(contacts.features.find((f) => f.properties.name === poi.name)?.properties.external_id).toBe(`osm:${poi.osmType}/${poi.osmId}`);
  });
});
