import { z } from '@hono/zod-openapi';
import { emailInput, externalIdInput, nameInput, PointGeometry, SENSITIVITIES, textInput as text, UNIT_KINDS, UNIT_STATUSES } from './common.js';
import { GeoPointInput } from './geojson.js';
import { RadiiInput } from './proximity.js';
import { mentionsProtectedHousing, PROTECTED_HOUSING_CODE, protectedHousingMessage } from '../services/protectedHousing.js';

export const ZoneRadii = z
  .object({
    immediate: z.number().openapi({ example: 250 }),
    neighbourhood: z.number().openapi({ example: 500 }),
    area: z.number().openapi({ example: 1000 }),
  })
  .openapi('ZoneRadii', { description: 'Zone radii in metres (geodesic).' });

export const UnitProperties = z
  .object({
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    status: z.enum(UNIT_STATUSES),
    address: z.string().nullable().openapi({ description: 'Null for restricted units when the caller lacks need-to-know.' }),
    places: z.number().int(),
    operator: z.string().nullable(),
    description: z.string().nullable(),
    contact_name: z.string().nullable().openapi({ description: "The unit's neighbourhood contact: the person neighbours call." }),
    contact_phone: z.string().nullable(),
    contact_email: z.string().nullable(),
    contact_hours: z.string().nullable(),
    radii: ZoneRadii,
    radii_custom: z.boolean().openapi({ description: 'True when the unit has its own radii, false when the global ones apply.' }),
    sensitivity: z.enum(SENSITIVITIES),
    location_precision: z.enum(['exact', 'coarse']).openapi({ description: '"coarse": snapped to a 250 m grid (restricted unit, caller without need-to-know).' }),
    is_demo: z.boolean(),
    external_id: z.string().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('UnitProperties');

export const UnitFeature = z
  .object({ type: z.literal('Feature'), id: z.number().int(), geometry: PointGeometry, properties: UnitProperties })
  .openapi('Unit');

export const UnitCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(UnitFeature) })
  .openapi('UnitCollection');

export type Unit = z.infer<typeof UnitFeature>;

/**
 * Refuses a text that names protected housing (api/services/protectedHousing.ts). The
 * issue carries the error code, so the answer is a `protected_housing` error rather
 * than a plain `bad_request` (api/validation.ts).
 */
const noProtectedHousing = (field: string) =>
  [(s: string | null | undefined) => !mentionsProtectedHousing(s), { error: protectedHousingMessage(field), params: { code: PROTECTED_HOUSING_CODE } }] as const;


/**
 * The writable properties of a unit. POST needs name and kind (the rest defaults:
 * status open, places 0, sensitivity public, radii global); PATCH takes any subset.
 * No zod defaults here: a PATCH must never reset a field it does not name.
 */
export const UnitPropertiesInput = z.strictObject({
  name: nameInput.refine(...noProtectedHousing('name')),
  kind: z.enum(UNIT_KINDS),
  status: z.enum(UNIT_STATUSES),
  address: text(300, 'address'),
  places: z.number().int({ error: 'places must be a whole number' }).min(0, { error: 'places must be 0 or more' }).max(10000),
  operator: text(200, 'operator'),
  description: text(2000, 'description')
    .refine(...noProtectedHousing('description')),
  contact_name: text(200, 'contact_name'),
  contact_phone: text(50, 'contact_phone'),
  contact_email: emailInput('contact_email'),
  contact_hours: text(200, 'contact_hours'),
  /** The unit's own radii (the same rule as the global ones); null returns to the global radii. */
  radii: z.union([RadiiInput, z.null()]),
  sensitivity: z.enum(SENSITIVITIES),
  external_id: externalIdInput,
});

export const UnitCreate = z
  .strictObject({ type: z.literal('Feature'), geometry: GeoPointInput, properties: UnitPropertiesInput.partial().required({ name: true, kind: true }) })
  .openapi('UnitCreate', { description: 'A GeoJSON Feature with a Point inside Sweden and the unit properties.' });

export const UnitPatch = z
  .strictObject({
    type: z.literal('Feature').optional(),
    geometry: GeoPointInput.optional(),
    properties: UnitPropertiesInput.partial().optional(),
  })
  .refine((p) => p.geometry !== undefined || (p.properties && Object.keys(p.properties).length > 0), {
    error: 'nothing to change: send geometry and/or some properties',
  })
  .openapi('UnitPatch', { description: 'A partial Feature: geometry and/or some properties. Needs If-Match.' });

export const UnitDependents = z
  .object({
    version: z.number().int().openapi({ description: "The unit's version now, for the DELETE's If-Match." }),
    activities: z.number().int().openapi({ description: 'Activities of the unit (removed with it), all kinds.' }),
    information: z.number().int().openapi({ description: 'Of them, information given to child places (the information records).' }),
    open_follow_ups: z.number().int().openapi({ description: 'Of them, observations and findings whose follow-up is open or in progress.' }),
    principles: z.number().int().openapi({ description: "The unit's principle entries (removed with it)." }),
  })
  .openapi('UnitDependents', {
    description: 'What a DELETE of the unit removes with it. Actors, child places and the audit trail are not tied to a unit and stay.',
  });

export type UnitDependentsT = z.infer<typeof UnitDependents>;

export type UnitCreateInput = z.infer<typeof UnitCreate>;
export type UnitPatchInput = z.infer<typeof UnitPatch>;
