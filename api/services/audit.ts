import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';

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

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one entry to the audit log. Call it with the transaction that makes the
 * change (`tx`), so the change and its record commit or fail together.
 */
export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(query('audit_insert'), [
    e.at.toISOString(), e.user?.id ?? null, e.user?.email ?? null, e.action, e.entity,
    e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    json(e.before), json(e.after), json(e.details),
  ]);
}
