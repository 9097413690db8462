import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { badRequest, notFound, ruleError } from '../errors.js';
import {
  FOLLOW_UP_KINDS, type Activity, type ActivityInput, type ActivityPatchInput,
} from '../schemas/outreach.js';
import { audit } from './audit.js';
import { seesExact, writerOf, type RequestContext } from './context.js';
import { staleVersion } from './versions.js';

const actList = statement('activity_list', [
  'unit_id', 'kind', 'from', 'to', 'actor_id', 'child_place_id', 'limit', 'offset', 'today', 'id',
  'follow_ups', 'follow_up_status', 'overdue_only', 'need_to_know',
]);
/** One row when the unit exists; shared with the principle entries, which hang off a unit too. */
export const unitExists = statement('unit_exists', ['unit_id']);
const checkRefs = statement('activity_check_refs', ['unit_id', 'actor_ids', 'child_place_ids', 'responsible_actor_id']);
const actInsert = statement('activity_insert', [
  'unit_id', 'kind', 'date', 'organisations', 'note', 'lon', 'lat', 'responsible_actor_id', 'due_date', 'follow_up_status',
  'user_id', 'user_name', 'now',
]);
const actUpdate = statement('activity_update', [
  'id', 'version', 'kind', 'date', 'organisations', 'note', 'lon', 'lat', 'responsible_actor_id', 'due_date', 'follow_up_status', 'now',
]);
const actDelete = statement('activity_delete', ['id', 'version']);
const linkActors = statement('activity_link_actors', ['activity_id', 'actor_ids']);
const linkChildPlaces = statement('activity_link_child_places', ['activity_id', 'child_place_ids']);
const unlinkActors = statement('activity_unlink_actors', ['activity_id']);
const unlinkChildPlaces = statement('activity_unlink_child_places', ['activity_id']);
const pairStatus = statement('information_need_pair_status', ['unit_id', 'child_place_ids', 'now']);

/** The UTC calendar day of `d`, `YYYY-MM-DD`. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** The latest activity date accepted: tomorrow by the clock, so a user a time zone ahead is not refused. */
export const latestActivityDate = (now: Date): string => dayOf(new Date(now.getTime() + 86_400_000));

export interface ListFilters {
  unitId?: number | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
  actorId?: number | null;
  childPlaceId?: number | null;
  id?: number | null;
  followUps?: boolean;
  followUpStatus?: string | null;
  overdueOnly?: boolean;
  limit: number;
  offset: number;
}

type ActivityRow = Activity & { total: number };

/**
 * Activities matching the filters, newest first (follow-ups: earliest due first), and
 * their total. `exact` only for callers with need-to-know: otherwise activities at
 * restricted units are shown as from the unit's coarse location (activity_list.sql):
 * findings without their location, ring-checked links only inside the coarse ring.
 */
async function readActivities(db: Queryable, f: ListFilters, now: Date, exact: boolean): Promise<{ activities: Activity[]; total: number }> {
  const rows = await actList.run<ActivityRow>(db, {
    unit_id: f.unitId ?? null, kind: f.kind ?? null, from: f.from ?? null, to: f.to ?? null, actor_id: f.actorId ?? null,
    child_place_id: f.childPlaceId ?? null, limit: f.limit, offset: f.offset, today: dayOf(now), id: f.id ?? null,
    follow_ups: f.followUps ?? false, follow_up_status: f.followUpStatus ?? null, overdue_only: f.overdueOnly ?? false, need_to_know: exact,
  });
  return { activities: rows.map(({ total: _t, ...a }) => a), total: rows[0]?.total ?? 0 };
}

/** Activities matching the filters as the caller may see them, and their total. */
export const listActivities = (ctx: RequestContext, f: ListFilters): Promise<{ activities: Activity[]; total: number }> =>
  readActivities(ctx.db, f, ctx.now, seesExact(ctx));

