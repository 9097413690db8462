import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { unitFeature } from '../test/fixtures.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const feature = (props?: Record<string, unknown>, coordinates?: unknown) => unitFeature('Testboendet Linné', props, coordinates);

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]!.n;

describe('POST /api/units', () => {
  it('creates a unit with defaults, an ETag and an audit entry', async () => {
    const res = await t.request('editor', 'POST', '/api/units', feature({ address: 'Linnégatan 1' }));
    expect(res.status).toBe(201);
    const unit = await res.json();
    expect(unit.properties).toMatchObject({ name: 'Testboendet Linné', status: 'open', places: 12, sensitivity: 'public', radii_custom: false, version: 1 });
    expect(unit.geometry.coordinates).toEqual([11.95, 57.7]);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/units/${unit.id}`);
    const [entry] = await t.db.query<{ action: string; user_email: string; after: any }>(
      "SELECT action, user_email, after FROM audit_log WHERE entity = 'unit' AND entity_id = $1", [String(unit.id)],
    );
    expect(entry).toMatchObject({ action: 'create', user_email: 'editor@test.example' });
    expect(entry!.after.properties.address).toBe('Linnégatan 1');
  });

  it('is refused to viewers (403) and anonymous callers (401)', async () => {
    expect((await t.request('viewer', 'POST', '/api/units', feature())).status).toBe(403);
    expect((await t.request('anonymous', 'POST', '/api/units', feature())).status).toBe(401);
  });

  it.each([
    ['missing name', { name: undefined }, /name/],
    ['empty name', { name: '  ' }, /name must not be empty/],
    ['unknown kind', { kind: 'castle' }, /kind: must be one of care_home/],
    ['negative places', { places: -3 }, /places must be 0 or more/],
    ['radii not increasing', { radii: { immediate: 300, neighbourhood: 200, area: 1000 } }, /strictly increasing/],
    ['radius too large', { radii: { immediate: 300, neighbourhood: 600, area: 9000 } }, /radii\.area/],
    ['protected housing', { name: 'Skyddat boende Väst' }, /protected housing/],
    ['unknown property', { colour: 'red' }, /unknown key "colour"/],
  ])('rejects %s with 400 naming the field, writing nothing', async (_label, props, message) => {
    const before = await count('SELECT count(*)::int AS n FROM units');
    const res = await t.request('editor', 'POST', '/api/units', feature(props));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
    expect(await count('SELECT count(*)::int AS n FROM units')).toBe(before);
  });

  it.each([
    ['outside Sweden', [2.35, 48.85], /outside Sweden/],
    ['swapped lat/lon', [57.7, 11.95], /outside Sweden/],
    ['3-D', [11.95, 57.7, 10], /2-D/],
    ['not numbers', ['11.95', '57.7'], /numbers/],
  ])('rejects a location %s', async (_label, coordinates, message) => {
    const res = await t.request('editor', 'POST', '/api/units', feature({}, coordinates));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
  });
});

describe('PATCH and DELETE /api/units/{id}', () => {
  const create = async () => (await (await t.request('editor', 'POST', '/api/units', feature())).json()).id as number;

  it('changes properties, geometry and radii with If-Match, bumping the version', async () => {
    const id = await create();
    const res = await t.request('editor', 'PATCH', `/api/units/${id}`, {
      geometry: { type: 'Point', coordinates: [11.96, 57.71] },
      properties: { places: 20, radii: { immediate: 200, neighbourhood: 400, area: 800 } },
    }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    const unit = await res.json();
    expect(res.headers.get('etag')).toBe('"2"');
    expect(unit.properties).toMatchObject({ places: 20, name: 'Testboendet Linné', radii: { immediate: 200, neighbourhood: 400, area: 800 }, radii_custom: true, version: 2 });
    expect(unit.geometry.coordinates).toEqual([11.96, 57.71]);
    const back = await t.request('editor', 'PATCH', `/api/units/${id}`, { properties: { radii: null } }, { 'if-match': '"2"' });
    expect((await back.json()).properties).toMatchObject({ radii: { immediate: 250, neighbourhood: 500, area: 1000 }, radii_custom: false });
  });

  it('leaves every property it does not name unchanged', async () => {
    const res = await t.request('editor', 'POST', '/api/units', feature({ status: 'closed', address: 'Linnégatan 9', sensitivity: 'restricted', contact_name: 'Eva' }));
    const { id } = await res.json();
    const patched = await (await t.request('editor', 'PATCH', `/api/units/${id}`, { properties: { places: 30 } }, { 'if-match': '"1"' })).json();
    expect(patched.properties).toMatchObject({ places: 30, status: 'closed', address: 'Linnégatan 9', sensitivity: 'restricted', contact_name: 'Eva', kind: 'supported_housing' });
  });

  it('answers 428 without If-Match and 412 when stale, changing nothing', async () => {
    const id = await create();
    const none = await t.request('editor', 'PATCH', `/api/units/${id}`, { properties: { places: 5 } });
    expect(none.status).toBe(428);
    const stale = await t.request('editor', 'PATCH', `/api/units/${id}`, { properties: { places: 5 } }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect((await t.getJson('viewer', `/api/units/${id}`)).properties).toMatchObject({ places: 12, version: 1 });
  });

  it('answers 404 for an unknown unit and 400 for an empty patch', async () => {
    expect((await t.request('editor', 'PATCH', '/api/units/999999', { properties: { places: 1 } }, { 'if-match': '"1"' })).status).toBe(404);
    const id = await create();
    const empty = await t.request('editor', 'PATCH', `/api/units/${id}`, { properties: {} }, { 'if-match': '"1"' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/nothing to change/);
  });

  it('deletes with If-Match and audits the removal with the before state', async () => {
    const id = await create();
    expect((await t.request('editor', 'DELETE', `/api/units/${id}`)).status).toBe(428);
    expect((await t.request('editor', 'DELETE', `/api/units/${id}`, undefined, { 'if-match': '"3"' })).status).toBe(412);
    expect((await t.request('editor', 'DELETE', `/api/units/${id}`, undefined, { 'if-match': '"1"' })).status).toBe(204);
    expect((await t.request('viewer', 'GET', `/api/units/${id}`)).status).toBe(404);
    const [entry] = await t.db.query<{ before: any }>("SELECT before FROM audit_log WHERE entity = 'unit' AND entity_id = $1 AND action = 'delete'", [String(id)]);
    expect(entry!.before.properties.name).toBe('Testboendet Linné');
  });
});
