import { statement, type Statement } from '../db/statements.js';
import { rightHandRule } from '../geo/rightHandRule.js';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import type { CqlExpr } from '../ogc/cql2.js';
import { COLLECTIONS, type CollectionId, type FeaturePage } from '../ogc/features.js';
import { audit } from './audit.js';
import { seesExact, type RequestContext } from './context.js';
import { auditExactRead } from './exactReads.js';

type PageParams = 'min_lon' | 'min_lat' | 'max_lon' | 'max_lat' | 'limit' | 'offset' | 'id' | 'filter';
const PAGE_PARAMS = ['min_lon', 'min_lat', 'max_lon', 'max_lat', 'limit', 'offset', 'id', 'filter'] as const;

/** Each collection's SQL, bound once. Units alone take need-to-know first: their location depends on it. */
const UNITS_PAGE = statement('ogc_units', ['need_to_know', ...PAGE_PARAMS]);
const PAGES: Record<Exclude<CollectionId, 'units'>, Statement<PageParams>> = {
  actors: statement('ogc_actors', PAGE_PARAMS),
  'child-places': statement('ogc_child_places', PAGE_PARAMS),
  areas: statement('ogc_areas', PAGE_PARAMS),
};
const EXTENTS = statement('ogc_extents', []);

/** What to read of a collection: a bbox, a page, or one feature. */
export interface PageRequest {
  bbox?: [number, number, number, number];
  /** Undefined: every feature (exports). */
  limit?: number;
  offset?: number;
  id?: number;
  /** A CQL2-JSON filter already checked against the collection's queryables (api/ogc/queryables.ts). */
  filter?: CqlExpr;
}

type PageRow = { number_matched: number; features: FeaturePage['features'] };

/** One page of a collection's features, and how many match in all; restricted units coarsened for roles without need-to-know. */
async function readPage(db: Queryable, collection: CollectionId, exact: boolean, r: PageRequest): Promise<FeaturePage> {
  const [min_lon, min_lat, max_lon, max_lat] = r.bbox ?? [null, null, null, null];
  const values = { min_lon, min_lat, max_lon, max_lat, limit: r.limit ?? null, offset: r.offset ?? 0, id: r.id ?? null, filter: r.filter ? JSON.stringify(r.filter) : null };
  const row = collection === 'units'
    ? await UNITS_PAGE.one<PageRow>(db, { need_to_know: exact, ...values })
    : await PAGES[collection].one<PageRow>(db, values);
  const features = row?.features ?? [];
  return { numberMatched: row?.number_matched ?? 0, features: collection === 'areas' ? features.map(rightHandRule) : features };
}

/**
 * Audits the restricted units an answer of the units collection showed at their exact
 * location (only callers with need-to-know see them so); other collections hold no unit.
 */
async function auditExactUnits(ctx: RequestContext, collection: CollectionId, features: FeaturePage['features'], via: string): Promise<void> {
  if (collection !== 'units' || !seesExact(ctx)) return;
  const shown = features
    .filter((f) => (f.properties as { sensitivity?: unknown } | null)?.sensitivity === 'restricted')
    .map((f) => ({ id: Number(f.id), restricted: true, exact: true }));
  await auditExactRead(ctx, shown, via);
}

/** A page of a collection, read where answers may be a second old. */
export async function collectionPage(ctx: RequestContext, collection: CollectionId, r: Omit<PageRequest, 'id'>): Promise<FeaturePage> {
  const page = await readPage(ctx.reader, collection, seesExact(ctx), r);
  await auditExactUnits(ctx, collection, page.features, 'ogc_items');
  return page;
}

/** One feature of a collection, or a 404 that names the collection's kind of feature. */
export async function collectionFeature(ctx: RequestContext, collection: CollectionId, id: number): Promise<FeaturePage['features'][number]> {
  const page = await readPage(ctx.reader, collection, seesExact(ctx), { id, limit: 1 });
  const feature = page.features[0];
  if (!feature) throw notFound(COLLECTIONS[collection].title.split(' (')[0]!.toLowerCase().replace(/s$/, ''), id);
  await auditExactUnits(ctx, collection, [feature], 'ogc_item');
  return feature;
}

/** Each collection's extent [minLon, minLat, maxLon, maxLat], absent for an empty one. */
export async function collectionExtents(ctx: RequestContext): Promise<Partial<Record<CollectionId, [number, number, number, number]>>> {
  const rows = await EXTENTS.run<{ collection: CollectionId; xmin: number | null; ymin: number | null; xmax: number | null; ymax: number | null }>(ctx.reader, {});
  const out: Partial<Record<CollectionId, [number, number, number, number]>> = {};
  for (const r of rows) if (r.xmin !== null && r.ymin !== null && r.xmax !== null && r.ymax !== null) out[r.collection] = [r.xmin, r.ymin, r.xmax, r.ymax];
  return out;
}

const AUDIT_ENTITY: Record<CollectionId, string> = { units: 'unit', actors: 'actor', 'child-places': 'child_place', areas: 'area' };

/** Every feature of a collection for a download, read on the primary and audited as an export. */
export async function exportCollection(ctx: RequestContext, collection: CollectionId, format: string): Promise<FeaturePage['features']> {
  const page = await readPage(ctx.db, collection, seesExact(ctx), {});
  await audit(ctx.db, { at: ctx.now, user: ctx.user, action: 'export', entity: AUDIT_ENTITY[collection], details: { layer: collection, format, features: page.features.length } });
  await auditExactUnits(ctx, collection, page.features, 'export');
  return page.features;
}
