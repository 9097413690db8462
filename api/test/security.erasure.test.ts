/**
 * A purged contact person is erased from the audit trail too (the entries stay, by
 * id, reading "[raderad]"), and an inactivated one is hidden from everyone but
 * administrators.
 */
import { describe, expect, it } from 'vitest';
import { backupDatabase, ident, restoreDatabase, tablesInDependencyOrder } from '../../scripts/backup.js';
import { DEFAULTS } from '../config.js';
import { migrate } from '../db/migrate.js';
import { TEST_USERS } from './fixtures.js';
import { createTestContext } from './harness.js';

const t = await createTestContext();
const T0 = new Date('2026-05-04T08:00:00Z');
const days = (d: number) => new Date(T0.getTime() + d * 86_400_000);
const AFTER_RETENTION = DEFAULTS.contactPersonRetentionDays + 1;
const ERASED = '[raderad]';

/** A person's work details, awkward (quotes, non-ASCII, spaces) and unique to `tag`. */
const person = (tag: string) => ({
  name: `Åsa "Ö" O'Hara-${tag}`, role: `Trygghetsvärd ${tag}`, phone: `031-${tag} 12`, email: `asa.${tag.toLowerCase()}@erase.example`, note: `Nås tisdagar ${tag}`,
});
/** What must not remain of a person: each value, and the tag they share. */
const secrets = (p: ReturnType<typeof person>, ...more: string[]) => [p.name, p.role, p.phone, p.email, p.note, ...more, p.name.split('-').pop()!];
/** A value as written and as escaped inside JSON text (jsonb prints it the same way). */
const escaped = (s: string) => JSON.stringify(s).slice(1, -1);
const expectAbsent = (text: string, s: string) => {
  expect(text).not.toContain(s);
  expect(text).not.toContain(escaped(s));
};

/** A unit that is not restricted, and a point some 30 m from it (inside its outer ring). */
async function nearUnit(): Promise<{ unitId: number; point: { type: 'Point'; coordinates: [number, number] } }> {
  const [u] = await t.db.query<{ id: number; lon: number; lat: number }>(`
    SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat
    FROM units WHERE sensitivity <> 'restricted' ORDER BY id LIMIT 1`);
  return { unitId: u!.id, point: { type: 'Point', coordinates: [u!.lon + 0.0003, u!.lat + 0.0002] } };
}

async function createActor(name: string, persons: ReturnType<typeof person>[]): Promise<{ actorId: number; personIds: number[]; unitId: number }> {
  const { unitId, point } = await nearUnit();
  const res = await t.request('editor', 'POST', '/api/actors', { type: 'Feature', geometry: point, properties: { name, category: 'association', contact_persons: persons } });
  expect(res.status).toBe(201);
  const actor = await res.json();
  return { actorId: actor.id, unitId, personIds: actor.properties.contact_persons.map((p: { id: number }) => p.id) };
}

