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
  OgcCollection, OgcCollectionParam, OgcCollections, OgcConformance, OgcFeature, OgcFeatureCollection, OgcCrsQuery, OgcFeatureParams, OgcFormatQuery, OgcItemsQuery, OgcLanding, OgcQueryables,
} from '../schemas/ogc.js';
import { parseBbox } from '../schemas/proximity.js';
import { collectionExtents, collectionFeature, collectionPage } from '../services/collections.js';
import type { Geometry } from 'geojson';
import { bboxPolygonToWgs84, CRS84, crsOf, geometryFromWgs84, SUPPORTED_CRS, type CrsDef } from '../geo/crs.js';
import { CqlError, parseCql2Text, type CqlExpr, type CqlScalar, type CqlSpatial } from './cql2.js';
import { COLLECTION_IDS, COLLECTIONS, isCollectionId, type CollectionId } from './features.js';
import { checkFilter, queryablesDocument } from './queryables.js';

/** Items per page when `limit` is not given (OGC API – Features suggests 10), and the most allowed. */
export const OGC_LIMIT_DEFAULT = 10;
export const OGC_LIMIT_MAX = DEFAULTS.listLimitMax;

/** What this API implements, and nothing more: Part 1 core with GeoJSON, Part 2 (CRS), Part 3 (queryables, CQL2 text filters). */
const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
];
const GEOJSON = 'application/geo+json';