/** A unit's activity log (404 for an unknown unit). */
export async function unitActivities(ctx: RequestContext, unitId: number, f: Omit<ListFilters, 'unitId' | 'id'>): Promise<{ activities: Activity[]; total: number }> {
  if (!(await unitExists.one(ctx.db, { unit_id: unitId }))) throw notFound('unit', unitId);
  return listActivities(ctx, { ...f, unitId });
}

/** One activity as the caller may see it, or a 404. */
export async function getActivity(ctx: RequestContext, id: number): Promise<Activity> {
  const { activities: [a] } = await listActivities(ctx, { id, limit: 1, offset: 0 });
  if (!a) throw notFound('activity', id);
  return a;
}

/**
 * The whole stored activity, for the writes: they are for editors (need-to-know), keep
 * the fields a patch leaves alone, and audit the record as it is.
 */
const storedActivity = async (tx: Queryable, id: number, now: Date): Promise<Activity | undefined> =>
  (await readActivities(tx, { id, limit: 1, offset: 0 }, now, true)).activities[0];

/** An activity's fields after defaults, as written. */
interface ActivityValues {
  kind: Activity['kind'];
  date: string;
  actor_ids: number[];
  child_place_ids: number[];
  organisations: string[];
  note: string | null;
  location: { type: 'Point'; coordinates: number[] } | null;
  responsible_actor_id: number | null;
  due_date: string | null;
  follow_up_status: 'open' | 'in_progress' | 'done' | null;
}

interface RefCheck {
  unit_found: number; r_area: number | null;
  missing_actors: number[]; missing_child_places: number[]; child_places_outside: number[];
  responsible_found: number; responsible_within: number;
}

/**
 * Checks everything about an activity that the schema cannot: the date, the follow-up
 * fields only on observations and safety walks, a contact naming someone or something
 * (`contact_target`), a due date not before the date (`due_before_date`), and that every referenced record
 * exists (child places of an information activity inside the unit's outer ring, the
 * responsible actor among the unit's contacts). Throws a 400 naming the field.
 */
async function checkActivity(tx: Queryable, unitId: number, v: ActivityValues, now: Date): Promise<void> {
  const latest = latestActivityDate(now);
  if (v.date > latest) throw ruleError('bad_request', 'date_in_future', `date: ${v.date} is in the future; the latest date accepted is ${latest}.`, { latest }, ['date']);
  const isFollowUpKind = (FOLLOW_UP_KINDS as readonly string[]).includes(v.kind);
  if (!isFollowUpKind) {
    for (const field of ['location', 'responsible_actor_id', 'due_date', 'follow_up_status'] as const) {
      if (v[field] !== null) {
        throw ruleError('bad_request', 'follow_up_kind_only', `${field}: only observations and safety walks (kind observation or safety_walk) have one; this activity is a ${v.kind}.`, { kind: v.kind }, [field]);
      }
    }
  }
  if (v.kind === 'contact' && v.actor_ids.length === 0 && v.child_place_ids.length === 0 && !v.note?.trim()) {
    throw ruleError('bad_request', 'contact_target', 'actor_ids: a contact needs an actor, a child place or a note (who was contacted, or about what).', {}, ['actor_ids']);
  }
  if (v.due_date !== null && v.due_date < v.date) {
    throw ruleError('bad_request', 'due_before_date', `due_date: ${v.due_date} is before the activity's date ${v.date}.`, { date: v.date }, ['due_date']);
  }
  const c = await checkRefs.one<RefCheck>(tx, {
    unit_id: unitId, actor_ids: JSON.stringify(v.actor_ids), child_place_ids: JSON.stringify(v.child_place_ids), responsible_actor_id: v.responsible_actor_id,
  });
  if (!c || c.unit_found === 0) throw notFound('unit', unitId);
  if (c.missing_actors.length) throw ruleError('bad_request', 'missing_reference', `actor_ids: no actor with id ${c.missing_actors.join(', ')}.`, { ids: c.missing_actors }, ['actor_ids']);
  if (c.missing_child_places.length) {
    throw ruleError('bad_request', 'missing_reference', `child_place_ids: no child place with id ${c.missing_child_places.join(', ')}.`, { ids: c.missing_child_places }, ['child_place_ids']);
  }
  if (v.kind === 'information' && c.child_places_outside.length) {
    throw ruleError('bad_request', 'outside_outer_ring',
      `child_place_ids: child place ${c.child_places_outside.join(', ')} is outside unit ${unitId}'s outer ring (${c.r_area} m); information is recorded for child places inside it.`,
      { ids: c.child_places_outside, radius: c.r_area }, ['child_place_ids']);
  }
  if (v.responsible_actor_id !== null) {
    if (c.responsible_found === 0) {
      throw ruleError('bad_request', 'missing_reference', `responsible_actor_id: no actor with id ${v.responsible_actor_id}.`, { ids: [v.responsible_actor_id] }, ['responsible_actor_id']);
    }
    if (c.responsible_within === 0) {
      throw badRequest(`responsible_actor_id: actor ${v.responsible_actor_id} is not among unit ${unitId}'s contacts (actors inside its outer ring of ${c.r_area} m).`);
    }
  }
}

