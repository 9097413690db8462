import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { notFound } from '../errors.js';
import { staleVersion } from '../http/conditional.js';
import type { Unit, UnitCreateInput, UnitPatchInput } from '../schemas/units.js';
import { audit } from './audit.js';
import type { Database } from '../db/types.js';

interface UnitRow {
  id: number; name: string; kind: Unit['properties']['kind']; status: Unit['properties']['status'];
  address: string | null; places: number; operator: string | null; description: string | null;
  contact_name: string | null; contact_phone: string | null; contact_email: string | null; contact_hours: string | null;
  r_immediate: number; r_neighbourhood: number; r_area: number; radii_custom: boolean;
  sensitivity: Unit['properties']['sensitivity']; is_demo: boolean; external_id: string | null; version: number;
  created_at: string; updated_at: string; coarse: boolean; geometry: Unit['geometry'];
}

function toFeature(r: UnitRow): Unit {
  return {
    type: 'Feature',
    id: r.id,
    geometry: r.geometry,
    properties: {
      name: r.name, kind: r.kind, status: r.status, address: r.address, places: r.places,
      operator: r.operator, description: r.description,
      contact_name: r.contact_name, contact_phone: r.contact_phone, contact_email: r.contact_email, contact_hours: r.contact_hours,
      radii: { immediate: r.r_immediate, neighbourhood: r.r_neighbourhood, area: r.r_area },
      radii_custom: r.radii_custom,
      sensitivity: r.sensitivity,
      location_precision: r.coarse ? 'coarse' : 'exact',
      is_demo: r.is_demo, external_id: r.external_id, version: r.version,
      created_at: r.created_at, updated_at: r.updated_at,
    },
  };
}

/** Every unit; restricted units coarsened unless `exact` (the caller has need-to-know). */
export async function listUnits(db: Queryable, exact: boolean): Promise<Unit[]> {
  return (await db.query<UnitRow>(query('units_list'), [exact, null])).map(toFeature);
}

/** One unit, or undefined. */
export async function getUnit(db: Queryable, id: number, exact: boolean): Promise<Unit | undefined> {
  const [row] = await db.query<UnitRow>(query('units_list'), [exact, id]);
  return row && toFeature(row);
}

/** Who changes what, and when: every write is audited in its own transaction. */
export interface WriteContext {
  db: Database;
  user: CurrentUser;
  now: Date;
}

/** Creates a unit and its audit entry in one transaction; returns it as editors see it. */
export async function createUnit(w: WriteContext, input: UnitCreateInput): Promise<Unit> {
  return w.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(query('units_insert'), [
      JSON.stringify(input.properties), JSON.stringify(input.geometry), w.now.toISOString(),
    ]);
    const unit = (await getUnit(tx, row!.id, true))!;
    await audit(tx, { at: w.now, user: w.user, action: 'create', entity: 'unit', entityId: unit.id, after: unit });
    return unit;
  });
}

/**
 * Applies a partial change if `version` is still current: 404 unknown, 412 stale.
 * The before and after states go to the audit log in the same transaction.
 */
export async function updateUnit(w: WriteContext, id: number, version: number, patch: UnitPatchInput): Promise<Unit> {
  return w.db.transaction(async (tx) => {
    const before = await getUnit(tx, id, true);
    if (!before) throw notFound('unit', id);
    const [row] = await tx.query<{ id: number }>(query('units_update'), [
      id, version, JSON.stringify(patch.properties ?? {}), patch.geometry ? JSON.stringify(patch.geometry) : null, w.now.toISOString(),
    ]);
    if (!row) throw staleVersion('unit', id);
    const after = (await getUnit(tx, id, true))!;
    await audit(tx, { at: w.now, user: w.user, action: 'update', entity: 'unit', entityId: id, before, after });
    return after;
  });
}

/** Removes a unit if `version` is still current: 404 unknown, 412 stale. */
export async function deleteUnit(w: WriteContext, id: number, version: number): Promise<void> {
  await w.db.transaction(async (tx) => {
    const before = await getUnit(tx, id, true);
    if (!before) throw notFound('unit', id);
    const [row] = await tx.query<{ id: number }>(query('units_delete'), [id, version]);
    if (!row) throw staleVersion('unit', id);
    await audit(tx, { at: w.now, user: w.user, action: 'delete', entity: 'unit', entityId: id, before });
  });
}
