import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
let units: any[];

const PRIORITY = ['high', 'medium', 'low'];
const STATUS = ['overdue', 'not_informed', 'due_soon', 'informed'];
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/**
 * Information recorded at Kallebäck so that every status occurs: some pairs informed 400
 * days ago (overdue after 12 months), some 350 days ago (due within 30 days), some 10
 * days ago (informed); the rest stay not informed.
 */
beforeAll(async () => {
  t = await createTestContext();
  units = (await t.getJson('editor', '/api/units')).features;
  const kalle = units.find((x) => x.properties.name.startsWith('Kallebäcks'));
  const ids = (await t.getJson('editor', `/api/units/${kalle.id}/child-places`)).features.map((f: any) => f.id);
  expect(ids.length, 'Kallebäck has child places around it').toBeGreaterThanOrEqual(8);
  for (const [days, slice] of [[400, ids.slice(0, 3)], [350, ids.slice(3, 5)], [10, ids.slice(5, 7)]] as const) {
    const res = await t.request('editor', 'POST', '/api/information-needs/mark-informed', { unit_id: kalle.id, child_place_ids: slice, date: daysAgo(days) });
    expect(res.status).toBe(201);
  }
});

/** The default order computed from the rows' own fields: status, priority, distance, unit id, child place id. */
const urgency = (a: any, b: any) =>
  STATUS.indexOf(a.information.status) - STATUS.indexOf(b.information.status) ||
  PRIORITY.indexOf(a.priority) - PRIORITY.indexOf(b.priority) ||
  a.distance_m - b.distance_m ||
  a.unit_id - b.unit_id ||
  a.child_place_id - b.child_place_id;

