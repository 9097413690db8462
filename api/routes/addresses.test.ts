import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

/**
 * Address search and the place check on rows put straight into the base tables (the
 * importer's own tests cover the import; these hold the search and the check).
 */
let t: TestContext;
let empty: TestContext;

const ADDRESSES: [number, string, string | null, string | null, string | null, number, number][] = [
  // osm_id, street, number, postcode, city, lon, lat
  [1, 'Kungsportsavenyen', '1', '41136', 'Göteborg', 11.9725, 57.7026],
  [2, 'Kungsportsavenyen', '1A', '41136', 'Göteborg', 11.9727, 57.7024],
  [3, 'Kungsportsavenyen', '2', '41136', 'Göteborg', 11.9729, 57.7022],
  [4, 'Kungsportsavenyen', '10', '41136', 'Göteborg', 11.9740, 57.7010],
  [5, 'Kungsportsplatsen', '1', '41110', 'Göteborg', 11.9700, 57.7040],
  [6, 'Vasagatan', '12', '41124', 'Göteborg', 11.9680, 57.7000],
  [7, 'Vasagatan', '12', '11120', 'Stockholm', 18.0580, 59.3340],
  [8, 'Götaplatsen', '3', '41256', 'Göteborg', 11.9795, 57.6970],
  [9, 'Storgatan', '5', '41138', 'Göteborg', 11.9710, 57.7015],
];

const insertAddresses = async (db: TestContext['db']) => {
  for (const [id, street, num, pc, city, lon, lat] of ADDRESSES) {
    await db.query(
      `INSERT INTO base_addresses (osm_type, osm_id, street, housenumber, postcode, city, search, geom)
       VALUES ('node', $1, $2, $3, $4, $5, lower($2 || ' ' || coalesce($3, '')), ST_SetSRID(ST_MakePoint($6, $7), 4326))`,
      [id, street, num, pc, city, lon, lat],
    );
  }
};

/** A river-shaped water area (a band across the city) and land around it, in GeoJSON for turf and SQL alike. */
const RIVER = turf.polygon([[[11.90, 57.705], [12.02, 57.705], [12.02, 57.712], [11.90, 57.712], [11.90, 57.705]]]);
const IMPORT_BBOX = turf.bboxPolygon([11.85, 57.65, 12.10, 57.78]);

beforeAll(async () => {
  [t, empty] = await Promise.all([createTestContext(), createTestContext()]);
  await insertAddresses(t.db);
  await t.db.query(`INSERT INTO base_imports (source_name, source_kind, bbox) VALUES ('test.json', 'overpass_json', ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))`, [JSON.stringify(IMPORT_BBOX.geometry)]);
  await t.db.query(
    `INSERT INTO base_areas (osm_type, osm_id, kind, class, name, geom) VALUES ('relation', 1, 'water', 'river', 'Göta älv', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)))`,
    [JSON.stringify(RIVER.geometry)],
  );
});

