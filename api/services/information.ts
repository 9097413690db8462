import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';

const infoNeedsExport = statement('info_needs_export', ['now', 'need_to_know', 'status', 'unit_id', 'kind']);

export interface InformationNeedRow {
  unit_id: number; unit_name: string; child_place_id: number; child_place_name: string; kind: string;
  stages: string; address: string | null; contact_name: string | null; contact_role: string | null;
  contact_phone: string | null; contact_email: string | null; distance_m: number | null;
  ring: string; priority: string; status: string; last_informed_at: string | null; due_at: string | null;
}

/**
 * Every (open or planned unit, child place inside its outer ring) pair with its
 * information status at `now`, for the CSV export. Without need-to-know (`exact`
 * false), restricted units are measured from their coarse location, as in every
 * proximity answer (ps_visible_location in SQL).
 */
export async function informationNeeds(
  db: Queryable, now: Date, exact: boolean, f: { status?: string; unitId?: number; kind?: string },
): Promise<InformationNeedRow[]> {
  return infoNeedsExport.run<InformationNeedRow>(db, { now: now.toISOString(), need_to_know: exact, status: f.status ?? null, unit_id: f.unitId ?? null, kind: f.kind ?? null });
}
