/**
 * Versioned writes of actors, contact persons and child places: the same steps for
 * each (read before, write if the version still matches, read after, audit — all in
 * one transaction), described once here and parameterised by the record's SQL.
 */
import { statement, type Statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { notFound } from '../errors.js';
import type {
  ActorCreateInput, ActorPatchInput, ChildPlaceCreateInput, ChildPlacePatchInput, ContactPersonInputT, ContactPersonPatchInput,
} from '../schemas/records.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { staleVersion } from './versions.js';

export interface RecordKind<Row, Out, Patch> {
  /** The audit entity name; with `_` as a space, also the word in messages ("No child place with id 7."). */
  entity: string;
  get: Statement<'id'>;
  /** Writes `patch` when `version` still matches; the changed row's id, or undefined when stale. */
  update(tx: Queryable, id: number, version: number, patch: Patch, now: Date): Promise<{ id: number } | undefined>;
  remove: Statement<'id' | 'version'>;
  present(row: Row): Out;
  /** Whether `user` may see this record at all; hidden records answer as unknown (404). Default: everyone. */
  visibleTo?(row: Row, user: CurrentUser | undefined): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = RecordKind<any, any, any>;
type OutOf<K> = K extends RecordKind<any, infer O, any> ? O : never;
type PatchOf<K> = K extends RecordKind<any, any, infer P> ? P : never;

const wordOf = (kind: AnyKind) => kind.entity.replace('_', ' ');

/** Reads one record as presented to clients, or undefined when there is none or `user` may not see it. */
async function readRecord<K extends AnyKind>(db: Queryable, kind: K, id: number, user: CurrentUser | undefined): Promise<OutOf<K> | undefined> {
  const row = await kind.get.one(db, { id });
  if (!row || (kind.visibleTo && !kind.visibleTo(row, user))) return undefined;
  return kind.present(row);
}

/** One record as the caller may see it, or a 404. */
export async function getRecord<K extends AnyKind>(ctx: RequestContext, kind: K, id: number): Promise<OutOf<K>> {
  const record = await readRecord(ctx.db, kind, id, ctx.user);
  if (!record) throw notFound(wordOf(kind), id);
  return record;
}

/** Inserts with `insert`, audits, returns the new record. */
async function createRecord<K extends AnyKind>(ctx: RequestContext, kind: K, insert: (tx: Queryable) => Promise<{ id: number } | undefined>): Promise<OutOf<K>> {
  const user = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await insert(tx);
    const after = (await readRecord(tx, kind, row!.id, user))!;
    await audit(tx, { at: ctx.now, user, action: 'create', entity: kind.entity, entityId: row!.id, after });
    return after;
  });
}

/** Updates when `version` still matches (404 unknown, 412 stale), audits before and after. */
export async function updateRecord<K extends AnyKind>(ctx: RequestContext, kind: K, id: number, version: number, patch: PatchOf<K>): Promise<OutOf<K>> {
  const user = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await readRecord(tx, kind, id, user);
    if (!before) throw notFound(wordOf(kind), id);
    if (!(await kind.update(tx, id, version, patch, ctx.now))) throw staleVersion(wordOf(kind), id);
    // Read without the visibility rule: the answer to the write that inactivated a
    // contact person is the last its author sees of it.
    const after = kind.present(await kind.get.one(tx, { id }));
    await audit(tx, { at: ctx.now, user, action: 'update', entity: kind.entity, entityId: id, before, after });
    return after;
  });
}

/** Deletes when `version` still matches (404 unknown, 412 stale), audits the before state. */
export async function deleteRecord(ctx: RequestContext, kind: AnyKind, id: number, version: number): Promise<void> {
  const user = writerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await readRecord(tx, kind, id, user);
    if (!before) throw notFound(wordOf(kind), id);
    if (!(await kind.remove.one(tx, { id, version }))) throw staleVersion(wordOf(kind), id);
    await audit(tx, { at: ctx.now, user, action: 'delete', entity: kind.entity, entityId: id, before });
  });
}

type Geometry = { type: 'Point'; coordinates: [number, number] };
type PlaceRow = Record<string, unknown> & { id: number; geometry: Geometry };
type PlaceFeature = { type: 'Feature'; id: number; geometry: Geometry; properties: Record<string, unknown> };
type PlacePatch = { geometry?: unknown; properties?: unknown };