const find = async (q: string, limit?: number) => {
  const body = await t.getJson(`viewer`, `/api/addresses?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  return body as { type: string; features: { id: string; geometry: { coordinates: [number, number] }; properties: { label: string; street: string; housenumber: string | null } }[]; addresses_imported: boolean };
};
const labels = async (q: string, limit?: number) => (await find(q, limit)).features.map((f) => f.properties.label);

describe('GET /api/addresses', () => {
  it('finds the exact address first, as a GeoJSON point with its label', async () => {
    const body = await find('Kungsportsavenyen 1');
    expect(body.type).toBe('FeatureCollection');
    expect(body.addresses_imported).toBe(true);
    const first = body.features[0]!;
    expect(first.id).toBe('osm:node/1');
    expect(first.properties.label).toBe('Kungsportsavenyen 1, 411 36 Göteborg');
    expect(first.geometry.coordinates).toEqual([11.9725, 57.7026]);
    // the same street with other numbers follows before the merely similar street
    // then 1A (the number with a letter), then the street's other numbers in numeric order, 2 before 10
    expect(body.features.slice(0, 4).map((f) => `${f.properties.street} ${f.properties.housenumber}`))
      .toEqual(['Kungsportsavenyen 1', 'Kungsportsavenyen 1A', 'Kungsportsavenyen 2', 'Kungsportsavenyen 10']);
  });

  it('finds it lower-cased, misspelt, shortened and with the number\'s letter', async () => {
    expect((await labels('kungsportsavenyen 1'))[0]).toBe('Kungsportsavenyen 1, 411 36 Göteborg');
    expect((await labels('Kungsprotsavenyen 1'))[0]).toBe('Kungsportsavenyen 1, 411 36 Göteborg');
    expect((await labels('kungsportsaveny 1'))[0]).toBe('Kungsportsavenyen 1, 411 36 Göteborg');
    expect((await labels('Kungsportsavenyn 1A, Göteborg'))[0]).toBe('Kungsportsavenyen 1A, 411 36 Göteborg');
    expect((await labels('Kungsportsavenyen 1 a'))[0]).toBe('Kungsportsavenyen 1A, 411 36 Göteborg');
    // a beginning of the street: both streets that start so; the number decides within
    const prefix = await labels('Kungsports 1');
    expect(prefix.slice(0, 2).sort()).toEqual(['Kungsportsavenyen 1, 411 36 Göteborg', 'Kungsportsplatsen 1, 411 10 Göteborg']);
  });

  it('takes å ä ö typed as a a o, and the postcode or town to tell two Vasagatan 12 apart', async () => {
    expect((await labels('Gotaplatsen 3'))[0]).toBe('Götaplatsen 3, 412 56 Göteborg');
    expect((await labels('Vasagatan 12 411 24'))[0]).toBe('Vasagatan 12, 411 24 Göteborg');
    expect((await labels('Vasagatan 12 111 20'))[0]).toBe('Vasagatan 12, 111 20 Stockholm');
    expect((await labels('Vasagatan 12, Stockholm'))[0]).toBe('Vasagatan 12, 111 20 Stockholm');
    expect(await labels('411 24')).toEqual(['Vasagatan 12, 411 24 Göteborg']);
  });

  it('answers at most limit, and nothing for a street that is not there', async () => {
    expect(await labels('Kungsportsavenyen', 2)).toHaveLength(2);
    expect(await labels('Zyxwvutsgränd 4')).toEqual([]);
  });

  it('tells an empty base from no match', async () => {
    const res = await empty.getJson('viewer', '/api/addresses?q=Kungsportsavenyen%201');
    expect(res).toEqual({ type: 'FeatureCollection', features: [], addresses_imported: false });
  });

  it('refuses a missing, short or long q and a bad limit, naming the field', async () => {
    for (const [url, field] of [
      ['/api/addresses', 'q'], ['/api/addresses?q=a', 'q'], [`/api/addresses?q=${'a'.repeat(201)}`, 'q'],
      ['/api/addresses?q=Storgatan&limit=0', 'limit'], ['/api/addresses?q=Storgatan&limit=51', 'limit'], ['/api/addresses?q=Storgatan&limit=x', 'limit'],
      ['/api/addresses?q=Storgatan&other=1', 'other'],
    ] as const) {
      const res = await t.request('viewer', 'GET', url);
      expect(res.status, url).toBe(400);
      const body = await res.json();
      expect(JSON.stringify(body.error.details?.issues ?? body.error.message), url).toContain(field);
    }
  });

  it('treats LIKE wildcards as characters', async () => {
    expect(await labels('%%')).toEqual([]);
    expect(await labels('__ 1')).toEqual([]);
  });

  it('is refused without signing in', async () => {
    expect((await t.request('anonymous', 'GET', '/api/addresses?q=Storgatan')).status).toBe(401);
  });
});

describe('base_address_streets (the street table the search reads first)', () => {
  const streets = (db: TestContext['db']) => db.query('SELECT street_key, addresses FROM base_address_streets ORDER BY street_key');
  const counted = (db: TestContext['db']) => db.query('SELECT street_key, count(*)::int AS addresses FROM base_addresses GROUP BY street_key ORDER BY street_key');

  it('follows inserts, updates and deletes of base_addresses', async () => {
    const db = empty.db;
    await insertAddresses(db);
    expect(await streets(db)).toEqual(await counted(db));
    expect((await streets(db)).find((r: any) => r.street_key === 'kungsportsavenyen')).toEqual({ street_key: 'kungsportsavenyen', addresses: 4 });
    await db.query(`UPDATE base_addresses SET street = 'Storgatan' WHERE osm_id IN (8)`); // Götaplatsen's only address
    expect(await streets(db)).toEqual(await counted(db));
    expect((await streets(db)).some((r: any) => r.street_key === 'gotaplatsen')).toBe(false);
    await db.query(`DELETE FROM base_addresses WHERE osm_id IN (1, 2)`);
    expect(await streets(db)).toEqual(await counted(db));
    await db.query('DELETE FROM base_addresses');
    expect(await streets(db)).toEqual([]);
  });
});

describe('GET /api/places/check', () => {
  const check = (ctx: TestContext, lon: number, lat: number) => ctx.getJson('viewer', `/api/places/check?lon=${lon}&lat=${lat}`);

  it('says a point in the river is in water, by name, as turf does', async () => {
    const inRiver: [number, number] = [11.95, 57.708];
    const onLand: [number, number] = [11.95, 57.700];
    expect(turf.booleanPointInPolygon(inRiver, RIVER)).toBe(true);
    expect(turf.booleanPointInPolygon(onLand, RIVER)).toBe(false);
    expect(await check(t, ...inRiver)).toEqual({ in_water: true, water_name: 'Göta älv', warnings: [{ code: 'in_water', name: 'Göta älv' }] });
    expect(await check(t, ...onLand)).toEqual({ in_water: false, water_name: null, warnings: [] });
  });

  it('warns outside the imported extent, and when nothing is imported', async () => {
    expect((await check(t, 13.0, 55.6)).warnings).toEqual([{ code: 'outside_imported_area' }]);
    expect((await check(empty, 11.95, 57.708)).warnings).toEqual([{ code: 'no_base_data' }]);
  });

  it('refuses positions outside Sweden and non-numbers, naming the field', async () => {
    for (const [url, field] of [['/api/places/check?lon=5&lat=57.7', 'lon'], ['/api/places/check?lon=11.9&lat=x', 'lat'], ['/api/places/check?lat=57.7', 'lon']] as const) {
      const res = await t.request('viewer', 'GET', url);
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.details.issues[0].path).toEqual([field]);
    }
  });
});
