/**
 * Walking distances through the API on both engines, on the OSM fixture written into
 * base_ways: the river case in the child-place and contact lists, the walk zones, the
 * network's reload when a new import lands, the rules by walking distance, and the
 * restricted unit's coarse start. Expected values come from the engine built straight
 * from the fixture (no database) and from turf.
 */
import { booleanPointInPolygon, distance, polygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOsmFixture, type OsmFixture } from '../test/osmFixture.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { WalkNetwork } from '../walking/network.js';
import { waysFromOverpass } from '../walking/overpass.js';
import { writeBaseWays } from '../walking/testBaseData.js';

let t: TestContext;
let fx: OsmFixture;
let net: WalkNetwork;
let unitId: number, restrictedId: number, placeId: number, actorId: number;
const at = (p: [number, number]) => `ST_SetSRID(ST_MakePoint(${p[0]}, ${p[1]}), 4326)::geography`;

beforeAll(async () => {
  t = await createTestContext();
  fx = buildOsmFixture();
  net = WalkNetwork.fromWays(waysFromOverpass(fx.overpass));
  const { north, south } = fx.landmarks.acrossRiver;
  const [u] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity <> 'restricted' ORDER BY id LIMIT 1");
  const [r] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity = 'restricted' ORDER BY id LIMIT 1");
  unitId = u!.id; restrictedId = r!.id;
  // the whole neighbourhood of the river case, alone: every other place away
  await t.db.query(`UPDATE units SET location = ${at(north)} WHERE id IN (${unitId}, ${restrictedId})`);
  await t.db.query(`UPDATE child_places SET location = ${at([north[0] + 0.3, north[1]])}`);
  await t.db.query(`UPDATE actors SET location = ${at([north[0] + 0.3, north[1]])}`);
  const [cp] = await t.db.query<{ id: number }>(`INSERT INTO child_places (name, kind, location) VALUES ('Skolan på andra sidan', 'school', ${at(south)}) RETURNING id`);
  placeId = cp!.id;
  const [a] = await t.db.query<{ id: number }>(`INSERT INTO actors (name, category, location) VALUES ('Kiosken på andra sidan', 'shop', ${at(south)}) RETURNING id`);
  actorId = a!.id;
});

const walkOf = (from: [number, number], to: [number, number]) => net.distances({ lon: from[0], lat: from[1] }, [{ lon: to[0], lat: to[1] }], { maxSnapM: 300, limitM: 5000 })[0]!;

describe('walking distances without base data', () => {
  it('are null in the lists and the walk zones have no bands', async () => {
    const places = await t.getJson('editor', `/api/units/${unitId}/child-places`);
    const p = places.features.find((f: any) => f.id === placeId);
    expect(p.properties).toMatchObject({ walk_m: null, walk_min: null, ring_basis: 'straight' });
    const zones = await t.getJson('viewer', `/api/units/${unitId}/walk-zones`);
    expect(zones).toEqual({ type: 'FeatureCollection', features: [], walking: { network_version: null, speed_kmh: 5, snap_distance_m: null } });
    const site = await t.request('viewer', 'POST', '/api/site-analysis', { lon: fx.landmarks.acrossRiver.north[0], lat: fx.landmarks.acrossRiver.north[1] });
    expect((await site.json()).walking).toBeNull();
  });
});

