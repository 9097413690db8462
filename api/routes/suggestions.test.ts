import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapPoi } from '../services/suggestions.js';
import { createTestContext, type TestContext } from '../test/harness.js';

/** An empty spot far north, where no demo data lies; the unit's outer ring is the default 1000 m. */
const SITE: [number, number] = [20.0, 67.0];
const at = (metres: number, bearing: number) =>
  turf.destination(SITE, metres / 1000, bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];

/** One point of interest of every mapped kind, and what it must become. */
const KINDS: [key: string, value: string, tags: Record<string, string>, expected: string][] = [
  ['shop', 'supermarket', {}, 'actor:shop'],
  ['shop', 'bakery', {}, 'actor:shop'],
  ['amenity', 'cafe', {}, 'actor:restaurant'],
  ['amenity', 'restaurant', {}, 'actor:restaurant'],
  ['amenity', 'fast_food', {}, 'actor:restaurant'],
  ['amenity', 'place_of_worship', { religion: 'christian' }, 'actor:faith'],
  ['amenity', 'police', {}, 'actor:police'],
  ['amenity', 'library', {}, 'actor:library'],
  ['amenity', 'clinic', {}, 'actor:health'],
  ['amenity', 'doctors', {}, 'actor:health'],
  ['healthcare', 'centre', {}, 'actor:health'],
  ['amenity', 'community_centre', {}, 'actor:association'],
  ['amenity', 'community_centre', { community_centre: 'youth_centre' }, 'child_place:leisure_centre'],
  ['leisure', 'sports_centre', {}, 'actor:leisure'],
  ['amenity', 'school', {}, 'child_place:school'],
  ['amenity', 'kindergarten', {}, 'child_place:preschool'],
  ['leisure', 'playground', {}, 'child_place:playground'],
];

let t: TestContext;
let unitId: number;

const poi = (db: TestContext['db'], id: number, key: string, value: string, name: string | null, tags: Record<string, string>, lon: number, lat: number) =>
  db.query(
    `INSERT INTO base_pois (osm_type, osm_id, key, value, name, tags, geom) VALUES ('node', $1, $2, $3, $4, $5::jsonb, ST_SetSRID(ST_MakePoint($6, $7), 4326))`,
    [id, key, value, name, JSON.stringify({ ...tags, [key]: value, ...(name ? { name } : {}) }), lon, lat],
  );

/** The base POIs as an import leaves them: all replaced. */
async function importPois(db: TestContext['db']) {
  await db.query('DELETE FROM base_pois');
  for (const [i, [key, value, tags]] of KINDS.entries()) {
    const [lon, lat] = at(100 + i * 40, i * 20);
    await poi(db, 1000 + i, key, value, `Plats ${i} ${value}`, { ...tags, 'addr:street': 'Storgatan', 'addr:housenumber': String(i + 1), 'addr:postcode': '981 31', 'addr:city': 'Kiruna' }, lon, lat);
  }
  const [flon, flat] = at(1200, 90); // outside the outer ring
  await poi(db, 2000, 'shop', 'kiosk', 'Långt borta', {}, flon, flat);
  const [nlon, nlat] = at(300, 180);
  await poi(db, 2001, 'amenity', 'cafe', 'Kafé Norrsken', {}, nlon, nlat); // matched by an actor by name and place
  const [ulon, ulat] = at(320, 200);
  await poi(db, 2002, 'amenity', 'bench', 'Bänk', {}, ulon, ulat); // not a mapped kind
  const [xlon, xlat] = at(340, 220);
  await poi(db, 2003, 'leisure', 'playground', null, {}, xlon, xlat); // unnamed
}

beforeAll(async () => {
  t = await createTestContext();
  const [unit] = await t.db.query<{ id: number }>(
    `INSERT INTO units (name, kind, location) VALUES ('Nordenhet', 'shelter', ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) RETURNING id`, SITE,
  );
  unitId = unit!.id;
  await importPois(t.db);
  const [alon, alat] = at(310, 180); // ~10 m from the café, a similar name
  await t.db.query(`INSERT INTO actors (name, category, location) VALUES ('Café Norrsken', 'restaurant', ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography)`, [alon, alat]);
});

type Suggestion = { id: string; properties: { osm_id: number; name: string; record: string; category: string | null; kind: string | null; address: string | null; distance_m: number; named: boolean } };
const list = async (): Promise<Suggestion[]> => (await t.getJson('editor', `/api/units/${unitId}/suggestions`)).features;

describe('mapPoi', () => {
  it('maps every kind to the expected category or child-place kind', () => {
    for (const [key, value, tags, expected] of KINDS) {
      const m = mapPoi(key, value, tags);
      expect(m && `${m.record}:${m.record === 'actor' ? m.category : m.kind}`, `${key}=${value}`).toBe(expected);
    }
    expect(mapPoi('amenity', 'bench')).toBeNull();
  });
});

