import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/types.js';
import { loadWater } from '../../data/water.js';
import { openTestDatabase } from '../test/harness.js';
import { adminContext, osmFixtureUploads } from '../test/osmUploads.js';
import { importBaseData, latestBaseImport } from './baseData.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';

/**
 * The base data import on the generated Göteborg extract (real water polygons from
 * ../shared/data; without them the fixture throws and this file fails, loudly).
 */
const db = await openTestDatabase();
const { fx, json, pbf } = await osmFixtureUploads();
const ctx = await adminContext(db, new Date('2026-03-01T10:00:00Z'));

const tableRows = async () => ({
  ways: await db.query<{ osm_id: string; kind: string; class: string; name: string | null; node_ids: string[]; g: string }>('SELECT osm_id::text, kind, class, name, node_ids::text[] AS node_ids, ST_AsGeoJSON(geom) AS g FROM base_ways ORDER BY osm_id'),
  areas: await db.query('SELECT osm_type, osm_id::text, kind, class, name, md5(ST_AsBinary(geom)) AS g FROM base_areas ORDER BY osm_type, osm_id'),
  places: await db.query('SELECT osm_type, osm_id::text, class, name, ST_AsText(geom) AS g FROM base_places ORDER BY osm_type, osm_id'),
  addresses: await db.query('SELECT osm_type, osm_id::text, street, housenumber, postcode, city, search, ST_AsText(geom) AS g FROM base_addresses ORDER BY osm_type, osm_id'),
  pois: await db.query('SELECT osm_type, osm_id::text, key, value, name, tags, ST_AsText(geom) AS g FROM base_pois ORDER BY osm_type, osm_id'),
});

