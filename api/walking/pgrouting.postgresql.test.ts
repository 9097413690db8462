/**
 * The walking engine against pgRouting on the PostgreSQL server: the engine's graph of
 * the fixture (its segments as an edge table) and pgr_dijkstraCost give the same
 * shortest walks between random pairs of nodes, and the same pairs unreachable.
 * pgRouting is created in this file's own copy of the test database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/types.js';
import { openTestDatabase } from '../test/harness.js';
import { buildOsmFixture } from '../test/osmFixture.js';
import { WalkNetwork } from './network.js';
import { waysFromOverpass } from './overpass.js';

let db: Database;
let net: WalkNetwork;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.query('CREATE EXTENSION IF NOT EXISTS pgrouting');
  const fx = buildOsmFixture();
  // the bridges left out too, so that some pairs are unreachable
  const bridges = new Set(fx.landmarks.bridges.map((b) => b.osmWayId));
  net = WalkNetwork.fromWays(waysFromOverpass(fx.overpass, (id) => id !== [...bridges][0]));
  const g = net.graph;
  await db.query('CREATE TABLE walk_edges (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, cost float8 NOT NULL, reverse_cost float8 NOT NULL)');
  const rows = Array.from({ length: g.segCount }, (_, s) => [s + 1, g.segA[s]! + 1, g.segB[s]! + 1, g.segLen[s]!]);
  await db.query(
    `INSERT INTO walk_edges SELECT (e->>0)::bigint, (e->>1)::bigint, (e->>2)::bigint, (e->>3)::float8, (e->>3)::float8 FROM jsonb_array_elements($1::jsonb) e`,
    [JSON.stringify(rows)],
  );
});

afterAll(async () => { await db.close(); });

describe('walking engine and pgRouting', () => {
  it('agree on the shortest walk between random pairs of nodes', async () => {
    const g = net.graph;
    const pairs = fc.sample(fc.tuple(fc.nat(g.nodeCount - 1), fc.nat(g.nodeCount - 1)), { numRuns: 40, seed: 42 });
    const sources = [...new Set(pairs.map(([a]) => a))];
    const targets = [...new Set(pairs.map(([, b]) => b))];
    const got = await db.query<{ start_vid: string | number; end_vid: string | number; agg_cost: number }>(
      `SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, cost, reverse_cost FROM walk_edges', $1::bigint[], $2::bigint[], directed => false)`,
      [sources.map((s) => s + 1), targets.map((t) => t + 1)],
    );
    const pg = new Map(got.map((r) => [`${Number(r.start_vid) - 1}→${Number(r.end_vid) - 1}`, r.agg_cost]));
    let reachable = 0, unreachable = 0;
    for (const [a, b] of pairs) {
      const engine = net.distances({ lon: g.lon[a]!, lat: g.lat[a]! }, [{ lon: g.lon[b]!, lat: g.lat[b]! }], { maxSnapM: 0.001, limitM: Infinity })[0];
      const want = a === b ? 0 : pg.get(`${a}→${b}`);
      if (want === undefined) { expect(engine, `${a}→${b}`).toBeNull(); unreachable++; }
      else { expect(engine, `${a}→${b}`).toBeCloseTo(want, 4); reachable++; }
    }
    expect(reachable).toBeGreaterThan(10);
    expect(unreachable + reachable).toBe(pairs.length);
  });
});
