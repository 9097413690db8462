import { statement } from '../db/statements.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';

/** A unit as one answer showed it: whether it is restricted, and whether the answer used its exact location. */
export interface ShownUnit {
  id: number;
  restricted: boolean;
  exact: boolean;
}

const restrictedUnits = statement('prox_restricted_units', ['unit_ids']);

/**
 * Records that the caller read the exact location of restricted units (SECURITY.md:
 * such reads are logged): one `read_exact` entry per answer, naming every restricted
 * unit it showed exactly, on the primary database. Nothing when there was none, so
 * an answer about ordinary units, or one seen from coarse locations, costs no write.
 */
export async function auditExactRead(ctx: RequestContext, units: readonly ShownUnit[], via: string): Promise<void> {
  const ids = [...new Set(units.filter((u) => u.restricted && u.exact).map((u) => u.id))];
  if (!ids.length) return;
  await audit(ctx.db, {
    at: ctx.now, user: ctx.user, action: 'read_exact', entity: 'unit', entityId: ids.length === 1 ? ids[0] : null,
    details: { unit_ids: ids, via, role: ctx.user?.role },
  });
}

/**
 * The restricted units among `ids`, as shown to a caller who `exact`ly sees them: for
 * answers that carry unit ids without their sensitivity. Asks the primary only when the
 * answer was exact, since a coarse answer has nothing to audit.
 */
export async function shownUnitsOf(ctx: RequestContext, ids: readonly number[], exact: boolean): Promise<ShownUnit[]> {
  if (!exact || ids.length === 0) return [];
  const rows = await restrictedUnits.run<{ id: number }>(ctx.db, { unit_ids: [...new Set(ids)].join(',') });
  return rows.map((r) => ({ id: r.id, restricted: true, exact: true }));
}