/** Every page of every audit search an administrator can make that could hold the person's entries. */
async function auditAnswers(personId: number | undefined, actorId: number): Promise<string[]> {
  const [editor] = await t.db.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [TEST_USERS.editor.email]);
  const searches = [
    '', 'entity=contact_person', `entity=contact_person&entity_id=${personId}`, `entity_id=${personId}`, 'entity=actor',
    `entity=actor&entity_id=${actorId}`, `user_id=${editor!.id}`,
    ...['create', 'update', 'delete', 'export', 'purge'].map((a) => `action=${a}`),
    `from=${encodeURIComponent(T0.toISOString())}`, `to=${encodeURIComponent(days(AFTER_RETENTION + 1).toISOString())}`,
  ];
  const answers: string[] = [];
  for (const s of searches) {
    for (let offset = 0; ; offset += 1000) {
      const res = await t.request('admin', 'GET', `/api/audit?${s}&limit=1000&offset=${offset}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      answers.push(text);
      if (offset + 1000 >= JSON.parse(text).number_matched) break;
    }
  }
  // a small page too, in case paging took another path
  answers.push(await (await t.request('admin', 'GET', `/api/audit?entity_id=${personId}&limit=1`)).text());
  return answers;
}

/** Audit rows and held personal values that contain `s` anywhere (as JSON text holds it), straight from the tables. */
async function storedMentions(s: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(`
    SELECT (SELECT count(*) FROM audit_log WHERE strpos(concat_ws(' ', entity_id, user_email, before::text, after::text, details::text), $1) > 0)::int
         + (SELECT count(*) FROM audit_personal WHERE strpos("values"::text, $1) > 0)::int AS n`, [escaped(s)]);
  return row!.n;
}

/** A contact person inside an actor (a GeoJSON Feature) as an audit entry holds it. */
const personIn = (doc: { properties?: { contact_persons?: { id: number }[] } } | null, id: number | undefined) => doc?.properties?.contact_persons?.find((p) => p.id === id);

describe('a purge erases the person from the audit trail', () => {
  it('keeps every entry by id with "[raderad]", and the values nowhere in an answer or in the database', { timeout: 120_000 }, async () => {
    t.setNow(T0);
    const gone = person('Purgeq');
    const kept = person('Keepq');
    const { actorId, personIds: [goneId, keptId] } = await createActor('Förening Raderas', [gone, kept]);
    const newPhone = '031-Purgeq 99';
    let res = await t.request('editor', 'PATCH', `/api/contact-persons/${goneId}`, { phone: newPhone }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    res = await t.request('editor', 'PATCH', `/api/actors/${actorId}`, { properties: { phone: '031-100' } }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect((await t.request('admin', 'GET', `/api/contact-persons/${goneId}/export`)).status).toBe(200);

    // while the person is stored, the log itself holds none of the values: they are held apart and shown to admins
    for (const s of secrets(gone, newPhone)) expect(await storedMentions(s)).toBeGreaterThan(0);
    const [inLog] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE strpos(concat_ws(\' \', before::text, after::text), $1) > 0', ['Purgeq']);
    expect(inLog!.n).toBe(0);
    const shown = await t.getJson('admin', `/api/audit?entity=contact_person&entity_id=${goneId}&action=update`);
    expect(shown.entries[0].before).toMatchObject({ id: goneId, name: gone.name, phone: gone.phone, email: gone.email });
    expect(shown.entries[0].after).toMatchObject({ id: goneId, name: gone.name, phone: newPhone });
    const subject = await t.getJson('admin', `/api/contact-persons/${goneId}/export`);
    const actorCreate = subject.audit.find((e: { entity: string; action: string }) => e.entity === 'actor' && e.action === 'create');
    expect(personIn(actorCreate.after, goneId)).toMatchObject({ name: gone.name, email: gone.email });
    expect(subject.audit.map((e: { action: string; entity: string }) => `${e.entity} ${e.action}`))
      .toEqual(['actor create', 'contact_person update', 'actor update', 'contact_person export']);

    expect((await t.request('admin', 'POST', `/api/contact-persons/${goneId}/inactivate`)).status).toBe(200);
    t.setNow(days(AFTER_RETENTION));
    res = await t.request('admin', 'POST', '/api/contact-persons/purge');
    expect((await res.json()).ids).toContain(goneId);

    const answers = await auditAnswers(goneId, actorId);
    for (const s of secrets(gone, newPhone)) {
      for (const a of answers) expectAbsent(a, s);
      expect(await storedMentions(s)).toBe(0);
    }
    expect(await t.db.query('SELECT 1 FROM audit_personal WHERE contact_person_id = $1', [goneId])).toHaveLength(0);

    // the trail stays: what happened to whom, by id
    const own = await t.getJson('admin', `/api/audit?entity=contact_person&entity_id=${goneId}&limit=1000`);
    expect(own.entries.map((e: { action: string }) => e.action).reverse()).toEqual(['update', 'export', 'export', 'update', 'purge']);
    const patch = own.entries.find((e: { details: unknown; action: string }) => e.action === 'update' && e.details === null);
    expect(patch.before).toMatchObject({ id: goneId, name: ERASED, role: ERASED, phone: ERASED, email: ERASED, note: ERASED, version: 1 });
    expect(patch.after).toMatchObject({ id: goneId, name: ERASED, phone: ERASED, version: 2 });
    expect(own.entries[0].details).toMatchObject({ audit_values_erased: 5 });
    const actorEntries = await t.getJson('admin', `/api/audit?entity=actor&entity_id=${actorId}`);
    expect(actorEntries.entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    for (const e of actorEntries.entries) {
      for (const doc of [e.before, e.after].filter(Boolean)) {
        expect(personIn(doc, goneId)).toEqual({ id: goneId, name: ERASED, role: ERASED, phone: ERASED, email: ERASED });
        // the colleague who was not purged is still shown
        expect(personIn(doc, keptId)).toMatchObject({ name: kept.name, email: kept.email });
      }
    }
    const colleague = await t.getJson('admin', `/api/contact-persons/${keptId}/export`);
    expect(JSON.stringify(colleague)).toContain(kept.email);
    expect(JSON.stringify(colleague)).not.toContain(gone.email);

    // no other role reads the audit
    expect((await t.request('editor', 'GET', '/api/audit')).status).toBe(403);
    expect((await t.request('viewer', 'GET', '/api/audit')).status).toBe(403);
    expect((await t.request('anonymous', 'GET', '/api/audit')).status).toBe(401);
  });

  it('erases persons deleted otherwise (alone or with their actor) once their last entry is older than the retention', { timeout: 60_000 }, async () => {
    t.setNow(T0);
    const alone = person('Aloneq');
    const withActor = person('Withactorq');
    const { actorId } = await createActor('Förening Kvar', []);
    let res = await t.request('editor', 'POST', `/api/actors/${actorId}/contact-persons`, alone);
    expect(res.status).toBe(201);
    const aloneId = (await res.json()).id;
    expect((await t.request('editor', 'DELETE', `/api/contact-persons/${aloneId}`, undefined, { 'if-match': '"1"' })).status).toBe(204);
    const doomed = await createActor('Förening Borta', [withActor]);
    expect((await t.request('editor', 'DELETE', `/api/actors/${doomed.actorId}`, undefined, { 'if-match': '"1"' })).status).toBe(204);

    // within the retention the trail still shows what was deleted
    t.setNow(days(1));
    expect((await t.request('admin', 'POST', '/api/contact-persons/purge')).status).toBe(200);
    const deletion = await t.getJson('admin', `/api/audit?entity=contact_person&entity_id=${aloneId}&action=delete`);
    expect(deletion.entries[0].before).toMatchObject({ name: alone.name, email: alone.email });
    expect(await storedMentions(withActor.email)).toBe(2);

    t.setNow(days(AFTER_RETENTION));
    expect((await t.request('admin', 'POST', '/api/contact-persons/purge')).status).toBe(200);
    const answers = await auditAnswers(aloneId, doomed.actorId);
    for (const s of [...secrets(alone), ...secrets(withActor)]) {
      for (const a of answers) expectAbsent(a, s);
      expect(await storedMentions(s)).toBe(0);
    }
    const after = await t.getJson('admin', `/api/audit?entity=contact_person&entity_id=${aloneId}`);
    expect(after.entries.map((e: { action: string }) => e.action)).toEqual(['purge', 'delete', 'create']);
    expect(after.entries[0].details).toMatchObject({ reason: 'deleted before', audit_values_erased: 2 });
    expect(after.entries[1].before).toMatchObject({ id: aloneId, name: ERASED, email: ERASED });
    const actorDelete = await t.getJson('admin', `/api/audit?entity=actor&entity_id=${doomed.actorId}&action=delete`);
    expect(personIn(actorDelete.entries[0].before, doomed.personIds[0]!)).toMatchObject({ name: ERASED, email: ERASED });
  });

  it('keeps held values unchangeable, and deletable only once their person is gone', async () => {
    t.setNow(T0);
    const { personIds: [id] } = await createActor('Förening Skydd', [person('Guardq')]);
    await expect(t.db.query('UPDATE audit_personal SET "values" = \'{}\' WHERE contact_person_id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_personal WHERE contact_person_id = $1', [id])).rejects.toThrow(/kept while the person exists/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('an inactivated contact person', () => {
  it('is unknown (404) to viewers and editors, readable by admins, and absent from every list', { timeout: 120_000 }, async () => {
    t.setNow(T0);
    const hidden = person('Hiddenq');
    const { actorId, unitId, personIds: [id] } = await createActor('Förening Dold', [hidden]);
    const lists = [
      `/api/actors/${actorId}`, '/api/actors?q=F%C3%B6rening%20Dold&limit=1000', `/api/units/${unitId}/contacts`,
      `/api/units/${unitId}/contacts/export?format=csv`, `/api/units/${unitId}/contacts/export?format=vcf`,
      '/api/exports/actors?format=geojson', '/api/exports/actors?format=csv', `/ogc/collections/actors/items/${actorId}`,
    ];
    const bodies = async (role: 'viewer' | 'editor' | 'admin') => {
      const out: string[] = [];
      for (const path of lists) {
        const res = await t.request(role, 'GET', path);
        expect(res.status, path).toBe(200);
        out.push(await res.text());
      }
      return out;
    };
    // the lists that show contact persons show this one while active
    const shown = await bodies('viewer');
    for (const i of [0, 1, 2, 3, 4]) expect(shown[i], lists[i]).toContain(hidden.email);

    expect((await t.request('admin', 'POST', `/api/contact-persons/${id}/inactivate`)).status).toBe(200);
    for (const role of ['viewer', 'editor'] as const) {
      expect((await t.request(role, 'GET', `/api/contact-persons/${id}`)).status).toBe(404);
      for (const [i, body] of (await bodies(role)).entries()) {
        expect(body, `${role} ${lists[i]}`).not.toContain('Hiddenq');
        for (const s of secrets(hidden)) expectAbsent(body, s);
      }
    }
    expect((await t.request('editor', 'PATCH', `/api/contact-persons/${id}`, { phone: '031-1' }, { 'if-match': '"2"' })).status).toBe(404);
    expect((await t.request('editor', 'DELETE', `/api/contact-persons/${id}`, undefined, { 'if-match': '"2"' })).status).toBe(404);
    expect((await t.request('anonymous', 'GET', `/api/contact-persons/${id}`)).status).toBe(401);

    const admin = await t.request('admin', 'GET', `/api/contact-persons/${id}`);
    expect(admin.status).toBe(200);
    expect(await admin.json()).toMatchObject({ id, name: hidden.name, email: hidden.email, active: false });
    // hidden in lists from administrators too: they reach the person by id or the data-subject export
    for (const body of await bodies('admin')) expect(body).not.toContain('Hiddenq');
    expect((await t.request('admin', 'GET', `/api/contact-persons/${id}/export`)).status).toBe(200);
  });
});

describe('migration 0012', () => {
  it('moves personal values out of existing entries, drops those of purged persons, and leaves other entries alone', { timeout: 120_000 }, async () => {
    const m = await createTestContext();
    const [p] = await m.db.query<{ id: number; actor_id: number }>('SELECT id, actor_id FROM contact_persons ORDER BY id LIMIT 1');
    const held = person('Heldq');
    const purged = person('Oldpurgedq');
    const purgedId = 99_999_001;
    // the database as it was before: entries holding values, and no audit_personal
    await m.db.exec(`
      DROP TABLE audit_personal; DROP FUNCTION ps_audit_personal_guard();
      DELETE FROM schema_migrations WHERE version = 12;`);
    const legacy = async (action: string, entity: string, entityId: string | null, before: unknown, after: unknown, details: unknown = null) => {
      const [row] = await m.db.query<{ id: number }>(
        'INSERT INTO audit_log (at, action, entity, entity_id, before, after, details) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb) RETURNING id::int AS id',
        [T0.toISOString(), action, entity, entityId, JSON.stringify(before), JSON.stringify(after), JSON.stringify(details)]);
      return row!.id;
    };
    const record = (id: number, v: ReturnType<typeof person>) => ({ id, actor_id: p!.actor_id, ...v, active: true, version: 1 });
    const inList = (id: number, v: ReturnType<typeof person>) => ({ id, name: v.name, role: v.role, phone: v.phone, email: v.email });
    const update = await legacy('update', 'contact_person', String(p!.id), record(p!.id, held), { ...record(p!.id, held), phone: null, version: 2 });
    const actor = await legacy('update', 'actor', String(p!.actor_id), null,
      { type: 'Feature', id: p!.actor_id, properties: { name: 'Aktör Kvar', contact_persons: [inList(p!.id, held), inList(purgedId, purged)] } });
    await legacy('delete', 'contact_person', String(purgedId), record(purgedId, purged), null);
    await legacy('purge', 'contact_person', String(purgedId), null, null, { retention_days: 90 });
    const unit = await legacy('update', 'unit', '1', { name: 'Enheten Heldq', contact_name: 'Kvar Heldq' }, { name: 'Enheten Heldq 2' });
    const inactivate = await legacy('update', 'contact_person', String(p!.id), { active: true, version: 1 }, { active: false, version: 2 }, { reason: 'inactivated' });

    await migrate(m.db);
    expect(await m.db.query('SELECT 1 FROM schema_migrations WHERE version = 12')).toHaveLength(1);
    for (const s of [...secrets(held), ...secrets(purged)].filter((s) => s !== 'Heldq')) {
      const [n] = await m.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE strpos(concat_ws(\' \', before::text, after::text), $1) > 0', [escaped(s)]);
      expect(n!.n, s).toBe(0);
    }
    for (const s of secrets(purged)) expect(await m.db.query('SELECT 1 FROM audit_personal WHERE strpos("values"::text, $1) > 0', [escaped(s)])).toHaveLength(0);
    const rows = await m.db.query<{ audit_id: number; contact_person_id: number; side: string; values: unknown }>(
      'SELECT audit_id::int AS audit_id, contact_person_id, side, "values" FROM audit_personal ORDER BY audit_id, side');
    expect(rows).toEqual([
      { audit_id: update, contact_person_id: p!.id, side: 'after', values: { name: held.name, role: held.role, email: held.email, note: held.note } },
      { audit_id: update, contact_person_id: p!.id, side: 'before', values: { name: held.name, role: held.role, phone: held.phone, email: held.email, note: held.note } },
      { audit_id: actor, contact_person_id: p!.id, side: 'after', values: { name: held.name, role: held.role, phone: held.phone, email: held.email } },
    ]);

    // read back through the API: the held person's values shown, the purged one's erased, other entries as they were
    const all = await m.getJson('admin', '/api/audit?limit=1000');
    const byId = new Map(all.entries.map((e: { id: number }) => [e.id, e]));
    expect((byId.get(update) as { before: unknown }).before).toEqual(record(p!.id, held));
    expect((byId.get(update) as { after: unknown }).after).toEqual({ ...record(p!.id, held), phone: null, version: 2 });
    expect((byId.get(actor) as { after: { properties: unknown } }).after.properties).toEqual({
      name: 'Aktör Kvar', contact_persons: [inList(p!.id, held), { id: purgedId, name: ERASED, role: ERASED, phone: ERASED, email: ERASED }],
    });
    expect(byId.get(unit)).toMatchObject({ before: { name: 'Enheten Heldq', contact_name: 'Kvar Heldq' }, after: { name: 'Enheten Heldq 2' } });
    expect(byId.get(inactivate)).toMatchObject({ before: { active: true, version: 1 }, after: { active: false, version: 2 } });
    await expect(m.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('backups', () => {
  it('carry the held personal values, so a restored trail still shows them until the purge', { timeout: 120_000 }, async () => {
    const b = await createTestContext();
    b.setNow(T0);
    const p = person('Backupq');
    const [u] = await b.db.query<{ lon: number; lat: number }>('SELECT ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units ORDER BY id LIMIT 1');
    const point = { type: 'Point', coordinates: [u!.lon, u!.lat] };
    const res = await b.request('editor', 'POST', '/api/actors', { type: 'Feature', geometry: point, properties: { name: 'Förening Säkrad', category: 'association', contact_persons: [p] } });
    expect(res.status).toBe(201);
    const held = async () => b.db.query('SELECT audit_id::int AS audit_id, contact_person_id, side, "values" FROM audit_personal ORDER BY 1, 2, 3');
    const before = await held();
    expect(before.length).toBeGreaterThan(0);
    const backup = JSON.parse(JSON.stringify(await backupDatabase(b.db)));
    expect(backup.tables.map((x: { name: string }) => x.name)).toContain('audit_personal');
    await b.db.query(`TRUNCATE ${(await tablesInDependencyOrder(b.db)).map(ident).join(', ')} RESTART IDENTITY CASCADE`);
    await restoreDatabase(b.db, backup);
    expect(await held()).toEqual(before);
    expect(await b.getJson('admin', '/api/audit?entity=actor&action=create')).toMatchObject({ entries: [{ after: { properties: { contact_persons: [{ email: p.email }] } } }] });
  });
});
