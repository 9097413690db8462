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

describe('one activity of a restricted unit', () => {
  it('GET /api/activities/{id}: the finding carries its location for editors but not for viewers', async () => {
    const { activities } = await t.getJson('editor', `/api/units/${restrictedId}/activities?kind=observation`);
    const id = activities[0].id;
    expect((await t.getJson('editor', `/api/activities/${id}`)).location.type).toBe('Point');
    expect((await t.getJson('viewer', `/api/activities/${id}`)).location).toBeNull();
  });
});

describe('links checked against the exact outer ring', () => {
  /** A point dx metres east of a 250 m grid point of SWEREF 99 TM (the coarse cell's centre). */
  const at = (dx: number) => `ST_Transform(ST_SetSRID(ST_MakePoint(${372_000 + dx}, 6405000), 3006), 4326)::geography`;
  let unitId: number;
  let far: { childPlace: number; actor: number };
  let near: { childPlace: number; actor: number };
  beforeAll(async () => {
    // The unit 100 m east of its coarse point; "far" places are 990 m east of it (inside
    // its outer ring of 1000 m) but 1090 m from the coarse point; "near" ones are inside both.
    [{ id: unitId }] = (await t.db.query<{ id: number }>(
      `INSERT INTO units (name, kind, sensitivity, address, places, location) VALUES ('Ringtest', 'supported_housing', 'restricted', 'Hemlig väg 1', 8, ${at(100)}) RETURNING id`)) as [{ id: number }];
    const place = async (name: string, dx: number) => {
      const [cp] = await t.db.query<{ id: number }>(`INSERT INTO child_places (name, kind, location) VALUES ($1, 'preschool', ${at(dx)}) RETURNING id`, [name]);
      const [a] = await t.db.query<{ id: number }>(`INSERT INTO actors (name, category, location) VALUES ($1, 'shop', ${at(dx)}) RETURNING id`, [name]);
      return { childPlace: cp!.id, actor: a!.id };
    };
    far = await place('Ringtest långt bort', 1090);
    near = await place('Ringtest nära', 400);
    const date = new Date().toISOString().slice(0, 10);
    const info = await t.request('editor', 'POST', `/api/units/${unitId}/activities`, { kind: 'information', date, child_place_ids: [far.childPlace, near.childPlace] });
    expect(info.status, await info.clone().text()).toBe(201);
    for (const actor of [far.actor, near.actor]) {
      const obs = await t.request('editor', 'POST', `/api/units/${unitId}/activities`, { kind: 'observation', date, responsible_actor_id: actor });
      expect(obs.status, await obs.clone().text()).toBe(201);
    }
  });

  const names = (body: { activities: { kind: string; child_places: { name: string }[]; responsible_actor: { name: string } | null }[] }) => ({
    childPlaces: body.activities.filter((a) => a.kind === 'information').flatMap((a) => a.child_places.map((c) => c.name)).sort(),
    responsible: body.activities.filter((a) => a.kind === 'observation').map((a) => a.responsible_actor?.name ?? null).sort(),
  });

  it('are named to a viewer only inside the outer ring around the coarse location', async () => {
    expect(names(await t.getJson('viewer', `/api/units/${unitId}/activities`))).toEqual({ childPlaces: ['Ringtest nära'], responsible: ['Ringtest nära', null] });
    const followUps = await t.getJson('viewer', `/api/follow-ups?unit_id=${unitId}`);
    expect(followUps.follow_ups.map((f: { responsible_actor: { name: string } | null }) => f.responsible_actor?.name ?? null).sort()).toEqual(['Ringtest nära', null]);
  });

  it('are all named to an editor', async () => {
    expect(names(await t.getJson('editor', `/api/units/${unitId}/activities`)))
      .toEqual({ childPlaces: ['Ringtest långt bort', 'Ringtest nära'], responsible: ['Ringtest långt bort', 'Ringtest nära'] });
  });
});