/** Fills the defaults of a new activity: follow-up status `open` for observations and for safety walks with a finding. */
function withDefaults(input: ActivityInput): ActivityValues {
  const v: ActivityValues = {
    kind: input.kind, date: input.date, actor_ids: input.actor_ids, child_place_ids: input.child_place_ids,
    organisations: input.organisations, note: input.note ?? null, location: input.location ?? null,
    responsible_actor_id: input.responsible_actor_id ?? null, due_date: input.due_date ?? null,
    follow_up_status: input.follow_up_status ?? null,
  };
  const hasFinding = v.location !== null || v.responsible_actor_id !== null || v.due_date !== null;
  if (v.follow_up_status === null && (v.kind === 'observation' || (v.kind === 'safety_walk' && hasFinding))) v.follow_up_status = 'open';
  return v;
}

async function insertActivity(tx: Queryable, unitId: number, v: ActivityValues, user: CurrentUser, now: Date): Promise<number> {
  const row = await actInsert.one<{ id: number }>(tx, {
    unit_id: unitId, kind: v.kind, date: v.date, organisations: JSON.stringify(v.organisations), note: v.note,
    lon: v.location?.coordinates[0] ?? null, lat: v.location?.coordinates[1] ?? null,
    responsible_actor_id: v.responsible_actor_id, due_date: v.due_date, follow_up_status: v.follow_up_status,
    user_id: user.id, user_name: user.name, now: now.toISOString(),
  });
  if (!row) throw notFound('unit', unitId);
  await linkActors.run(tx, { activity_id: row.id, actor_ids: JSON.stringify(v.actor_ids) });
  await linkChildPlaces.run(tx, { activity_id: row.id, child_place_ids: JSON.stringify(v.child_place_ids) });
  return row.id;
}

/** Records a new activity of a unit (audited in the same transaction) and returns it. */
export async function createActivity(ctx: RequestContext, unitId: number, input: ActivityInput): Promise<Activity> {
  const { now } = ctx;
  const user = writerOf(ctx);
  const v = withDefaults(input);
  return ctx.db.transaction(async (tx) => {
    await checkActivity(tx, unitId, v, now);
    const id = await insertActivity(tx, unitId, v, user, now);
    const created = (await storedActivity(tx, id, now))!;
    await audit(tx, { at: now, user, action: 'create', entity: 'activity', entityId: id, after: created });
    return created;
  });
}

/**
 * Records that the child places were informed on `date`: one `information` activity
 * each, all in one transaction. Any bad id fails the whole request with nothing recorded.
 */
