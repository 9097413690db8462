import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;

interface Pair { unitId: number; childPlaceIds: number[] }

/**
 * Open units with the child places inside their outer ring. Tests that change a unit
 * (move it, add places, close and reopen it) or count everything of a unit take a unit
 * of their own; the others take unused child places of a shared unit, round robin, so
 * no test sees another's activities.
 */
let exclusive: Pair[] = [];
let shared: Pair[] = [];
let principleUnits: number[] = [];
const usedPlaces = new Map<number, number>();
let roundRobin = 0;
const takeUnit = (): Pair => {
  const p = exclusive.pop();
  if (!p) throw new Error('the demo data has too few open units with child places around them for this test file');
  return p;
};
const takePlaces = (n: number): Pair => {
  for (let k = 0; k < shared.length; k++) {
    const p = shared[roundRobin++ % shared.length]!;
    const i = usedPlaces.get(p.unitId) ?? 0;
    if (i + n <= p.childPlaceIds.length) {
      usedPlaces.set(p.unitId, i + n);
      return { unitId: p.unitId, childPlaceIds: p.childPlaceIds.slice(i, i + n) };
    }
  }
  throw new Error(`the demo data has too few child places around open units for this test file (wanted ${n} more)`);
};

const status = async (unitId: number, childPlaceId: number) => {
  const [row] = await t.db.query<{ status: string; last_informed_at: string | null; due_at: string | null }>(
    'SELECT i.status, ps_iso(i.last_informed_at) AS last_informed_at, ps_iso(i.due_at) AS due_at FROM ps_information($1::int, $2::int, $3::timestamptz) i',
    [unitId, childPlaceId, new Date(nowIso).toISOString()],
  );
  return row!;
};

let nowIso = '2026-03-01T10:00:00Z';
const setNow = (iso: string) => {
  nowIso = iso;
  t.setNow(iso);
};

/** Runs `fn` with the clock at `iso` and puts it back afterwards, whether `fn` passed or failed, so no later test sees a moved clock. */
async function atTime<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  const before = nowIso;
  setNow(iso);
  try {
    return await fn();
  } finally {
    setNow(before);
  }
}

const markInformed = (unitId: number, ids: number[], date: string) =>
  t.request('editor', 'POST', '/api/information-needs/mark-informed', { unit_id: unitId, child_place_ids: ids, date });

const activityCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM activities'))[0]!.n;

beforeAll(async () => {
  t = await createTestContext();
  // The demo child places were registered when the template was seeded (today); the
  // tests give information in early 2026, so date their registration back to keep the
  // "child place new since the information" rule out of the way except where tested.
  await t.db.query("UPDATE child_places SET created_at = '2020-01-01T00:00:00Z'");
  const pairs = (
    await t.db.query<{ id: number; ids: number[] }>(`
      SELECT u.id, (SELECT json_agg(cp.id ORDER BY cp.id) FROM child_places cp WHERE ST_DWithin(cp.location, u.location, u.r_area))::jsonb AS ids
      FROM units_effective u WHERE u.status = 'open' ORDER BY u.id`)
  )
    .filter((r) => (r.ids?.length ?? 0) >= 3)
    .map((r) => ({ unitId: r.id, childPlaceIds: r.ids }));
  exclusive = pairs.slice(0, 4);
  shared = pairs.slice(4);
  principleUnits = (await t.db.query<{ id: number }>('SELECT id FROM units WHERE id <> 1 ORDER BY id')).map((r) => r.id);
  setNow('2026-03-01T10:00:00Z');
});

