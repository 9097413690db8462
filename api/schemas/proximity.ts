/**
 * Schemas of the proximity engine (zones, contacts, child places near a unit,
 * information needs, site analysis, global zone radii) and of the actor and child
 * place layers. They validate requests, describe responses in the OpenAPI document,
 * and give the client its types (the exported `z.infer` types).
 */
import { z } from '@hono/zod-openapi';
import {
  ACTOR_CATEGORIES, AREA_LEVELS, CHILD_PLACE_KINDS, INFORMATION_STATUSES, pageCounts, pagingQuery, PointGeometry, PRIORITIES, RINGS, SCHOOL_STAGES, SWEDEN_BBOX,
} from './common.js';

/** Smallest and largest zone radius in metres, for global and per-unit radii. */
export const RADIUS_MIN_M = 10;
export const RADIUS_MAX_M = 5000;

/** Splits a comma list query value into its items (empty items dropped). */
export const splitList = (s: string | undefined): string[] | undefined =>
  s === undefined ? undefined : s.split(',').map((v) => v.trim()).filter((v) => v !== '');

/**
 * A query parameter that takes one code or a comma-separated list of codes, each
 * checked against `values`; the 400 names the parameter and lists what is valid.
 */
export const codeList = (name: string, values: readonly string[]) =>
  z
    .string()
    .max(1000, { error: `${name}: at most 1000 characters` })
    .refine((s) => {
      const items = splitList(s)!;
      return items.length > 0 && items.every((v) => values.includes(v));
    }, { error: `must be one of ${values.join(', ')} (one value or a comma-separated list)`, params: { code: 'invalid_value', values } })
    .optional()
    .openapi({
      param: { name, in: 'query' },
      description: `One of ${values.map((v) => `\`${v}\``).join(', ')}, or several as a comma-separated list.`,
      example: values[0],
    });

// ---------------------------------------------------------------- radii

const radius = (name: string) =>
  z
    .number({ error: `${name} must be a number of metres from ${RADIUS_MIN_M} to ${RADIUS_MAX_M}` })
    .min(RADIUS_MIN_M, { error: `${name} must be at least ${RADIUS_MIN_M} m` })
    .max(RADIUS_MAX_M, { error: `${name} must be at most ${RADIUS_MAX_M} m` });

/** Zone radii as a client sends them: 10–5000 m each, strictly increasing. */
export const RadiiInput = z
  .strictObject({ immediate: radius('immediate'), neighbourhood: radius('neighbourhood'), area: radius('area') })
  .refine((r) => r.immediate < r.neighbourhood && r.neighbourhood < r.area, {
    error: 'radii must be strictly increasing: immediate < neighbourhood < area',
    params: { code: 'radii_order' },
  })
  .openapi('RadiiInput', {
    description: `Zone radii in metres (geodesic), each ${RADIUS_MIN_M}–${RADIUS_MAX_M}, strictly increasing.`,
    example: { immediate: 250, neighbourhood: 500, area: 1000 },
  });

export const GlobalRadii = z
  .object({
    immediate: z.number(),
    neighbourhood: z.number(),
    area: z.number(),
    updated_at: z.string().openapi({ description: 'When the radii were last changed (ISO 8601).' }),
  })
  .openapi('GlobalRadii', { description: 'The global zone radii in metres, used by every unit without radii of its own.' });

// ---------------------------------------------------------------- shared properties

export const ContactPerson = z
  .object({ id: z.number().int(), name: z.string(), role: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
  .openapi('ContactPerson', { description: 'An active contact person of an actor (work contact details only).' });

export const ActorProperties = z.object({
  name: z.string(),
  category: z.enum(ACTOR_CATEGORIES),
  organisation: z.string().nullable(),
  contact_about: z.string().nullable().openapi({ description: 'What to contact the actor about.' }),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  external_id: z.string().nullable(),
  version: z.number().int(),
  contact_persons: z.array(ContactPerson),
});

export const ChildPlaceProperties = z.object({
  name: z.string(),
  kind: z.enum(CHILD_PLACE_KINDS),
  stages: z.array(z.enum(SCHOOL_STAGES)).openapi({ description: 'School stages; empty for other kinds.' }),
  operator: z.string().nullable(),
  address: z.string().nullable(),
  external_id: z.string().nullable(),
  contact_name: z.string().nullable(),
  contact_role: z.string().nullable(),
  contact_phone: z.string().nullable(),
  contact_email: z.string().nullable(),
  version: z.number().int(),
});

const Proximity = {
  distance_m: z.number().openapi({ description: 'Geodesic distance to the unit in metres (WGS 84 spheroid), rounded to 0.1 m.', example: 182.4 }),
  ring: z.enum(RINGS).openapi({ description: 'The innermost ring the place lies in (distance ≤ that ring\'s radius).' }),
};

export const Information = z
  .object({
    status: z.enum(INFORMATION_STATUSES),
    last_informed_at: z.string().nullable().openapi({ description: 'When the child place was last informed about this unit (ISO 8601).' }),
    due_at: z.string().nullable().openapi({ description: 'When the information is due again (ISO 8601).' }),
  })
  .openapi('Information');

/** Walking distance along the OpenStreetMap street network (api/walking/), null when unknown. */
const Walk = {
  walk_m: z.number().nullable().openapi({
    description: 'Walking distance to the unit in metres along the street and path network of the imported OpenStreetMap base data (the way to and from the nearest walkable way counted as the crow flies), rounded to 0.1 m; null without base data, when either place is more than 300 m from a walkable way, or when the walk is unreachable or longer than 5 km.',
    example: 1204.6,
  }),
  walk_min: z.number().nullable().openapi({ description: 'Minutes of walking at the `walking_speed_kmh` setting (5 km/h unless changed), to 0.1 min; null when `walk_m` is.', example: 14.5 }),
};

/** Orders of a unit's contacts and child places: straight distance (the default), or walking distance (unknown walks last). */
export const LIST_SORTS = ['distance_m', 'walk_m', 'walk_min'] as const;
const sortParam = z.enum(LIST_SORTS, { error: `sort must be one of ${LIST_SORTS.join(', ')}` }).optional().openapi({
  param: { name: 'sort', in: 'query' },
  description: 'Order by `distance_m` (straight line, the default) or by walking distance (`walk_m` or `walk_min`, the same order; places without a walking distance last); ties by id.',
});

/** What a child place near a unit adds to the need fields: its walk, and what its ring follows. */
const NearWalk = {
  ...Walk,
  ring_basis: z.enum(['straight', 'walking']).openapi({
    description: 'What `ring` and `priority` follow: the straight distance, or (setting `information_distance` = walking) the walking distance; a place inside the straight outer ring but beyond the neighbourhood ring on foot, or out of reach on foot though both places are on the network, is then `area`/`low`, and one off the network (or without base data) keeps its straight ring. The city-wide list `GET /api/information-needs` follows the same setting.',
  }),
};

const NeedFields = {
  ...Proximity,
  priority: z.enum(PRIORITIES).openapi({ description: 'high in `immediate`, medium in `neighbourhood`, low in `area`.' }),
  information: Information,
};

// ---------------------------------------------------------------- zones

export const ZoneFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.enum(RINGS),
    geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
    properties: z.object({ ring: z.enum(RINGS), radius_m: z.number() }),
  })
  .openapi('Zone');

export const ZoneCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(ZoneFeature) })
  .openapi('ZoneCollection');

// ---------------------------------------------------------------- contacts and child places of a unit

/** The date (YYYY-MM-DD) of the latest activity linked to an actor, at any unit; null when none. */
export const LastContactedAt = z.string().nullable().openapi({
  description: 'The date (YYYY-MM-DD) of the latest activity linked to the actor, at any unit; null when there is none. Only the date: never which unit.',
  example: '2026-11-03',
});

export const ContactFeature = z
  .object({ type: z.literal('Feature'), id: z.number().int(), geometry: PointGeometry, properties: ActorProperties.extend(Proximity).extend(Walk).extend({ last_contacted_at: LastContactedAt }) })
  .openapi('Contact');

export const ContactCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(ContactFeature) })
  .openapi('ContactCollection');

export const NearChildPlaceFeature = z
  .object({ type: z.literal('Feature'), id: z.number().int(), geometry: PointGeometry, properties: ChildPlaceProperties.extend(NeedFields).extend(NearWalk) })
  .openapi('NearChildPlace');

export const NearChildPlaceCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(NearChildPlaceFeature) })
  .openapi('NearChildPlaceCollection');

export const ContactsQuery = z.strictObject({
  ring: codeList('ring', RINGS),
  category: codeList('category', ACTOR_CATEGORIES),
  sort: sortParam,
});

export const UnitChildPlacesQuery = z.strictObject({
  ring: codeList('ring', RINGS),
  kind: codeList('kind', CHILD_PLACE_KINDS),
  priority: codeList('priority', PRIORITIES),
  status: codeList('status', INFORMATION_STATUSES),
  sort: sortParam,
});

// ---------------------------------------------------------------- walk zones

/** Most bands and the longest band of one walk-zones request. */
export const WALK_BANDS_MAX = 6;
export const WALK_MINUTES_MAX = 60;

export const WalkZonesQuery = z.strictObject({
  minutes: z
    .string()
    .max(100)
    .refine((s) => {
      const items = s.split(',');
      return items.length >= 1 && items.length <= WALK_BANDS_MAX && items.every((v) => /^\s*\d{1,2}\s*$/.test(v) && Number(v) >= 1 && Number(v) <= WALK_MINUTES_MAX);
    }, { error: `minutes must be 1 to ${WALK_BANDS_MAX} whole numbers of minutes from 1 to ${WALK_MINUTES_MAX}, comma-separated (e.g. 5,10,15)`, params: { code: 'invalid_value' } })
    .optional()
    .openapi({ param: { name: 'minutes', in: 'query' }, description: `Band limits in minutes of walking, comma-separated, 1–${WALK_MINUTES_MAX} each, at most ${WALK_BANDS_MAX}; 5,10,15 when left out.`, example: '5,10,15' }),
});

/** The minutes of a valid `minutes` value, ascending and without repeats. */
export const parseMinutes = (s: string | undefined, fallback: readonly number[]): number[] =>
  s === undefined ? [...fallback] : [...new Set(s.split(',').map((v) => Number(v.trim())))].sort((a, b) => a - b);

export const WalkZoneFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.number().int(),
    geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
    properties: z.object({
      minutes: z.number().int(),
      limit_m: z.number().openapi({ description: 'The walking distance the band reaches, in metres (minutes × speed).' }),
      reached_nodes: z.number().int().openapi({ description: 'How many network nodes lie within the band (the polygon holds each of them).' }),
    }),
  })
  .openapi('WalkZone');

export const WalkZoneCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(WalkZoneFeature),
    walking: z.object({
      network_version: z.number().int().nullable().openapi({ description: 'The base-data import the network comes from; null when there is no base data (then no bands).' }),
      speed_kmh: z.number(),
      snap_distance_m: z.number().nullable().openapi({ description: 'From the unit (as the caller may see it) to the nearest walkable way; null when none lies within 300 m (then no bands).' }),
    }),
  })
  .openapi('WalkZoneCollection', { description: 'One polygon per band, innermost first: the outline of the street network reached on foot within that many minutes.' });

// ---------------------------------------------------------------- information needs

const positiveId = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a positive integer` })
    .int({ error: `${name} must be a positive integer` })
    .positive({ error: `${name} must be a positive integer` })
    .max(2147483647, { error: `${name} must be a positive integer below 2147483648` });