const presentPlace = ({ id, geometry, ...properties }: PlaceRow): PlaceFeature => ({ type: 'Feature', id, geometry, properties });

/** Binds the update of a located record: a partial Feature, `properties` merged, `geometry` replaced when given. */
const placeUpdate = (s: Statement<'id' | 'version' | 'properties' | 'geometry' | 'now'>) =>
  (tx: Queryable, id: number, version: number, patch: PlacePatch, now: Date) =>
    s.one<{ id: number }>(tx, {
      id, version, properties: JSON.stringify(patch.properties ?? {}), geometry: patch.geometry ? JSON.stringify(patch.geometry) : null, now: now.toISOString(),
    });

const actorInsert = statement('actor_insert', ['properties', 'geometry', 'now']);
const childInsert = statement('child_place_insert', ['properties', 'geometry', 'now']);
const personInsert = statement('contact_person_insert', ['actor_id', 'properties', 'now']);
const personUpdate = statement('contact_person_update', ['id', 'version', 'properties', 'now']);

/** A kind of placed record, read, changed and removed by the statements `<entity>_get`, `<entity>_update` and `<entity>_delete`. */
const placeKind = <Patch extends PlacePatch>(entity: 'actor' | 'child_place'): RecordKind<PlaceRow, PlaceFeature, Patch> => ({
  entity,
  get: statement(`${entity}_get`, ['id']),
  update: placeUpdate(statement(`${entity}_update`, ['id', 'version', 'properties', 'geometry', 'now'])),
  remove: statement(`${entity}_delete`, ['id', 'version']),
  present: presentPlace,
});

/** Actors as GeoJSON Features, with their active contact persons. */
export const ACTOR = placeKind<ActorPatchInput>('actor');

/** Child places as GeoJSON Features. */
export const CHILD_PLACE = placeKind<ChildPlacePatchInput>('child_place');

/**
 * Contact persons as plain records (they have no location of their own). An
 * inactivated person is hidden from everyone but administrators, who answer the
 * data-subject request; to others it is unknown, for reading and for writing.
 */
export const CONTACT_PERSON: RecordKind<Record<string, unknown> & { id: number; active: boolean }, Record<string, unknown>, ContactPersonPatchInput> = {
  entity: 'contact_person',
  get: statement('contact_person_get', ['id']),
  update: (tx, id, version, patch, now) => personUpdate.one<{ id: number }>(tx, { id, version, properties: JSON.stringify(patch), now: now.toISOString() }),
  remove: statement('contact_person_delete', ['id', 'version']),
  present: (row) => row,
  visibleTo: (row, user) => row.active || user?.role === 'admin',
};

/** A new actor and its first contact persons, in one transaction and one audit entry. */
export function createActor(ctx: RequestContext, input: ActorCreateInput): Promise<PlaceFeature> {
  const { contact_persons: persons = [], ...properties } = input.properties;
  const now = ctx.now.toISOString();
  return createRecord(ctx, ACTOR, async (tx) => {
    const row = await actorInsert.one<{ id: number }>(tx, { properties: JSON.stringify(properties), geometry: JSON.stringify(input.geometry), now });
    for (const p of persons) await personInsert.run(tx, { actor_id: row!.id, properties: JSON.stringify(p), now });
    return row;
  });
}

/** A new child place. */
export function createChildPlace(ctx: RequestContext, input: ChildPlaceCreateInput): Promise<PlaceFeature> {
  return createRecord(ctx, CHILD_PLACE, (tx) =>
    childInsert.one<{ id: number }>(tx, { properties: JSON.stringify(input.properties), geometry: JSON.stringify(input.geometry), now: ctx.now.toISOString() }));
}

/** A new contact person of an actor the caller can see (404 otherwise). */
export async function addContactPerson(ctx: RequestContext, actorId: number, input: ContactPersonInputT): Promise<Record<string, unknown>> {
  await getRecord(ctx, ACTOR, actorId);
  return createRecord(ctx, CONTACT_PERSON, (tx) =>
    personInsert.one<{ id: number }>(tx, { actor_id: actorId, properties: JSON.stringify(input), now: ctx.now.toISOString() }));
}
