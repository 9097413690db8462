import { z } from '@hono/zod-openapi';
import { pageCounts, pagingQuery } from './common.js';
import { AREA_LEVELS, externalIdInput, nameInput, textInput } from './common.js';
import { parseBbox } from './proximity.js';

const BBOX = 'bbox must be minLon,minLat,maxLon,maxLat in WGS 84 with min < max';

export const AreasQuery = z.strictObject({
  bbox: z.string().max(200, { error: BBOX }).refine((s) => parseBbox(s) !== undefined, { error: BBOX }).optional()
    .openapi({ param: { name: 'bbox', in: 'query' }, description: 'minLon,minLat,maxLon,maxLat (WGS 84): areas whose bounding box meets it.', example: '11.9,57.6,12.1,57.8' }),
  level: z.string().max(100).refine((s) => s.split(',').every((v) => (AREA_LEVELS as readonly string[]).includes(v)), { error: `level must be a comma list of ${AREA_LEVELS.join(', ')}` }).optional()
    .openapi({ param: { name: 'level', in: 'query' }, description: `Comma list of ${AREA_LEVELS.join(', ')}.` }),
  q: z.string().max(100, { error: 'q: at most 100 characters' }).optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Case-insensitive search in the name, or an exact code.' }),
  ...pagingQuery,
});

/**
 * The writable properties of an area. Areas are written by the import only (GeoJSON
 * polygons), which checks every row with this schema; the texts' limits are those of
 * the other resources.
 */
export const AreaPropertiesInput = z.strictObject({
  name: nameInput,
  level: z.enum(AREA_LEVELS),
  code: textInput(50, 'code'),
  parent_name: textInput(200, 'parent_name'),
  external_id: externalIdInput,
});

export const AreaProperties = z.object({
  name: z.string(),
  level: z.enum(AREA_LEVELS),
  code: z.string().nullable(),
  parent_name: z.string().nullable().openapi({ description: 'A primary area names its city area.' }),
  external_id: z.string().nullable(),
  version: z.number().int(),
  updated_at: z.string(),
});

export const AreaCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({
      type: z.literal('Feature'), id: z.number().int(),
      geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
      properties: AreaProperties,
    })),
    ...pageCounts,
  })
  .openapi('AreaCollection');

export const AreaSummary = z
  .object({
    id: z.number().int(), name: z.string(), level: z.enum(AREA_LEVELS), code: z.string().nullable(), parent_name: z.string().nullable(),
    area_km2: z.number(),
    units: z.number().int(), units_open: z.number().int(),
    actors: z.number().int(), actors_by_category: z.record(z.string(), z.number().int()),
    child_places: z.number().int(), child_places_by_kind: z.record(z.string(), z.number().int()),
    information_needs: z.number().int().openapi({ description: '(open or planned unit, child place in this area within the unit’s outer ring) pairs.' }),
    open_information_needs: z.number().int().openapi({ description: 'Those whose status is not informed (not_informed, due_soon, overdue), at the server’s clock.' }),
    information_needs_by_status: z.record(z.string(), z.number().int()),
  })
  .openapi('AreaSummary');