/**
 * The orders of the information needs: `urgency` (what needs doing first: status overdue,
 * not informed, due soon, informed; then priority high to low; then distance) and one per
 * column. A leading `-` reverses the key; ties follow the urgency order.
 */
export const NEED_SORT_KEYS = ['urgency', 'name', 'unit', 'distance', 'priority', 'status', 'due'] as const;
export type NeedSortKey = (typeof NEED_SORT_KEYS)[number];
export type NeedSort = NeedSortKey | `-${NeedSortKey}`;
const NEED_SORTS = NEED_SORT_KEYS.flatMap((k) => [k, `-${k}`]) as [NeedSort, ...NeedSort[]];

/** The filters of the information needs, shared by the list and its CSV export. */
export const InformationNeedsFilterQuery = z.strictObject({
  status: codeList('status', INFORMATION_STATUSES),
  unit_id: positiveId('unit_id').optional().openapi({ param: { name: 'unit_id', in: 'query' }, description: 'Only this unit.', example: 1 }),
  kind: codeList('kind', CHILD_PLACE_KINDS),
  priority: codeList('priority', PRIORITIES),
  area: positiveId('area').optional().openapi({ param: { name: 'area', in: 'query' }, description: 'Only child places inside this area (id of /api/areas).', example: 1 }),
  sort: z
    .enum(NEED_SORTS, { error: `sort must be one of ${NEED_SORTS.join(', ')}` })
    .optional()
    .openapi({
      param: { name: 'sort', in: 'query' },
      description: `The order: ${NEED_SORT_KEYS.map((k) => `\`${k}\``).join(', ')}, or one of them with a leading \`-\` for descending; \`urgency\` when left out.`,
      example: '-distance',
    }),
});

