import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
let units: any[];
beforeAll(async () => {
  t = await createTestContext();
  units = (await t.getJson('editor', '/api/units')).features;
});

const PRIORITY = ['high', 'medium', 'low'];
const STATUS = ['overdue', 'not_informed', 'due_soon', 'informed'];

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
      expect(need.properties).toEqual({ ...f.properties, unit_id: unit.id, unit_name: unit.properties.name, child_place_id: f.id });
      expect(need.geometry).toEqual(f.geometry);
    }
    const closed = units.find((u) => u.properties.status === 'closed');
    expect(closed, 'the demo data has a closed unit').toBeDefined();
    expect(body.features.some((f: any) => f.properties.unit_id === closed.id)).toBe(false);
  });

  it('is sorted by priority, then status (overdue first), then distance', async () => {
    const fs = (await t.getJson('viewer', '/api/information-needs')).features.map((f: any) => f.properties);
    expect(fs.length).toBeGreaterThan(50);
    const key = (p: any) => [PRIORITY.indexOf(p.priority), STATUS.indexOf(p.information.status), p.distance_m];
    for (let i = 1; i < fs.length; i++) {
      const [a, b] = [key(fs[i - 1]), key(fs[i])];
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(cmp, `order at ${i}`).toBeLessThanOrEqual(0);
    }
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
    expect(low.by_priority).toEqual({ high: 0, medium: 0, low: all.by_priority.low });
    const byStatus = Object.fromEntries(STATUS.map((s) => [s, all.features.filter((f: any) => f.properties.priority === 'low' && f.properties.information.status === s).length]));
    expect(low.by_status).toEqual(byStatus);
  });

  it('answers 404 for an unknown unit or area and 400 for bad values', async () => {
    expect((await t.request('viewer', 'GET', '/api/information-needs?unit_id=987654')).status).toBe(404);
    expect((await t.request('viewer', 'GET', '/api/information-needs?area=987654')).status).toBe(404);
    for (const [q, name] of [['unit_id=abc', 'unit_id'], ['area=-1', 'area'], ['status=done', 'status'], ['kind=zoo', 'kind'], ['priority=x', 'priority'], ['sort=name', 'sort'],
      ['limit=0', 'limit'], ['limit=10001', 'limit'], ['limit=abc', 'limit'], ['offset=-1', 'offset']]) {
      const res = await t.request('viewer', 'GET', `/api/information-needs?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message, q).toContain(name);
    }
  });
});
