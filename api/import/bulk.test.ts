import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../db/sqlFiles.js';
import type { Database } from '../db/types.js';
import { ApiError } from '../errors.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import type { FieldMapping, ImportLayer } from './mapping.js';
import type { ImportOptions } from './records.js';
import { runImport } from './run.js';
import { WRITE_CHUNK_ROWS } from './write.js';

/**
 * The set-based write phase (chunks of rows per statement) checked row by row against
 * the input: inserts, updates and unchanged rows mixed across more than one chunk,
 * optimistic concurrency that rolls back the whole import, and the columns an import
 * must never touch.
 */
describe('import writes in chunks', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });

  interface Feature { id: string; name: string; category?: string; address?: string | null; lon: number; lat: number }
  const geojson = (features: Feature[]) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map(({ lon, lat, ...props }) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } })),
    });
  const CATEGORIES = ['shop', 'police', 'library', 'faith'];
  /** Actor `i` of a test's own id prefix, spread over Göteborg; `variant` moves and renames it. */
  const actor = (prefix: string, i: number, variant = 0): Feature => ({
    id: `${prefix}-${i}`,
    name: variant ? `Aktör ${i} (ändrad ${variant})` : `Aktör ${i}`,
    category: CATEGORIES[i % CATEGORIES.length],
    address: `Gata ${i}`,
    lon: Math.round((11.9 + (i % 97) * 0.0013 + variant * 0.0000001) * 1e7) / 1e7,
    lat: Math.round((57.7 + Math.floor(i / 97) * 0.0011 + 0.12345678) * 1e7) / 1e7,
  });
  const admin = async () => (await t.db.query<{ id: number; email: string }>("SELECT id, email FROM users WHERE email = 'admin@test.example'"))[0]!;
  const run = async (db: Database, layer: ImportLayer, content: string, extra: { mapping?: FieldMapping; options?: ImportOptions; now?: string; dryRun?: boolean; progress?: [number, number][] } = {}) =>
    runImport(db, {
      layer, format: 'geojson', content, mapping: extra.mapping, options: extra.options, dryRun: extra.dryRun ?? false,
      now: new Date(extra.now ?? '2025-03-01T10:00:00Z'), user: await admin(),
      onProgress: extra.progress ? (done, total) => extra.progress!.push([done, total]) : undefined,
    });
  const actorMapping: FieldMapping = { id: 'id', name: 'name', category: 'category', address: 'address' };
  interface Stored { external_id: string; id: number; name: string; category: string; address: string | null; lon: number; lat: number; version: number; created_at: string; updated_at: string }
  const stored = async (prefix: string) =>
    new Map(
      (await t.db.query<Stored>(
        `SELECT external_id, id, name, category, address, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat, version,
                to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
         FROM actors WHERE external_id LIKE $1 ORDER BY id`,
        [`${prefix}-%`],
      )).map((r) => [r.external_id, r]),
    );
  const importAudits = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'"))[0]!.n;

  it('a mixed import over several chunks stores every row as given: inserts, updates and unchanged rows', async () => {
    const first = Array.from({ length: 6000 }, (_, i) => actor('mix', i));
    const r1 = await run(t.db, 'actors', geojson(first), { mapping: actorMapping, now: '2025-03-01T10:00:00Z' });
    expect(r1.counts).toEqual({ total: 6000, inserted: 6000, updated: 0, unchanged: 0, rejected: 0 });
    const afterFirst = await stored('mix');
    // Inserted in file order: ids ascend with the row.
    expect([...afterFirst.keys()]).toEqual(first.map((f) => f.id));

    // Every third row renamed, every third moved by 1e-7°, every third as it was; 3000 new rows; one address emptied.
    const second = [
      ...first.map((f, i) => (i % 3 === 0 ? { ...f, name: `${f.name} (nytt namn)` } : i % 3 === 1 ? actor('mix', i, 1) : f)),
      ...Array.from({ length: 3000 }, (_, i) => actor('mix', 6000 + i)),
    ];
    second[5] = { ...second[5]!, address: null };
    const changed = new Set(second.filter((f, i) => i < 6000 && JSON.stringify(f) !== JSON.stringify(first[i])).map((f) => f.id));
    const progress: [number, number][] = [];
    const audits = await importAudits();
    const dry = await run(t.db, 'actors', geojson(second), { mapping: actorMapping, dryRun: true, now: '2025-03-02T10:00:00Z' });
    expect(await stored('mix')).toEqual(afterFirst);
    const r2 = await run(t.db, 'actors', geojson(second), { mapping: actorMapping, now: '2025-03-02T10:00:00Z', progress });
    expect(r2.counts).toEqual(dry.counts);
    expect(r2.counts).toEqual({ total: 9000, inserted: 3000, updated: changed.size, unchanged: 6000 - changed.size, rejected: 0 });
    expect(changed.size).toBe(4001);
    expect(r2.committed).toBe(true);
    expect(await importAudits()).toBe(audits + 1);
    const writes = 3000 + changed.size;
    expect(progress).toEqual([[WRITE_CHUNK_ROWS, writes], [writes, writes]]);

    const rows = await stored('mix');
    expect(rows.size).toBe(9000);
    for (const f of second) {
      const row = rows.get(f.id)!;
      const isNew = !afterFirst.has(f.id);
      expect({ name: row.name, category: row.category, address: row.address }, f.id).toEqual({ name: f.name, category: f.category, address: f.address });
      expect(Math.abs(row.lon - f.lon), f.id).toBeLessThan(1e-7 / 2);
      expect(Math.abs(row.lat - f.lat), f.id).toBeLessThan(1e-7 / 2);
      const expected = isNew
        ? { version: 1, created_at: '2025-03-02T10:00:00Z', updated_at: '2025-03-02T10:00:00Z' }
        : { id: afterFirst.get(f.id)!.id, version: changed.has(f.id) ? 2 : 1, created_at: '2025-03-01T10:00:00Z', updated_at: changed.has(f.id) ? '2025-03-02T10:00:00Z' : '2025-03-01T10:00:00Z' };
      expect(row, f.id).toMatchObject(expected);
    }
  });

  it('re-importing the same file finds every row unchanged and writes nothing', async () => {
    const file = geojson(Array.from({ length: 1200 }, (_, i) => actor('same', i)));
    await run(t.db, 'actors', file, { mapping: actorMapping });
    const before = await stored('same');
    const progress: [number, number][] = [];
    const again = await run(t.db, 'actors', file, { mapping: actorMapping, now: '2025-04-01T10:00:00Z', progress });
    expect(again.counts).toEqual({ total: 1200, inserted: 0, updated: 0, unchanged: 1200, rejected: 0 });
    expect(progress).toEqual([[0, 0]]);
    expect(await stored('same')).toEqual(before);
  });

  it('an update leaves the fields the mapping does not supply as they are', async () => {
    const rows = [actor('partial', 1), actor('partial', 2)];
    await run(t.db, 'actors', geojson(rows), { mapping: actorMapping });
    // No address property and none mapped: the stored addresses stay.
    const renamed = rows.map(({ address: _, ...f }) => ({ ...f, name: `${f.name}!` }));
    const r = await run(t.db, 'actors', geojson(renamed), { mapping: { id: 'id', name: 'name', category: 'category' } });
    expect(r.counts).toMatchObject({ updated: 2, unchanged: 0 });
    const after = await stored('partial');
    expect([...after.values()].map((s) => [s.name, s.address, s.version])).toEqual([['Aktör 1!', 'Gata 1', 2], ['Aktör 2!', 'Gata 2', 2]]);
  });

  /**
   * A database that, right after the importer has read the stored rows, lets "someone
   * else" change `externalId` (version + 1): the importer's update of that row must miss.
   */
  function changedAfterRead(db: Database, table: string, externalId: string): Database {
    return {
      ...db,
      async query<T>(text: string, params?: readonly unknown[]) {
        const rows = await db.query<T>(text, params);
        if (text === query(`import_existing_${table}`) && (JSON.parse(params![0] as string) as string[]).includes(externalId)) {
          await db.query(`UPDATE ${table} SET version = version + 1, name = 'Ändrad av någon annan' WHERE external_id = $1`, [externalId]);
        }
        return rows;
      },
    };
  }

  it('a row changed by someone else in the middle of a later chunk rolls back the whole import', async () => {
    const first = Array.from({ length: 7000 }, (_, i) => actor('conflict', i));
    await run(t.db, 'actors', geojson(first), { mapping: actorMapping });
    const second = [...first.map((f) => ({ ...f, name: `${f.name} v2` })), ...Array.from({ length: 500 }, (_, i) => actor('conflict', 7000 + i))];
    const victim = `conflict-${WRITE_CHUNK_ROWS + 1234}`;
    const before = await stored('conflict');
    const audits = await importAudits();
    const progress: [number, number][] = [];
    const err = await run(changedAfterRead(t.db, 'actors', victim), 'actors', geojson(second), { mapping: actorMapping, now: '2025-05-01T10:00:00Z', progress }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('conflict');
    expect((err as ApiError).message).toBe(`Row ${WRITE_CHUNK_ROWS + 1235} (external id "${victim}") was changed by someone else during the import; nothing was imported. Run it again.`);
    // The first chunk had been written when the conflict was found.
    expect(progress).toEqual([[WRITE_CHUNK_ROWS, 7500]]);
    const after = await stored('conflict');
    expect(after.size).toBe(7000);
    expect(after.get(victim)).toMatchObject({ name: 'Ändrad av någon annan', version: 2 });
    after.delete(victim);
    before.delete(victim);
    expect(after).toEqual(before);
    expect(await importAudits()).toBe(audits);
  });

  it('units: places set and updated; status, sensitivity, radii and the reopening count untouched', async () => {
    const unit = (id: string, places: number | undefined, lon: number) => ({
      type: 'Feature', properties: { id, name: `Boende ${id}`, places }, geometry: { type: 'Point', coordinates: [lon, 57.71] },
    });
    const file = (...f: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features: f });
    const mapping = { id: 'id', name: 'name', places: 'places' };
    const r1 = await run(t.db, 'units', file(unit('u-1', 12, 11.95), unit('u-2', undefined, 11.96)), { mapping, options: { kind: 'care_home' } });
    expect(r1.counts).toMatchObject({ inserted: 2 });
    await t.db.query(
      "UPDATE units SET status = 'closed', sensitivity = 'restricted', radius_immediate_m = 100, radius_neighbourhood_m = 200, radius_area_m = 300 WHERE external_id = 'u-1'",
    );
    const r2 = await run(t.db, 'units', file(unit('u-1', 20, 11.9512345), unit('u-2', 3, 11.96)), { mapping, options: { kind: 'shelter' }, now: '2025-06-01T10:00:00Z' });
    expect(r2.counts).toMatchObject({ inserted: 0, updated: 2 });
    const rows = await t.db.query(
      `SELECT external_id, kind, places, status, sensitivity, radius_immediate_m AS r1, radius_area_m AS r3, version, ST_X(location::geometry) AS lon,
              (SELECT count(*)::int FROM unit_reopenings o WHERE o.unit_id = u.id) AS reopenings
       FROM units u WHERE external_id IN ('u-1', 'u-2') ORDER BY external_id`,
    );
    expect(rows).toEqual([
      { external_id: 'u-1', kind: 'shelter', places: 20, status: 'closed', sensitivity: 'restricted', r1: 100, r3: 300, version: 2, lon: 11.9512345, reopenings: 0 },
      { external_id: 'u-2', kind: 'shelter', places: 3, status: 'open', sensitivity: 'public', r1: null, r3: null, version: 2, lon: 11.96, reopenings: 0 },
    ]);
  });

  it('child places and areas: inserted and updated, polygons stored as MultiPolygons', async () => {
    const r7 = (v: number) => Math.round(v * 1e7) / 1e7;
    const square = (x: number, d: number) => [[[x, 57.6], [r7(x + d), 57.6], [r7(x + d), r7(57.6 + d)], [x, r7(57.6 + d)], [x, 57.6]]];
    const area = (code: string, name: string, geometry: unknown) => ({ type: 'Feature', properties: { code, name }, geometry });
    const file = (...f: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features: f });
    const mapping = { id: 'code', name: 'name', code: 'code' };
    const options = { level: 'city_area' as const };
    await run(t.db, 'areas', file(area('A1', 'Norr', { type: 'Polygon', coordinates: square(11.9, 0.01) }), area('A2', 'Söder', { type: 'Polygon', coordinates: square(12, 0.01) })), { mapping, options });
    const moved = { type: 'MultiPolygon', coordinates: [square(11.9, 0.02), square(11.95, 0.0012345)] };
    const r = await run(t.db, 'areas', file(area('A1', 'Norr', moved), area('A2', 'Söder', { type: 'Polygon', coordinates: square(12, 0.01) }), area('A3', 'Väster', { type: 'Polygon', coordinates: square(11.8, 0.01) })), { mapping, options });
    expect(r.counts).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    const areas = await t.db.query<{ external_id: string; name: string; version: number; geom: unknown }>(
      "SELECT external_id, name, version, ST_AsGeoJSON(geom::geometry, 7)::json AS geom FROM areas WHERE external_id LIKE 'city_area:A%' ORDER BY external_id",
    );
    expect(areas).toEqual([
      { external_id: 'city_area:A1', name: 'Norr', version: 2, geom: moved },
      { external_id: 'city_area:A2', name: 'Söder', version: 1, geom: { type: 'MultiPolygon', coordinates: [square(12, 0.01)] } },
      { external_id: 'city_area:A3', name: 'Väster', version: 1, geom: { type: 'MultiPolygon', coordinates: [square(11.8, 0.01)] } },
    ]);

    const place = (id: string, name: string, lon: number) => ({ type: 'Feature', properties: { id, name, operator: 'Göteborgs Stad' }, geometry: { type: 'Point', coordinates: [lon, 57.72] } });
    const cpMapping = { id: 'id', name: 'name', operator: 'operator' };
    await run(t.db, 'child-places', file(place('cp-1', 'Förskolan Ek', 11.97)), { mapping: cpMapping, options: { kind: 'preschool' } });
    const cp = await run(t.db, 'child-places', file(place('cp-1', 'Förskolan Eken', 11.9700001), place('cp-2', 'Lekplatsen', 11.98)), { mapping: cpMapping, options: { kind: 'playground' } });
    expect(cp.counts).toMatchObject({ inserted: 1, updated: 1 });
    expect(await t.db.query("SELECT external_id, name, kind, operator, version, ST_X(location::geometry) AS lon FROM child_places WHERE external_id LIKE 'cp-%' ORDER BY external_id")).toEqual([
      { external_id: 'cp-1', name: 'Förskolan Eken', kind: 'playground', operator: 'Göteborgs Stad', version: 2, lon: 11.9700001 },
      { external_id: 'cp-2', name: 'Lekplatsen', kind: 'playground', operator: 'Göteborgs Stad', version: 1, lon: 11.98 },
    ]);
  });
});