export const InformationNeedsQuery = InformationNeedsFilterQuery.extend({ ...pagingQuery });

export const InformationNeedFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string().openapi({ description: '"<unit_id>:<child_place_id>": one feature per (unit, child place) pair.', example: '1:17' }),
    geometry: PointGeometry,
    properties: ChildPlaceProperties.extend({
      unit_id: z.number().int(),
      unit_name: z.string(),
      child_place_id: z.number().int(),
      ...NeedFields,
      ring: z.enum(RINGS).openapi({ description: 'The innermost ring the place lies in: by the straight distance, or, with the setting `information_distance` = walking, by the walking distance as on the unit\'s own list (`ring_basis` there); `distance_m` stays the straight distance.' }),
      walk_m: z.number().nullable().openapi({ description: 'With `information_distance` = walking, the walking distance in metres (0.1 m) that the ring follows; null by the straight line, off the network or out of reach on foot.', example: 1200 }),
    }),
  })
  .openapi('InformationNeed');

const countOf = <T extends string>(codes: readonly T[]) =>
  z.object(Object.fromEntries(codes.map((c) => [c, z.number().int()])) as Record<T, z.ZodNumber>);

export const InformationNeedCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(InformationNeedFeature),
    ...pageCounts,
    by_status: countOf(INFORMATION_STATUSES).openapi({
      description: 'The needs passing every filter but `status` (every page) counted by information status, so the status choices show their counts; every status present.',
      example: { overdue: 3, not_informed: 120, due_soon: 4, informed: 51 },
    }),
    by_priority: countOf(PRIORITIES).openapi({
      description: 'The needs passing every filter but `priority` (every page) counted by priority, so the priority choices show their counts; every priority present.',
      example: { high: 30, medium: 58, low: 90 },
    }),
  })
  .openapi('InformationNeedCollection');

