/**
 * Schemas of the outreach and follow-up resources: activities, mark-as-informed,
 * follow-ups, the five principles and the implementation overview.
 */
import { z } from '@hono/zod-openapi';
import { ACTIVITY_KINDS, CHILD_PLACE_KINDS, inSweden, page, pagingQuery, PointGeometry, SWEDEN_BBOX_TEXT, UNIT_KINDS, UNIT_STATUSES } from './common.js';
import { Information } from './proximity.js';

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done'] as const;
export const PRINCIPLE_STATUSES = ['not_started', 'in_progress', 'in_place'] as const;
/** Activity kinds that can carry a location, responsible actor, due date and follow-up status. */
export const FOLLOW_UP_KINDS = ['observation', 'safety_walk'] as const;

/** The five principles of the place-collaboration model (DESIGN.md), in Swedish and English. */
export const PRINCIPLES = [
  { principle: 1, title_sv: 'De boendes behov i närområdet räknas lika som andra invånares behov', title_en: "The residents' needs in the neighbourhood count the same as other inhabitants' needs" },
  { principle: 2, title_sv: 'Helt, rent, funktionellt och vackert', title_en: 'Whole, clean, functional and beautiful' },
  { principle: 3, title_sv: 'Personalen förstår sin roll i ett fungerande närområde', title_en: 'Staff understand their role in a functioning neighbourhood' },
  { principle: 4, title_sv: 'Korta, enkla kontaktvägar mellan närområdets aktörer', title_en: "Short, simple contact paths between the neighbourhood's actors" },
  { principle: 5, title_sv: 'Skapa möten, empati och förståelse mellan närområdets aktörer och de boende', title_en: "Create meetings, empathy and understanding between the neighbourhood's actors and the residents" },
] as const;

const isoDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${name} must be a date YYYY-MM-DD` })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
    }, { error: `${name} must be a real calendar date YYYY-MM-DD (1900 or later)` });

export const IsoDate = isoDate('date').openapi({ example: '2026-11-28' });

const id = z.number().int().positive().max(2147483647);

/**
 * An activity's location: a Point in Sweden, or null. Written out rather than as the
 * shared `PointGeometry` in a union with null, so that a position with one coordinate
 * or outside Sweden is refused at `location` with its own rule code (`location_pair`,
 * `outside_sweden`) instead of an opaque union failure.
 */
const ActivityLocation = z
  .object({
    type: z.literal('Point'),
    coordinates: z.array(z.number()).max(3).openapi({ description: '[lon, lat]: exactly two numbers, WGS 84.', example: [12.0005, 57.6823] }),
  })
  .superRefine((g, ctx) => {
    if (g.coordinates.length !== 2) {
      ctx.addIssue({ code: 'custom', params: { code: 'location_pair' }, message: 'location must have both longitude and latitude ([lon, lat]), or be null for no location' });
    } else if (!g.coordinates.every(Number.isFinite) || !inSweden(g.coordinates[0]!, g.coordinates[1]!)) {
      ctx.addIssue({ code: 'custom', params: { code: 'outside_sweden' }, message: `location must be [lon, lat] inside Sweden (${SWEDEN_BBOX_TEXT})` });
    }
  })
  .nullable();

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  date: isoDate('date').openapi({ description: 'The day the activity took place (YYYY-MM-DD). At most one day after today (time zones).', example: '2026-11-28' }),
  actor_ids: z.array(id).max(100).openapi({ description: 'Neighbourhood actors involved (must exist).' }),
  child_place_ids: z.array(id).max(500).openapi({ description: 'Child places involved (must exist; for `information`, within the unit\'s outer ring).' }),
  organisations: z.array(z.string().trim().min(1).max(200)).max(20).openapi({ description: 'Organisations taking part (never residents).' }),
  note: z.string().max(500).nullable().openapi({ description: 'Short note, at most 500 characters. No personal data about residents belongs here.' }),
  location: ActivityLocation.openapi({ description: 'Observations and safety walks only: where the finding is (a GeoJSON Point, or null).' }),
  responsible_actor_id: id.nullable().openapi({ description: "Observations and safety walks only: an actor among the unit's contacts (inside its outer ring)." }),
  due_date: isoDate('due_date').nullable().openapi({ description: 'Observations and safety walks only.' }),
  follow_up_status: z.enum(FOLLOW_UP_STATUSES).nullable().openapi({ description: 'Observations and safety walks only. Defaults to `open` for observations and for safety walks with a finding (location, responsible actor or due date).' }),
};

export const ActivityCreate = z
  .strictObject({
    ...activityFields,
    actor_ids: activityFields.actor_ids.default([]),
    child_place_ids: activityFields.child_place_ids.default([]),
    organisations: activityFields.organisations.default([]),
    note: activityFields.note.optional(),
    location: activityFields.location.optional(),
    responsible_actor_id: activityFields.responsible_actor_id.optional(),
    due_date: activityFields.due_date.optional(),
    follow_up_status: activityFields.follow_up_status.optional(),
  })
  .openapi('ActivityCreate');

export const ActivityPatch = z
  .strictObject({
    kind: activityFields.kind.optional(),
    date: activityFields.date.optional(),
    actor_ids: activityFields.actor_ids.optional(),
    child_place_ids: activityFields.child_place_ids.optional(),
    organisations: activityFields.organisations.optional(),
    note: activityFields.note.optional(),
    location: activityFields.location.optional(),
    responsible_actor_id: activityFields.responsible_actor_id.optional(),
    due_date: activityFields.due_date.optional(),
    follow_up_status: activityFields.follow_up_status.optional(),
  })
  .openapi('ActivityPatch');

export type ActivityInput = z.infer<typeof ActivityCreate>;
export type ActivityPatchInput = z.infer<typeof ActivityPatch>;

const Ref = z.object({ id: z.number().int(), name: z.string() });

export const Activity = z
  .object({
    id: z.number().int(),
    unit_id: z.number().int(),
    unit_name: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    date: z.string(),
    actors: z.array(Ref),
    child_places: z.array(Ref.extend({ kind: z.enum(CHILD_PLACE_KINDS) })),
    organisations: z.array(z.string()),
    note: z.string().nullable(),
    // A union rather than `.nullable()`: the OpenAPI generator turns a nullable component into an allOf that refuses null.
    location: z.union([PointGeometry, z.null()]),
    responsible_actor: Ref.nullable(),
    due_date: z.string().nullable(),
    follow_up_status: z.enum(FOLLOW_UP_STATUSES).nullable(),
    overdue: z.boolean().openapi({ description: 'An open or in-progress follow-up whose due date is before today (by the server clock).' }),
    recorded_by: z.string().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Activity');
export type Activity = z.infer<typeof Activity>;

export const ActivityList = page('activities', Activity).openapi('ActivityList');

export const ActivityQuery = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  from: isoDate('from').optional().openapi({ description: 'Earliest date (inclusive).' }),
  to: isoDate('to').optional().openapi({ description: 'Latest date (inclusive).' }),
  actor_id: z.coerce.number().int().positive().max(2147483647).optional(),
  child_place_id: z.coerce.number().int().positive().max(2147483647).optional(),
  ...pagingQuery,
});

export const FollowUpQuery = z.strictObject({
  unit_id: z.coerce.number().int().positive().max(2147483647).optional(),
  status: z.enum(FOLLOW_UP_STATUSES).optional().openapi({ description: 'Default: open and in_progress.' }),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: '`true`: only follow-ups past their due date.' }),
  ...pagingQuery,
});

export const MarkInformed = z
  .strictObject({
    unit_id: id,
    child_place_ids: z.array(id).min(1).max(500),
    date: IsoDate,
  })
  .openapi('MarkInformed');

/** The information state of one (unit, child place) pair: the same component as in the proximity answers. */
export const InformationObject = Information;

export const MarkInformedResult = z
  .object({
    activity_ids: z.array(z.number().int()),
    information: z.array(InformationObject.extend({ child_place_id: z.number().int() })),
  })
  .openapi('MarkInformedResult');

export const PrincipleParam = z.object({
  id: z.coerce.number().int().positive().max(2147483647).openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
  principle: z.coerce
    .number({ error: 'principle must be 1, 2, 3, 4 or 5' })
    .int({ error: 'principle must be 1, 2, 3, 4 or 5' })
    .min(1, { error: 'principle must be 1, 2, 3, 4 or 5' })
    .max(5, { error: 'principle must be 1, 2, 3, 4 or 5' })
    .openapi({ param: { name: 'principle', in: 'path' }, example: 4 }),
});

export const PrinciplePut = z
  .strictObject({
    status: z.enum(PRINCIPLE_STATUSES),
    evidence: z.string().max(2000).nullable().default(null),
    last_reviewed: isoDate('last_reviewed').nullable().default(null),
  })
  .openapi('PrinciplePut');

export const PrincipleEntry = z
  .object({
    principle: z.number().int(),
    title_sv: z.string(),
    title_en: z.string(),
    status: z.enum(PRINCIPLE_STATUSES),
    evidence: z.string().nullable(),
    last_reviewed: z.string().nullable(),
    version: z.number().int().openapi({ description: '0 while the entry was never saved; send it as If-Match ("0") or omit If-Match for the first save.' }),
    updated_at: z.string().nullable(),
  })
  .openapi('PrincipleEntry');

export const PrincipleList = z
  .object({ unit_id: z.number().int(), principles: z.array(PrincipleEntry) })
  .openapi('PrincipleList');

const Counts = { in_place: z.number().int(), in_progress: z.number().int(), not_started: z.number().int() };

export const ImplementationUnit = z.object({
  type: z.literal('Feature'),
  id: z.number().int(),
  geometry: PointGeometry,
  properties: z.object({
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    status: z.enum(UNIT_STATUSES),
    location_precision: z.enum(['exact', 'coarse']),
    ...Counts,
    principles: z.array(z.enum(PRINCIPLE_STATUSES)).openapi({ description: 'Status of principles 1–5, in order.' }),
    area_names: z.array(z.string()),
  }),
});

export const Implementation = z
  .object({
    units: z.object({ type: z.literal('FeatureCollection'), features: z.array(ImplementationUnit) }),
    principles: z.array(z.object({ principle: z.number().int(), title_sv: z.string(), title_en: z.string(), ...Counts })),
    areas: z.array(z.object({ area_id: z.number().int(), name: z.string(), level: z.string(), units: z.number().int(), ...Counts })),
  })
  .openapi('Implementation');

export const FollowUpList = page('follow_ups', Activity).openapi('FollowUpList');
