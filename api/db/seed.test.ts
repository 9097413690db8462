import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { seedDemoOutreach } from './seed.js';

let t: TestContext;
// The real clock: demo child places were registered today, and information dated before
// their registration but recorded after it counts (see ps_information).
const now = new Date();
const daysAgo = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - n)).toISOString().slice(0, 10);
beforeAll(async () => {
  t = await createTestContext();
  t.setNow(now);
  await seedDemoOutreach(t.db, now);
});

describe('the demo follow-up picture', () => {
  it('shows informed, due-soon, overdue and not-yet-informed child places', async () => {
    const needs = await t.getJson('viewer', '/api/information-needs');
    const statuses = new Set(needs.features.map((f: any) => f.properties.information.status));
    expect([...statuses].sort()).toEqual(['due_soon', 'informed', 'not_informed', 'overdue']);
  });

  it('dates information relative to the day it is loaded', async () => {
    const kallebäck = (await t.db.query<{ id: number }>("SELECT id FROM units WHERE external_id = 'demo-unit-01'"))[0]!;
    const places = await t.getJson('viewer', `/api/units/${kallebäck.id}/child-places`);
    const informed = places.features.filter((f: any) => f.properties.information.status === 'informed');
    expect(informed.length).toBeGreaterThan(0);
    expect(informed[0].properties.information.last_informed_at.slice(0, 10)).toBe(daysAgo(30));
  });

  it('has open safety-walk findings to follow up, some overdue', async () => {
    const followUps = await t.getJson('viewer', '/api/follow-ups');
    const items = followUps.follow_ups;
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i: any) => (i.properties ?? i).overdue === true)).toBe(true);
    expect(items.some((i: any) => (i.properties ?? i).overdue === false)).toBe(true);
  });

  it('has Kallebäck, where the model began, with all five principles in place', async () => {
    const kallebäck = (await t.db.query<{ id: number }>("SELECT id FROM units WHERE external_id = 'demo-unit-01'"))[0]!;
    const principles = await t.getJson('viewer', `/api/units/${kallebäck.id}/principles`);
    const entries = principles.principles ?? principles;
    expect(entries.map((p: any) => p.status)).toEqual(['in_place', 'in_place', 'in_place', 'in_place', 'in_place']);
  });
});