/** Query parameters each resource understands; anything else is a 400 (OGC API – Features /req/core/query-param-unknown). */
const KNOWN_PARAMS: Record<'meta' | 'items' | 'item', string[]> = {
  meta: ['f'],
  items: ['f', 'bbox', 'bbox-crs', 'limit', 'offset', 'datetime', 'crs', 'filter', 'filter-lang', 'filter-crs'],
  item: ['f', 'crs'],
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

/** The CRS a parameter names (`crs`, `bbox-crs`), CRS84 when absent; a 400 listing the supported ones otherwise. */
function crsParam(c: Context<AppEnv>, name: 'crs' | 'bbox-crs'): CrsDef {
  const raw = c.req.query(name);
  if (raw === undefined) return SUPPORTED_CRS[0]!;
  const crs = crsOf(raw);
  if (!crs) throw badRequest(`${name}: must be one of ${SUPPORTED_CRS.map((d) => d.uri).join(', ')}; got "${raw.slice(0, 80)}"`);
  return crs;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * `datetime` (an instant, or an interval `start/end` with `..` for an open end) as a
 * filter on when each record last changed, the one time the records carry.
 */
function datetimeFilter(raw: string): CqlExpr {
  const bad = () => badRequest(`datetime: must be a date-time (2026-01-31T00:00:00Z), a date, or an interval start/end with .. for an open end; it is tested on updated_at; got "${raw.slice(0, 60)}"`);
  const lit = (s: string): CqlScalar => {
    if (!INSTANT.test(s) || Number.isNaN(Date.parse(s))) throw bad();
    return s.length === 10 ? { date: s } : { timestamp: s };
  };
  const p = { property: 'updated_at' };
  const parts = raw.split('/');
  if (parts.length === 1) return { op: '=', args: [p, lit(parts[0]!)] };
  if (parts.length !== 2) throw bad();
  const [start, end] = parts as [string, string];
  const args: CqlExpr[] = [];
  if (start !== '..' && start !== '') args.push({ op: '>=', args: [p, lit(start)] });
  if (end !== '..' && end !== '') args.push({ op: '<=', args: [p, lit(end)] });
  if (!args.length) throw bad();
  return args.length === 1 ? args[0]! : { op: 'and', args };
}

/** `filter` in CQL2 text, checked against the collection's queryables; a 400 with the position and what is valid. */
function filterParam(c: Context<AppEnv>, collection: CollectionId): CqlExpr | undefined {
  const raw = c.req.query('filter');
  const lang = c.req.query('filter-lang');
  if (lang !== undefined && lang !== 'cql2-text') throw badRequest(`filter-lang: only cql2-text is implemented; got "${lang.slice(0, 40)}"`);
  const filterCrs = c.req.query('filter-crs');
  if (filterCrs !== undefined && crsOf(filterCrs)?.uri !== CRS84) throw badRequest(`filter-crs: only ${CRS84} is implemented (filter coordinates are longitude, latitude)`);
  if (raw === undefined) return undefined;
  try {
    const e = parseCql2Text(raw);
    checkFilter(collection, e);
    return e;
  } catch (err) {
    if (!(err instanceof CqlError)) throw err;
    throw badRequest(`filter: ${err.message}${err.position ? ` (at character ${err.position})` : ''}. This API reads CQL2 text: comparisons, AND, OR, NOT, LIKE, BETWEEN, IN, IS NULL and S_INTERSECTS(geometry, BBOX(…) or POINT/LINESTRING/POLYGON(…)).`);
  }
}

const allOf = (parts: (CqlExpr | undefined)[]): CqlExpr | undefined => {
  const list = parts.filter((p): p is CqlExpr => p !== undefined);
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : { op: 'and', args: list };
};

/** A feature with its geometry in the answer's CRS. */
const inCrs = <F extends { geometry: Geometry | null }>(crs: CrsDef, f: F): F => (f.geometry ? { ...f, geometry: geometryFromWgs84(crs, f.geometry) } : f);

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
    crs: SUPPORTED_CRS.map((c) => c.uri),
    storageCrs: CRS84,
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: CRS84 } } } : {}),
    links: [
      { href: `${base}/collections/${id}`, rel: 'self', type: 'application/json', title: 'This collection' },
      { href: `${base}/collections/${id}/items`, rel: 'items', type: GEOJSON, title: `${def.title} as GeoJSON` },
      { href: `${base}/collections/${id}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: 'What a filter may ask about' },
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
    method: 'get', path: '/conformance', tags: ['OGC API – Features'], summary: 'The conformance classes implemented (Part 1 core and GeoJSON, Part 2 CRS, Part 3 queryables and CQL2 text filters)',
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
    method: 'get', path: '/collections/{collectionId}/queryables', tags: ['OGC API – Features'], summary: 'What a filter may ask about (OGC API – Features Part 3)',
    request: { params: OgcCollectionParam, query: OgcFormatQuery },
    responses: { 200: { description: 'The queryable properties as JSON Schema.', content: { 'application/schema+json': { schema: OgcQueryables } } }, ...errorResponses(400, 401, 404) },
  },
  {
    method: 'get', path: '/collections/{collectionId}/items', tags: ['OGC API – Features'], summary: "A page of a collection's features (GeoJSON)",
    description: `\`limit\` ${OGC_LIMIT_DEFAULT} by default, at most ${OGC_LIMIT_MAX}; \`next\`/\`prev\` links page through. Any other query parameter is a 400. ` +
      'Restricted units are snapped to a 250 m grid, without address, for roles without need-to-know; the bbox is tested on the location shown.',
    request: { params: OgcCollectionParam, query: OgcItemsQuery },
    responses: { 200: { description: 'The features that match, in id order; `Content-Crs` names the CRS of their geometry.', content: { [GEOJSON]: { schema: OgcFeatureCollection } } }, ...errorResponses(400, 401, 404) },
  },
  {
    method: 'get', path: '/collections/{collectionId}/items/{featureId}', tags: ['OGC API – Features'], summary: 'One feature (GeoJSON)',
    request: { params: OgcFeatureParams, query: OgcCrsQuery },
    responses: { 200: { description: 'The feature; `Content-Crs` names the CRS of its geometry.', content: { [GEOJSON]: { schema: OgcFeature } } }, ...errorResponses(400, 401, 404) },
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
  .get('/collections/:collectionId/queryables', (c) => {
    checkParams(c, 'meta');
    const id = c.req.param('collectionId');
    if (!isCollectionId(id)) throw notFound('collection', id.slice(0, 40));
    return json(c, queryablesDocument(id, `${baseUrl(c)}/collections/${id}/queryables`), 'application/schema+json');
  })
  .get('/collections/:collectionId/items', async (c) => {
    checkParams(c, 'items');
    const id = c.req.param('collectionId');
    if (!isCollectionId(id)) throw notFound('collection', id.slice(0, 40));
    const limit = intParam(c, 'limit', OGC_LIMIT_DEFAULT, 1, OGC_LIMIT_MAX);
    const offset = intParam(c, 'offset', 0, 0, 2_147_483_647);
    const bboxRaw = c.req.query('bbox');
    const bboxCrs = crsParam(c, 'bbox-crs');
    const crs = crsParam(c, 'crs');
    const numbers = bboxRaw === undefined ? undefined : bboxRaw.split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
    if (numbers && (numbers.length !== 4 || !numbers.every(Number.isFinite) || !(numbers[0]! < numbers[2]! && numbers[1]! < numbers[3]!))) {
      throw badRequest(`bbox: must be four numbers in the order of bbox-crs's axes (minLon,minLat,maxLon,maxLat for CRS84), each minimum below its maximum; got "${bboxRaw!.slice(0, 80)}"`);
    }
    // A CRS84 bbox goes to the index as it is; any other is a polygon in WGS 84, tested exactly.
    const plainBbox = numbers && bboxCrs.uri === CRS84 ? parseBbox(bboxRaw!) : undefined;
    if (numbers && bboxCrs.uri === CRS84 && !plainBbox) throw badRequest('bbox: must be four numbers minLon,minLat,maxLon,maxLat in WGS 84 with min < max');
    const crsBbox: CqlExpr | undefined = numbers && bboxCrs.uri !== CRS84
      ? { op: 's_intersects', args: [{ property: 'geometry' }, bboxPolygonToWgs84(bboxCrs, numbers as [number, number, number, number]) as CqlSpatial] }
      : undefined;
    const datetime = c.req.query('datetime');
    const filter = allOf([filterParam(c, id), crsBbox, datetime === undefined ? undefined : datetimeFilter(datetime)]);
    const ctx = contextOf(c);
    const page = await collectionPage(ctx, id, { bbox: plainBbox, limit, offset, filter });
    const base = `${baseUrl(c)}/collections/${id}/items`;
    const link = (o: number, rel: string, title: string) => {
      const q = new URLSearchParams({ limit: String(limit), offset: String(o) });
      for (const key of ['bbox', 'bbox-crs', 'crs', 'datetime', 'filter', 'filter-lang', 'filter-crs']) {
        const v = c.req.query(key);
        if (v !== undefined) q.set(key, v);
      }
      return { href: `${base}?${q}`, rel, type: GEOJSON, title };
    };
    const links = [link(offset, 'self', 'This page')];
    if (offset + page.features.length < page.numberMatched) links.push(link(offset + limit, 'next', 'Next page'));
    if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev', 'Previous page'));
    links.push({ href: `${baseUrl(c)}/collections/${id}`, rel: 'collection', type: 'application/json', title: 'The collection' });
    c.header('Content-Crs', `<${crs.uri}>`);
    return json(c, {
      type: 'FeatureCollection',
      features: page.features.map((f) => inCrs(crs, f)),
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
    const crs = crsParam(c, 'crs');
    const feature = await collectionFeature(contextOf(c), id, fid);
    const base = baseUrl(c);
    c.header('Content-Crs', `<${crs.uri}>`);
    return json(c, {
      ...inCrs(crs, feature),
      links: [
        { href: `${base}/collections/${id}/items/${fid}`, rel: 'self', type: GEOJSON, title: 'This feature' },
        { href: `${base}/collections/${id}`, rel: 'collection', type: 'application/json', title: 'The collection' },
      ],
    }, GEOJSON);
  });
