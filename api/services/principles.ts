import { query } from '../db/sqlFiles.js';
import type { Database, Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { staleVersion } from './versions.js';
import { PRINCIPLES } from '../schemas/outreach.js';
import { audit } from './audit.js';

export type PrincipleStatus = 'not_started' | 'in_progress' | 'in_place';

export interface PrincipleEntry {
  principle: number; title_sv: string; title_en: string; status: PrincipleStatus;
  evidence: string | null; last_reviewed: string | null; version: number; updated_at: string | null;
}

type Row = Omit<PrincipleEntry, 'title_sv' | 'title_en'>;

/** The five entries of a unit, with titles; undefined for an unknown unit. */
export async function listPrinciples(db: Queryable, unitId: number): Promise<PrincipleEntry[] | undefined> {
  const [unit] = await db.query(query('act_unit_exists'), [unitId]);
  if (!unit) return undefined;
  const rows = await db.query<Row>(query('prin_list'), [unitId]);
  return rows.map((r) => {
    const p = PRINCIPLES[r.principle - 1]!;
    return { ...r, title_sv: p.title_sv, title_en: p.title_en };
  });
}

/**
 * Saves one principle entry. `version` is the If-Match version: required once the
 * entry exists (412 when stale); for the first save it may be absent or 0.
 */
export async function putPrinciple(
  db: Database, unitId: number, principle: number, version: number | undefined,
  body: { status: PrincipleStatus; evidence: string | null; last_reviewed: string | null }, user: CurrentUser, now: Date,
): Promise<PrincipleEntry> {
  return db.transaction(async (tx) => {
    const before = (await listPrinciples(tx, unitId))?.[principle - 1];
    if (!before) throw notFound('unit', unitId);
    const args = [body.status, body.evidence, body.last_reviewed, user.email, now.toISOString()];
    let row: { version: number } | undefined;
    if (before.version === 0) {
      if (version !== undefined && version !== 0) throw staleVersion(`principle ${principle} of unit`, unitId);
      [row] = await tx.query<{ version: number }>(query('prin_insert'), [unitId, principle, ...args]);
    } else {
      if (version === undefined) throw new ApiError('precondition_required', 'If-Match is required: send the ETag from your last read of this principle entry.');
      [row] = await tx.query<{ version: number }>(query('prin_update'), [unitId, principle, version, ...args]);
    }
    if (!row) throw staleVersion(`principle ${principle} of unit`, unitId);
    const after = (await listPrinciples(tx, unitId))![principle - 1]!;
    await audit(tx, {
      at: now, user, action: before.version === 0 ? 'create' : 'update', entity: 'unit_principle', entityId: `${unitId}/${principle}`,
      before: before.version === 0 ? undefined : before, after,
    });
    return after;
  });
}