describe('information status rules (ps_information)', () => {
  it('is not_informed without information, informed after mark-informed, with last_informed_at and due_at 12 months on', async () => {
    const { unitId, childPlaceIds: [cp] } = takePlaces(1);
    expect((await status(unitId, cp!)).status).toBe('not_informed');
    const res = await markInformed(unitId, [cp!], '2026-03-01');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.activity_ids).toHaveLength(1);
    expect(body.information).toEqual([
      { child_place_id: cp, status: 'informed', last_informed_at: '2026-03-01T00:00:00.000Z', due_at: '2027-03-01T00:00:00.000Z' },
    ]);
  });

  it('turns due_soon 30 days before expiry and overdue at 12 months', async () => {
    const { unitId, childPlaceIds: [cp] } = takePlaces(1);
    expect((await markInformed(unitId, [cp!], '2026-03-01')).status).toBe(201);
    await atTime('2027-01-29T23:59:59Z', async () => { // 30 days and 1 s before 2027-03-01
      expect((await status(unitId, cp!)).status).toBe('informed');
      setNow('2027-01-30T00:00:00Z'); // exactly 30 days before
      expect((await status(unitId, cp!)).status).toBe('due_soon');
      setNow('2027-02-28T23:59:59Z');
      expect((await status(unitId, cp!)).status).toBe('due_soon');
      setNow('2027-03-01T00:00:00Z');
      const s = await status(unitId, cp!);
      expect(s).toEqual({ status: 'overdue', last_informed_at: '2026-03-01T00:00:00.000Z', due_at: '2027-03-01T00:00:00.000Z' });
    });
  });

  it('follows the configured validity and due-soon window', async () => {
    const { unitId, childPlaceIds: [cp] } = takePlaces(1);
    expect((await markInformed(unitId, [cp!], '2026-03-01')).status).toBe(201);
    await t.withSettings({ information_validity_months: 6, information_due_soon_days: 10 }, () =>
      atTime('2026-08-21T12:00:00Z', async () => { // 10 days before 2026-09-01 minus 12 h
        expect(await status(unitId, cp!)).toMatchObject({ status: 'informed', due_at: '2026-09-01T00:00:00.000Z' });
        setNow('2026-08-22T00:00:00Z');
        expect((await status(unitId, cp!)).status).toBe('due_soon');
      }));
  });

  it('counts the latest information, and an information dated in the future only from its date', async () => {
    const { unitId, childPlaceIds: [cp] } = takePlaces(1);
    expect((await markInformed(unitId, [cp!], '2025-01-10')).status).toBe(201);
    expect((await status(unitId, cp!)).status).toBe('overdue');
    expect((await markInformed(unitId, [cp!], '2026-02-15')).status).toBe(201);
    expect(await status(unitId, cp!)).toMatchObject({ status: 'informed', last_informed_at: '2026-02-15T00:00:00.000Z' });
    expect((await markInformed(unitId, [cp!], '2026-03-02')).status).toBe(201); // tomorrow: accepted
    expect(await status(unitId, cp!)).toMatchObject({ last_informed_at: '2026-02-15T00:00:00.000Z' });
    await atTime('2026-03-02T08:00:00Z', async () => {
      expect(await status(unitId, cp!)).toMatchObject({ last_informed_at: '2026-03-02T00:00:00.000Z' });
    });
  });

  it('reopens when the unit moves more than 50 m (turf geodesic destination), not at 40 m', async () => {
    const { unitId, childPlaceIds: [a, b] } = takeUnit();
    expect((await markInformed(unitId, [a!, b!], '2026-03-01')).status).toBe(201);
    const [u] = await t.db.query<{ lon: number; lat: number }>('SELECT ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE id = $1', [unitId]);
    const moveTo = async (metres: number) => {
      const [lon, lat] = turf.destination([u!.lon, u!.lat], metres / 1000, 37, { units: 'kilometers' }).geometry.coordinates;
      await t.db.query('UPDATE units SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography WHERE id = $1', [unitId, lon, lat]);
    };
    await moveTo(40);
    expect((await status(unitId, a!)).status).toBe('informed');
    await moveTo(55);
    expect(await status(unitId, a!)).toEqual({ status: 'not_informed', last_informed_at: '2026-03-01T00:00:00.000Z', due_at: null });
    expect((await status(unitId, b!)).status).toBe('not_informed');
    // Information given at the new place counts again.
    expect((await markInformed(unitId, [a!], '2026-03-01')).status).toBe(201);
    expect((await status(unitId, a!)).status).toBe('informed');
    expect((await status(unitId, b!)).status).toBe('not_informed');
  });

  it('reopens when the number of places grows, not when it shrinks', async () => {
    const { unitId, childPlaceIds: [a] } = takeUnit();
    expect((await markInformed(unitId, [a!], '2026-03-01')).status).toBe(201);
    await t.db.query('UPDATE units SET places = places - 1 WHERE id = $1 AND places > 0', [unitId]);
    expect((await status(unitId, a!)).status).toBe('informed');
    await t.db.query('UPDATE units SET places = places + 5 WHERE id = $1', [unitId]);
    expect(await status(unitId, a!)).toMatchObject({ status: 'not_informed', last_informed_at: '2026-03-01T00:00:00.000Z' });
  });

  it('reopens when the unit reopens after being closed, not while it is only closed', async () => {
    const { unitId, childPlaceIds: [a] } = takeUnit();
    expect((await markInformed(unitId, [a!], '2026-03-01')).status).toBe(201);
    await t.db.query("UPDATE units SET status = 'closed' WHERE id = $1", [unitId]);
    expect((await status(unitId, a!)).status).toBe('informed');
    await t.db.query("UPDATE units SET status = 'open' WHERE id = $1", [unitId]);
    expect((await status(unitId, a!)).status).toBe('not_informed');
    expect((await markInformed(unitId, [a!], '2026-03-01')).status).toBe(201);
    expect((await status(unitId, a!)).status).toBe('informed');
    await t.db.query("UPDATE units SET status = 'planned' WHERE id = $1", [unitId]); // open → planned is no reopening
    expect((await status(unitId, a!)).status).toBe('informed');
  });

  it('reopens when the child place is new since the information (registered after its day and its recording)', async () => {
    const { unitId, childPlaceIds: [a, b, c] } = takePlaces(3);
    try {
      // c was registered on 2026-02-15, before this information was recorded (2026-03-01 10:00)
      // but after the day it was given: a late record of earlier information still counts.
      await t.db.query("UPDATE child_places SET created_at = '2026-02-15T09:00:00Z' WHERE id = $1", [c]);
      expect((await markInformed(unitId, [c!], '2026-02-01')).status).toBe(201);
      expect((await status(unitId, c!)).status).toBe('informed');

      expect((await markInformed(unitId, [a!, b!], '2026-03-01')).status).toBe(201);
      await t.db.query("UPDATE child_places SET created_at = '2026-03-01T22:00:00Z' WHERE id = $1", [a]); // later the same day: covered
      expect((await status(unitId, a!)).status).toBe('informed');
      await t.db.query("UPDATE child_places SET created_at = '2026-03-02T08:00:00Z' WHERE id = $1", [b]);
      expect(await status(unitId, b!)).toMatchObject({ status: 'not_informed', last_informed_at: '2026-03-01T00:00:00.000Z', due_at: null });
      // c registered anew after the information was recorded: it no longer counts.
      await t.db.query("UPDATE child_places SET created_at = '2026-03-01T10:00:01Z' WHERE id = $1", [c]);
      expect((await status(unitId, c!)).status).toBe('not_informed');
    } finally {
      await t.db.query("UPDATE child_places SET created_at = '2020-01-01T00:00:00Z' WHERE id = ANY(ARRAY[$1::int, $2::int, $3::int])", [a, b, c]);
    }
  });

  it('recomputes when the information activity is removed', async () => {
    const { unitId, childPlaceIds: [a] } = takePlaces(1);
    expect((await markInformed(unitId, [a!], '2025-01-15')).status).toBe(201);
    const second = await (await markInformed(unitId, [a!], '2026-02-01')).json();
    expect((await status(unitId, a!)).status).toBe('informed');
    const id = second.activity_ids[0];
    const res = await t.request('editor', 'DELETE', `/api/activities/${id}`, undefined, { 'if-match': '"1"' });
    expect(res.status).toBe(204);
    expect(await status(unitId, a!)).toMatchObject({ status: 'overdue', last_informed_at: '2025-01-15T00:00:00.000Z' });
  });
});

