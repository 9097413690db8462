import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

/** Two named streets east–west at 57.7000 and 57.7003, and an unnamed footway nearer still. */
const STREETS: { id: number; name: string | null; line: [number, number][] }[] = [
  { id: 9_100_000_001, name: 'Testgatan', line: [[11.945, 57.7], [11.955, 57.7]] },
  { id: 9_100_000_002, name: 'Närgatan', line: [[11.945, 57.7003], [11.955, 57.7003]] },
  { id: 9_100_000_003, name: null, line: [[11.945, 57.7005], [11.955, 57.7005]] },
];
const near: [number, number] = [11.95, 57.70055];
const far: [number, number] = [11.95, 57.72];
const overpass = JSON.stringify({
  elements: [
    { type: 'node', id: 501, lat: near[1], lon: near[0], tags: { leisure: 'playground' } },
    { type: 'node', id: 502, lat: far[1], lon: far[0], tags: { leisure: 'playground' } },
    { type: 'node', id: 503, lat: near[1], lon: near[0] + 0.0002, tags: { leisure: 'playground', name: 'Kojan' } },
  ],
});

describe('unnamed OpenStreetMap places get a readable name', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    for (const s of STREETS) {
      await t.db.query(
        "INSERT INTO base_ways (osm_id, kind, class, name, node_ids, geom) VALUES ($1, 'highway', 'residential', $2, ARRAY[1, 2]::bigint[], ST_GeomFromGeoJSON($3))",
        [s.id, s.name, JSON.stringify({ type: 'LineString', coordinates: s.line })],
      );
    }
  });

  it('"Lekplats vid <the nearest named street>" within 150 m, else "Lekplats"; the OSM id only in the external id', async () => {
    const dry = await t.request('admin', 'POST', '/api/import/child-places', { format: 'overpass', content: overpass });
    expect(dry.status).toBe(200);
    const sample = ((await dry.json()) as { sample: { external_id: string; name: string }[] }).sample;
    const named = Object.fromEntries(sample.map((s) => [s.external_id, s.name]));

    // The oracle: the nearest named street by turf, and whether it is within 150 m.
    const nearest = STREETS.filter((s) => s.name)
      .map((s) => ({ name: s.name!, m: turf.pointToLineDistance(near, turf.lineString(s.line), { units: 'meters' }) }))
      .sort((a, b) => a.m - b.m)[0]!;
    expect(nearest.m).toBeLessThan(150);
    const farthest = Math.min(...STREETS.map((s) => turf.pointToLineDistance(far, turf.lineString(s.line), { units: 'meters' })));
    expect(farthest).toBeGreaterThan(150);

    expect(named['osm:node/501']).toBe(`Lekplats vid ${nearest.name}`);
    expect(nearest.name).toBe('Närgatan');
    expect(named['osm:node/502']).toBe('Lekplats');
    expect(named['osm:node/503']).toBe('Kojan');
    for (const name of Object.values(named)) expect(name).not.toMatch(/OSM|node|\d{3}/);

    const real = await t.request('admin', 'POST', '/api/import/child-places', { format: 'overpass', content: overpass, dry_run: false });
    expect(real.status).toBe(200);
    const rows = await t.db.query<{ external_id: string; name: string }>("SELECT external_id, name FROM child_places WHERE external_id LIKE 'osm:node/50_' ORDER BY external_id");
    expect(rows).toEqual([
      { external_id: 'osm:node/501', name: 'Lekplats vid Närgatan' },
      { external_id: 'osm:node/502', name: 'Lekplats' },
      { external_id: 'osm:node/503', name: 'Kojan' },
    ]);
    // The same file again: nothing changes.
    const again = await t.request('admin', 'POST', '/api/import/child-places', { format: 'overpass', content: overpass });
    expect(((await again.json()) as { counts: { unchanged: number } }).counts.unchanged).toBe(3);
  });
});
