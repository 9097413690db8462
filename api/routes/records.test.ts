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
