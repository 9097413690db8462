/**
 * The set form of the information rules (ps_information_set, migration 0009) answers
 * exactly what the single-pair contract ps_information() answers: for random histories
 * of information activities (several per pair, dated in the past or the future,
 * recorded late or early), unit moves, changes of places, closings and reopenings, and
 * child places registered before or after the information, and for random "now"s plus
 * every expiry, due-soon and information moment of the history, the status,
 * last_informed_at and due_at agree for every (unit, child place) pair: joined to the
 * whole set, and asked for one pair (the filter pushed down into the set's DISTINCT ON).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../db/sqlFiles.js';
import { INFORMATION_STATUSES } from '../schemas/common.js';
import { createTestContext, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const T0 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (d: number) => iso(T0 + d * DAY).slice(0, 10);

type Event =
  | { kind: 'info'; unit: number; places: number[]; day: number; recordedMs: number }
  | { kind: 'move'; unit: number; metres: number; bearing: number }
  | { kind: 'places'; unit: number; delta: number }
  | { kind: 'close' | 'reopen'; unit: number };

const unitIndex = fc.integer({ min: 0, max: 1 });
const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    kind: fc.constant('info' as const), unit: unitIndex,
    places: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
    // an index into the world's few information days, so several informations of a pair
    // often share a day (then the later recorded one counts)
    day: fc.integer({ min: 0, max: 2 }),
    recordedMs: fc.integer({ min: -20 * DAY, max: 90 * DAY }),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), unit: unitIndex, metres: fc.double({ min: 0, max: 120, noNaN: true }), bearing: fc.integer({ min: 0, max: 359 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('places' as const), unit: unitIndex, delta: fc.integer({ min: -5, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('close' as const, 'reopen' as const), unit: unitIndex }) },
);

const world = fc.record({
  units: fc.array(fc.record({ places: fc.integer({ min: 0, max: 40 }), planned: fc.boolean() }), { minLength: 2, maxLength: 2 }),
  // registration of each child place, ms after T0: before, among or after the informations
  registered: fc.array(fc.integer({ min: -30 * DAY, max: 760 * DAY }), { minLength: 4, maxLength: 4 }),
  days: fc.array(fc.integer({ min: 0, max: 760 }), { minLength: 3, maxLength: 3 }),
  events: fc.array(event, { minLength: 1, maxLength: 14 }),
  settings: fc.record({ months: fc.constantFrom(12, 6, 1, 24), days: fc.constantFrom(30, 10, 0, 45) }),
  nows: fc.array(fc.integer({ min: -10 * DAY, max: 1200 * DAY }), { minLength: 1, maxLength: 4 }),
});

interface Answer { unit_id: number; child_place_id: number; status: string; last_informed_at: string | null; due_at: string | null }

/** Both forms for every pair of the given units and child places at `now`, side by side. */
const COMPARE = `
  SELECT u AS unit_id, c AS child_place_id,
         p.status AS p_status, ps_iso(p.last_informed_at) AS p_last, ps_iso(p.due_at) AS p_due,
         COALESCE(a.status, 'not_informed') AS a_status, ps_iso(a.last_informed_at) AS a_last, ps_iso(a.due_at) AS a_due,
         COALESCE(o.status, 'not_informed') AS o_status, ps_iso(o.last_informed_at) AS o_last, ps_iso(o.due_at) AS o_due
  FROM unnest($1::int[]) u
  CROSS JOIN unnest($2::int[]) c
  CROSS JOIN LATERAL ps_information(u, c, $3::timestamptz) p
  LEFT JOIN ps_information_set($3::timestamptz) a ON a.unit_id = u AND a.child_place_id = c
  LEFT JOIN LATERAL (SELECT * FROM ps_information_set($3::timestamptz) s WHERE s.unit_id = u AND s.child_place_id = c) o ON true
  ORDER BY 1, 2`;

let run = 0;
const seen = new Set<string>();

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

