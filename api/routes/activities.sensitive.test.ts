import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
let restrictedId: number;
beforeAll(async () => {
  t = await createTestContext();
  const [unit] = await t.db.query<{ id: number; lon: number; lat: number }>(
    "SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE sensitivity = 'restricted' LIMIT 1",
  );
  restrictedId = unit!.id;
  const res = await t.request('editor', 'POST', `/api/units/${restrictedId}/activities`, {
    kind: 'observation', date: new Date().toISOString().slice(0, 10), note: 'Trasig belysning vid entrén.',
    location: { type: 'Point', coordinates: [unit!.lon + 0.0005, unit!.lat] }, follow_up_status: 'open',
  });
  expect(res.status, await res.clone().text()).toBe(201);
});

describe('findings at a restricted unit', () => {
  it('carry their location for editors but not for viewers (it would reveal the unit)', async () => {
    const asEditor = await t.getJson('editor', `/api/units/${restrictedId}/activities`);
    const asViewer = await t.getJson('viewer', `/api/units/${restrictedId}/activities`);
    expect(asEditor.activities[0].location.type).toBe('Point');
    expect(asViewer.activities[0].location).toBeNull();
    const followUps = await t.getJson('viewer', `/api/follow-ups?unit_id=${restrictedId}`);
    expect(followUps.follow_ups.length).toBeGreaterThan(0);
    for (const f of followUps.follow_ups) expect(f.location).toBeNull();
  });
});
