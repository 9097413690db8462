import { DEFAULTS } from '../config.js';
import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { InformationNeedCollectionT } from '../schemas/proximity.js';

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
 * A page of the information needs at `now`: each (open or planned unit, child place in
 * its outer ring) pair with ring, priority and information status, sorted by priority,
 * then status (overdue first), then distance. The spatial join and the information
 * rules run once, set-based (sql/queries/needs_list.sql); `number_matched`, `by_status`
 * and `by_priority` count every matching pair, not only this page.
 */
export async function informationNeeds(db: Queryable, exact: boolean, f: NeedsFilters, now: Date): Promise<InformationNeedCollectionT> {
  const [row] = await db.query<NeedsPage>(query('needs_list'), [
    exact, f.unitId ?? null, csv(f.kinds), csv(f.priorities), csv(f.statuses), f.areaId ?? null, now.toISOString(),
    f.limit ?? DEFAULTS.listLimit, f.offset ?? 0,
  ]);
  const { features, number_matched, by_status, by_priority } = row!;
  return { type: 'FeatureCollection', features, number_matched, number_returned: features.length, by_status, by_priority };
}
