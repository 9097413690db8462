import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireRole, resolveUser } from '../auth/middleware.js';
import { DEFAULTS } from '../config.js';
import type { AppEnv } from '../env.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { contextOf } from '../http/context.js';
import { publicOrigin } from '../http/publicOrigin.js';
import { noStore } from '../http/security.js';
import { errorResponses } from '../schemas/common.js';
import {
  OgcCollection, OgcCollectionParam, OgcCollections, OgcConformance, OgcFeature, OgcFeatureCollection, OgcFeatureParams, OgcFormatQuery, OgcItemsQuery, OgcLanding,
} from '../schemas/ogc.js';
import { parseBbox } from '../schemas/proximity.js';
import { collectionExtents, collectionFeature, collectionPage } from '../services/collections.js';
import { COLLECTION_IDS, COLLECTIONS, isCollectionId, type CollectionId } from './features.js';

/** Items per page when `limit` is not given (OGC API – Features suggests 10), and the most allowed. */
export const OGC_LIMIT_DEFAULT = 10;
export const OGC_LIMIT_MAX = DEFAULTS.listLimitMax;

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const GEOJSON = 'application/geo+json';

/** Query parameters each resource understands; anything else is a 400 (OGC API – Features /req/core/query-param-unknown). */
const KNOWN_PARAMS: Record<'meta' | 'items' | 'item', string[]> = {
  meta: ['f'],
  items: ['f', 'bbox', 'bbox-crs', 'limit', 'offset', 'datetime'],
  item: ['f'],
};

function checkParams(c: Context<AppEnv>, kind: keyof typeof KNOWN_PARAMS): void {
  for (const key of Object.keys(c.req.queries())) {
    if (!KNOWN_PARAMS[kind].includes(key)) throw badRequest(`Unknown query parameter "${key}"; valid here: ${KNOWN_PARAMS[kind].join(', ')}.`);
  }
  const f = c.req.query('f');
  if (f !== undefined && !['json', 'geojson'].includes(f)) throw badRequest(`f: must be json or geojson (no HTML encoding); got "${f.slice(0, 20)}"`);
}

/** Absolute links start at the origin users reach (PUBLIC_URL), not at whatever `Host` a request names. */
const baseUrl = (c: Context<AppEnv>) => `${publicOrigin(c)}/ogc`;

function intParam(c: Context<AppEnv>, name: string, dflt: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(v) || v < min || v > max) throw badRequest(`${name}: must be an integer from ${min} to ${max}; got "${raw.slice(0, 20)}"`);
  return v;
}

function json(c: Context<AppEnv>, body: unknown, type = 'application/json') {
  return c.body(JSON.stringify(body), 200, { 'Content-Type': type });
}

function collectionDoc(base: string, id: CollectionId, extent?: [number, number, number, number]) {
  const def = COLLECTIONS[id];
  return {
    id,
    title: def.title,
    description: def.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: CRS84 } } } : {}),
    links: [
      { href: `${base}/collections/${id}`, rel: 'self', type: 'application/json', title: 'This collection' },
      { href: `${base}/collections/${id}/items`, rel: 'items', type: GEOJSON, title: `${def.title} as GeoJSON` },
    ],
  };
}

/** The OGC resources as OpenAPI paths, so that /api/openapi.json (the landing page's `service-desc`) describes them too. */
const OGC_PATHS: RouteConfig[] = [
  {
    method: 'get', path: '/', tags: ['OGC API – Features'], summary: 'OGC API – Features landing page',
    request: { query: OgcFormatQuery },
    responses: { 200: { description: 'Title and links to the API definition, the conformance classes and the collections.', content: { 'application/json': { schema: OgcLanding } } }, ...errorResponses(400, 401) },
  },
  {
    method: 'get', path: '/conformance', tags: ['OGC API – Features'], summary: 'The conformance classes implemented (Part 1 core, GeoJSON)',
    request: { query: OgcFormatQuery },
    responses: { 200: { description: 'The conformance classes.', content: { 'application/json': { schema: OgcConformance } } }, ...errorResponses(400, 401) },
  },
  {
    method: 'get', path: '/collections', tags: ['OGC API – Features'], summary: 'The collections: units, actors, child places, areas',
    request: { query: OgcFormatQuery },
    responses: { 200: { description: 'The collections with their extents.', content: { 'application/json': { schema: OgcCollections } } }, ...errorResponses(400, 401) },
  },
  {
    method: 'get', path: '/collections/{collectionId}', tags: ['OGC API – Features'], summary: 'One collection',
    request: { params: OgcCollectionParam, query: OgcFormatQuery },
    responses: { 200: { description: 'The collection.', content: { 'application/json': { schema: OgcCollection } } }, ...errorResponses(400, 401, 404) },
  },
  {
    method: 'get', path: '/collections/{collectionId}/items', tags: ['OGC API – Features'], summary: "A page of a collection's features (GeoJSON)",
    description: `\`limit\` ${OGC_LIMIT_DEFAULT} by default, at most ${OGC_LIMIT_MAX}; \`next\`/\`prev\` links page through. Any other query parameter is a 400. ` +
      'Restricted units are snapped to a 250 m grid, without address, for roles without need-to-know; the bbox is tested on the location shown.',
    request: { params: OgcCollectionParam, query: OgcItemsQuery },
    responses: { 200: { description: 'The features, in id order.', content: { [GEOJSON]: { schema: OgcFeatureCollection } } }, ...errorResponses(400, 401, 404) },
  },
  {
    method: 'get', path: '/collections/{collectionId}/items/{featureId}', tags: ['OGC API – Features'], summary: 'One feature (GeoJSON)',
    request: { params: OgcFeatureParams, query: OgcFormatQuery },
    responses: { 200: { description: 'The feature.', content: { [GEOJSON]: { schema: OgcFeature } } }, ...errorResponses(400, 401, 404) },
  },
];

