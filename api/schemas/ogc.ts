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

export const OgcItemsQuery = OgcFormatQuery.extend({
  bbox: z.string().optional().openapi({ description: 'minLon,minLat,maxLon,maxLat in WGS 84.', example: '11.9,57.6,12.1,57.8' }),
  'bbox-crs': z.string().optional().openapi({ description: 'Only the default, the OGC URI of CRS84 (WGS 84 lon/lat).' }),
  limit: z.string().regex(/^\d+$/).optional().openapi({ description: 'Items per page, an integer (default and most: see the operation).' }),
  offset: z.string().regex(/^\d+$/).optional().openapi({ description: 'Items to skip, an integer (default 0).' }),
  datetime: z.string().optional().openapi({ description: 'Accepted and ignored: the features have no time extent.' }),
});
