/**
 * Schemas of the OGC API – Features answers under /ogc. They describe the answers in
 * the OpenAPI document only: the OGC routes check their query parameters themselves,
 * because the standard wants unknown parameters refused with its own wording.
 */
import { z } from '@hono/zod-openapi';
import { COLLECTION_IDS } from '../ogc/features.js';

export const OgcLink = z
  .object({ href: z.string(), rel: z.string(), type: z.string(), title: z.string() })
  .openapi('OgcLink');

export const OgcLanding = z
  .object({ title: z.string(), description: z.string(), links: z.array(OgcLink) })
  .openapi('OgcLandingPage');

export const OgcConformance = z
  .object({ conformsTo: z.array(z.string()) })
  .openapi('OgcConformance');

export const OgcCollection = z
  .object({
    id: z.enum(COLLECTION_IDS as [string, ...string[]]),
    title: z.string(),
    description: z.string(),
    itemType: z.literal('feature'),
    crs: z.array(z.string()),
    storageCrs: z.string(),
    extent: z
      .object({ spatial: z.object({ bbox: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])), crs: z.string() }) })
      .optional()
      .openapi({ description: 'Absent for an empty collection.' }),
    links: z.array(OgcLink),
  })
  .openapi('OgcCollection');

export const OgcCollections = z
  .object({ links: z.array(OgcLink), collections: z.array(OgcCollection) })
  .openapi('OgcCollections');

const OgcGeometry = z
  .object({ type: z.enum(['Point', 'MultiPolygon']), coordinates: z.array(z.unknown()) })
  .openapi('OgcGeometry', { description: 'GeoJSON geometry, WGS 84 (CRS84): a Point, or a MultiPolygon for areas.' });

const featureShape = {
  type: z.literal('Feature'),
  id: z.number().int(),
  geometry: OgcGeometry,
  properties: z.record(z.string(), z.unknown()).openapi({ description: "The collection's properties (see the collection's description)." }),
};

export const OgcFeature = z.object({ ...featureShape, links: z.array(OgcLink) }).openapi('OgcFeature');

/** A whole layer as one GeoJSON file (`GET /api/exports/{layer}?format=geojson`): the OGC features without links. */
export const LayerExport = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.object(featureShape)) })
  .openapi('LayerExport');

export const OgcFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object(featureShape)),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    timeStamp: z.string(),
    links: z.array(OgcLink),
  })
  .openapi('OgcFeatureCollection');

export const OgcCollectionParam = z.object({
  collectionId: z.enum(COLLECTION_IDS as [string, ...string[]]).openapi({ param: { name: 'collectionId', in: 'path' }, example: 'units' }),
});

export const OgcFeatureParams = OgcCollectionParam.extend({
  featureId: z.string().regex(/^\d{1,10}$/).openapi({ param: { name: 'featureId', in: 'path' }, example: '1' }),
});

export const OgcFormatQuery = z.object({
  f: z.enum(['json', 'geojson']).optional().openapi({ description: 'The encoding; JSON is the only one (no HTML).' }),
});

const crsUris = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84 (the default), http://www.opengis.net/def/crs/EPSG/0/4326 (latitude first), http://www.opengis.net/def/crs/EPSG/0/3006 (SWEREF 99 TM, northing first) or 3007–3018 (the SWEREF 99 local zones); `[EPSG:3006]` also works';

export const OgcCrsQuery = OgcFormatQuery.extend({
  crs: z.string().optional().openapi({ description: `The CRS of the answer's geometry (OGC API – Features Part 2), in that CRS's axis order; \`Content-Crs\` names it: ${crsUris}.`, example: 'http://www.opengis.net/def/crs/EPSG/0/3006' }),
});

export const OgcItemsQuery = OgcCrsQuery.extend({
  bbox: z.string().optional().openapi({ description: "Four numbers in bbox-crs's axis order: minLon,minLat,maxLon,maxLat for CRS84. A bbox in another CRS is tested exactly (its outline in WGS 84), not as an envelope.", example: '11.9,57.6,12.1,57.8' }),
  'bbox-crs': z.string().optional().openapi({ description: `The CRS of bbox: ${crsUris}.` }),
  limit: z.string().regex(/^\d+$/).optional().openapi({ description: 'Items per page, an integer (default and most: see the operation).' }),
  offset: z.string().regex(/^\d+$/).optional().openapi({ description: 'Items to skip, an integer (default 0).' }),
  datetime: z.string().optional().openapi({ description: 'When the record last changed (updated_at): an instant or date, or an interval start/end with .. for an open end.', example: '2026-01-01T00:00:00Z/..' }),
  filter: z.string().optional().openapi({ description: "A CQL2 text filter (OGC API – Features Part 3) over the collection's queryables: comparisons, AND, OR, NOT, LIKE, BETWEEN, IN, IS NULL, S_INTERSECTS(geometry, BBOX(…) | POINT | LINESTRING | POLYGON). Anything else is a 400 that says what is valid.", example: "category IN ('shop','police') AND name LIKE 'Ica%'" }),
  'filter-lang': z.enum(['cql2-text']).optional().openapi({ description: 'Only cql2-text.' }),
  'filter-crs': z.string().optional().openapi({ description: 'Only CRS84: filter coordinates are longitude, latitude.' }),
});

export const OgcQueryables = z.object({
  $schema: z.string(), $id: z.string(), type: z.literal('object'), title: z.string(),
  properties: z.record(z.string(), z.object({ title: z.string(), type: z.string().optional(), format: z.string().optional(), enum: z.array(z.string()).optional() })),
  additionalProperties: z.literal(false),
}).openapi('OgcQueryables');