describe('importBaseData on the Göteborg fixture', () => {
  it('imports the Overpass JSON and the PBF to the same rows', async () => {
    const a = await importBaseData(ctx, { name: 'goteborg.json', bytes: json });
    expect(a.source_kind).toBe('overpass_json');
    const rowsA = await tableRows();
    const b = await importBaseData(ctx, { name: 'goteborg.osm.pbf', bytes: pbf });
    expect(b.source_kind).toBe('pbf');
    expect(b.counts).toEqual(a.counts);
    expect(b.import_id).toBeGreaterThan(a.import_id);
    const rowsB = await tableRows();
    expect(rowsB).toEqual(rowsA);
    // Counts are what the tables hold, and what the fixture put in.
    expect(a.counts.ways).toBe(rowsA.ways.length);
    const osmWays = fx.overpass.elements.filter((e) => e.type === 'way' && (e.tags?.highway || e.tags?.railway) && e.tags.area !== 'yes');
    expect(a.counts.ways).toBe(osmWays.length);
    expect(a.counts.addresses).toBe(fx.overpass.elements.filter((e) => e.tags?.['addr:housenumber']).length);
    expect(a.counts.places).toBe(fx.overpass.elements.filter((e) => e.tags?.place && e.tags.name).length);
  });

  it('keeps tags, classes, names and node ids aligned with the vertices', async () => {
    const latest = await latestBaseImport(db);
    expect(latest?.source_kind).toBe('pbf');
    const ave = fx.landmarks.streets.find((s) => s.name === 'Kungsportsavenyen')!;
    const [row] = await db.query<{ kind: string; class: string; name: string; tags: Record<string, string>; n: number; ids: number }>(
      'SELECT kind, class, name, tags, ST_NPoints(geom) AS n, cardinality(node_ids) AS ids FROM base_ways WHERE osm_id = $1', [ave.osmWayId]);
    expect(row).toMatchObject({ kind: 'highway', class: 'secondary', name: 'Kungsportsavenyen' });
    expect(row!.tags.highway).toBe('secondary');
    const el = fx.overpass.elements.find((e) => e.type === 'way' && e.id === ave.osmWayId) as { nodes: number[] };
    expect(row!.n).toBe(el.nodes.length);
    const motorway = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM base_ways WHERE class = 'motorway'");
    expect(motorway[0]!.n).toBeGreaterThan(0);
    const rail = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM base_ways WHERE kind = 'railway' AND class = 'rail'");
    expect(rail[0]!.n).toBeGreaterThan(0);
    const kinds = await db.query<{ kind: string }>('SELECT DISTINCT kind FROM base_areas ORDER BY kind');
    expect(kinds.map((k) => k.kind)).toEqual(['building', 'landuse', 'park', 'water']);
    const addr = await db.query<{ search: string; postcode: string }>("SELECT search, postcode FROM base_addresses WHERE street = 'Kungsportsavenyen' AND housenumber = '1'");
    expect(addr).toHaveLength(1);
    expect(addr[0]!.search).toMatch(/^kungsportsavenyen 1, 41\d \d\d göteborg$/);
    for (const p of fx.landmarks.pois) {
      const [poi] = await db.query<{ key: string; value: string; name: string }>('SELECT key, value, name FROM base_pois WHERE osm_type = $1 AND osm_id = $2', [p.osmType, p.osmId]);
      expect(poi, `${p.key}=${p.value}`).toEqual({ key: p.key, value: p.value, name: p.name });
    }
  });

  it('has no street vertex in the water (turf against the shared polygons) and both bridges over it', async () => {
    const water = loadWater()!;
    const inWater = (p: [number, number]) => water.some((f) => turf.booleanPointInPolygon(p, f));
    const ways = await db.query<{ osm_id: string; name: string | null; tags: Record<string, string>; g: string }>("SELECT osm_id::text, name, tags, ST_AsGeoJSON(geom) AS g FROM base_ways WHERE kind = 'highway'");
    let checked = 0;
    for (const w of ways) {
      if (w.tags.bridge === 'yes') continue;
      const coords = (JSON.parse(w.g) as { coordinates: [number, number][] }).coordinates;
      for (const c of coords) { expect(inWater(c), `way ${w.osm_id} ${w.name} vertex ${c}`).toBe(false); checked++; }
    }
    expect(checked).toBeGreaterThan(1000);
    for (const br of fx.landmarks.bridges) {
      const [row] = await db.query<{ g: string; name: string }>('SELECT name, ST_AsGeoJSON(geom) AS g FROM base_ways WHERE osm_id = $1', [br.osmWayId]);
      expect(row?.name).toBe(br.name);
      const coords = (JSON.parse(row!.g) as { coordinates: [number, number][] }).coordinates;
      expect(inWater(coords[0]!)).toBe(false);
      expect(inWater(coords[coords.length - 1]!)).toBe(false);
      expect(coords.some(inWater), `${br.name} crosses water`).toBe(true);
    }
    expect(inWater(fx.landmarks.inRiver)).toBe(true);
    expect(inWater(fx.landmarks.onLand)).toBe(false);
  }, 180_000);

  it('builds the multipolygon park with its pond as a hole (area checked with turf)', async () => {
    const rel = fx.overpass.elements.find((e) => e.type === 'relation' && e.tags?.leisure === 'park') as { id: number; members: { ref: number; role: string }[] };
    const [row] = await db.query<{ g: string; area: number }>("SELECT ST_AsGeoJSON(geom) AS g, ST_Area(geom::geography)::float8 AS area FROM base_areas WHERE osm_type = 'relation' AND osm_id = $1", [rel.id]);
    const ring = (ref: number) => {
      const way = fx.overpass.elements.find((e) => e.type === 'way' && e.id === ref) as { nodes: number[] };
      return way.nodes.map((id) => { const n = fx.overpass.elements[id - 1] as { lon: number; lat: number }; return [n.lon, n.lat]; });
    };
    const outerWays = rel.members.filter((m) => m.role === 'outer').map((m) => ring(m.ref));
    const outer = [...outerWays[0]!, ...outerWays[1]!.slice(1)];
    const inner = ring(rel.members.find((m) => m.role === 'inner')!.ref);
    const expected = turf.area(turf.polygon([outer])) - turf.area(turf.polygon([inner]));
    const stored = JSON.parse(row!.g) as { type: string; coordinates: unknown[][][] };
    expect(stored.type).toBe('MultiPolygon');
    expect(stored.coordinates[0]).toHaveLength(2);
    expect(Math.abs(turf.area(stored as never) - expected) / expected).toBeLessThan(1e-6);
    expect(Math.abs(row!.area - expected) / expected).toBeLessThan(0.01);
    const water = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM base_areas WHERE osm_type = 'relation' AND kind = 'water' AND name = 'Göta älv'");
    expect(water[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('holds exactly the real water inside the extent: each water relation\'s area as turf measures the shared polygon cut to the extent', async () => {
    const [w, s, e, n] = fx.landmarks.bbox;
    const shared = loadWater()!;
    const expected = shared
      .map((f) => turf.intersect(turf.featureCollection([f, turf.bboxPolygon([w, s, e, n])])))
      .filter((f) => f !== null)
      .map((f) => turf.area(f!))
      .sort((a, b) => b - a);
    const rows = await db.query<{ area: number }>("SELECT ST_Area(geom::geography)::float8 AS area FROM base_areas WHERE osm_type = 'relation' AND kind = 'water' ORDER BY area DESC");
    expect(rows.map((r) => r.area)).toHaveLength(expected.length);
    rows.forEach((r, i) => expect(Math.abs(r.area - expected[i]!) / expected[i]!, `water relation ${i}`).toBeLessThan(0.01));
    // Every street vertex the fixture kept on land is outside the stored water too (no flooded streets).
    const flooded = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM base_ways w JOIN base_areas a ON a.kind = 'water' AND ST_Contains(a.geom, w.geom) WHERE w.kind = 'highway' AND NOT coalesce(w.tags->>'bridge', '') = 'yes'",
    );
    expect(flooded[0]!.n).toBe(0);
  });

  it('is in the backup: a restore gives back the same base data, its version and the dismissals', async () => {
    const before = await tableRows();
    const version = await latestBaseImport(db);
    const backup = JSON.parse(JSON.stringify(await backupDatabase(db)));
    expect(backup.tables.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['base_ways', 'base_areas', 'base_addresses', 'base_imports', 'base_suggestion_dismissals']));
    await db.query('DELETE FROM base_ways');
    await restoreDatabase(db, backup);
    expect(await tableRows()).toEqual(before);
    expect(await latestBaseImport(db)).toEqual(version);
  });
  it('puts every index and the street counts back after the bulk load, and a load that fails midway changes nothing', async () => {
    const indexes = () => db.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('base_ways','base_areas','base_places','base_addresses','base_pois','base_address_streets') ORDER BY indexname`);
    const trigger = async () => (await db.query<{ tgenabled: string }>(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'base_address_streets_ins'`))[0]?.tgenabled;
    const streets = () => db.query<{ street_key: string; addresses: number }>('SELECT street_key, addresses FROM base_address_streets ORDER BY street_key');
    /** The counts taken in JS from the address rows, apart from the SQL that keeps them. */
    const counted = async () => {
      const byKey = new Map<string, number>();
      for (const r of await db.query<{ street_key: string }>('SELECT street_key FROM base_addresses')) byKey.set(r.street_key, (byKey.get(r.street_key) ?? 0) + 1);
      return [...byKey].map(([street_key, addresses]) => ({ street_key, addresses })).sort((a, b) => (a.street_key < b.street_key ? -1 : a.street_key > b.street_key ? 1 : 0));
    };
    const before = await indexes();
    expect(before.map((i) => i.indexname)).toEqual(expect.arrayContaining(['base_ways_geom_gix', 'base_areas_geom_gix', 'base_addresses_search_trgm', 'base_addresses_street_key_idx', 'base_address_streets_trgm', 'base_pois_kind_idx']));
    await importBaseData(ctx, { name: 'goteborg.osm.pbf', bytes: pbf });
    expect(await indexes()).toEqual(before);
    expect(await trigger()).toBe('O');
    const streetsAfter = await streets();
    expect(streetsAfter.length).toBeGreaterThan(10);
    expect(streetsAfter).toEqual(await counted());
    // The insert trigger still counts rows written outside the import.
    await db.query(`INSERT INTO base_addresses (osm_type, osm_id, street, housenumber, search, geom) VALUES ('node', 9e15, 'Provgatan', '1', 'provgatan 1', ST_SetSRID(ST_MakePoint(11.97, 57.70), 4326))`);
    expect((await streets()).find((s) => s.street_key === 'provgatan')).toEqual({ street_key: 'provgatan', addresses: 1 });
    await db.query(`DELETE FROM base_addresses WHERE osm_id = 9e15`);

    const rows = await tableRows();
    const version = await latestBaseImport(db);
    const failing: Database = {
      kind: db.kind,
      query: (t, p) => db.query(t, p),
      exec: (s) => db.exec(s),
      close: () => db.close(),
      transaction: (fn) => db.transaction((tx) => fn({
        query: (t, p) => (t.includes('INSERT INTO base_areas') ? Promise.reject(new Error('the disk is full')) : tx.query(t, p)),
        exec: (s) => tx.exec(s),
      })),
    };
    await expect(importBaseData({ ...ctx, db: failing, reader: failing }, { name: 'goteborg.osm.pbf', bytes: pbf })).rejects.toThrow('the disk is full');
    expect(await tableRows()).toEqual(rows);
    expect(await latestBaseImport(db)).toEqual(version);
    expect(await indexes()).toEqual(before);
    expect(await trigger()).toBe('O');
    expect(await streets()).toEqual(streetsAfter);
  });
});
