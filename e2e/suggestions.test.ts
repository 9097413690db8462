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

  it('an editor adds a suggested café as an actor and sees it among the contacts', async () => {
    const admin = await product.open({ role: 'admin' });
    const fx = await importOsmFixture(admin.context.request, product.baseUrl);
    await admin.context.close();

    const { page, context } = await product.open({ role: 'editor', viewport: { width: 1400, height: 900 } });
    const units = ((await (await context.request.get('/api/units')).json()) as { features: UnitF[] }).features;
    // A demo unit whose outer ring holds one of the fixture's actor-kind points of interest that is suggested.
    let pick: { unit: UnitF; poi: (typeof fx.landmarks.pois)[number] } | undefined;
    for (const poi of fx.landmarks.pois.filter((p) => ['cafe', 'restaurant', 'fast_food', 'supermarket', 'bakery', 'library', 'police'].includes(p.value))) {
      for (const unit of units) {
        if (metres(unit.geometry.coordinates, poi.lonLat) > unit.properties.radii.area - 20) continue;
        const s = (await (await context.request.get(`/api/units/${unit.id}/suggestions`)).json()) as { features: { properties: { osm_id: number } }[] };
        if (s.features.some((f) => f.properties.osm_id === poi.osmId)) pick = { unit, poi };
        if (pick) break;
      }
      if (pick) break;
    }
    expect(pick, 'a demo unit with a suggested point of interest inside its outer ring').toBeDefined();
    const { unit, poi } = pick!;

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