describe('the information object of the proximity answers', () => {
  it('carries the status, last_informed_at and due_at of these rules at the clock', async () => {
    const { unitId, childPlaceIds: [a] } = takePlaces(1);
    expect((await markInformed(unitId, [a!], '2026-02-10')).status).toBe(201);
    const near = await t.getJson('viewer', `/api/units/${unitId}/child-places`);
    const row = near.features.find((f: any) => f.id === a);
    expect(row.properties.information).toEqual({ status: 'informed', last_informed_at: '2026-02-10T00:00:00.000Z', due_at: '2027-02-10T00:00:00.000Z' });
    await atTime('2027-01-20T12:00:00Z', async () => {
      const needs = await t.getJson('viewer', `/api/information-needs?unit_id=${unitId}&status=due_soon`);
      expect(needs.features.map((f: any) => f.properties.child_place_id)).toContain(a);
    });
  });
});

describe('POST /api/information-needs/mark-informed', () => {
  it('records one information activity per child place, audited, in one transaction', async () => {
    const { unitId, childPlaceIds } = takePlaces(3);
    const ids = childPlaceIds.slice(0, 3);
    const before = await activityCount();
    const auditBefore = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'activity'"))[0]!.n;
    const res = await markInformed(unitId, ids, '2026-02-20');
    expect(res.status).toBe(201);
    expect(await activityCount()).toBe(before + 3);
    const auditAfter = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'activity'"))[0]!.n;
    expect(auditAfter).toBe(auditBefore + 3);
    const list = await t.getJson('viewer', `/api/units/${unitId}/activities?kind=information&from=2026-02-20&to=2026-02-20`);
    expect(list.activities.map((a: any) => a.child_places[0].id).sort()).toEqual([...ids].sort());
    expect(list.activities.every((a: any) => a.recorded_by === 'Test Editor' || typeof a.recorded_by === 'string')).toBe(true);
  });

  it('records nothing and names the id when one child place does not exist', async () => {
    const { unitId, childPlaceIds } = takePlaces(2);
    const before = await activityCount();
    const res = await markInformed(unitId, [childPlaceIds[0]!, 99999999, childPlaceIds[1]!], '2026-02-20');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toContain('child_place_ids');
    expect(body.error.message).toContain('99999999');
    expect(await activityCount()).toBe(before);
    expect((await status(unitId, childPlaceIds[0]!)).status).toBe('not_informed');
  });

  it('records nothing when one child place lies outside the unit\'s outer ring', async () => {
    const { unitId, childPlaceIds } = takePlaces(1);
    const [far] = await t.db.query<{ id: number }>(
      'SELECT cp.id FROM child_places cp, units_effective u WHERE u.id = $1 AND NOT ST_DWithin(cp.location, u.location, u.r_area) ORDER BY cp.id LIMIT 1', [unitId]);
    const before = await activityCount();
    const res = await markInformed(unitId, [childPlaceIds[0]!, far!.id], '2026-02-20');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(new RegExp(`child_place_ids: child place ${far!.id} is outside`));
    expect(await activityCount()).toBe(before);
  });

  it.each([
    [{ unit_id: 99999999, child_place_ids: [1], date: '2026-02-01' }, /unit_id/],
    [{ unit_id: 1, child_place_ids: [], date: '2026-02-01' }, /child_place_ids/],
    [{ unit_id: 1, child_place_ids: [1], date: '2026-02-30' }, /date/],
    [{ unit_id: 1, child_place_ids: [1], date: '2026-03-05' }, /date: 2026-03-05 is in the future/],
    [{ unit_id: 1, child_place_ids: [1], date: '2026-02-01', extra: 1 }, /unknown key "extra"/],
    [{ unit_id: 1, child_place_ids: ['1'], date: '2026-02-01' }, /child_place_ids\.0/],
  ])('answers 400 naming the field for %j', async (body, message) => {
    const before = await activityCount();
    const res = await t.request('editor', 'POST', '/api/information-needs/mark-informed', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
    expect(await activityCount()).toBe(before);
  });

  it('is for editors: 401 anonymous, 403 viewer', async () => {
    const body = { unit_id: 1, child_place_ids: [1], date: '2026-02-01' };
    expect((await t.request('anonymous', 'POST', '/api/information-needs/mark-informed', body)).status).toBe(401);
    expect((await t.request('viewer', 'POST', '/api/information-needs/mark-informed', body)).status).toBe(403);
  });
});

describe('activities API', () => {
  let unitId: number;
  let childPlaceIds: number[];
  let nearActor: number;
  let farActor: number;
  beforeAll(async () => {
    ({ unitId, childPlaceIds } = takePlaces(1));
    const found = await t.db.query<{ id: number; inside: boolean }>(
      `(SELECT a.id, true AS inside FROM actors a, units_effective u WHERE u.id = $1 AND ST_DWithin(a.location, u.location, u.r_area) ORDER BY a.id LIMIT 1)
       UNION ALL
       (SELECT a.id, false FROM actors a, units_effective u WHERE u.id = $1 AND NOT ST_DWithin(a.location, u.location, u.r_area) ORDER BY a.id LIMIT 1)`, [unitId]);
    nearActor = found.find((r) => r.inside)!.id;
    farActor = found.find((r) => !r.inside)!.id;
  });

  const post = (body: unknown, role: 'editor' | 'viewer' | 'anonymous' = 'editor') => t.request(role, 'POST', `/api/units/${unitId}/activities`, body);

  it('creates a meeting with actors, organisations and a note, and lists it newest first', async () => {
    const res = await post({ kind: 'meeting', date: '2026-02-10', actor_ids: [nearActor], organisations: ['Polisen', 'Bostadsbolaget'], note: 'Trygghetsmöte om belysningen' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const a = await res.json();
    expect(a).toMatchObject({
      unit_id: unitId, kind: 'meeting', date: '2026-02-10', organisations: ['Polisen', 'Bostadsbolaget'],
      note: 'Trygghetsmöte om belysningen', location: null, follow_up_status: null, overdue: false, version: 1,
    });
    expect(a.actors.map((x: any) => x.id)).toEqual([nearActor]);
    expect(a.recorded_by).toBeTruthy();
    await post({ kind: 'contact', date: '2026-02-12', note: 'Ringde om belysningen' });
    const list = await t.getJson('viewer', `/api/units/${unitId}/activities`);
    expect(list.activities.map((x: any) => x.date)).toEqual([...list.activities.map((x: any) => x.date)].sort().reverse());
    expect(list.number_matched).toBe(list.activities.length);
    expect(list.number_returned).toBe(list.activities.length);
    const filtered = await t.getJson('viewer', `/api/units/${unitId}/activities?kind=meeting&from=2026-02-01&to=2026-02-11&actor_id=${nearActor}`);
    expect(filtered.activities.map((x: any) => x.id)).toEqual([a.id]);
    const paged = await t.getJson('viewer', `/api/units/${unitId}/activities?limit=1&offset=1`);
    expect(paged.activities).toHaveLength(1);
    expect(paged.number_matched).toBe(list.number_matched);
    expect(paged.number_returned).toBe(1);
    const audited = await t.db.query("SELECT 1 FROM audit_log WHERE entity = 'activity' AND action = 'create' AND entity_id = $1", [String(a.id)]);
    expect(audited).toHaveLength(1);
  });

  it('creates an observation with location, responsible actor, due date; open by default', async () => {
    const res = await post({
      kind: 'observation', date: '2026-02-20', location: { type: 'Point', coordinates: [11.99, 57.68] },
      responsible_actor_id: nearActor, due_date: '2026-02-28', note: 'Trasig belysning vid gångtunneln',
    });
    expect(res.status).toBe(201);
    const a = await res.json();
    expect(a).toMatchObject({ follow_up_status: 'open', due_date: '2026-02-28', responsible_actor: { id: nearActor }, overdue: true });
    expect(a.location.coordinates).toEqual([11.99, 57.68]);
  });

  it.each([
    [{ kind: 'meeting', date: '2026-02-10', due_date: '2026-03-01' }, /due_date: only observations and safety walks/],
    [{ kind: 'contact', date: '2026-02-10', location: { type: 'Point', coordinates: [11.99, 57.68] } }, /location: only observations/],
    [{ kind: 'observation', date: '2026-02-10', location: { type: 'Point', coordinates: [2.35, 48.85] } }, /location.*inside Sweden/],
    [{ kind: 'observation', date: '2026-02-10', responsible_actor_id: 99999999 }, /responsible_actor_id: no actor with id 99999999/],
    [{ kind: 'meeting', date: '2027-01-01' }, /date: 2027-01-01 is in the future; the latest date accepted is 2026-03-02/],
    [{ kind: 'meeting', date: '2026-02-10', note: 'x'.repeat(501) }, /note/],
    [{ kind: 'meeting', date: '2026-02-10', actor_ids: [99999999] }, /actor_ids: no actor with id 99999999/],
    [{ kind: 'visit', date: '2026-02-10' }, /kind: must be one of meeting, information/],
    [{ kind: 'meeting' }, /date/],
    [{ kind: 'meeting', date: '2026-02-10', resident: 'x' }, /unknown key "resident"/],
  ])('answers 400 naming the field for %j', async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
  });

  it('refuses a responsible actor outside the unit\'s outer ring', async () => {
    const res = await post({ kind: 'observation', date: '2026-02-10', responsible_actor_id: farActor });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/responsible_actor_id: actor \d+ is not among unit \d+'s contacts/);
  });

  it('answers 404 for an unknown unit, 401/403 for anonymous/viewer writes', async () => {
    expect((await t.request('editor', 'POST', '/api/units/99999999/activities', { kind: 'meeting', date: '2026-02-10' })).status).toBe(404);
    expect((await t.request('viewer', 'GET', '/api/units/99999999/activities')).status).toBe(404);
    expect((await post({ kind: 'meeting', date: '2026-02-10' }, 'viewer')).status).toBe(403);
    expect((await post({ kind: 'meeting', date: '2026-02-10' }, 'anonymous')).status).toBe(401);
    expect((await t.request('anonymous', 'GET', `/api/units/${unitId}/activities`)).status).toBe(401);
  });

  it('changes with If-Match only: 428 without, 412 stale, 200 current (audited with before and after)', async () => {
    const a = await (await post({ kind: 'safety_walk', date: '2026-02-15', organisations: ['Stadsdelsförvaltningen'] })).json();
    expect(a.follow_up_status).toBeNull();
    const path = `/api/activities/${a.id}`;
    expect((await t.request('editor', 'PATCH', path, { note: 'x' })).status).toBe(428);
    expect((await t.request('editor', 'PATCH', path, { note: 'x' }, { 'if-match': '"7"' })).status).toBe(412);
    expect((await t.request('editor', 'PATCH', path, { note: 'x' }, { 'if-match': 'garbage' })).status).toBe(412);
    const ok = await t.request('editor', 'PATCH', path, { due_date: '2026-03-10', follow_up_status: 'in_progress', child_place_ids: [childPlaceIds[0]] }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const changed = await ok.json();
    expect(changed).toMatchObject({ version: 2, due_date: '2026-03-10', follow_up_status: 'in_progress', organisations: ['Stadsdelsförvaltningen'] });
    expect(changed.child_places.map((c: any) => c.id)).toEqual([childPlaceIds[0]]);
    expect((await t.request('editor', 'PATCH', path, { note: 'y' }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await t.request('editor', 'PATCH', path, { kind: 'meeting' }, { 'if-match': '"2"' })).status).toBe(400);
    const [entry] = await t.db.query<{ before: any; after: any }>("SELECT before, after FROM audit_log WHERE entity = 'activity' AND action = 'update' AND entity_id = $1", [String(a.id)]);
    expect(entry!.before.version).toBe(1);
    expect(entry!.after.version).toBe(2);
    expect((await t.request('viewer', 'PATCH', path, { note: 'x' }, { 'if-match': '"2"' })).status).toBe(403);
    expect((await t.request('editor', 'PATCH', '/api/activities/99999999', { note: 'x' }, { 'if-match': '"1"' })).status).toBe(404);
  });

  it('removes with If-Match only: 428 without, 412 stale, 204 current', async () => {
    const a = await (await post({ kind: 'dialogue', date: '2026-02-15' })).json();
    const path = `/api/activities/${a.id}`;
    expect((await t.request('editor', 'DELETE', path)).status).toBe(428);
    expect((await t.request('editor', 'DELETE', path, undefined, { 'if-match': '"2"' })).status).toBe(412);
    expect((await t.request('viewer', 'DELETE', path, undefined, { 'if-match': '"1"' })).status).toBe(403);
    expect((await t.request('editor', 'DELETE', path, undefined, { 'if-match': '"1"' })).status).toBe(204);
    expect((await t.request('viewer', 'GET', path)).status).toBe(404);
    expect(await t.db.query("SELECT 1 FROM audit_log WHERE entity = 'activity' AND action = 'delete' AND entity_id = $1", [String(a.id)])).toHaveLength(1);
  });
});

describe('GET /api/follow-ups', () => {
  it('lists open and in-progress observations across units with overdue by the clock', async () => {
    const { unitId } = takeUnit();
    const mk = async (body: object) => (await (await t.request('editor', 'POST', `/api/units/${unitId}/activities`, { kind: 'observation', date: '2026-02-01', ...body })).json()).id as number;
    const late = await mk({ due_date: '2026-02-28' });
    const later = await mk({ due_date: '2026-03-15', follow_up_status: 'in_progress' });
    const done = await mk({ due_date: '2026-02-01', follow_up_status: 'done' });
    const all = await t.getJson('viewer', `/api/follow-ups?unit_id=${unitId}`);
    expect(all.follow_ups.map((f: any) => f.id)).toEqual([late, later]);
    expect(all.follow_ups.map((f: any) => f.overdue)).toEqual([true, false]);
    expect((await t.getJson('viewer', `/api/follow-ups?unit_id=${unitId}&overdue=true`)).follow_ups.map((f: any) => f.id)).toEqual([late]);
    expect((await t.getJson('viewer', `/api/follow-ups?unit_id=${unitId}&status=done`)).follow_ups.map((f: any) => f.id)).toEqual([done]);
    await atTime('2026-03-16T08:00:00Z', async () => {
      expect((await t.getJson('viewer', `/api/follow-ups?unit_id=${unitId}&overdue=true`)).follow_ups.map((f: any) => f.id)).toEqual([late, later]);
    });
    expect((await t.request('viewer', 'GET', '/api/follow-ups?overdue=yes')).status).toBe(400);
    expect((await t.request('viewer', 'GET', '/api/follow-ups?color=red')).status).toBe(400);
  });
});

describe('principles', () => {
  it('answers five entries, not_started by default, with Swedish and English titles', async () => {
    const body = await t.getJson('viewer', '/api/units/1/principles');
    expect(body.principles.map((p: any) => p.principle)).toEqual([1, 2, 3, 4, 5]);
    expect(body.principles.every((p: any) => p.status === 'not_started' && p.version === 0)).toBe(true);
    expect(body.principles[1].title_sv).toBe('Helt, rent, funktionellt och vackert');
    expect(body.principles[3].title_en).toMatch(/Short, simple contact paths/);
    expect((await t.request('viewer', 'GET', '/api/units/99999999/principles')).status).toBe(404);
  });

  it('saves an entry: first without If-Match, then 428 without, 412 stale, 200 current; audited', async () => {
    const unitId = principleUnits.pop()!;
    const path = `/api/units/${unitId}/principles/4`;
    const body = { status: 'in_progress', evidence: 'Kontaktlista delad med fastighetsägaren', last_reviewed: '2026-02-01' };
    expect((await t.request('viewer', 'PUT', path, body)).status).toBe(403);
    const first = await t.request('editor', 'PUT', path, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ principle: 4, version: 1, ...body });
    expect((await t.request('editor', 'PUT', path, { ...body, status: 'in_place' })).status).toBe(428);
    expect((await t.request('editor', 'PUT', path, { ...body, status: 'in_place' }, { 'if-match': '"0"' })).status).toBe(412);
    const second = await t.request('editor', 'PUT', path, { ...body, status: 'in_place' }, { 'if-match': '"1"' });
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe('"2"');
    const list = await t.getJson('viewer', `/api/units/${unitId}/principles`);
    expect(list.principles[3]).toMatchObject({ status: 'in_place', version: 2 });
    expect(await t.db.query("SELECT 1 FROM audit_log WHERE entity = 'unit_principle' AND entity_id = $1", [`${unitId}/4`])).toHaveLength(2);
    for (const bad of ['0', '6', 'x']) expect((await t.request('editor', 'PUT', `/api/units/${unitId}/principles/${bad}`, body)).status).toBe(400);
    expect((await t.request('editor', 'PUT', path, { status: 'done' }, { 'if-match': '"2"' })).status).toBe(400);
  });

  it('sums the overview per unit and per principle', async () => {
    const unitId = principleUnits.pop()!;
    for (const [p, s] of [[1, 'in_place'], [2, 'in_place'], [3, 'in_progress']] as const) {
      expect((await t.request('editor', 'PUT', `/api/units/${unitId}/principles/${p}`, { status: s })).status).toBe(200);
    }
    const overview = await t.getJson('viewer', '/api/implementation');
    const units = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
    expect(overview.units.features).toHaveLength(units[0]!.n);
    const f = overview.units.features.find((x: any) => x.id === unitId);
    expect(f.properties).toMatchObject({ in_place: 2, in_progress: 1, not_started: 2, principles: ['in_place', 'in_place', 'in_progress', 'not_started', 'not_started'] });
    for (const u of overview.units.features) expect(u.properties.in_place + u.properties.in_progress + u.properties.not_started).toBe(5);
    for (const p of overview.principles) expect(p.in_place + p.in_progress + p.not_started).toBe(units[0]!.n);
    expect(Array.isArray(overview.areas)).toBe(true);
    const restricted = overview.units.features.find((x: any) => x.properties.location_precision === 'coarse');
    expect(restricted, 'the restricted demo unit is coarsened for viewers').toBeDefined();
  });

  it('counts per area by the units inside it', async () => {
    const unitId = principleUnits.pop()!;
    const [u] = await t.db.query<{ lon: number; lat: number }>('SELECT ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE id = $1', [unitId]);
    const square = turf.bboxPolygon([u!.lon - 0.0005, u!.lat - 0.0005, u!.lon + 0.0005, u!.lat + 0.0005]).geometry;
    await t.db.query(
      "INSERT INTO areas (name, level, geom) VALUES ('Testområde', 'other', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))::geography)", [JSON.stringify(square)]);
    expect((await t.request('editor', 'PUT', `/api/units/${unitId}/principles/5`, { status: 'in_place' })).status).toBe(200);
    const overview = await t.getJson('viewer', '/api/implementation');
    const area = overview.areas.find((a: any) => a.name === 'Testområde');
    expect(area).toMatchObject({ units: 1, in_place: 1, in_progress: 0, not_started: 4 });
    expect(overview.units.features.find((x: any) => x.id === unitId).properties.area_names).toContain('Testområde');
  });
});

describe('CSV exports', () => {
  const parse = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(';'));

  it('exports information needs with BOM and ; and audits the export', async () => {
    const res = await t.request('viewer', 'GET', '/api/exports/information-needs.csv?status=informed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const buf = new Uint8Array(await res.arrayBuffer());
    expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(buf));
    expect(rows[0]!.slice(0, 3)).toEqual(['unit_id', 'unit_name', 'child_place_id']);
    const statusCol = rows[0]!.indexOf('status');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[statusCol] === 'informed')).toBe(true);
    expect(await t.db.query("SELECT 1 FROM audit_log WHERE action = 'export' AND entity = 'information_need'")).toHaveLength(1);
    expect((await t.request('viewer', 'GET', '/api/exports/information-needs.csv?status=bad')).status).toBe(400);
    expect((await t.request('anonymous', 'GET', '/api/exports/information-needs.csv')).status).toBe(401);
  });

  it('exports follow-ups and the implementation overview, escaping formulas', async () => {
    const { unitId } = takePlaces(0);
    await t.request('editor', 'POST', `/api/units/${unitId}/activities`, { kind: 'observation', date: '2026-02-01', note: '=HYPERLINK("x");åäö' });
    const fu = await t.request('viewer', 'GET', `/api/exports/follow-ups.csv?unit_id=${unitId}`);
    expect(fu.status).toBe(200);
    const text = await fu.text();
    expect(text).toContain(`"'=HYPERLINK(""x"");åäö"`);
    const impl = await t.request('viewer', 'GET', '/api/exports/implementation.csv');
    const rows = parse(await impl.text());
    expect(rows[0]).toContain('principle_5');
    expect(rows.length - 1).toBe((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units'))[0]!.n);
  });
});

describe('OpenAPI', () => {
  it('documents every outreach route', async () => {
    const doc = await t.getJson('anonymous', '/api/openapi.json');
    for (const p of ['/api/units/{id}/activities', '/api/activities/{id}', '/api/information-needs/mark-informed', '/api/follow-ups',
      '/api/units/{id}/principles', '/api/units/{id}/principles/{principle}', '/api/implementation',
      '/api/exports/information-needs.csv', '/api/exports/follow-ups.csv', '/api/exports/implementation.csv']) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });
});