describe('walking distances on the fixture network', () => {
  let version: number;
  beforeAll(async () => { version = await writeBaseWays(t.db, fx.overpass); });

  it('show the place across the river near in a straight line and far on foot, as the engine computes it', async () => {
    const { north, south } = fx.landmarks.acrossRiver;
    const want = walkOf(north, south);
    const places = await t.getJson('editor', `/api/units/${unitId}/child-places`);
    const p = places.features.find((f: any) => f.id === placeId).properties;
    expect(p.distance_m).toBeCloseTo(distance(north, south, { units: 'meters' }), -1);
    expect(p.distance_m).toBeLessThan(400);
    expect(p.walk_m).toBeCloseTo(want, 1);
    expect(p.walk_m).toBeGreaterThan(3 * p.distance_m);
    expect(p.walk_min).toBeCloseTo(want / (5000 / 60), 1);
    const contacts = await t.getJson('editor', `/api/units/${unitId}/contacts`);
    expect(contacts.features.find((f: any) => f.id === actorId).properties.walk_m).toBeCloseTo(want, 1);
  });

  it('sort by walking distance, unknown walks last', async () => {
    const { north } = fx.landmarks.acrossRiver;
    // a second place near by on foot, slightly farther in a straight line than the one across the river? any nearer walk will do
    const near: [number, number] = [north[0] + 0.002, north[1]];
    await t.db.query(`INSERT INTO child_places (name, kind, location) VALUES ('Förskolan på samma sida', 'preschool', ${at(near)})`);
    await t.db.query(`INSERT INTO child_places (name, kind, location) VALUES ('Lekplatsen i älven', 'playground', ${at(fx.landmarks.inRiver)})`);
    const list = (await t.getJson('editor', `/api/units/${unitId}/child-places?sort=walk_m`)).features.map((f: any) => f.properties);
    const walks = list.map((p: any) => p.walk_m);
    const known = walks.filter((w: number | null) => w !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => a - b));
    expect(walks.slice(known.length).every((w: number | null) => w === null)).toBe(true);
    const byMin = (await t.getJson('editor', `/api/units/${unitId}/child-places?sort=walk_min`)).features.map((f: any) => f.id);
    expect(byMin).toEqual((await t.getJson('editor', `/api/units/${unitId}/child-places?sort=walk_m`)).features.map((f: any) => f.id));
    const bad = await t.request('viewer', 'GET', `/api/units/${unitId}/contacts?sort=walk`);
    expect(bad.status).toBe(400);
  });

  it('draw walk zones that contain every node reached within each band', async () => {
    const { north } = fx.landmarks.acrossRiver;
    const body = await t.getJson('editor', `/api/units/${unitId}/walk-zones?minutes=15,5,10`);
    expect(body.walking).toMatchObject({ network_version: version, speed_kmh: 5 });
    expect(body.features.map((f: any) => f.properties.minutes)).toEqual([5, 10, 15]);
    for (const f of body.features) {
      const limit = (f.properties.minutes * 5000) / 60;
      expect(f.properties.limit_m).toBeCloseTo(limit, 1);
      const reached = net.reach({ lon: north[0], lat: north[1] }, limit, 300);
      expect(f.properties.reached_nodes).toBe(reached.length);
      expect(reached.length).toBeGreaterThan(10);
      const poly = polygon(f.geometry.coordinates);
      for (const r of reached) expect(booleanPointInPolygon([r.lon, r.lat], poly)).toBe(true);
    }
  });

  it('refuses bad minutes, naming the parameter', async () => {
    for (const q of ['0', '61', 'abc', '5,,10', '1,2,3,4,5,6,7', '5.5']) {
      const res = await t.request('viewer', 'GET', `/api/units/${unitId}/walk-zones?minutes=${q}`);
      expect(res.status, q).toBe(400);
      expect(JSON.stringify(await res.json()), q).toMatch(/minutes/);
    }
    expect((await t.request('viewer', 'GET', '/api/units/999999/walk-zones')).status).toBe(404);
  });

  it('start a restricted unit\'s walk from its coarse location for a viewer', async () => {
    const [c] = await t.db.query<{ lon: number; lat: number }>(
      `SELECT ST_X(ps_visible_location(sensitivity, location, false)::geometry) AS lon, ST_Y(ps_visible_location(sensitivity, location, false)::geometry) AS lat FROM units WHERE id = ${restrictedId}`,
    );
    const viewer = await t.getJson('viewer', `/api/units/${restrictedId}/walk-zones?minutes=10`);
    const editor = await t.getJson('editor', `/api/units/${restrictedId}/walk-zones?minutes=10`);
    const coarse = net.zones(c!, [10 * 5000 / 60], 300)[0]!;
    expect(viewer.features[0].geometry.coordinates[0]).toEqual(coarse.ring);
    expect(editor.features[0].geometry.coordinates).not.toEqual(viewer.features[0].geometry.coordinates);
    const places = await t.getJson('viewer', `/api/units/${restrictedId}/child-places`);
    const p = places.features.find((f: any) => f.id === placeId);
    if (p) expect(p.properties.walk_m).toBeCloseTo(walkOf([c!.lon, c!.lat], fx.landmarks.acrossRiver.south), 1);
  });

  it('let the information need follow the walk when the setting says so', async () => {
    const find = async (q = '') => (await t.getJson('editor', `/api/units/${unitId}/child-places${q}`)).features.find((f: any) => f.id === placeId)?.properties;
    const [radii] = await t.db.query<{ r_neighbourhood: number }>(`SELECT r_neighbourhood FROM units_effective WHERE id = ${unitId}`);
    const straight = await find();
    expect(straight.distance_m).toBeLessThan(radii!.r_neighbourhood);
    expect(straight).toMatchObject({ ring_basis: 'straight' });
    expect(straight.ring).not.toBe('area');
    await t.db.query(`UPDATE settings SET value = '"walking"' WHERE key = 'information_distance'`);
    try {
      const p = await find();
      expect(p.ring_basis).toBe('walking');
      expect(p.ring).toBe('area'); // far beyond the outer ring on foot, though in an inner ring in a straight line
      expect(p.priority).toBe('low');
      expect(await find(`?priority=${straight.priority}`)).toBeUndefined();
      expect(await find('?priority=low')).toBeDefined();
      expect(await find('?ring=area')).toBeDefined();
    } finally {
      await t.db.query(`UPDATE settings SET value = '"straight"' WHERE key = 'information_distance'`);
    }
    expect(await find()).toEqual(straight);
  });

  it('give the city-wide needs list the same ring and priority as the unit\'s own list, by walk when the setting says so', async () => {
    const inList = async (q = '') => (await t.getJson('editor', `/api/information-needs?unit_id=${unitId}&limit=1000${q}`)).features.find((f: any) => f.properties.child_place_id === placeId)?.properties;
    const inUnit = async () => (await t.getJson('editor', `/api/units/${unitId}/child-places`)).features.find((f: any) => f.id === placeId).properties;
    const straight = await inList();
    expect(straight.ring).not.toBe('area');
    expect(straight.ring).toBe((await inUnit()).ring);
    expect(straight.walk_m).toBeNull(); // by the straight line the list measures no walks
    await t.db.query(`UPDATE settings SET value = '"walking"' WHERE key = 'information_distance'`);
    try {
      const walked = await inList();
      const own = await inUnit();
      expect(walked).toMatchObject({ ring: own.ring, priority: own.priority, walk_m: own.walk_m });
      expect(walked).toMatchObject({ ring: 'area', priority: 'low' });
      expect(walked.distance_m).toBe(straight.distance_m); // the distance shown stays the straight one
      expect(await inList(`&priority=${straight.priority}`)).toBeUndefined();
      const counts = (await t.getJson('editor', `/api/information-needs?unit_id=${unitId}&limit=1`)).by_priority;
      const all = (await t.getJson('editor', `/api/information-needs?unit_id=${unitId}&limit=1000`)).features;
      expect(counts.low).toBe(all.filter((f: any) => f.properties.priority === 'low').length);
    } finally {
      await t.db.query(`UPDATE settings SET value = '"straight"' WHERE key = 'information_distance'`);
    }
    expect(await inList()).toEqual(straight);
  });

  it('judge a place on the network but out of reach on foot as far, and one a few metres away as immediate', async () => {
    const bridges = new Set(fx.landmarks.bridges.map((b) => b.osmWayId));
    await writeBaseWays(t.db, fx.overpass, (id) => !bridges.has(id));
    const [off] = await t.db.query<{ id: number }>(
      `INSERT INTO child_places (name, kind, location) VALUES ('Förskolan i skogen', 'preschool', ${at([fx.landmarks.acrossRiver.north[0], fx.landmarks.acrossRiver.north[1] + 0.0001])}) RETURNING id`);
    const find = async (id: number, path: string) => (await t.getJson('editor', path)).features.find((f: any) => (f.properties.child_place_id ?? f.id) === id)?.properties;
    await t.db.query(`UPDATE settings SET value = '"walking"' WHERE key = 'information_distance'`);
    try {
      for (const path of [`/api/units/${unitId}/child-places`, `/api/information-needs?unit_id=${unitId}&limit=1000`]) {
        const across = await find(placeId, path);
        expect(across).toMatchObject({ ring: 'area', priority: 'low' }); // no bridge: no walk at all, so far by foot
        const near = await find(off!.id, path);
        expect(near.ring).toBe('immediate'); // the same bank: the missing bridges change nothing here
      }
    } finally {
      await t.db.query(`UPDATE settings SET value = '"straight"' WHERE key = 'information_distance'`);
      await t.db.query(`DELETE FROM child_places WHERE id = ${off!.id}`);
      await writeBaseWays(t.db, fx.overpass);
    }
  });

  it('count a site\'s places by walking band', async () => {
    const { north } = fx.landmarks.acrossRiver;
    const site = await (await t.request('viewer', 'POST', '/api/site-analysis', { lon: north[0], lat: north[1] })).json();
    expect(site.walking.bands.map((b: any) => b.minutes)).toEqual([5, 10, 15]);
    const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const inBands = site.walking.bands.reduce((n: number, b: any) => n + total(b.child_places), 0) + site.walking.beyond.child_places;
    expect(inBands).toBe(site.rings.reduce((n: number, r: any) => n + total(r.child_places), 0));
    // the school across the river is in the first straight ring but not within 15 minutes on foot... unless the walk is that short
    const w = walkOf(north, fx.landmarks.acrossRiver.south);
    const schoolBand = site.walking.bands.findIndex((b: any) => b.child_places.school > 0);
    if (w > 1250) expect(schoolBand).toBe(-1);
  });

  it('reload the network when a new import lands: without the bridges the other bank is unreachable', async () => {
    const bridges = new Set(fx.landmarks.bridges.map((b) => b.osmWayId));
    const next = await writeBaseWays(t.db, fx.overpass, (id) => !bridges.has(id));
    expect(next).toBeGreaterThan(version);
    const p = (await t.getJson('editor', `/api/units/${unitId}/child-places`)).features.find((f: any) => f.id === placeId).properties;
    expect(p.walk_m).toBeNull();
    expect(p.walk_min).toBeNull();
    expect((await t.getJson('viewer', `/api/units/${unitId}/walk-zones`)).walking.network_version).toBe(next);
    await writeBaseWays(t.db, fx.overpass);
  });
});
