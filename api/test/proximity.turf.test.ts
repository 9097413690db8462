/**
 * Independent check of the proximity engine against turf (spherical geodesy): for
 * every demo unit, and for random units, actors and radii (fast-check), the places
 * the API puts inside the outer ring, their rings, distances and order agree with
 * what turf computes. PostGIS geography is ellipsoidal and turf spherical, so
 * distances may differ by up to 0.5 %, and a place within that band (plus 1 m) of a
 * ring edge may fall either way.
 */
import * as turf from '@turf/turf';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ring } from '../schemas/common.js';
import { createTestContext, type TestContext } from './harness.js';
import { expectAgreement, type Pt } from './proximity.check.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const points = (table: 'actors' | 'child_places') =>
  t.db.query<Pt>(`SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM ${table} ORDER BY id`);

describe('every demo unit agrees with turf', () => {
  it('contacts and child places (editor: exact locations)', async () => {
    const [actors, childPlaces] = [await points('actors'), await points('child_places')];
    const units = (await t.getJson('editor', '/api/units')).features;
    expect(units.length).toBeGreaterThanOrEqual(12);
    let seen = 0;
    for (const u of units) {
      const contacts = await t.getJson('editor', `/api/units/${u.id}/contacts`);
      const near = await t.getJson('editor', `/api/units/${u.id}/child-places`);
      expectAgreement(`${u.properties.name} contacts`, u.geometry.coordinates, u.properties.radii, actors, contacts.features);
      expectAgreement(`${u.properties.name} child places`, u.geometry.coordinates, u.properties.radii, childPlaces, near.features);
      for (const f of near.features) {
        expect(f.properties.priority).toBe({ immediate: 'high', neighbourhood: 'medium', area: 'low' }[f.properties.ring as Ring]);
      }
      seen += contacts.features.length + near.features.length;
    }
    expect(seen, 'the demo data puts places around its units').toBeGreaterThan(100);
  });

  it('the unit with its own radii uses them', async () => {
    const units = (await t.getJson('editor', '/api/units')).features;
    const custom = units.find((u: any) => u.properties.radii_custom);
    expect(custom, 'the demo data has a unit with custom radii').toBeDefined();
    const contacts = await t.getJson('editor', `/api/units/${custom.id}/contacts`);
    for (const f of contacts.features) expect(f.properties.distance_m).toBeLessThanOrEqual(custom.properties.radii.area + 0.1);
  });

  it('a viewer sees the restricted unit\'s places measured from its coarse location', async () => {
    const asViewer = (await t.getJson('viewer', '/api/units')).features.find((u: any) => u.properties.sensitivity === 'restricted');
    const asEditor = (await t.getJson('editor', `/api/units/${asViewer.id}`));
    expect(asViewer.properties.location_precision).toBe('coarse');
    const [actors, childPlaces] = [await points('actors'), await points('child_places')];
    const contacts = await t.getJson('viewer', `/api/units/${asViewer.id}/contacts`);
    const near = await t.getJson('viewer', `/api/units/${asViewer.id}/child-places`);
    expectAgreement('restricted contacts (viewer)', asViewer.geometry.coordinates, asViewer.properties.radii, actors, contacts.features);
    expectAgreement('restricted child places (viewer)', asViewer.geometry.coordinates, asViewer.properties.radii, childPlaces, near.features);
    const exact = await t.getJson('editor', `/api/units/${asViewer.id}/contacts`);
    expectAgreement('restricted contacts (editor)', asEditor.geometry.coordinates, asEditor.properties.radii, actors, exact.features);
    const d = (fs: any[]) => fs.map((f) => f.properties.distance_m).join(',');
    expect(d(contacts.features), 'viewer distances differ from the exact ones').not.toBe(d(exact.features));
  });
});

describe('random units, actors and radii agree with turf (fast-check)', () => {
  it('membership, ring, distance and order', async () => {
    const radiiArb = fc
      .tuple(fc.integer({ min: 10, max: 4990 }), fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }))
      .map(([a, b, c]) => [a, Math.min(a + b, 4995), Math.min(a + b + c, 5000)] as const)
      .filter(([a, b, c]) => a < b && b < c);
    const run = fc.record({
      lon: fc.double({ min: 11, max: 23, noNaN: true }),
      lat: fc.double({ min: 56, max: 68, noNaN: true }),
      radii: radiiArb,
      actors: fc.array(fc.record({ bearing: fc.double({ min: -180, max: 180, noNaN: true }), factor: fc.double({ min: 0, max: 1.3, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(run, async ({ lon, lat, radii: [ri, rn, ra], actors }) => {
        n++;
        const [unit] = await t.db.query<{ id: number }>(
          `INSERT INTO units (name, kind, location, radius_immediate_m, radius_neighbourhood_m, radius_area_m)
           VALUES ('Property unit', 'care_home', ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3, $4, $5) RETURNING id`,
          [lon, lat, ri, rn, ra],
        );
        const placed: Pt[] = [];
        try {
          for (const a of actors) {
            const [plon, plat] = turf.destination([lon, lat], (a.factor * ra) / 1000, a.bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];
            const [row] = await t.db.query<{ id: number }>(
              `INSERT INTO actors (name, category, location) VALUES ('Property actor', 'shop', ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) RETURNING id`,
              [plon, plat],
            );
            placed.push({ id: row!.id, lon: plon, lat: plat });
          }
          const body = await t.getJson('editor', `/api/units/${unit!.id}/contacts?category=shop`);
          // Other (demo) actors are far away from these random points in most runs; only compare with what we placed.
          const ours = body.features.filter((f: any) => placed.some((p) => p.id === f.id));
          expectAgreement(`run ${n}`, [lon, lat], { immediate: ri, neighbourhood: rn, area: ra }, placed, ours);
        } finally {
          await t.db.query("DELETE FROM actors WHERE id = ANY (string_to_array($1, ',')::int[])", [placed.map((p) => p.id).join(',')]);
          await t.db.query('DELETE FROM units WHERE id = $1', [unit!.id]);
        }
      }),
      { numRuns: 40 },
    );
    expect(n).toBe(40);
  });
});
