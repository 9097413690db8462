import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const point = (lon = 11.95, lat = 57.7) => ({ type: 'Point', coordinates: [lon, lat] });
const auditCount = async (entity: string, id: number) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE entity = $1 AND entity_id = $2', [entity, String(id)]))[0]!.n;

describe('actors', () => {
  it('are created with their first contact persons, read back with an ETag, and audited', async () => {
    const res = await t.request('editor', 'POST', '/api/actors', {
      type: 'Feature', geometry: point(),
      properties: { name: "Kiosken 'Hörnet'", category: 'shop', phone: '031-390 06 00', contact_persons: [{ name: 'Lena Ek', role: 'Butikschef', email: 'lena@kiosk.example' }] },
    });
    expect(res.status).toBe(201);
    const actor = await res.json();
    expect(actor.properties).toMatchObject({ name: "Kiosken 'Hörnet'", category: 'shop', version: 1 });
    expect(actor.properties.contact_persons).toEqual([expect.objectContaining({ name: 'Lena Ek', role: 'Butikschef', email: 'lena@kiosk.example' })]);
    const read = await t.request('viewer', 'GET', `/api/actors/${actor.id}`);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await read.json()).toEqual(actor);
    expect(await auditCount('actor', actor.id)).toBe(1);
  });

  it('are changed with If-Match, leaving unnamed fields alone, and removed', async () => {
    const { id } = await (await t.request('editor', 'POST', '/api/actors', { type: 'Feature', geometry: point(), properties: { name: 'Föreningen X', category: 'association', address: 'Gatan 1' } })).json();
    expect((await t.request('editor', 'PATCH', `/api/actors/${id}`, { properties: { phone: '031-1' } })).status).toBe(428);
    const changed = await t.request('editor', 'PATCH', `/api/actors/${id}`, { properties: { phone: '031-1' }, geometry: point(11.96, 57.71) }, { 'if-match': '"1"' });
    expect(changed.status).toBe(200);
    expect((await changed.json()).properties).toMatchObject({ phone: '031-1', address: 'Gatan 1', version: 2 });
    expect((await t.request('editor', 'PATCH', `/api/actors/${id}`, { properties: { phone: '031-2' } }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await t.request('editor', 'DELETE', `/api/actors/${id}`, undefined, { 'if-match': '"2"' })).status).toBe(204);
    expect((await t.request('viewer', 'GET', `/api/actors/${id}`)).status).toBe(404);
  });

  it('reject bad input naming the field, and viewers', async () => {
    const bad = await t.request('editor', 'POST', '/api/actors', { type: 'Feature', geometry: point(), properties: { name: 'X', category: 'pirates' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/category: must be one of property_owner/);
    const email = await t.request('editor', 'POST', '/api/actors', { type: 'Feature', geometry: point(), properties: { name: 'X', category: 'shop', contact_persons: [{ name: 'A', email: 'not-an-address' }] } });
    expect((await email.json()).error.message).toMatch(/email must be an e-mail address/);
    expect((await t.request('viewer', 'POST', '/api/actors', { type: 'Feature', geometry: point(), properties: { name: 'X', category: 'shop' } })).status).toBe(403);
  });
});

describe('contact persons', () => {
  it('are added to an actor, changed with If-Match and removed', async () => {
    const [actor] = await t.db.query<{ id: number }>('SELECT id FROM actors ORDER BY id LIMIT 1');
    const res = await t.request('editor', 'POST', `/api/actors/${actor!.id}/contact-persons`, { name: 'Omar Said', role: 'Förvaltare', phone: '031-390 06 11' });
    expect(res.status).toBe(201);
    const person = await res.json();
    expect(person).toMatchObject({ actor_id: actor!.id, name: 'Omar Said', active: true, version: 1 });
    const changed = await t.request('editor', 'PATCH', `/api/contact-persons/${person.id}`, { role: 'Fastighetschef' }, { 'if-match': '"1"' });
    expect(await changed.json()).toMatchObject({ role: 'Fastighetschef', phone: '031-390 06 11', version: 2 });
    expect((await t.request('editor', 'DELETE', `/api/contact-persons/${person.id}`, undefined, { 'if-match': '"2"' })).status).toBe(204);
    expect((await t.request('viewer', 'GET', `/api/contact-persons/${person.id}`)).status).toBe(404);
    expect((await t.request('editor', 'POST', '/api/actors/999999/contact-persons', { name: 'X' })).status).toBe(404);
  });
});

describe('child places', () => {
  it('are created, changed and removed; stages only on schools', async () => {
    const res = await t.request('editor', 'POST', '/api/child-places', { type: 'Feature', geometry: point(), properties: { name: 'Testskolan', kind: 'school', stages: ['F-3', '4-6'] } });
    expect(res.status).toBe(201);
    const place = await res.json();
    expect(place.properties).toMatchObject({ kind: 'school', stages: ['F-3', '4-6'] });
    const bad = await t.request('editor', 'POST', '/api/child-places', { type: 'Feature', geometry: point(), properties: { name: 'Förskolan', kind: 'preschool', stages: ['F-3'] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/only schools have stages/);
    const toPreschool = await t.request('editor', 'PATCH', `/api/child-places/${place.id}`, { properties: { kind: 'preschool' } }, { 'if-match': '"1"' });
    expect((await toPreschool.json()).properties).toMatchObject({ kind: 'preschool', stages: [] });
    expect((await t.request('editor', 'DELETE', `/api/child-places/${place.id}`, undefined, { 'if-match': '"2"' })).status).toBe(204);
  });
});

describe('last contacted', () => {
  it('is the date of the latest activity linked to the actor, at any unit, in the actor read and the contacts', async () => {
    const [unit] = await t.db.query<{ id: number; lon: number; lat: number }>(
      "SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE sensitivity = 'public' AND status = 'open' ORDER BY id LIMIT 1",
    );
    const [other] = await t.db.query<{ id: number }>('SELECT id FROM units WHERE id <> $1 ORDER BY id LIMIT 1', [unit!.id]);
    const created = await (await t.request('editor', 'POST', '/api/actors', {
      type: 'Feature', geometry: point(unit!.lon + 0.0005, unit!.lat), properties: { name: 'Senast kontaktad', category: 'shop' },
    })).json();
    expect(created.properties.last_contacted_at).toBeNull();
    const log = (unitId: number, date: string) =>
      t.request('editor', 'POST', `/api/units/${unitId}/activities`, { kind: 'contact', date, actor_ids: [created.id] });
    expect((await log(unit!.id, '2026-03-02')).status).toBe(201);
    expect((await log(other!.id, '2026-05-17')).status).toBe(201);
    expect((await log(unit!.id, '2026-04-01')).status).toBe(201);
    const read = await (await t.request('viewer', 'GET', `/api/actors/${created.id}`)).json();
    expect(read.properties.last_contacted_at).toBe('2026-05-17');
    const contacts = await (await t.request('viewer', 'GET', `/api/units/${unit!.id}/contacts`)).json();
    const mine = contacts.features.find((f: { id: number }) => f.id === created.id);
    expect(mine.properties.last_contacted_at).toBe('2026-05-17');
    const never = contacts.features.find((f: { id: number; properties: { last_contacted_at: string | null } }) => f.id !== created.id && f.properties.last_contacted_at === null);
    if (never) {
      const links = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM activity_actors WHERE actor_id = $1', [never.id]);
      expect(links[0]!.n).toBe(0);
    }
  });
});

describe('contact persons who no longer work there', () => {
  it('are inactivated by an editor with PATCH active: false: hidden at once, with the retention started', async () => {
    const actor = await (await t.request('editor', 'POST', '/api/actors', {
      type: 'Feature', geometry: point(), properties: { name: 'Bolaget', category: 'housing_company', contact_persons: [{ name: 'Kvar Kvarsson' }, { name: 'Slutat Slutsson' }] },
    })).json();
    const gone = actor.properties.contact_persons.find((p: { name: string }) => p.name === 'Slutat Slutsson');
    const res = await t.request('editor', 'PATCH', `/api/contact-persons/${gone.id}`, { active: false }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: gone.id, active: false, version: 2 });
    const [row] = await t.db.query<{ active: boolean; inactivated_at: string | null }>('SELECT active, inactivated_at FROM contact_persons WHERE id = $1', [gone.id]);
    expect(row!.active).toBe(false);
    expect(row!.inactivated_at).not.toBeNull();
    const after = await (await t.request('viewer', 'GET', `/api/actors/${actor.id}`)).json();
    expect(after.properties.contact_persons.map((p: { name: string }) => p.name)).toEqual(['Kvar Kvarsson']);
    expect((await t.request('editor', 'GET', `/api/contact-persons/${gone.id}`)).status).toBe(404);
    expect((await t.request('editor', 'PATCH', `/api/contact-persons/${gone.id}`, { phone: '1' }, { 'if-match': '"2"' })).status).toBe(404);
    expect((await t.request('admin', 'GET', `/api/contact-persons/${gone.id}`)).status).toBe(200);
    const reactivate = await t.request('admin', 'PATCH', `/api/contact-persons/${gone.id}`, { active: true }, { 'if-match': '"2"' });
    expect(reactivate.status).toBe(400);
  });

  it('are refused to viewers, as are the other writes', async () => {
    const [person] = await t.db.query<{ id: number; actor_id: number; version: number }>('SELECT id, actor_id, version FROM contact_persons WHERE active ORDER BY id LIMIT 1');
    const ifMatch = { 'if-match': `"${person!.version}"` };
    expect((await t.request('viewer', 'PATCH', `/api/contact-persons/${person!.id}`, { phone: '031-0' }, ifMatch)).status).toBe(403);
    expect((await t.request('viewer', 'PATCH', `/api/contact-persons/${person!.id}`, { active: false }, ifMatch)).status).toBe(403);
    expect((await t.request('viewer', 'POST', `/api/actors/${person!.actor_id}/contact-persons`, { name: 'X' })).status).toBe(403);
    expect((await t.request('viewer', 'PATCH', `/api/actors/${person!.actor_id}`, { properties: { phone: '031-0' } }, { 'if-match': '"1"' })).status).toBe(403);
    expect((await t.request('viewer', 'DELETE', `/api/actors/${person!.actor_id}`, undefined, { 'if-match': '"1"' })).status).toBe(403);
    expect((await t.request('viewer', 'POST', '/api/child-places', { type: 'Feature', geometry: point(), properties: { name: 'X', kind: 'playground' } })).status).toBe(403);
    const [row] = await t.db.query<{ version: number }>('SELECT version FROM contact_persons WHERE id = $1', [person!.id]);
    expect(row!.version).toBe(person!.version);
  });
});
