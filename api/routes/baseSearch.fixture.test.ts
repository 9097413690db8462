import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadWater } from '../../data/water.js';
import { importBaseData } from '../services/baseData.js';
import { mapPoi } from '../services/suggestions.js';
import { createTestContext } from '../test/harness.js';
import { buildOsmFixture } from '../test/osmFixture.js';
import { adminContext, overpassBytes } from '../test/osmUploads.js';

/**
 * Address search, the place check and the suggestions on the generated Göteborg extract,
 * loaded by the real importer (as a user's import would): the importer's rows, not
 * rows written for the test.
 */
const t = await createTestContext();
const fx = buildOsmFixture();
const bytes = overpassBytes(fx);
const ctx = await adminContext(t.db);
await importBaseData(ctx, { name: 'goteborg.json', bytes });
/** A unit in the middle of the fixture's points of interest, with an outer ring over all of them. */
const [unit] = await t.db.query<{ id: number }>(
  `INSERT INTO units (name, kind, location, radius_immediate_m, radius_neighbourhood_m, radius_area_m)
   VALUES ('Fixturenheten', 'shelter', ST_SetSRID(ST_MakePoint(11.962, 57.704), 4326)::geography, 1000, 2000, 5000) RETURNING id`,
);
const unitId = unit!.id;

const first = async (q: string) => {
  const body = await t.getJson('viewer', `/api/addresses?q=${encodeURIComponent(q)}`);
  return body.features[0] as { geometry: { coordinates: [number, number] }; properties: { street: string; housenumber: string; label: string } } | undefined;
};

describe('on the imported Göteborg extract', () => {
  it('finds Kungsportsavenyen 1 exactly, lower-cased, misspelt, shortened and with its postcode', async () => {
    const ave = fx.landmarks.addresses.find((a) => a.street === 'Kungsportsavenyen' && a.housenumber === '1')!;
    for (const q of ['Kungsportsavenyen 1', 'kungsportsavenyen 1', 'Kungsprotsavenyen 1', 'kungsportsaveny 1', `Kungsportsavenyen 1 ${ave.postcode}`, 'Kungsportsavenyen 1, Göteborg']) {
      const hit = await first(q);
      expect(hit?.properties, q).toMatchObject({ street: 'Kungsportsavenyen', housenumber: '1' });
      expect(turf.distance(hit!.geometry.coordinates, ave.lonLat, { units: 'meters' }), q).toBeLessThan(1);
    }
    const prefix = await t.getJson('viewer', '/api/addresses?q=Kungsports%201');
    expect(prefix.features.some((f: any) => f.properties.street === 'Kungsportsavenyen' && f.properties.housenumber === '1')).toBe(true);
  });

  it('says the river point is in Göta älv and the land point is not, as turf does on the shared polygons', async () => {
    const water = loadWater()!;
    const inAny = (p: [number, number]) => water.some((f) => turf.booleanPointInPolygon(p, f as any));
    expect(inAny(fx.landmarks.inRiver)).toBe(true);
    expect(inAny(fx.landmarks.onLand)).toBe(false);
    const river = await t.getJson('viewer', `/api/places/check?lon=${fx.landmarks.inRiver[0]}&lat=${fx.landmarks.inRiver[1]}`);
    expect(river).toMatchObject({ in_water: true, water_name: 'Göta älv' });
    expect(river.warnings).toContainEqual({ code: 'in_water', name: 'Göta älv' });
    const land = await t.getJson('viewer', `/api/places/check?lon=${fx.landmarks.onLand[0]}&lat=${fx.landmarks.onLand[1]}`);
    expect(land).toEqual({ in_water: false, water_name: null, warnings: [] });
  });

  it('suggests the fixture\'s points of interest mapped to their category or kind, and a re-import keeps a dismissal', async () => {
    const list = async () => (await t.getJson('editor', `/api/units/${unitId}/suggestions`)).features as any[];
    const suggested = await list();
    const byId = new Map(suggested.map((s) => [`${s.properties.osm_type}/${s.properties.osm_id}`, s]));
    let found = 0;
    for (const p of fx.landmarks.pois) {
      const s = byId.get(`${p.osmType}/${p.osmId}`);
      if (!s) continue; // already a demo actor or child place nearby with a similar name
      found++;
      const expected = mapPoi(p.key, p.value)!;
      expect(s.properties.record, p.name).toBe(expected.record);
      expect(s.properties.category ?? s.properties.kind, p.name).toBe(expected.record === 'actor' ? expected.category : expected.kind);
      expect(s.properties.name).toBe(p.name);
    }
    expect(found).toBeGreaterThanOrEqual(fx.landmarks.pois.length - 3);

    const library = fx.landmarks.pois.find((p) => p.value === 'library' && byId.has(`${p.osmType}/${p.osmId}`))
      ?? fx.landmarks.pois.find((p) => byId.has(`${p.osmType}/${p.osmId}`))!;
    expect((await t.request('editor', 'POST', `/api/units/${unitId}/suggestions/${library.osmType}/${library.osmId}/dismiss`)).status).toBe(204);
    await importBaseData(ctx, { name: 'goteborg-again.json', bytes });
    const after = await list();
    expect(after.some((s) => s.properties.osm_id === library.osmId)).toBe(false);
    expect(after.length).toBe(suggested.length - 1);
  });

  it('accepts a café as an actor in the restaurant category with its external id', async () => {
    const cafe = fx.landmarks.pois.find((p) => p.value === 'cafe')!;
    const res = await t.request('editor', 'POST', `/api/units/${unitId}/suggestions/${cafe.osmType}/${cafe.osmId}/accept`);
    expect(res.status).toBe(201);
    const made = await res.json();
    const actor = await t.getJson('viewer', `/api/actors/${made.id}`);
    expect(actor.properties).toMatchObject({ name: cafe.name, category: 'restaurant', external_id: `osm:${cafe.osmType}/${cafe.osmId}` });
    const contacts = await t.getJson('viewer', `/api/units/${unitId}/contacts`);
    expect(contacts.features.some((f: any) => f.id === made.id)).toBe(true);
  });
});
