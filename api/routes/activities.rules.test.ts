import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

/**
 * The field rules of an activity that the client shows at the field: each refusal is a
 * 400 whose `details.issues` name the field and a rule code, with nothing written; the
 * same rules hold for a change (PATCH) as for a new entry.
 */
let t: TestContext;
let unitId: number;
let actorId: number;

const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM activities WHERE unit_id = $1', [unitId]))[0]!.n;
const post = (body: unknown) => t.request('editor', 'POST', `/api/units/${unitId}/activities`, body);

/** The issues of a 400 as `path → code`. */
async function refusal(res: Response): Promise<Record<string, string>> {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe('bad_request');
  const issues = body.error.details.issues as { path: string[]; code: string; params?: { code?: string } }[];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.code === 'custom' ? i.params?.code ?? i.code : i.code]));
}

beforeAll(async () => {
  t = await createTestContext();
  t.setNow('2026-03-01T10:00:00Z');
  const [u] = await t.db.query<{ id: number; actor: number }>(`
    SELECT u.id, (SELECT a.id FROM actors a WHERE ST_DWithin(a.location, u.location, u.r_area) ORDER BY a.id LIMIT 1) AS actor
    FROM units_effective u WHERE u.status = 'open' AND EXISTS (SELECT 1 FROM actors a WHERE ST_DWithin(a.location, u.location, u.r_area))
    ORDER BY u.id LIMIT 1`);
  unitId = u!.id;
  actorId = u!.actor;
});

describe('activity field rules', () => {
  it.each([
    ['no actor, child place or note', {}],
    ['an empty note', { note: '   ' }],
  ])('refuses a contact with %s at actor_ids (contact_target), writing nothing', async (_what, extra) => {
    const before = await count();
    expect(await refusal(await post({ kind: 'contact', date: '2026-02-10', ...extra }))).toEqual({ actor_ids: 'contact_target' });
    expect(await count()).toBe(before);
  });

  it('accepts a contact with an actor, or with only a note', async () => {
    expect((await post({ kind: 'contact', date: '2026-02-10', actor_ids: [actorId] })).status).toBe(201);
    expect((await post({ kind: 'contact', date: '2026-02-10', note: 'Ringde fastighetsvärden om belysningen' })).status).toBe(201);
  });

  it.each([
    [[11.99]],
    [[11.99, 57.68, 3]],
  ])('refuses a location with coordinates %j at location (location_pair), writing nothing', async (coordinates) => {
    const before = await count();
    expect(await refusal(await post({ kind: 'observation', date: '2026-02-10', location: { type: 'Point', coordinates } }))).toEqual({ location: 'location_pair' });
    expect(await count()).toBe(before);
  });

  it('refuses a location outside Sweden at location (outside_sweden)', async () => {
    expect(await refusal(await post({ kind: 'observation', date: '2026-02-10', location: { type: 'Point', coordinates: [2.35, 48.85] } }))).toEqual({ location: 'outside_sweden' });
  });

  it('refuses a due date before the activity date at due_date (due_before_date), accepts the same day', async () => {
    const before = await count();
    const res = await post({ kind: 'observation', date: '2026-02-10', due_date: '2026-02-09' });
    expect(await refusal(res)).toEqual({ due_date: 'due_before_date' });
    expect(await count()).toBe(before);
    expect((await post({ kind: 'observation', date: '2026-02-10', due_date: '2026-02-10' })).status).toBe(201);
  });

  it('holds the same rules for a change: the stored activity is left as it was', async () => {
    const created = await (await post({ kind: 'observation', date: '2026-02-10', due_date: '2026-02-20', note: 'Klotter på elskåpet',
      location: { type: 'Point', coordinates: [11.99, 57.68] } })).json();
    const path = `/api/activities/${created.id}`;
    const patch = (body: unknown) => t.request('editor', 'PATCH', path, body, { 'if-match': '"1"' });
    expect(await refusal(await patch({ date: '2026-02-25' }))).toEqual({ due_date: 'due_before_date' });
    expect(await refusal(await patch({ location: { type: 'Point', coordinates: [11.99] } }))).toEqual({ location: 'location_pair' });
    expect(await refusal(await patch({ kind: 'contact', note: null, due_date: null, location: null, follow_up_status: null }))).toEqual({ actor_ids: 'contact_target' });
    const stored = await t.getJson('viewer', path);
    expect(stored).toMatchObject({ version: 1, kind: 'observation', date: '2026-02-10', due_date: '2026-02-20', note: 'Klotter på elskåpet' });
    expect(stored.location.coordinates).toEqual([11.99, 57.68]);
    // A change that keeps the rules goes through.
    const ok = await patch({ date: '2026-02-15', due_date: '2026-02-15' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2, date: '2026-02-15', due_date: '2026-02-15' });
  });
});
