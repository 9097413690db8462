import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { DEFAULTS } from '../config.js';
import type { RequestContext } from './context.js';
import type { CurrentUser } from '../env.js';

const auditInsert = statement('audit_insert', ['at', 'user_id', 'user_email', 'action', 'entity', 'entity_id', 'before', 'after', 'details', 'personal']);
const auditPersonalOf = statement('audit_personal_of', ['audit_ids']);
const auditSearch = statement('audit_search', ['entity', 'entity_id', 'user_id', 'action', 'from', 'to', 'limit', 'offset', 'fold_minutes']);
const auditPersonalPurge = statement('audit_personal_purge', ['purged', 'now', 'retention_days']);

export type AuditAction = 'create' | 'update' | 'delete' | 'read_exact' | 'export' | 'import' | 'login' | 'logout' | 'purge';

export interface AuditEntry {
  at: Date;
  user: Pick<CurrentUser, 'id' | 'email'> | undefined;
  action: AuditAction;
  /** The kind of record: 'unit', 'actor', 'contact_person', 'child_place', 'area', 'activity', 'user', … */
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

/**
 * The fields that identify a contact person. In the audit log they read
 * {@link ERASED}; their values are held apart (table audit_personal) so that a purge
 * can erase the person while the append-only log keeps what happened to whom by id.
 */
export const PERSONAL_FIELDS = ['name', 'role', 'phone', 'email', 'note'] as const;

/** What the audit log says in place of a contact person's personal value. */
export const ERASED = '[raderad]';

type Side = 'before' | 'after';
type Json = Record<string, unknown>;

/** One contact person's personal values in one side of one audit entry. */
interface PersonalValues { contact_person_id: number; side: Side; values: Json }

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const personId = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * Where contact persons sit in an entry's before or after: the whole document when
 * the entry is about a contact person, and each element of a `contact_persons` list,
 * at the top or in `properties` (an actor, a GeoJSON Feature, with its contact
 * persons). Returns the document with each person replaced by what `visit` makes of it.
 */
function eachPerson(entity: string, entityId: unknown, doc: unknown, visit: (person: Json, id: number) => Json): unknown {
  if (!isObject(doc)) return doc;
  const ownId = entity === 'contact_person' ? personId(entityId) : undefined;
  const list = (holder: Json): Json => {
    if (!Array.isArray(holder.contact_persons)) return holder;
    return {
      ...holder,
      contact_persons: holder.contact_persons.map((p: unknown) => {
        const id = isObject(p) ? personId(p.id) : undefined;
        return id === undefined ? p : visit(p as Json, id);
      }),
    };
  };
  const out = list(ownId === undefined ? doc : visit(doc, ownId));
  return isObject(out.properties) ? { ...out, properties: list(out.properties) } : out;
}

/** Splits a document into the form the log keeps and the personal values held apart. */
function separate(entity: string, entityId: unknown, side: Side, doc: unknown): { kept: unknown; personal: PersonalValues[] } {
  const personal: PersonalValues[] = [];
  const kept = eachPerson(entity, entityId, doc, (person, id) => {
    const values: Json = {};
    const masked: Json = { ...person };
    for (const f of PERSONAL_FIELDS) {
      if (person[f] === undefined || person[f] === null) continue;
      values[f] = person[f];
      masked[f] = ERASED;
    }
    if (Object.keys(values).length) personal.push({ contact_person_id: id, side, values });
    return masked;
  });
  return { kept, personal };
}

/**
 * Appends one entry to the audit log. Call it with the transaction that makes the
 * change (`tx`), so the change and its record commit or fail together. Contact
 * persons' personal values go to audit_personal in the same statement.
 */
export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  const entityId = e.entityId === undefined || e.entityId === null ? null : String(e.entityId);
  const before = separate(e.entity, entityId, 'before', e.before);
  const after = separate(e.entity, entityId, 'after', e.after);
  await auditInsert.run(tx, {
    at: e.at.toISOString(), user_id: e.user?.id ?? null, user_email: e.user?.email ?? null, action: e.action, entity: e.entity, entity_id: entityId,
    before: json(before.kept), after: json(after.kept), details: json(e.details), personal: JSON.stringify([...before.personal, ...after.personal]),
  });
}

/** An audit entry as read back: the log's row. */
export interface StoredEntry { id: number; entity: string; entity_id: string | null; before: unknown; after: unknown }

/**
 * Puts the personal values still held back into audit entries read from the log;
 * values of purged persons are gone, and their fields keep reading {@link ERASED}.
 */
export async function withPersonalValues<E extends StoredEntry>(db: Queryable, entries: E[]): Promise<E[]> {
  if (!entries.length) return entries;
  const rows = await auditPersonalOf.run<PersonalValues & { audit_id: number }>(db, { audit_ids: JSON.stringify(entries.map((e) => e.id)) });
  if (!rows.length) return entries;
  const held = new Map(rows.map((r) => [`${r.audit_id}:${r.side}:${r.contact_person_id}`, r.values]));
  const reveal = (e: E, side: Side) =>
    eachPerson(e.entity, e.entity_id, e[side], (person, id) => ({ ...person, ...held.get(`${e.id}:${side}:${id}`) }));
  return entries.map((e) => ({ ...e, before: reveal(e, 'before'), after: reveal(e, 'after') }));
}

/** Filters of {@link searchAudit}; each optional (null). */
export interface AuditFilters {
  entity: string | null; entityId: string | null; userId: number | null; action: string | null;
  from: string | null; to: string | null; limit: number; offset: number;
}

/** One audit entry as the API shows it; `count` > 1 when it stands for repeated exact reads since `first_at`. */
export interface AuditRecord extends StoredEntry {
  at: string; first_at: string; count: number; user_id: number | null; user_email: string | null; action: AuditAction; details: unknown;
}

/**
 * A page of the audit log, newest first, with the number of rows in all. Repeated exact
 * reads of the same units by one user within a session's idle time of each other are
 * folded into one row with their count, so one page load is one row, not one per request.
 */
export async function searchAudit(ctx: RequestContext, f: AuditFilters): Promise<{ entries: AuditRecord[]; total: number }> {
  const db = ctx.db;
  const params = (limit: number, offset: number) => ({ entity: f.entity, entity_id: f.entityId, user_id: f.userId, action: f.action, from: f.from, to: f.to, limit, offset, fold_minutes: DEFAULTS.sessionIdleMinutes });
  const rows = await auditSearch.run<AuditRecord & { total: number }>(db, params(f.limit, f.offset));
  // a page past the end has no row to carry the total
  const total = rows[0]?.total ?? (await auditSearch.one<{ total: number }>(db, params(1, 0)))?.total ?? 0;
  return { entries: await withPersonalValues(db, rows.map(({ total: _t, ...e }) => e)), total };
}

/**
 * Erases contact persons' personal values from the audit trail: those of `purged`
 * (just deleted), and of persons deleted otherwise whose last entry is older than
 * the retention. Returns how many values went, per person.
 */
export async function erasePersonalValues(tx: Queryable, purged: number[], now: Date, retentionDays: number): Promise<Map<number, number>> {
  const rows = await auditPersonalPurge.run<{ contact_person_id: number; entries: number }>(tx, {
    purged: JSON.stringify(purged), now: now.toISOString(), retention_days: retentionDays,
  });
  return new Map(rows.map((r) => [r.contact_person_id, r.entries]));
}
