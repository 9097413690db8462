/**
 * Write schemas of neighbourhood actors, their contact persons and child places.
 * No zod defaults: a PATCH must never reset a field it does not name; POST defaults
 * are applied in SQL.
 */
import { z } from '@hono/zod-openapi';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, emailInput as email, externalIdInput as externalId, nameInput as name, SCHOOL_STAGES, textInput as text } from './common.js';
import { GeoPointInput } from './geojson.js';
import { ActorFeature, LastContactedAt } from './proximity.js';


/** A contact person: work details only (GDPR data minimisation); never anything about residents. */
export const ContactPersonInput = z
  .strictObject({
    name,
    role: text(200, 'role'),
    phone: text(50, 'phone'),
    email: email('email'),
    note: text(500, 'note').openapi({ description: 'Short work note. Never personal data about residents.' }),
  })
  .partial()
  .required({ name: true })
  .openapi('ContactPersonInput');

export const ContactPersonPatch = ContactPersonInput.partial()
  .extend({
    active: z.literal(false, { error: 'active: only false (the person no longer works there); administrators reactivate nobody either' }).openapi({
      description: 'false inactivates the person (no longer works there): hidden at once from everyone but administrators and deleted by the purge after the retention.',
    }),
  })
  .partial({ active: true })
  .refine((p) => Object.keys(p).length > 0, { error: 'nothing to change: send some properties', params: { code: 'empty_change' } })
  .openapi('ContactPersonPatch');

/** The writable properties of an actor; the importer checks its rows with the same schema. */
export const ActorPropertiesInput = z.strictObject({
  name,
  category: z.enum(ACTOR_CATEGORIES),
  organisation: text(200, 'organisation'),
  contact_about: text(1000, 'contact_about'),
  address: text(300, 'address'),
  phone: text(50, 'phone'),
  email: email('email'),
  website: text(300, 'website'),
  external_id: externalId,
});

/** The body of a POST of a placed record: a Feature with a Point inside Sweden and its properties. */
const featureCreate = <P extends z.ZodType<object>>(properties: P) => z.strictObject({ type: z.literal('Feature'), geometry: GeoPointInput, properties });

/** The body of a PATCH of a placed record: a partial Feature that changes its geometry, some properties, or both. */
const featurePatch = <P extends z.ZodType<object>>(properties: P) =>
  z
    .strictObject({ type: z.literal('Feature').optional(), geometry: GeoPointInput.optional(), properties: properties.optional() })
    .refine((p) => p.geometry !== undefined || (p.properties && Object.keys(p.properties).length > 0), {
      error: 'nothing to change: send geometry and/or some properties',
      params: { code: 'empty_change' },
    });

export const ActorCreate = featureCreate(
  ActorPropertiesInput.partial()
    .required({ name: true, category: true })
    .extend({ contact_persons: z.array(ContactPersonInput).max(20).optional() }),
).openapi('ActorCreate');

export const ActorPatch = featurePatch(ActorPropertiesInput.partial())
  .openapi('ActorPatch', { description: 'A partial Feature; contact persons are changed through their own routes.' });

/** The writable properties of a child place; the importer checks its rows with the same schema. */
export const ChildPlacePropertiesInput = z.strictObject({
  name,
  kind: z.enum(CHILD_PLACE_KINDS),
  stages: z.array(z.enum(SCHOOL_STAGES)).max(4),
  operator: text(200, 'operator'),
  address: text(300, 'address'),
  external_id: externalId,
  contact_name: text(200, 'contact_name'),
  contact_role: text(200, 'contact_role'),
  contact_phone: text(50, 'contact_phone'),
  contact_email: email('contact_email'),
});

const stagesOnlyOnSchools = (p: { kind?: string; stages?: string[] }) => !p.stages?.length || p.kind === undefined || p.kind === 'school';
const STAGES_ONLY_SCHOOLS = { error: 'stages: only schools have stages (F-3, 4-6, 7-9, gymnasium)', path: ['stages'], params: { code: 'stages_only_schools' } };

export const ChildPlaceCreate = featureCreate(
  ChildPlacePropertiesInput.partial().required({ name: true, kind: true }).refine(stagesOnlyOnSchools, STAGES_ONLY_SCHOOLS),
).openapi('ChildPlaceCreate');

export const ChildPlacePatch = featurePatch(ChildPlacePropertiesInput.partial().refine(stagesOnlyOnSchools, STAGES_ONLY_SCHOOLS)).openapi('ChildPlacePatch');

export type ActorCreateInput = z.infer<typeof ActorCreate>;
export type ActorPatchInput = z.infer<typeof ActorPatch>;
export type ChildPlaceCreateInput = z.infer<typeof ChildPlaceCreate>;
export type ChildPlacePatchInput = z.infer<typeof ChildPlacePatch>;
export type ContactPersonInputT = z.infer<typeof ContactPersonInput>;
export type ContactPersonPatchInput = z.infer<typeof ContactPersonPatch>;

export const ContactPersonRecord = z
  .object({
    id: z.number().int(), actor_id: z.number().int(), name: z.string(), role: z.string().nullable(), phone: z.string().nullable(),
    email: z.string().nullable(), note: z.string().nullable(), active: z.boolean(), version: z.number().int(),
  })
  .openapi('ContactPersonRecord');

/** An actor as its own routes answer: the layer's properties plus when it was last contacted. */
export const ActorRecordFeature = ActorFeature.extend({
  properties: ActorFeature.shape.properties.extend({ last_contacted_at: LastContactedAt }),
}).openapi('ActorRecord');

/** Everything stored about one contact person, with its actor's name: the privacy routes' answer. */
export const ContactPersonStored = ContactPersonRecord.extend({
  actor_name: z.string(),
  inactivated_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
}).openapi('ContactPersonStored', { description: 'Everything stored about one contact person (data-subject requests), with the name of its actor.' });
