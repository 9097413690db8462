import { useI18n } from '../../i18n/index.js';
import type { InformationNeedCollection } from '../../lib/apiTypes.js';
import { countByStatus, DEFAULT_NEED_SORT, type NeedSort, type NeedSortKey } from '../../lib/needs.js';
import type { NeedsFilters } from '../../lib/route.js';

/**
 * How many needs are shown of how many match (read out as it changes), the breakdown by
 * status over every match, and the order the list is in, with a way back to the default.
 */
export function NeedsSummary({ data, filters, shown, matched, sort, onResetOrder }: {
  data: InformationNeedCollection | undefined;
  filters: NeedsFilters;
  shown: number;
  matched: number;
  sort: NeedSort;
  onResetOrder: () => void;
}) {
  const { m } = useI18n();
  const partial = shown < matched;
  const breakdown = countByStatus(data?.by_status ?? {}, filters.status).map(([s, n]) => m.statusCount(s, n));
  const columnName: Record<NeedSortKey, string> = {
    name: m.needs.place, unit: m.needs.unit, distance: m.needs.distance, priority: m.needs.priority, status: m.needs.status, due: m.needs.due,
  };
  const defaultOrder = sort.key === DEFAULT_NEED_SORT.key && sort.dir === DEFAULT_NEED_SORT.dir;
  return (
    <>
      <div className="count" id="needs-count-live" aria-live="polite" aria-atomic="true">
        {data ? (
          <>
            <span data-testid="needs-count">{partial ? m.needs.countOf(shown, matched) : m.needs.count(shown)}</span>
            {breakdown.length ? <span className="muted"> {(partial ? m.needs.breakdownAll : m.needs.breakdown)(m.list(breakdown))}</span> : null}
          </>
        ) : null}
      </div>
      <p className="needs-order muted">
        <span>{defaultOrder ? m.needsWork.orderDefault : m.needsWork.orderBy(columnName[sort.key], sort.dir === 'desc')}</span>
        {defaultOrder ? null : (
          <button type="button" className="link-button" onClick={onResetOrder}>
            {m.needsWork.resetOrder}
          </button>
        )}
      </p>
    </>
  );
}