const ogcApp = new OpenAPIHono<AppEnv>();
for (const route of OGC_PATHS) ogcApp.openAPIRegistry.registerPath(route);

/**
 * OGC API – Features, Part 1 Core with GeoJSON, over units, actors, child places and
 * areas: readable by QGIS and GDAL's OAPIF driver. The product's access rules apply:
 * a session or a personal API token (`Authorization: Bearer`), viewer or above;
 * restricted units coarsened for roles without need-to-know.
 */
export const ogcRoutes = ogcApp
  .use('*', noStore, resolveUser, requireRole('viewer'))
  .get('/', (c) => {
    checkParams(c, 'meta');
    const base = baseUrl(c);
    return json(c, {
      title: 'Platssamverkan – OGC API Features',
      description: 'Units, neighbourhood actors, child places and areas of the place-collaboration model (WGS 84, GeoJSON).',
      links: [
        { href: `${base}`, rel: 'self', type: 'application/json', title: 'This document' },
        { href: `${publicOrigin(c)}/api/openapi.json`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.1', title: 'The API definition (OpenAPI 3.1), this OGC API included' },
        { href: `${base}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
        { href: `${base}/collections`, rel: 'data', type: 'application/json', title: 'The collections' },
      ],
    });
  })
  .get('/conformance', (c) => {
    checkParams(c, 'meta');
    return json(c, { conformsTo: CONFORMANCE });
  })
  .get('/collections', async (c) => {
    checkParams(c, 'meta');
    const base = baseUrl(c);
    const extents = await collectionExtents(contextOf(c));
    return json(c, {
      links: [{ href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'The collections' }],
      collections: COLLECTION_IDS.map((id) => collectionDoc(base, id, extents[id])),
    });
  })
  .get('/collections/:collectionId', async (c) => {
    checkParams(c, 'meta');
    const id = c.req.param('collectionId');
    if (!isCollectionId(id)) throw notFound('collection', id.slice(0, 40));
    const extents = await collectionExtents(contextOf(c));
    return json(c, collectionDoc(baseUrl(c), id, extents[id]));
  })
  .get('/collections/:collectionId/items', async (c) => {
    checkParams(c, 'items');
    const id = c.req.param('collectionId');
    if (!isCollectionId(id)) throw notFound('collection', id.slice(0, 40));
    const limit = intParam(c, 'limit', OGC_LIMIT_DEFAULT, 1, OGC_LIMIT_MAX);
    const offset = intParam(c, 'offset', 0, 0, 2_147_483_647);
    const bboxRaw = c.req.query('bbox');
    const bbox = bboxRaw === undefined ? undefined : parseBbox(bboxRaw);
    if (bboxRaw !== undefined && !bbox) throw badRequest('bbox: must be four numbers minLon,minLat,maxLon,maxLat in WGS 84 with min < max');
    const bboxCrs = c.req.query('bbox-crs');
    if (bboxCrs !== undefined && bboxCrs !== CRS84) throw badRequest(`bbox-crs: only ${CRS84} is supported`);
    const ctx = contextOf(c);
    const page = await collectionPage(ctx, id, { bbox, limit, offset });
    const base = `${baseUrl(c)}/collections/${id}/items`;
    const link = (o: number, rel: string, title: string) => {
      const q = new URLSearchParams({ limit: String(limit), offset: String(o) });
      if (bboxRaw !== undefined) q.set('bbox', bboxRaw);
      return { href: `${base}?${q}`, rel, type: GEOJSON, title };
    };
    const links = [link(offset, 'self', 'This page')];
    if (offset + page.features.length < page.numberMatched) links.push(link(offset + limit, 'next', 'Next page'));
    if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev', 'Previous page'));
    links.push({ href: `${baseUrl(c)}/collections/${id}`, rel: 'collection', type: 'application/json', title: 'The collection' });
    return json(c, {
      type: 'FeatureCollection',
      features: page.features,
      numberMatched: page.numberMatched,
      numberReturned: page.features.length,
      timeStamp: ctx.now.toISOString(),
      links,
    }, GEOJSON);
  })
  .get('/collections/:collectionId/items/:featureId', async (c) => {
    checkParams(c, 'item');
    const id = c.req.param('collectionId');
    if (!isCollectionId(id)) throw notFound('collection', id.slice(0, 40));
    const raw = c.req.param('featureId');
    const fid = Number(raw);
    if (!/^\d{1,10}$/.test(raw) || fid < 1 || fid > 2_147_483_647) throw new ApiError('not_found', `No feature "${raw.slice(0, 20)}" in ${id}: feature ids are positive integers.`);
    const feature = await collectionFeature(contextOf(c), id, fid);
    const base = baseUrl(c);
    return json(c, {
      ...feature,
      links: [
        { href: `${base}/collections/${id}/items/${fid}`, rel: 'self', type: GEOJSON, title: 'This feature' },
        { href: `${base}/collections/${id}`, rel: 'collection', type: 'application/json', title: 'The collection' },
      ],
    }, GEOJSON);
  });
