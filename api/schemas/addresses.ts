/**
 * Schemas of what the OpenStreetMap base data answers: address search, the sanity check
 * of a place (water, outside the imported land) and actor suggestions from points of
 * interest. They validate the requests and describe the answers in the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, IdParam, SWEDEN_BBOX } from './common.js';

/** Addresses answered when `limit` is not given, and the most one search answers. */
export const ADDRESS_LIMIT_DEFAULT = 10;
export const ADDRESS_LIMIT_MAX = 50;
/** Longest address query: longer than any Swedish address with postcode and town. */
export const ADDRESS_Q_MAX = 200;

export const AddressQuery = z.strictObject({
  q: z
    .string({ error: 'q is required: the address to find, such as "Kungsportsavenyen 1"' })
    .trim()
    .min(2, { error: 'q must be at least 2 characters' })
    .max(ADDRESS_Q_MAX, { error: `q must be at most ${ADDRESS_Q_MAX} characters` })
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Street and number, optionally postcode and town: "Kungsportsavenyen 1", "Vasagatan 12 411 24", "Kungsportsavenyn 1A, Göteborg". Typo-tolerant; a beginning of a street name finds it.', example: 'Kungsportsavenyen 1' }),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${ADDRESS_LIMIT_MAX}` })
    .int({ error: `limit must be a whole number from 1 to ${ADDRESS_LIMIT_MAX}` })
    .min(1, { error: `limit must be a whole number from 1 to ${ADDRESS_LIMIT_MAX}` })
    .max(ADDRESS_LIMIT_MAX, { error: `limit must be a whole number from 1 to ${ADDRESS_LIMIT_MAX}` })
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: `How many addresses, ${ADDRESS_LIMIT_DEFAULT} when left out.`, example: ADDRESS_LIMIT_DEFAULT }),
});

export const OsmType = z.enum(['node', 'way', 'relation']);

/** A GeoJSON Feature of an OpenStreetMap point: `id` is `osm:<type>/<id>`, the geometry a Point. */
const osmPointFeature = <P extends z.ZodRawShape>(id: { description: string; example: string }, properties: P) =>
  z.object({
    type: z.literal('Feature'),
    id: z.string().openapi(id),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: z.object(properties),
  });

export const AddressFeature = osmPointFeature(
  { description: 'The OpenStreetMap element, `osm:<type>/<id>`.', example: 'osm:node/1001' },
  {
    street: z.string(),
    housenumber: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    label: z.string().openapi({ description: 'The address as written: "Kungsportsavenyen 1, 411 36 Göteborg".' }),
  },
).openapi('Address');

export const AddressCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(AddressFeature),
    addresses_imported: z.boolean().openapi({ description: 'false when no address is imported at all (import OpenStreetMap base data): an empty answer then says nothing about the query.' }),
  })
  .openapi('AddressCollection');

const coordinate = (name: 'lon' | 'lat', min: number, max: number) => {
  const error = `${name} must be a number from ${min} to ${max} (inside Sweden, WGS 84)`;
  return z.coerce.number({ error }).min(min, { error }).max(max, { error });
};

export const PlaceCheckQuery = z.strictObject({
  lon: coordinate('lon', SWEDEN_BBOX.minLon, SWEDEN_BBOX.maxLon).openapi({ param: { name: 'lon', in: 'query' }, example: 11.965 }),
  lat: coordinate('lat', SWEDEN_BBOX.minLat, SWEDEN_BBOX.maxLat).openapi({ param: { name: 'lat', in: 'query' }, example: 57.708 }),
});

export const PLACE_WARNINGS = ['in_water', 'outside_imported_area', 'outside_land', 'no_base_data'] as const;

export const PlaceCheck = z
  .object({
    in_water: z.boolean(),
    water_name: z.string().nullable().openapi({ description: 'The name of the water the point lies in, when it has one ("Göta älv").' }),
    warnings: z.array(
      z.object({
        code: z.enum(PLACE_WARNINGS),
        name: z.string().nullable().optional().openapi({ description: 'The water\'s name for in_water.' }),
      }),
    ).openapi({
      description: 'in_water: inside a water area of the base data; outside_imported_area: outside the extent of the latest import; ' +
        'outside_land: the base data has land areas and the point is in none of them; no_base_data: nothing imported, so nothing can be checked. Warnings only: no write is refused for them.',
    }),
  })
  .openapi('PlaceCheck');

/** The path of one suggestion: the unit's `id` and the OpenStreetMap element. */
export const SuggestionParams = IdParam.extend({
  osm_type: z.enum(['node', 'way', 'relation'], { error: 'osm_type must be one of node, way, relation' }).openapi({ param: { name: 'osm_type', in: 'path' }, example: 'node' }),
  osm_id: z.coerce.number({ error: 'osm_id must be a positive integer' }).int({ error: 'osm_id must be a positive integer' }).positive({ error: 'osm_id must be a positive integer' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'osm_id must be a positive integer' }).openapi({ param: { name: 'osm_id', in: 'path' }, example: 123 }),
});

export const Suggestion = osmPointFeature(
  { description: 'The external id the record gets: `osm:<type>/<id>`.', example: 'osm:node/123' },
  {
    osm_type: OsmType,
    osm_id: z.number().int(),
    name: z.string().openapi({ description: 'The point\'s name, or a name made of its kind when OpenStreetMap gives none.' }),
    named: z.boolean().openapi({ description: 'false when the name was made from the kind.' }),
    tag: z.string().openapi({ description: 'The tag that made it a point of interest, `key=value`.', example: 'amenity=cafe' }),
    record: z.enum(['actor', 'child_place']),
    category: z.enum(ACTOR_CATEGORIES).nullable().openapi({ description: 'For an actor.' }),
    kind: z.enum(CHILD_PLACE_KINDS).nullable().openapi({ description: 'For a child place.' }),
    address: z.string().nullable().openapi({ description: 'From the addr:* tags.' }),
    distance_m: z.number(),
  },
).openapi('Suggestion');

export const SuggestionCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(Suggestion), pois_imported: z.boolean() })
  .openapi('SuggestionCollection');

export const SuggestionAccepted = z
  .object({ record: z.enum(['actor', 'child_place']), id: z.number().int(), feature: z.unknown().openapi({ description: 'The new actor or child place as its own route answers it.' }) })
  .openapi('SuggestionAccepted');

export type AddressQueryT = z.infer<typeof AddressQuery>;
export type AddressFeatureT = z.infer<typeof AddressFeature>;
export type PlaceCheckT = z.infer<typeof PlaceCheck>;
export type SuggestionT = z.infer<typeof Suggestion>;
