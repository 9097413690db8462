import { z } from '@hono/zod-openapi';
import { PointGeometry, SENSITIVITIES, UNIT_KINDS, UNIT_STATUSES } from './common.js';

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