export async function markInformed(
  ctx: RequestContext, input: { unit_id: number; child_place_ids: number[]; date: string },
): Promise<{ activity_ids: number[]; information: { child_place_id: number; status: string; last_informed_at: string | null; due_at: string | null }[] }> {
  const { now } = ctx;
  const user = writerOf(ctx);
  const ids = [...new Set(input.child_place_ids)];
  return ctx.db.transaction(async (tx) => {
    const unit = await unitExists.one(tx, { unit_id: input.unit_id });
    if (!unit) throw badRequest(`unit_id: no unit with id ${input.unit_id}.`);
    const base = { kind: 'information' as const, date: input.date, actor_ids: [], organisations: [], note: null,
      location: null, responsible_actor_id: null, due_date: null, follow_up_status: null };
    await checkActivity(tx, input.unit_id, { ...base, child_place_ids: ids }, now);
    const activityIds: number[] = [];
    for (const cp of ids) {
      const id = await insertActivity(tx, input.unit_id, { ...base, child_place_ids: [cp] }, user, now);
      activityIds.push(id);
      await audit(tx, { at: now, user, action: 'create', entity: 'activity', entityId: id,
        after: { unit_id: input.unit_id, kind: 'information', date: input.date, child_place_ids: [cp] }, details: { via: 'mark-informed' } });
    }
    const information = await pairStatus.run<{ child_place_id: number; status: string; last_informed_at: string | null; due_at: string | null }>(
      tx, { unit_id: input.unit_id, child_place_ids: JSON.stringify(ids), now: now.toISOString() },
    );
    return { activity_ids: activityIds, information };
  });
}

/** Changes an activity if `version` is current (412 otherwise); links are replaced when given. */
export async function updateActivity(ctx: RequestContext, id: number, version: number, patch: ActivityPatchInput): Promise<Activity> {
  const { now } = ctx;
  const user = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await storedActivity(tx, id, now);
    if (!before) throw notFound('activity', id);
    if (before.version !== version) throw staleVersion('activity', id);
    const v: ActivityValues = {
      kind: patch.kind ?? before.kind,
      date: patch.date ?? before.date,
      actor_ids: patch.actor_ids ?? before.actors.map((a) => a.id),
      child_place_ids: patch.child_place_ids ?? before.child_places.map((c) => c.id),
      organisations: patch.organisations ?? before.organisations,
      note: patch.note !== undefined ? patch.note : before.note,
      location: patch.location !== undefined ? patch.location : (before.location as ActivityValues['location']),
      responsible_actor_id: patch.responsible_actor_id !== undefined ? patch.responsible_actor_id : before.responsible_actor?.id ?? null,
      due_date: patch.due_date !== undefined ? patch.due_date : before.due_date,
      follow_up_status: patch.follow_up_status !== undefined ? patch.follow_up_status : before.follow_up_status,
    };
    await checkActivity(tx, before.unit_id, v, now);
    const row = await actUpdate.one(tx, {
      id, version, kind: v.kind, date: v.date, organisations: JSON.stringify(v.organisations), note: v.note,
      lon: v.location?.coordinates[0] ?? null, lat: v.location?.coordinates[1] ?? null,
      responsible_actor_id: v.responsible_actor_id, due_date: v.due_date, follow_up_status: v.follow_up_status, now: now.toISOString(),
    });
    if (!row) throw staleVersion('activity', id);
    if (patch.actor_ids) {
      await unlinkActors.run(tx, { activity_id: id });
      await linkActors.run(tx, { activity_id: id, actor_ids: JSON.stringify(v.actor_ids) });
    }
    if (patch.child_place_ids) {
      await unlinkChildPlaces.run(tx, { activity_id: id });
      await linkChildPlaces.run(tx, { activity_id: id, child_place_ids: JSON.stringify(v.child_place_ids) });
    }
    const after = (await storedActivity(tx, id, now))!;
    await audit(tx, { at: now, user, action: 'update', entity: 'activity', entityId: id, before, after });
    return after;
  });
}

/** Removes an activity if `version` is current. Information status is derived, so it follows at once. */
export async function deleteActivity(ctx: RequestContext, id: number, version: number): Promise<void> {
  const { now } = ctx;
  const user = writerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await storedActivity(tx, id, now);
    if (!before) throw notFound('activity', id);
    const row = await actDelete.one(tx, { id, version });
    if (!row) throw staleVersion('activity', id);
    await audit(tx, { at: now, user, action: 'delete', entity: 'activity', entityId: id, before });
  });
}