// ---------------------------------------------------------------- site analysis

export const coordinate = (name: 'lon' | 'lat', min: number, max: number) =>
  z
    .number({ error: `${name} must be a number from ${min} to ${max} (inside Sweden, WGS 84)` })
    .min(min, { error: `${name} must be a number from ${min} to ${max} (inside Sweden, WGS 84)` })
    .max(max, { error: `${name} must be a number from ${min} to ${max} (inside Sweden, WGS 84)` });

export const SiteAnalysisInput = z
  .strictObject({
    lon: coordinate('lon', SWEDEN_BBOX.minLon, SWEDEN_BBOX.maxLon).openapi({ example: 12.006 }),
    lat: coordinate('lat', SWEDEN_BBOX.minLat, SWEDEN_BBOX.maxLat).openapi({ example: 57.683 }),
    radii: RadiiInput.optional(),
  })
  .openapi('SiteAnalysisInput', { description: 'A candidate site; `radii` to analyse with, the global zone radii when left out.' });

const countsOf = (codes: readonly string[]) =>
  z.object(Object.fromEntries(codes.map((c) => [c, z.number().int()])) as Record<string, z.ZodNumber>);

export const NearestPlace = z
  .object({ id: z.number().int(), name: z.string(), distance_m: z.number() })
  .nullable()
  .openapi('NearestPlace', { description: 'The nearest place of the kind anywhere, or null when there is none.' });

export const SiteAnalysis = z
  .object({
    rings: z.array(
      z.object({
        ring: z.enum(RINGS),
        radius_m: z.number(),
        actors: countsOf(ACTOR_CATEGORIES).openapi({ description: 'Actors per category in this ring\'s annulus; every category present.' }),
        child_places: countsOf(CHILD_PLACE_KINDS).openapi({ description: 'Child places per kind in this ring\'s annulus; every kind present.' }),
      }),
    ),
    nearest: z.object({ school: NearestPlace, preschool: NearestPlace, playground: NearestPlace }),
    overlapping_units: z.array(z.object({ id: z.number().int(), name: z.string(), distance_m: z.number() })),
    walking: z
      .object({
        speed_kmh: z.number(),
        bands: z.array(z.object({
          minutes: z.number().int(),
          limit_m: z.number(),
          actors: countsOf(ACTOR_CATEGORIES).openapi({ description: 'Actors inside the outer ring whose walk ends in this band (after the previous one).' }),
          child_places: countsOf(CHILD_PLACE_KINDS),
        })),
        beyond: z.object({ actors: z.number().int(), child_places: z.number().int() }).openapi({ description: 'Places inside the outer ring farther on foot than the last band, or without a walking distance.' }),
      })
      .nullable()
      .openapi({ description: 'The places inside the outer ring counted by walking band (5, 10 and 15 minutes); null without base data or when the site is more than 300 m from a walkable way.' }),
    address: z
      .object({ label: z.string(), distance_m: z.number() })
      .nullable()
      .openapi({ description: 'The nearest street address (OpenStreetMap base data) within 150 m of the point, to name the site by; null when none is that near or no addresses are imported.' }),
    areas: z
      .array(z.object({ id: z.number().int(), name: z.string(), level: z.enum(AREA_LEVELS) }))
      .openapi({ description: 'The areas the point lies in (city area first, then primary area), to name the site by where it is; empty outside every imported area.' }),
  })
  .openapi('SiteAnalysis');

