/**
 * Versioned writes of actors, contact persons and child places: the same steps for
 * each (read before, write if the version still matches, read after, audit — all in
 * one transaction), described once here and parameterised by the record's SQL.
 */
import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { notFound } from '../errors.js';
import { staleVersion } from '../http/conditional.js';
import { audit } from './audit.js';
import type { WriteContext } from './units.js';

export interface RecordKind<Row, Out> {
  /** The audit entity name, also used in messages ("No actor with id 7."). */
  entity: string;
  get: string;
  insert: string;
  update: string;
  remove: string;
  present(row: Row): Out;
  /** Whether `user` may see this record at all; hidden records answer as unknown (404). Default: everyone. */
  visibleTo?(row: Row, user: CurrentUser | undefined): boolean;
}

/** Reads one record as presented to clients, or undefined when there is none or `user` may not see it. */
export async function readRecord<Row, Out>(db: Queryable, kind: RecordKind<Row, Out>, id: number, user: CurrentUser | undefined): Promise<Out | undefined> {
  const [row] = await db.query<Row>(query(kind.get), [id]);
  if (!row || (kind.visibleTo && !kind.visibleTo(row, user))) return undefined;
  return kind.present(row);
}

/** Inserts with `insertParams` (the record's SQL decides their order), audits, returns the new record. */
export async function createRecord<Row, Out>(
  w: WriteContext, kind: RecordKind<Row, Out>, insertParams: unknown[], afterInsert?: (tx: Queryable, id: number) => Promise<void>,
): Promise<Out> {
  return w.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(query(kind.insert), insertParams);
    await afterInsert?.(tx, row!.id);
    const after = (await readRecord(tx, kind, row!.id, w.user))!;
    await audit(tx, { at: w.now, user: w.user, action: 'create', entity: kind.entity, entityId: row!.id, after });
    return after;
  });
}

/** Updates when `version` still matches (404 unknown, 412 stale), audits before and after. */
export async function updateRecord<Row, Out>(
  w: WriteContext, kind: RecordKind<Row, Out>, id: number, version: number, updateParams: unknown[],
): Promise<Out> {
  return w.db.transaction(async (tx) => {
    const before = await readRecord(tx, kind, id, w.user);
    if (!before) throw notFound(kind.entity.replace('_', ' '), id);
    const [row] = await tx.query<{ id: number }>(query(kind.update), [id, version, ...updateParams]);
    if (!row) throw staleVersion(kind.entity.replace('_', ' '), id);
    const after = (await readRecord(tx, kind, id, w.user))!;
    await audit(tx, { at: w.now, user: w.user, action: 'update', entity: kind.entity, entityId: id, before, after });
    return after;
  });
}

/** Deletes when `version` still matches (404 unknown, 412 stale), audits the before state. */
export async function deleteRecord<Row, Out>(w: WriteContext, kind: RecordKind<Row, Out>, id: number, version: number): Promise<void> {
  await w.db.transaction(async (tx) => {
    const before = await readRecord(tx, kind, id, w.user);
    if (!before) throw notFound(kind.entity.replace('_', ' '), id);
    const [row] = await tx.query<{ id: number }>(query(kind.remove), [id, version]);
    if (!row) throw staleVersion(kind.entity.replace('_', ' '), id);
    await audit(tx, { at: w.now, user: w.user, action: 'delete', entity: kind.entity, entityId: id, before });
  });
}

type Geometry = { type: 'Point'; coordinates: [number, number] };

/** Actors as GeoJSON Features, with their active contact persons. */
export const ACTOR: RecordKind<Record<string, unknown> & { id: number; geometry: Geometry }, { type: 'Feature'; id: number; geometry: Geometry; properties: Record<string, unknown> }> = {
  entity: 'actor', get: 'rec_actor_get', insert: 'rec_actor_insert', update: 'rec_actor_update', remove: 'rec_actor_delete',
  present: ({ id, geometry, ...properties }) => ({ type: 'Feature', id, geometry, properties }),
};

/** Child places as GeoJSON Features. */
export const CHILD_PLACE: typeof ACTOR = {
  entity: 'child_place', get: 'rec_child_get', insert: 'rec_child_insert', update: 'rec_child_update', remove: 'rec_child_delete',
  present: ACTOR.present,
};

/**
 * Contact persons as plain records (they have no location of their own). An
 * inactivated person is hidden from everyone but administrators, who answer the
 * data-subject request; to others it is unknown, for reading and for writing.
 */
export const CONTACT_PERSON: RecordKind<Record<string, unknown> & { id: number; active: boolean }, Record<string, unknown>> = {
  entity: 'contact_person', get: 'rec_person_get', insert: 'rec_person_insert', update: 'rec_person_update', remove: 'rec_person_delete',
  present: (row) => row,
  visibleTo: (row, user) => row.active || user?.role === 'admin',
};
