import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS } from '../schemas/common.js';
import { createTestContext, type TestContext } from '../test/harness.js';

/** An empty spot far north, where no demo data interferes. */
const SITE: [number, number] = [20.0, 67.0];
let t: TestContext;

const at = (metres: number, bearing: number) =>
  turf.destination(SITE, metres / 1000, bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];

beforeAll(async () => {
  t = await createTestContext();
  // Fixtures at 100, 300, 700 and 1200 m from the site, at different bearings.
  const actors: [string, number, number][] = [
    ['shop', 100, 0], ['shop', 100, 90], ['police', 300, 45], ['shop', 700, 180], ['faith', 700, 270], ['library', 1200, 10],
  ];
  for (const [category, m, b] of actors) {
    const [lon, lat] = at(m, b);
    await t.db.query(`INSERT INTO actors (name, category, location) VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography)`, [
      `Fixture ${category} ${m}`, category, lon, lat,
    ]);
  }
  const places: [string, string, number, number][] = [
    ['school', 'Near school', 300, 120], ['school', 'Far school', 1200, 300], ['preschool', 'Preschool', 100, 200],
    ['playground', 'Playground', 700, 60], ['leisure_centre', 'Leisure', 700, 330],
  ];
  for (const [kind, name, m, b] of places) {
    const [lon, lat] = at(m, b);
    await t.db.query(`INSERT INTO child_places (name, kind, location) VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography)`, [
      name, kind, lon, lat,
    ]);
  }
  // A unit 1500 m away overlaps (1000 + 1000 > 1500); one 2500 m away does not.
  for (const [name, m] of [['Overlapping unit', 1500], ['Distant unit', 2500]] as const) {
    const [lon, lat] = at(m, 0);
    await t.db.query(`INSERT INTO units (name, kind, location) VALUES ($1, 'shelter', ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography)`, [name, lon, lat]);
  }
});

const analyse = (body: unknown, role: 'viewer' | 'editor' = 'viewer') => t.request(role, 'POST', '/api/site-analysis', body);

