import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import { audit, erasePersonalValues, withPersonalValues } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { toCsv } from './csv.js';

const personById = statement('privacy_person', ['id']);
const personAudit = statement('privacy_person_audit', ['id', 'id_text']);
const personInactivate = statement('privacy_inactivate', ['id', 'now']);
const retentionSetting = statement('privacy_retention', []);
const personsPurge = statement('privacy_purge', ['now', 'retention_days']);

export interface ContactPersonRecord {
  id: number; actor_id: number; actor_name: string; name: string; role: string | null; phone: string | null;
  email: string | null; note: string | null; active: boolean; inactivated_at: string | null; version: number;
  created_at: string; updated_at: string;
}

export interface AuditMention {
  id: number; at: string; user_email: string | null; action: string; entity: string; entity_id: string | null;
  before: unknown; after: unknown; details: unknown;
}

export interface SubjectExport { contact_person: ContactPersonRecord; audit: AuditMention[] }

/**
 * Everything stored about one contact person (data-subject access request): the
 * record, its actor's name, and the audit entries that mention them. The export is
 * itself audited (a bulk export of contact data).
 */
export async function exportContactPerson(ctx: RequestContext, id: number, format: string): Promise<SubjectExport> {
  const { db, now } = ctx;
  const actor = writerOf(ctx);
  return db.transaction(async (tx) => {
    const person = await personById.one<ContactPersonRecord>(tx, { id });
    if (!person) throw notFound('contact person', id);
    const mentions = await withPersonalValues(tx, await personAudit.run<AuditMention>(tx, { id, id_text: String(id) }));
    await audit(tx, { at: now, user: actor, action: 'export', entity: 'contact_person', entityId: id, details: { format, reason: 'data-subject request' } });
    return { contact_person: person, audit: mentions };
  });
}

/** Inactivates a contact person (hidden at once); already inactive ones are returned unchanged. */
export async function inactivateContactPerson(ctx: RequestContext, id: number): Promise<ContactPersonRecord> {
  const { db, now } = ctx;
  const actor = writerOf(ctx);
  return db.transaction(async (tx) => {
    const before = await personById.one<ContactPersonRecord>(tx, { id });
    if (!before) throw notFound('contact person', id);
    if (!before.active) return before;
    await personInactivate.run(tx, { id, now: now.toISOString() });
    const after = await personById.one<ContactPersonRecord>(tx, { id });
    await audit(tx, {
      at: now, user: actor, action: 'update', entity: 'contact_person', entityId: id,
      before: { active: true, version: before.version }, after: { active: false, inactivated_at: after!.inactivated_at, version: after!.version },
      details: { reason: 'inactivated' },
    });
    return after!;
  });
}

/** The retention of inactive contact persons in days: the setting, else the default. */
export async function retentionDays(db: Queryable): Promise<number> {
  const row = await retentionSetting.one<{ days: number | null }>(db, {});
  return row?.days ?? DEFAULTS.contactPersonRetentionDays;
}

/**
 * Deletes contact persons inactive for longer than the retention, and erases their
 * personal values from the audit trail (the entries stay, by id, reading
 * "[raderad]"); so too the values of persons deleted otherwise whose last audit
 * entry is older than the retention. Each erasure is audited without the person's data.
 */
export async function purgeContactPersons(ctx: RequestContext): Promise<{ purged: number; retention_days: number; ids: number[] }> {
  const { db, now } = ctx;
  const actor = writerOf(ctx);
  return db.transaction(async (tx) => {
    const days = await retentionDays(tx);
    const rows = await personsPurge.run<{ id: number; actor_id: number; inactivated_at: string }>(tx, { now: now.toISOString(), retention_days: days });
    const erased = await erasePersonalValues(tx, rows.map((r) => r.id), now, days);
    for (const r of rows) {
      await audit(tx, {
        at: now, user: actor, action: 'purge', entity: 'contact_person', entityId: r.id,
        details: { actor_id: r.actor_id, inactivated_at: r.inactivated_at, retention_days: days, audit_values_erased: erased.get(r.id) ?? 0 },
      });
      erased.delete(r.id);
    }
    for (const [id, n] of erased) {
      await audit(tx, {
        at: now, user: actor, action: 'purge', entity: 'contact_person', entityId: id,
        details: { reason: 'deleted before', retention_days: days, audit_values_erased: n },
      });
    }
    return { purged: rows.length, retention_days: days, ids: rows.map((r) => r.id) };
  });
}

/** The export as CSV (api/services/csv.ts): one `section,field,value` row per stored value. */
export function exportToCsv(e: SubjectExport): string {
  const rows: unknown[][] = [];
  for (const [k, v] of Object.entries(e.contact_person)) rows.push(['contact_person', k, v]);
  for (const a of e.audit) for (const [k, v] of Object.entries(a)) rows.push([`audit ${a.id}`, k, v]);
  return toCsv(['section', 'field', 'value'], rows);
}

