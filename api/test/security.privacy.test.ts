/** Data-subject requests about contact persons, and the audit log's search and immutability. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.js';
import { createTestContext } from './harness.js';

const t = await createTestContext();
const T0 = new Date('2026-04-01T10:00:00Z');
const days = (d: number) => new Date(T0.getTime() + d * 86_400_000);

/** A contact person of an actor inside the outer ring of some unit, with that unit's id. */
async function personNearUnit(): Promise<{ personId: number; unitId: number; name: string }> {
  const [row] = await t.db.query<{ person_id: number; unit_id: number; name: string }>(`
    SELECT cp.id AS person_id, u.id AS unit_id, cp.name
    FROM contact_persons cp JOIN actors a ON a.id = cp.actor_id
    JOIN units_effective u ON ST_DWithin(u.location, a.location, u.r_area)
    WHERE cp.active ORDER BY cp.id, u.id LIMIT 1`);
  return { personId: row!.person_id, unitId: row!.unit_id, name: row!.name };
}

const contactPersonIds = async (unitId: number): Promise<(number | string)[]> => {
  const fc = await t.getJson('viewer', `/api/units/${unitId}/contacts`);
  return fc.features.flatMap((f: { properties: { contact_persons: { id?: number; name: string }[] } }) => f.properties.contact_persons.map((p) => p.id ?? p.name));
};