describe('POST /api/site-analysis', () => {
  it('counts per ring annulus, with every category and kind present', async () => {
    const res = await analyse({ lon: SITE[0], lat: SITE[1] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['address', 'areas', 'nearest', 'overlapping_units', 'rings', 'walking']);
    expect(body.rings.map((r: any) => [r.ring, r.radius_m])).toEqual([['immediate', 250], ['neighbourhood', 500], ['area', 1000]]);
    for (const r of body.rings) {
      expect(Object.keys(r.actors).sort()).toEqual([...ACTOR_CATEGORIES].sort());
      expect(Object.keys(r.child_places).sort()).toEqual([...CHILD_PLACE_KINDS].sort());
    }
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
    expect(nonZero(body.rings[0].actors)).toEqual({ shop: 2 });
    expect(nonZero(body.rings[1].actors)).toEqual({ police: 1 });
    expect(nonZero(body.rings[2].actors)).toEqual({ shop: 1, faith: 1 });
    expect(nonZero(body.rings[0].child_places)).toEqual({ preschool: 1 });
    expect(nonZero(body.rings[1].child_places)).toEqual({ school: 1 });
    expect(nonZero(body.rings[2].child_places)).toEqual({ playground: 1, leisure_centre: 1 });
  });

  it('finds the nearest school, preschool and playground with their distances', async () => {
    const body = await (await analyse({ lon: SITE[0], lat: SITE[1] })).json();
    expect(body.nearest.school).toMatchObject({ name: 'Near school' });
    expect(body.nearest.preschool).toMatchObject({ name: 'Preschool' });
    expect(body.nearest.playground).toMatchObject({ name: 'Playground' });
    expect(Math.abs(body.nearest.school.distance_m - 300)).toBeLessThan(1.5);
    expect(Math.abs(body.nearest.preschool.distance_m - 100)).toBeLessThan(0.5);
    expect(Math.abs(body.nearest.playground.distance_m - 700)).toBeLessThan(3.5);
  });

  it('lists the units whose outer ring overlaps, with their distance', async () => {
    const body = await (await analyse({ lon: SITE[0], lat: SITE[1] })).json();
    expect(body.overlapping_units.map((u: any) => u.name)).toEqual(['Overlapping unit']);
    expect(Math.abs(body.overlapping_units[0].distance_m - 1500)).toBeLessThan(7.5);
  });

  it('uses the radii given: larger rings take in the 1200 m fixtures and the distant unit', async () => {
    const body = await (await analyse({ lon: SITE[0], lat: SITE[1], radii: { immediate: 150, neighbourhood: 800, area: 1600 } })).json();
    expect(body.rings.map((r: any) => r.radius_m)).toEqual([150, 800, 1600]);
    expect(body.rings[0].actors.shop).toBe(2);
    expect(body.rings[1].actors).toMatchObject({ police: 1, shop: 1, faith: 1 });
    expect(body.rings[2].actors.library).toBe(1);
    expect(body.rings[2].child_places.school).toBe(1);
    expect(body.overlapping_units.map((u: any) => u.name)).toEqual(['Overlapping unit', 'Distant unit']);
  });

  it('is a read for every role, not for anonymous callers', async () => {
    expect((await analyse({ lon: SITE[0], lat: SITE[1] }, 'editor')).status).toBe(200);
    expect((await t.request('anonymous', 'POST', '/api/site-analysis', { lon: SITE[0], lat: SITE[1] })).status).toBe(401);
  });

  it.each([
    [{ lon: 200, lat: 57 }, /lon/],
    [{ lon: -190, lat: 57 }, /lon/],
    [{ lon: 12, lat: 95 }, /lat/],
    [{ lon: 12, lat: -91 }, /lat/],
    [{ lon: 5, lat: 57 }, /lon.*10.*24\.5/],
    [{ lon: '12', lat: 57 }, /lon/],
    [{ lon: 12 }, /lat/],
    [{}, /lon/],
    [{ lon: 12, lat: 57.7, extra: 1 }, /unknown key "extra"/],
    [{ lon: 12, lat: 57.7, radii: { immediate: 500, neighbourhood: 400, area: 1000 } }, /strictly increasing/],
    [{ lon: 12, lat: 57.7, radii: { immediate: 5, neighbourhood: 400, area: 1000 } }, /immediate.*10/],
    [{ lon: 12, lat: 57.7, radii: { immediate: 50, neighbourhood: 400, area: 6000 } }, /area.*5000/],
    [{ lon: 12, lat: 57.7, radii: { immediate: 50, neighbourhood: 400 } }, /area/],
    [[1, 2], /body/],
    [null, /body|expected object/],
  ])('answers 400 naming the problem for %j', async (body, mention) => {
    const res = await analyse(body);
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.code).toBe('bad_request');
    expect(err.message).toMatch(mention);
  });

  it('answers 400 for NaN (not JSON) and 415 for a body that is not JSON', async () => {
    expect((await analyse('{"lon": NaN, "lat": 57}')).status).toBe(400);
    const res = await t.request('viewer', 'POST', '/api/site-analysis', 'lon=12&lat=57', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });
});

describe('the areas a site lies in', () => {
  it('names every area that contains the point, city area first (checked with turf)', async () => {
    // A city area (a 4 km square) holding a primary area (1 km), with nothing else near.
    const centre: [number, number] = [19.0, 66.0];
    const square = (km: number) => turf.bboxPolygon(turf.bbox(turf.circle(centre, km / 2, { units: 'kilometers', steps: 4 })));
    const inserted: { id: number; geom: GeoJSON.Polygon }[] = [];
    for (const [name, level, km] of [['Primärfixtur', 'primary_area', 1], ['Stadsfixtur', 'city_area', 4]] as const) {
      const geom = square(km).geometry;
      const [row] = await t.db.query<{ id: number }>(
        `INSERT INTO areas (name, level, geom) VALUES ($1, $2, ST_Multi(ST_GeomFromGeoJSON($3))::geography) RETURNING id`,
        [name, level, JSON.stringify(geom)],
      );
      inserted.push({ id: row!.id, geom });
    }
    const points = [0, 0.3, 0.7, 1.5, 2.5, 4].flatMap((km) => [0, 45, 200].map((b) => turf.destination(centre, km, b, { units: 'kilometers' }).geometry.coordinates as [number, number]));
    const seen = new Set<string>();
    for (const [lon, lat] of points) {
      const res = await analyse({ lon, lat });
      expect(res.status).toBe(200);
      const body = await res.json();
      const expected = inserted.filter((a) => turf.booleanPointInPolygon([lon, lat], a.geom)).map((a) => a.id).reverse();
      expect(body.areas.map((a: { id: number }) => a.id), `${lon},${lat}`).toEqual(expected);
      seen.add(body.areas.map((a: { level: string }) => a.level).join('+'));
    }
    expect([...seen].sort()).toEqual(['', 'city_area', 'city_area+primary_area']);
    expect((await (await analyse({ lon: SITE[0], lat: SITE[1] })).json()).areas).toEqual([]);
  });
});

describe('the street address a site is named by', () => {
  it('is the nearest base-data address within 150 m (distance checked with turf), else null', async () => {
    const centre: [number, number] = [18.0, 65.5];
    const from = (m: number, b: number) => turf.destination(centre, m / 1000, b, { units: 'kilometers' }).geometry.coordinates as [number, number];
    const fixtures: [number, string, string | null, number, number][] = [
      [9_100_000_001, 'Provgatan', '12', 90, 10],
      [9_100_000_002, 'Långvägen', '3B', 60, 200],
      [9_100_000_003, 'Fjärrgatan', '1', 400, 90],
    ];
    for (const [id, street, number, m, b] of fixtures) {
      const [lon, lat] = from(m, b);
      await t.db.query(
        `INSERT INTO base_addresses (osm_type, osm_id, street, housenumber, postcode, city, search, geom)
         VALUES ('node', $1, $2, $3, '41679', 'Göteborg', lower($2), ST_SetSRID(ST_MakePoint($4, $5), 4326))`, [id, street, number, lon, lat]);
    }
    const body = await (await analyse({ lon: centre[0], lat: centre[1] })).json();
    expect(body.address.label).toBe('Långvägen 3B, 416 79 Göteborg');
    expect(body.address.distance_m).toBeCloseTo(turf.distance(centre, from(60, 200), { units: 'meters' }), -0.3);
    // 100 m out along Provgatan 12's bearing, Provgatan is the nearest.
    const north = from(100, 10);
    const near = await (await analyse({ lon: north[0], lat: north[1] })).json();
    expect(near.address.label).toBe('Provgatan 12, 416 79 Göteborg');
    // 230 m east every address is more than 150 m away (Fjärrgatan 1 the nearest, 170 m); 300 m east, Fjärrgatan 1 is 100 m away.
    const east = from(230, 90);
    const far = await (await analyse({ lon: east[0], lat: east[1] })).json();
    const toFar = turf.distance(east, from(400, 90), { units: 'meters' });
    expect(toFar).toBeGreaterThan(150);
    expect(far.address).toBeNull();
    const close = from(300, 90);
    expect((await (await analyse({ lon: close[0], lat: close[1] })).json()).address.label).toBe('Fjärrgatan 1, 416 79 Göteborg');
    expect((await (await analyse({ lon: SITE[0], lat: SITE[1] })).json()).address).toBeNull();
  });
});
