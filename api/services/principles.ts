import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { PRINCIPLES } from '../schemas/outreach.js';
import { unitExists } from './activities.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { staleVersion } from './versions.js';

const prinList = statement('principle_list', ['unit_id']);
const ENTRY = ['status', 'evidence', 'last_reviewed', 'who', 'now'] as const;
const prinInsert = statement('principle_insert', ['unit_id', 'principle', ...ENTRY]);
const prinUpdate = statement('principle_update', ['unit_id', 'principle', 'version', ...ENTRY]);

export type PrincipleStatus = 'not_started' | 'in_progress' | 'in_place';

export interface PrincipleEntry {
  principle: number; title_sv: string; title_en: string; status: PrincipleStatus;
  evidence: string | null; last_reviewed: string | null; version: number; updated_at: string | null;
}

type Row = Omit<PrincipleEntry, 'title_sv' | 'title_en'>;

/** The five entries of a unit, with titles (404 for an unknown unit). */
export async function listPrinciples(ctx: RequestContext, unitId: number): Promise<PrincipleEntry[]> {
  const entries = await readPrinciples(ctx.db, unitId);
  if (!entries) throw notFound('unit', unitId);
  return entries;
}

/** The five entries of a unit, with titles; undefined for an unknown unit. */
async function readPrinciples(db: Queryable, unitId: number): Promise<PrincipleEntry[] | undefined> {
  if (!(await unitExists.one(db, { unit_id: unitId }))) return undefined;
  const rows = await prinList.run<Row>(db, { unit_id: unitId });
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
  ctx: RequestContext, unitId: number, principle: number, version: number | undefined,
  body: { status: PrincipleStatus; evidence: string | null; last_reviewed: string | null },
): Promise<PrincipleEntry> {
  const user = writerOf(ctx);
  const now = ctx.now;
  return ctx.db.transaction(async (tx) => {
    const before = (await readPrinciples(tx, unitId))?.[principle - 1];
    if (!before) throw notFound('unit', unitId);
    const entry = { status: body.status, evidence: body.evidence, last_reviewed: body.last_reviewed, who: user.email, now: now.toISOString() };
    let row: { version: number } | undefined;
    if (before.version === 0) {
      if (version !== undefined && version !== 0) throw staleVersion(`principle ${principle} of unit`, unitId);
      row = await prinInsert.one<{ version: number }>(tx, { unit_id: unitId, principle, ...entry });
    } else {
      if (version === undefined) throw new ApiError('precondition_required', 'If-Match is required: send the ETag from your last read of this principle entry.');
      row = await prinUpdate.one<{ version: number }>(tx, { unit_id: unitId, principle, version, ...entry });
    }
    if (!row) throw staleVersion(`principle ${principle} of unit`, unitId);
    const after = (await readPrinciples(tx, unitId))![principle - 1]!;
    await audit(tx, {
      at: now, user, action: before.version === 0 ? 'create' : 'update', entity: 'unit_principle', entityId: `${unitId}/${principle}`,
      before: before.version === 0 ? undefined : before, after,
    });
    return after;
  });
}