describe('data-subject requests', () => {
  it('exports everything about one person as JSON and CSV, audited', async () => {
    t.setNow(T0);
    const { personId, name } = await personNearUnit();
    const res = await t.request('admin', 'GET', `/api/contact-persons/${personId}/export`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['audit', 'contact_person']);
    expect(body.contact_person).toMatchObject({ id: personId, name, active: true, actor_name: expect.any(String) });
    expect(Object.keys(body.contact_person).sort()).toEqual(
      ['active', 'actor_id', 'actor_name', 'created_at', 'email', 'id', 'inactivated_at', 'name', 'note', 'phone', 'role', 'updated_at', 'version']);
    const csv = await t.request('admin', 'GET', `/api/contact-persons/${personId}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['section', 'field', 'value']);
    expect(rows).toContainEqual(['contact_person', 'name', name]);
    // the first export now appears in the second one's audit section
    expect(rows.some((r) => /^audit \d+$/.test(r[0]!) && r[1] === 'action' && r[2] === 'export')).toBe(true);
    const [n] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'export' AND entity = 'contact_person' AND entity_id = $1", [String(personId)]);
    expect(n!.n).toBe(2);
  });

  it('is for admins only, and 404 for unknown persons, 400 for a bad format', async () => {
    const { personId } = await personNearUnit();
    expect((await t.request('editor', 'GET', `/api/contact-persons/${personId}/export`)).status).toBe(403);
    expect((await t.request('editor', 'POST', `/api/contact-persons/${personId}/inactivate`)).status).toBe(403);
    expect((await t.request('editor', 'POST', '/api/contact-persons/purge')).status).toBe(403);
    expect((await t.request('admin', 'GET', '/api/contact-persons/99999999/export')).status).toBe(404);
    expect((await t.request('admin', 'GET', `/api/contact-persons/${personId}/export?format=xml`)).status).toBe(400);
  });

  it('inactivating hides the person at once from contacts, and is audited', async () => {
    t.setNow(T0);
    const { personId, unitId, name } = await personNearUnit();
    const before = await contactPersonIds(unitId);
    expect(before.some((x) => x === personId || x === name)).toBe(true);
    const res = await t.request('admin', 'POST', `/api/contact-persons/${personId}/inactivate`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: personId, active: false, inactivated_at: T0.toISOString() });
    const after = await contactPersonIds(unitId);
    expect(after.includes(personId)).toBe(false);
    expect(after.length).toBe(before.length - 1);
    const entries = await t.getJson('admin', `/api/audit?entity=contact_person&entity_id=${personId}&action=update`);
    expect(entries.number_matched).toBe(1);
    expect(entries.entries[0].after).toMatchObject({ active: false });
  });

  it(`purges inactive persons only after the retention (default ${DEFAULTS.contactPersonRetentionDays} days)`, async () => {
    t.setNow(T0);
    const [p] = await t.db.query<{ id: number; name: string; email: string }>('SELECT id, name, email FROM contact_persons WHERE active AND email IS NOT NULL ORDER BY id DESC LIMIT 1');
    t.setNow(T0);
    expect((await t.request('admin', 'POST', `/api/contact-persons/${p!.id}/inactivate`)).status).toBe(200);
    t.setNow(days(DEFAULTS.contactPersonRetentionDays - 1));
    let res = await t.request('admin', 'POST', '/api/contact-persons/purge');
    expect(res.status).toBe(200);
    expect((await res.json()).ids).not.toContain(p!.id);
    t.setNow(days(DEFAULTS.contactPersonRetentionDays + 1));
    res = await t.request('admin', 'POST', '/api/contact-persons/purge');
    const body = await res.json();
    expect(body.retention_days).toBe(DEFAULTS.contactPersonRetentionDays);
    expect(body.ids).toContain(p!.id);
    expect(await t.db.query('SELECT 1 FROM contact_persons WHERE id = $1', [p!.id])).toHaveLength(0);
    const activeLeft = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_persons WHERE active');
    expect(activeLeft[0]!.n).toBeGreaterThan(0);
    const purge = await t.getJson('admin', `/api/audit?action=purge&entity_id=${p!.id}`);
    expect(purge.number_matched).toBe(1);
    expect(JSON.stringify(purge.entries[0])).not.toContain(p!.email);
    expect(JSON.stringify(purge.entries[0])).not.toContain(p!.name);
  });

  it('uses the configured retention when an administrator set one', async () => {
    await t.db.query("INSERT INTO settings (key, value) VALUES ('contact_person_retention_days', '3') ON CONFLICT (key) DO UPDATE SET value = '3'");
    const [p] = await t.db.query<{ id: number }>('SELECT id FROM contact_persons WHERE active ORDER BY id LIMIT 1 OFFSET 5');
    t.setNow(T0);
    await t.request('admin', 'POST', `/api/contact-persons/${p!.id}/inactivate`);
    t.setNow(days(4));
    const body = await (await t.request('admin', 'POST', '/api/contact-persons/purge')).json();
    expect(body.retention_days).toBe(3);
    expect(body.ids).toContain(p!.id);
    await t.db.query("DELETE FROM settings WHERE key = 'contact_person_retention_days'");
  });
});

describe('audit log', () => {
  it('is searchable by admins with filters and paging', async () => {
    const all = await t.getJson('admin', '/api/audit?limit=5');
    expect(all.entries.length).toBeLessThanOrEqual(5);
    expect(all.number_matched).toBeGreaterThan(0);
    const exports = await t.getJson('admin', '/api/audit?action=export&entity=contact_person');
    for (const e of exports.entries) expect(e).toMatchObject({ action: 'export', entity: 'contact_person' });
    const early = await t.getJson('admin', '/api/audit?to=2000-01-01T00:00:00Z');
    expect(early.number_matched).toBe(0);
    const ranged = await t.getJson('admin', `/api/audit?from=${encodeURIComponent(T0.toISOString())}&to=${encodeURIComponent(days(1).toISOString())}`);
    for (const e of ranged.entries) expect(e.at >= T0.toISOString() && e.at < days(1).toISOString()).toBe(true);
    expect((await t.request('admin', 'GET', '/api/audit?action=drop')).status).toBe(400);
    expect((await t.request('admin', 'GET', '/api/audit?from=yesterday')).status).toBe(400);
    expect((await t.request('admin', 'GET', '/api/audit?limit=100000')).status).toBe(400);
    expect((await t.request('admin', 'GET', '/api/audit?sort=id')).status).toBe(400);
    expect((await t.request('editor', 'GET', '/api/audit')).status).toBe(403);
  });

  it('cannot be changed through the API', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await t.request('admin', method, '/api/audit', method === 'DELETE' ? undefined : {});
      expect([404, 405]).toContain(res.status);
    }
    expect((await t.request('admin', 'DELETE', '/api/audit/1')).status).toBe(404);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(t.db.query("UPDATE audit_log SET action = 'create'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(n!.n).toBeGreaterThan(0);
  });
});