describe('GET /api/units/{id}/suggestions', () => {
  it('lists the mapped points of interest inside the outer ring not yet in the register, nearest first', async () => {
    const s = await list();
    const ids = s.map((f) => f.properties.osm_id);
    expect(ids).not.toContain(2000); // outside
    expect(ids).not.toContain(2001); // Café Norrsken is an actor already
    expect(ids).not.toContain(2002); // a bench is nothing
    expect(ids.filter((id) => id >= 1000 && id < 2000).sort()).toEqual(KINDS.map((_, i) => 1000 + i));
    const distances = s.map((f) => f.properties.distance_m);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const f of s) {
      const i = f.properties.osm_id - 1000;
      if (i < 0 || i >= KINDS.length) continue;
      const expected = KINDS[i]![3];
      expect(`${f.properties.record}:${f.properties.category ?? f.properties.kind}`).toBe(expected);
      expect(f.properties.address).toBe(`Storgatan ${i + 1}, 981 31 Kiruna`);
      // the distance as turf measures it on the sphere, within 0.5 % (PostGIS measures on the spheroid)
      const d = turf.distance(SITE, at(100 + i * 40, i * 20), { units: 'meters' });
      expect(Math.abs(f.properties.distance_m - d)).toBeLessThan(d * 0.005);
    }
    const unnamed = s.find((f) => f.properties.osm_id === 2003)!;
    expect(unnamed.properties).toMatchObject({ name: 'Lekplats', named: false, kind: 'playground' });
  });

  it('is refused to viewers, and 404 for an unknown unit', async () => {
    expect((await t.request('viewer', 'GET', `/api/units/${unitId}/suggestions`)).status).toBe(403);
    expect((await t.request('viewer', 'POST', `/api/units/${unitId}/suggestions/node/1000/accept`)).status).toBe(403);
    expect((await t.request('viewer', 'POST', `/api/units/${unitId}/suggestions/node/1000/dismiss`)).status).toBe(403);
    expect((await t.request('editor', 'GET', '/api/units/999999/suggestions')).status).toBe(404);
  });

  it('accepts one as an actor with its category, address and external id; it is no longer suggested', async () => {
    const i = KINDS.findIndex(([k, v]) => k === 'amenity' && v === 'place_of_worship');
    const res = await t.request('editor', 'POST', `/api/units/${unitId}/suggestions/node/${1000 + i}/accept`);
    expect(res.status).toBe(201);
    const made = await res.json();
    expect(made.record).toBe('actor');
    const actor = await t.getJson('viewer', `/api/actors/${made.id}`);
    expect(actor.properties).toMatchObject({ name: `Plats ${i} place_of_worship`, category: 'faith', external_id: `osm:node/${1000 + i}`, address: `Storgatan ${i + 1}, 981 31 Kiruna` });
    expect(actor.geometry.coordinates[0]).toBeCloseTo(at(100 + i * 40, i * 20)[0], 6);
    expect((await list()).map((f) => f.properties.osm_id)).not.toContain(1000 + i);
    // twice: it is not a suggestion any more
    expect((await t.request('editor', 'POST', `/api/units/${unitId}/suggestions/node/${1000 + i}/accept`)).status).toBe(404);
    const [audit] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'actor' AND entity_id = $1 AND action = 'create'`, [String(made.id)]);
    expect(audit!.n).toBe(1);
  });

  it('accepts a school as a child place', async () => {
    const i = KINDS.findIndex(([, v]) => v === 'school');
    const res = await t.request('editor', 'POST', `/api/units/${unitId}/suggestions/node/${1000 + i}/accept`);
    expect(res.status).toBe(201);
    const made = await res.json();
    expect(made.record).toBe('child_place');
    const place = await t.getJson('viewer', `/api/child-places/${made.id}`);
    expect(place.properties).toMatchObject({ kind: 'school', external_id: `osm:node/${1000 + i}` });
  });

  it('keeps a dismissed suggestion dismissed across a re-import', async () => {
    const i = KINDS.findIndex(([, v]) => v === 'library');
    expect((await t.request('editor', 'POST', `/api/units/${unitId}/suggestions/node/${1000 + i}/dismiss`)).status).toBe(204);
    expect((await list()).map((f) => f.properties.osm_id)).not.toContain(1000 + i);
    await importPois(t.db);
    const after = (await list()).map((f) => f.properties.osm_id);
    expect(after).not.toContain(1000 + i);
    expect(after).toContain(1000 + KINDS.findIndex(([, v]) => v === 'police'));
  });

  it('refuses bad path parts naming them', async () => {
    for (const [url, field] of [
      [`/api/units/${unitId}/suggestions/area/1/accept`, 'osm_type'], [`/api/units/${unitId}/suggestions/node/x/dismiss`, 'osm_id'], ['/api/units/0/suggestions/node/1/accept', 'id'],
    ] as const) {
      const res = await t.request('editor', 'POST', url);
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.details.issues[0].path, url).toEqual([field]);
    }
  });
});