describe('GET /api/information-needs', () => {
  it('holds exactly the child places of every open or planned unit, with the same fields as per unit', async () => {
    const body = await t.getJson('editor', '/api/information-needs');
    expect(body.type).toBe('FeatureCollection');
    const expected = new Map<string, any>();
    for (const u of units.filter((u) => u.properties.status !== 'closed')) {
      for (const f of (await t.getJson('editor', `/api/units/${u.id}/child-places`)).features) {
        expected.set(`${u.id}:${f.id}`, { unit: u, f });
      }
    }
    expect(new Set(body.features.map((f: any) => f.id))).toEqual(new Set(expected.keys()));
    for (const need of body.features) {
      const { unit, f } = expected.get(need.id)!;
      // the per-unit list adds walk_min and ring_basis; by the straight line the needs list measures no walk (walk_m null)
      const { walk_m: _w, walk_min: _m, ring_basis: _b, ...straight } = f.properties;
      expect(need.properties).toEqual({ ...straight, walk_m: null, unit_id: unit.id, unit_name: unit.properties.name, child_place_id: f.id });
      expect(need.geometry).toEqual(f.geometry);
    }
    const closed = units.find((u) => u.properties.status === 'closed');
    expect(closed, 'the demo data has a closed unit').toBeDefined();
    expect(body.features.some((f: any) => f.properties.unit_id === closed.id)).toBe(false);
  });

  it('puts what needs doing first: overdue, not informed, due soon, informed; then priority high to low; then distance', async () => {
    const fs = (await t.getJson('viewer', '/api/information-needs')).features.map((f: any) => f.properties);
    expect(fs.length).toBeGreaterThan(50);
    expect(new Set(fs.map((p: any) => p.information.status)), 'every status occurs').toEqual(new Set(STATUS));
    const ids = (list: any[]) => list.map((p) => `${p.unit_id}:${p.child_place_id}`);
    expect(ids(fs)).toEqual(ids([...fs].sort(urgency)));
    expect(fs[0].information.status).toBe('overdue');
    expect(fs.at(-1).information.status).toBe('informed');
  });

  it('orders by a column on request, descending with a leading -, ties in the default order', async () => {
    const all = (await t.getJson('viewer', '/api/information-needs')).features.map((f: any) => f.properties);
    const ids = (list: any[]) => list.map((p) => `${p.unit_id}:${p.child_place_id}`);
    const get = async (sort: string) => ids((await t.getJson('viewer', `/api/information-needs?sort=${sort}`)).features.map((f: any) => f.properties));
    const due = (p: any) => (p.information.due_at ? Date.parse(p.information.due_at) : null);
    const byDue = (sign: number) => (a: any, b: any) => {
      const [x, y] = [due(a), due(b)];
      if (x === y) return urgency(a, b);
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y) || urgency(a, b);
    };
    expect(await get('-distance')).toEqual(ids([...all].sort((a, b) => b.distance_m - a.distance_m || urgency(a, b))));
    expect(await get('distance')).toEqual(ids([...all].sort((a, b) => a.distance_m - b.distance_m || urgency(a, b))));
    expect(await get('due')).toEqual(ids([...all].sort(byDue(1))));
    expect(await get('-due')).toEqual(ids([...all].sort(byDue(-1))));
    expect(await get('priority')).toEqual(ids([...all].sort((a, b) => PRIORITY.indexOf(a.priority) - PRIORITY.indexOf(b.priority) || urgency(a, b))));
    expect(await get('-status')).toEqual(ids([...all].sort((a, b) => STATUS.indexOf(b.information.status) - STATUS.indexOf(a.information.status) || urgency(a, b))));
    const names = (await get('name')).map((id) => all.find((p: any) => `${p.unit_id}:${p.child_place_id}` === id).name.toLowerCase());
    for (let i = 1; i < names.length; i++) expect(names[i - 1] <= names[i], `name order at ${i}`).toBe(true);
  });

  it('takes several statuses at once, and counts by status over the needs the other filters leave', async () => {
    const all = await t.getJson('viewer', '/api/information-needs');
    const two = await t.getJson('viewer', '/api/information-needs?status=overdue,not_informed');
    const expected = all.features.filter((f: any) => ['overdue', 'not_informed'].includes(f.properties.information.status));
    expect(expected.some((f: any) => f.properties.information.status === 'overdue')).toBe(true);
    expect(two.features.map((f: any) => f.id)).toEqual(expected.map((f: any) => f.id));
    expect(two.number_matched).toBe(expected.length);
    // the status choices show their counts over every need, whatever statuses are chosen
    expect(two.by_status).toEqual(all.by_status);
    // the priority counts are those of the chosen statuses
    expect(two.by_priority).toEqual(Object.fromEntries(PRIORITY.map((p) => [p, expected.filter((f: any) => f.properties.priority === p).length])));
    const three = await t.getJson('viewer', '/api/information-needs?status=overdue,due_soon,informed&priority=high,medium&kind=school,preschool,playground,leisure_centre');
    expect(three.features.map((f: any) => f.id)).toEqual(all.features.filter((f: any) =>
      f.properties.information.status !== 'not_informed' && f.properties.priority !== 'low').map((f: any) => f.id));
  });

  it('filters by unit_id, kind, priority and status', async () => {
    const all = (await t.getJson('viewer', '/api/information-needs')).features;
    const ids = (fs: any[]) => fs.map((f: any) => f.id);
    const get = async (q: string) => ids((await t.getJson('viewer', `/api/information-needs?${q}`)).features);
    const u = units.find((x) => x.properties.name.startsWith('Kallebäcks'));
    expect(await get(`unit_id=${u.id}`)).toEqual(ids(all.filter((f: any) => f.properties.unit_id === u.id)));
    expect(await get('kind=playground')).toEqual(ids(all.filter((f: any) => f.properties.kind === 'playground')));
    expect(await get('priority=medium,low&kind=school')).toEqual(
      ids(all.filter((f: any) => f.properties.priority !== 'high' && f.properties.kind === 'school')),
    );
    expect(await get('status=not_informed')).toEqual(ids(all.filter((f: any) => f.properties.information.status === 'not_informed')));
  });

  it('filters by area: child places inside the area polygon', async () => {
    const u = units.find((x) => x.properties.name.startsWith('Kallebäcks'));
    const circle = turf.circle(u.geometry.coordinates, 0.6, { steps: 64, units: 'kilometers' });
    const [area] = await t.db.query<{ id: number }>(
      `INSERT INTO areas (name, level, geom) VALUES ('Test area', 'other', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))::geography) RETURNING id`,
      [JSON.stringify(circle.geometry)],
    );
    const all = (await t.getJson('viewer', '/api/information-needs')).features;
    const inside = (await t.getJson('viewer', `/api/information-needs?area=${area!.id}`)).features;
    expect(inside.length).toBeGreaterThan(0);
    const expected = all.filter((f: any) => {
      const edge = turf.pointToLineDistance(f.geometry.coordinates, turf.polygonToLine(circle) as any, { units: 'meters' });
      return edge > 1 && turf.booleanPointInPolygon(f.geometry.coordinates, circle);
    });
    const got = new Set(inside.map((f: any) => f.id));
    for (const f of expected) expect(got.has(f.id), f.id).toBe(true);
    for (const f of inside) expect(turf.distance(f.geometry.coordinates, u.geometry.coordinates, { units: 'meters' })).toBeLessThan(602);
  });

  it('pages with limit and offset in the same order, and counts every matching need on each page', async () => {
    const all = await t.getJson('viewer', '/api/information-needs');
    const ids = (fs: any[]) => fs.map((f: any) => f.id);
    expect(all.number_matched).toBe(all.features.length);
    expect(all.number_returned).toBe(all.features.length);
    const tally = (key: (f: any) => string, codes: string[]) =>
      Object.fromEntries(codes.map((c) => [c, all.features.filter((f: any) => key(f) === c).length]));
    expect(all.by_status).toEqual(tally((f) => f.properties.information.status, STATUS));
    expect(all.by_priority).toEqual(tally((f) => f.properties.priority, PRIORITY));

    const paged: any[] = [];
    for (let offset = 0; offset < all.number_matched; offset += 17) {
      const page = await t.getJson('viewer', `/api/information-needs?limit=17&offset=${offset}`);
      expect(page.number_returned).toBe(page.features.length);
      expect(page.number_returned).toBe(Math.min(17, all.number_matched - offset));
      expect([page.number_matched, page.by_status, page.by_priority]).toEqual([all.number_matched, all.by_status, all.by_priority]);
      paged.push(...page.features);
    }
    expect(ids(paged)).toEqual(ids(all.features));
    const past = await t.getJson('viewer', `/api/information-needs?offset=${all.number_matched}`);
    expect([past.features, past.number_returned, past.number_matched]).toEqual([[], 0, all.number_matched]);
  });

  it('counts the filtered needs beyond the page', async () => {
    const all = await t.getJson('viewer', '/api/information-needs');
    const low = await t.getJson('viewer', '/api/information-needs?priority=low&limit=1');
    expect(low.number_returned).toBe(1);
    expect(low.number_matched).toBe(all.by_priority.low);
    // the priority choices count every need, the low ones' statuses are counted by status
    expect(low.by_priority).toEqual(all.by_priority);
    const byStatus = Object.fromEntries(STATUS.map((s) => [s, all.features.filter((f: any) => f.properties.priority === 'low' && f.properties.information.status === s).length]));
    expect(low.by_status).toEqual(byStatus);
  });

  it('marking with a date in the future is refused with a code at the date, and records nothing', async () => {
    const need = (await t.getJson('editor', '/api/information-needs?status=not_informed&limit=1')).features[0];
    const count = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM activities WHERE kind = 'information'"))[0]!.n;
    const before = await count();
    const res = await t.request('editor', 'POST', '/api/information-needs/mark-informed', { unit_id: need.properties.unit_id, child_place_ids: [need.properties.child_place_id], date: daysAgo(-30) });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details).toMatchObject({ rule: 'date_in_future', path: ['date'], issues: [{ path: ['date'], code: 'date_in_future' }] });
    expect(error.details.params.latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await count()).toBe(before);
  });

  it('answers 404 for an unknown unit or area and 400 for bad values', async () => {
    expect((await t.request('viewer', 'GET', '/api/information-needs?unit_id=987654')).status).toBe(404);
    expect((await t.request('viewer', 'GET', '/api/information-needs?area=987654')).status).toBe(404);
    for (const [q, name] of [['unit_id=abc', 'unit_id'], ['area=-1', 'area'], ['status=done', 'status'], ['kind=zoo', 'kind'], ['priority=x', 'priority'], ['sort=closest', 'sort'], ['sort=--name', 'sort'], ['status=overdue,,x', 'status'],
      ['limit=0', 'limit'], ['limit=10001', 'limit'], ['limit=abc', 'limit'], ['offset=-1', 'offset']]) {
      const res = await t.request('viewer', 'GET', `/api/information-needs?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message, q).toContain(name);
    }
  });
});