async function check(w: World): Promise<void> {
  run++;
  const db = t.db;
  await db.query("UPDATE settings SET value = to_jsonb($1::int) WHERE key = 'information_validity_months'", [w.settings.months]);
  await db.query("UPDATE settings SET value = to_jsonb($1::int) WHERE key = 'information_due_soon_days'", [w.settings.days]);
  const unitIds: number[] = [];
  for (const [i, u] of w.units.entries()) {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO units (name, kind, status, places, location)
       VALUES ($1, 'care_home', $2, $3, ST_SetSRID(ST_MakePoint(11.95 + $4::float8 * 0.01, 57.70), 4326)::geography) RETURNING id`,
      [`Egenskapsboende ${run}-${i}`, u.planned ? 'planned' : 'open', u.places, i],
    );
    unitIds.push(row!.id);
  }
  const placeIds: number[] = [];
  for (const [i, ms] of w.registered.entries()) {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO child_places (name, kind, location, created_at)
       VALUES ($1, 'school', ST_SetSRID(ST_MakePoint(11.951 + $2::float8 * 0.001, 57.701), 4326)::geography, $3) RETURNING id`,
      [`Egenskapsskola ${run}-${i}`, i, iso(T0 + ms)],
    );
    placeIds.push(row!.id);
  }
  for (const e of w.events) {
    const unitId = unitIds[e.unit]!;
    if (e.kind === 'info') {
      // the product's own insert, which snapshots the unit as it is now
      const day = w.days[e.day]!;
      const [a] = await db.query<{ id: number }>(query('activity_insert'), [
        unitId, 'information', dayOf(day), '[]', null, null, null, null, null, null, null, null, iso(T0 + day * DAY + e.recordedMs),
      ]);
      await db.query(query('activity_link_child_places'), [a!.id, JSON.stringify(e.places.map((k) => placeIds[k]))]);
    } else if (e.kind === 'move') {
      await db.query('UPDATE units SET location = ST_Project(location, $2::float8, radians($3::float8)) WHERE id = $1', [unitId, e.metres, e.bearing]);
    } else if (e.kind === 'places') {
      await db.query('UPDATE units SET places = greatest(0, places + $2::int) WHERE id = $1', [unitId, e.delta]);
    } else {
      await db.query('UPDATE units SET status = $2 WHERE id = $1', [unitId, e.kind === 'close' ? 'closed' : 'open']);
    }
  }
  // every moment where an answer changes, and just before it, beside the random nows
  const edges = await db.query<{ at: string }>(
    `WITH i AS (
       SELECT (a.activity_date::timestamp AT TIME ZONE 'UTC') AS informed_at FROM activities a WHERE a.unit_id = ANY ($1::int[]) AND a.kind = 'information'
     ), e AS (
       SELECT informed_at AS at FROM i
       UNION SELECT informed_at + make_interval(months => $2::int) FROM i
       UNION SELECT informed_at + make_interval(months => $2::int) - make_interval(days => $3::int) FROM i
     )
     SELECT ps_iso(at) AS at FROM e UNION SELECT ps_iso(at - interval '1 millisecond') FROM e`,
    [unitIds, w.settings.months, w.settings.days],
  );
  const nows = [...w.nows.map((ms) => iso(T0 + ms)), ...edges.map((r) => r.at)];
  for (const now of nows) {
    const rows = await db.query<Record<string, string | number | null>>(COMPARE, [unitIds, placeIds, now]);
    expect(rows).toHaveLength(unitIds.length * placeIds.length);
    for (const r of rows) {
      const single: Omit<Answer, 'unit_id' | 'child_place_id'> = { status: r.p_status as string, last_informed_at: r.p_last as string | null, due_at: r.p_due as string | null };
      const where = `pair ${r.unit_id}:${r.child_place_id} at ${now}`;
      expect({ status: r.a_status, last_informed_at: r.a_last, due_at: r.a_due }, `${where}, all units`).toEqual(single);
      expect({ status: r.o_status, last_informed_at: r.o_last, due_at: r.o_due }, `${where}, one pair`).toEqual(single);
      seen.add(single.status);
      if (single.status === 'not_informed' && single.last_informed_at) seen.add('voided');
    }
  }
}

describe('ps_information_set agrees with ps_information', () => {
  it('for random histories, every pair and every now', { timeout: 600_000 }, async () => {
    await fc.assert(fc.asyncProperty(world, check), { numRuns: 60 });
    // the histories reached every status, and voided informations, so the test could fail
    for (const s of [...INFORMATION_STATUSES, 'voided']) expect(seen, s).toContain(s);
  });
});
