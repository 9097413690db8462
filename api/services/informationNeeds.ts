import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import { notFound } from '../errors.js';
import type { InformationNeedCollectionT } from '../schemas/proximity.js';
import { seesExact, type RequestContext } from './context.js';
import { auditExactRead, shownUnitsOf } from './exactReads.js';
import { proxUnit } from './proximity.js';

const needsList = statement('needs_list', ['need_to_know', 'unit_id', 'kinds', 'priorities', 'statuses', 'area_id', 'now', 'limit', 'offset']);
const areaExists = statement('needs_area_exists', ['area_id']);

/** Filters and page of GET /api/information-needs; lists are OR-ed codes, undefined means any. */
export interface NeedsFilters {
  unitId?: number;
  kinds?: string[];
  priorities?: string[];
  statuses?: string[];
  areaId?: number;
  limit?: number;
  offset?: number;
}

/** A comma list for the SQL file's `string_to_array($n, ',')` filters; NULL means no filter. */
const csv = (items: readonly string[] | undefined): string | null => (items && items.length ? items.join(',') : null);

type NeedsPage = Omit<InformationNeedCollectionT, 'type' | 'number_returned'>;

/**
 * A page of the information needs at the request's time: each (open or planned unit,
 * child place in its outer ring) pair with ring, priority and information status,
 * sorted by priority, then status (overdue first), then distance. The spatial join and
 * the information rules run once, set-based (sql/queries/needs_list.sql);
 * `number_matched`, `by_status` and `by_priority` count every matching pair, not only
 * this page. An unknown unit or area filter is a 404; a page measured from the exact
 * location of restricted units is an exact read, audited.
 */
export async function informationNeeds(ctx: RequestContext, f: NeedsFilters, via: string): Promise<InformationNeedCollectionT> {
  const exact = seesExact(ctx);
  if (f.unitId !== undefined && !(await proxUnit(ctx, f.unitId))) throw notFound('unit', f.unitId);
  if (f.areaId !== undefined && !(await areaExists.one<{ found: boolean }>(ctx.reader, { area_id: f.areaId }))?.found) throw notFound('area', f.areaId);
  const row = await needsList.one<NeedsPage>(ctx.reader, {
    need_to_know: exact, unit_id: f.unitId ?? null, kinds: csv(f.kinds), priorities: csv(f.priorities), statuses: csv(f.statuses),
    area_id: f.areaId ?? null, now: ctx.now.toISOString(), limit: f.limit ?? DEFAULTS.listLimit, offset: f.offset ?? 0,
  });
  const { features, number_matched, by_status, by_priority } = row!;
  await auditExactRead(ctx, await shownUnitsOf(ctx, features.map((x) => x.properties.unit_id), exact), via);
  return { type: 'FeatureCollection', features, number_matched, number_returned: features.length, by_status, by_priority };
}
