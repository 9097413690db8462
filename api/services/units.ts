import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import type { Unit, UnitCreateInput, UnitDependentsT, UnitPatchInput } from '../schemas/units.js';
import { audit } from './audit.js';
import { seesExact, writerOf, type RequestContext } from './context.js';
import { auditExactRead, type ShownUnit } from './exactReads.js';
import { staleVersion } from './versions.js';

const unitsList = statement('unit_list', ['need_to_know', 'unit_id']);
const unitsInsert = statement('unit_insert', ['properties', 'geometry', 'now']);
const unitsUpdate = statement('unit_update', ['unit_id', 'version', 'properties', 'geometry', 'now']);
const unitsDelete = statement('unit_delete', ['unit_id', 'version']);
const unitsDependents = statement('unit_dependents', ['unit_id']);

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

/** How a unit feature was shown, for the exact-read audit. */
const shown = (u: Unit): ShownUnit => ({ id: u.id, restricted: u.properties.sensitivity === 'restricted', exact: u.properties.location_precision === 'exact' });

/** One unit as stored (exact), or undefined: for the writes, which are for need-to-know roles. */
const storedUnit = async (db: Queryable, id: number): Promise<Unit | undefined> => {
  const row = await unitsList.one<UnitRow>(db, { need_to_know: true, unit_id: id });
  return row && toFeature(row);
};

/** Every unit; restricted units coarsened unless the caller has need-to-know, whose read is audited. */
export async function listUnits(ctx: RequestContext, via: string): Promise<Unit[]> {
  const units = (await unitsList.run<UnitRow>(ctx.db, { need_to_know: seesExact(ctx), unit_id: null })).map(toFeature);
  await auditExactRead(ctx, units.map(shown), via);
  return units;
}

/** One unit as the caller may see it (404 when there is none); an exact read of a restricted one is audited. */
export async function getUnit(ctx: RequestContext, id: number, via: string): Promise<Unit> {
  const row = await unitsList.one<UnitRow>(ctx.db, { need_to_know: seesExact(ctx), unit_id: id });
  if (!row) throw notFound('unit', id);
  const unit = toFeature(row);
  await auditExactRead(ctx, [shown(unit)], via);
  return unit;
}

/** Creates a unit and its audit entry in one transaction; returns it as editors see it. */
export async function createUnit(ctx: RequestContext, input: UnitCreateInput): Promise<Unit> {
  const user = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await unitsInsert.one<{ id: number }>(tx, {
      properties: JSON.stringify(input.properties), geometry: JSON.stringify(input.geometry), now: ctx.now.toISOString(),
    });
    const unit = (await storedUnit(tx, row!.id))!;
    await audit(tx, { at: ctx.now, user, action: 'create', entity: 'unit', entityId: unit.id, after: unit });
    return unit;
  });
}

/**
 * Applies a partial change if `version` is still current: 404 unknown, 412 stale.
 * The before and after states go to the audit log in the same transaction.
 */
export async function updateUnit(ctx: RequestContext, id: number, version: number, patch: UnitPatchInput): Promise<Unit> {
  const user = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await storedUnit(tx, id);
    if (!before) throw notFound('unit', id);
    const row = await unitsUpdate.one<{ id: number }>(tx, {
      unit_id: id, version, properties: JSON.stringify(patch.properties ?? {}),
      geometry: patch.geometry ? JSON.stringify(patch.geometry) : null, now: ctx.now.toISOString(),
    });
    if (!row) throw staleVersion('unit', id);
    const after = (await storedUnit(tx, id))!;
    await audit(tx, { at: ctx.now, user, action: 'update', entity: 'unit', entityId: id, before, after });
    return after;
  });
}

/** Removes a unit if `version` is still current: 404 unknown, 412 stale. */
export async function deleteUnit(ctx: RequestContext, id: number, version: number): Promise<void> {
  const user = writerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await storedUnit(tx, id);
    if (!before) throw notFound('unit', id);
    const row = await unitsDelete.one<{ id: number }>(tx, { unit_id: id, version });
    if (!row) throw staleVersion('unit', id);
    await audit(tx, { at: ctx.now, user, action: 'delete', entity: 'unit', entityId: id, before });
  });
}

/** What removing a unit would take with it (its activities and principle entries), for the confirmation; 404 unknown. */
export async function unitDependents(ctx: RequestContext, id: number): Promise<UnitDependentsT> {
  const row = await unitsDependents.one<UnitDependentsT>(ctx.db, { unit_id: id });
  if (!row) throw notFound('unit', id);
  return row;
}