// ---------------------------------------------------------------- layers

const BBOX_MESSAGE =
  'bbox must be four comma-separated finite numbers minLon,minLat,maxLon,maxLat with longitudes within -180..180, latitudes within -90..90, minLon < maxLon and minLat < maxLat';

/** Parses a `bbox` query value; undefined when it is not a valid box. */
export function parseBbox(s: string): [number, number, number, number] | undefined {
  const parts = s.split(',');
  if (parts.length !== 4 || parts.some((p) => p.trim() === '')) return undefined;
  const n = parts.map(Number) as [number, number, number, number];
  if (!n.every(Number.isFinite)) return undefined;
  const [minLon, minLat, maxLon, maxLat] = n;
  const lonOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -90 && v <= 90;
  if (!lonOk(minLon) || !lonOk(maxLon) || !latOk(minLat) || !latOk(maxLat)) return undefined;
  if (!(minLon < maxLon && minLat < maxLat)) return undefined;
  return n;
}

const layerQuery = <K extends string>(listName: K, values: readonly string[]) =>
  z.strictObject({
    bbox: z
      .string()
      .max(200, { error: BBOX_MESSAGE })
      .refine((s) => parseBbox(s) !== undefined, { error: BBOX_MESSAGE })
      .optional()
      .openapi({ param: { name: 'bbox', in: 'query' }, description: 'minLon,minLat,maxLon,maxLat (WGS 84).', example: '11.9,57.6,12.1,57.8' }),
    q: z
      .string()
      .max(100, { error: 'q: at most 100 characters' })
      .optional()
      .openapi({ param: { name: 'q', in: 'query' }, description: 'Case-insensitive search in name and address (substring).' }),
    ...pagingQuery,
    ...({ [listName]: codeList(listName, values) } as Record<K, ReturnType<typeof codeList>>),
  });

export const ActorsLayerQuery = layerQuery('category', ACTOR_CATEGORIES);
export const ChildPlacesLayerQuery = layerQuery('kind', CHILD_PLACE_KINDS);

export const ActorFeature = z
  .object({ type: z.literal('Feature'), id: z.number().int(), geometry: PointGeometry, properties: ActorProperties })
  .openapi('Actor');

export const ChildPlaceFeature = z
  .object({ type: z.literal('Feature'), id: z.number().int(), geometry: PointGeometry, properties: ChildPlaceProperties })
  .openapi('ChildPlace');

export const ActorLayer = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(ActorFeature), ...pageCounts })
  .openapi('ActorCollection');

export const ChildPlaceLayer = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(ChildPlaceFeature), ...pageCounts })
  .openapi('ChildPlaceCollection');

export type RadiiInputT = z.infer<typeof RadiiInput>;
export type GlobalRadiiT = z.infer<typeof GlobalRadii>;
export type ZoneCollectionT = z.infer<typeof ZoneCollection>;
export type WalkZoneCollectionT = z.infer<typeof WalkZoneCollection>;
export type Contact = z.infer<typeof ContactFeature>;
export type ContactCollectionT = z.infer<typeof ContactCollection>;
export type NearChildPlace = z.infer<typeof NearChildPlaceFeature>;
export type NearChildPlaceCollectionT = z.infer<typeof NearChildPlaceCollection>;
export type InformationNeed = z.infer<typeof InformationNeedFeature>;
export type InformationNeedCollectionT = z.infer<typeof InformationNeedCollection>;
export type SiteAnalysisInputT = z.infer<typeof SiteAnalysisInput>;
export type SiteAnalysisT = z.infer<typeof SiteAnalysis>;
export type Actor = z.infer<typeof ActorFeature>;
export type ChildPlace = z.infer<typeof ChildPlaceFeature>;
export type ActorLayerT = z.infer<typeof ActorLayer>;
export type ChildPlaceLayerT = z.infer<typeof ChildPlaceLayer>;
