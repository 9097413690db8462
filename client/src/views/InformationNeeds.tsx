import { useEffect, useMemo } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { countByStatus, DEFAULT_NEED_SORT, toggledSort, type NeedSortKey } from '../lib/needs.js';
import { routeHref, type NeedsFilters } from '../lib/route.js';
import { useNeedsMap } from '../map/useNeedsMap.js';
import { MarkInformedControl, usePairSelection } from '../outreach/MarkInformed.js';
import { canEdit } from '../outreach/api.js';
import { useMe } from '../session.js';
import { useUnits } from '../units.js';
import { NeedsFilterBar } from './needs/NeedsFilterBar.js';
import { NeedsTable } from './needs/NeedsTable.js';
import { PriorityLegend } from './needs/PriorityLegend.js';
import { useNeedPages } from './needs/useNeedPages.js';

/**
 * Information needs for the information officer: every (unit, child place) pair
 * needing information, filtered on the server by statuses (several at once),
 * priority, unit and kind, in the server's order (most urgent first, or a column
 * chosen in the table) beside the same features on the map. The server sends a page
 * with the counts over every matching need; "show more" appends the next page.
 * Editors select rows (one by one or every shown row) and mark them informed; anyone
 * can download exactly the filtered list as CSV.
 */
export function InformationNeeds({ filters }: { filters: NeedsFilters }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const units = useUnits();
  const { key, query, first: needs, loaded, more, loadMore, matched } = useNeedPages(filters);
  const sort = filters.sort ?? DEFAULT_NEED_SORT;
  const editor = canEdit(useMe());
  const marking = usePairSelection();
  const { clear: clearMarking } = marking;

  useEffect(() => {
    document.title = `${m.needs.title} – ${m.app.name}`;
  }, [m]);
  // A selection is of rows shown: other filters show other rows, so it starts again.
  useEffect(() => clearMarking(), [key, clearMarking]);

  // The units the needs belong to, for orientation (all of them, or the one filtered on).
  const shownUnits = useMemo(() => (units.data ?? []).filter((u) => !filters.unit_id || u.id === filters.unit_id), [units.data, filters.unit_id]);
  const focus = useNeedsMap({ key, firstPage: needs.data?.features, loaded, units: shownUnits });

  const go = (next: NeedsFilters) => navigate(routeHref({ name: 'needs', filters: next }), { replace: true });
  const setFilter = (patch: Partial<NeedsFilters>) => {
    const next = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof NeedsFilters)[]) if (next[k] === undefined) delete next[k];
    focus.clear();
    go(next);
  };
  const setSort = (k: NeedSortKey) => setFilter({ sort: toggledSort(sort, k) });
  const breakdown = countByStatus(needs.data?.by_status ?? {}, filters.status).map(([s, n]) => m.statusCount(s, n));
  const partial = loaded.length < matched;
  const columnName: Record<NeedSortKey, string> = {
    name: m.needs.place, unit: m.needs.unit, distance: m.needs.distance, priority: m.needs.priority, status: m.needs.status, due: m.needs.due,
  };
  const defaultOrder = sort.key === DEFAULT_NEED_SORT.key && sort.dir === DEFAULT_NEED_SORT.dir;
  const headers = m.locale === 'sv-SE' ? 'sv' : 'en';

  return (
    <div className="view needs-view">
      <h1 tabIndex={-1}>{m.needs.title}</h1>
      <p className="muted">{m.needs.intro}</p>
      <NeedsFilterBar filters={filters} units={units.data ?? []} counts={needs.data?.by_status} onChange={setFilter} onClear={() => go(filters.sort ? { sort: filters.sort } : {})} />

      <div className="count" id="needs-count-live" aria-live="polite" aria-atomic="true">
        {needs.data ? (
          <>
            <span data-testid="needs-count">{partial ? m.needs.countOf(loaded.length, matched) : m.needs.count(loaded.length)}</span>
            {breakdown.length ? <span className="muted"> {(partial ? m.needs.breakdownAll : m.needs.breakdown)(m.list(breakdown))}</span> : null}
          </>
        ) : null}
      </div>
      <p className="needs-order muted">
        <span>{defaultOrder ? m.needsWork.orderDefault : m.needsWork.orderBy(columnName[sort.key], sort.dir === 'desc')}</span>
        {defaultOrder ? null : (
          <button type="button" className="link-button" onClick={() => setFilter({ sort: undefined })}>
            {m.needsWork.resetOrder}
          </button>
        )}
      </p>
      {needs.status === 'loading' && !needs.data ? <Skeleton lines={8} /> : null}
      {needs.status === 'error' ? <ErrorMessage error={needs.error} onRetry={needs.retry} /> : null}
      {needs.data && loaded.length === 0 ? <p>{m.needs.none}</p> : null}

      {/* Stays mounted when the last rows were just marked, so its "marked" message is still read out. */}
      {editor && needs.data ? (
        <section className="needs-work" aria-labelledby="needs-mark-heading">
          <h2 id="needs-mark-heading" className="small-heading">
            {m.needsWork.markHeading}
          </h2>
          <p className="needs-selected">
            <span data-testid="needs-selected">{m.needsWork.selected(marking.selected.length, loaded.length)}</span>
            {marking.selected.length ? (
              <button type="button" className="link-button" onClick={marking.clear}>
                {m.needsWork.clearSelection}
              </button>
            ) : null}
          </p>
          <MarkInformedControl
            id="needs-mark"
            selection={marking.selected}
            onDone={() => {
              marking.clear();
              needs.retry();
            }}
          />
        </section>
      ) : null}

      {loaded.length ? (
        <NeedsTable rows={loaded} sort={sort} onSort={setSort} busy={needs.status === 'loading'} selected={focus.selected} onSelect={(n) => focus.select(n, 'table')} marking={editor ? marking : null} />
      ) : null}
      {partial ? (
        <div className="needs-more">
          {more.status === 'error' ? <ErrorMessage error={more.error} onRetry={loadMore} /> : null}
          <button type="button" className="button" onClick={loadMore} disabled={more.status === 'loading'} aria-describedby="needs-count-live">
            {more.status === 'loading' ? m.needs.loadingMore : m.needs.more}
          </button>
        </div>
      ) : null}

      {needs.data && matched > 0 ? (
        <section className="needs-export" aria-labelledby="needs-export-heading">
          <h2 id="needs-export-heading" className="small-heading">
            {m.needsWork.exportHeading}
          </h2>
          <p className="muted">{m.needsWork.exportHint(matched)}</p>
          <ul className="needs-export-links">
            <li>
              <a className="button" href={api.informationNeedsCsvUrl(query, 'excel_sv', headers)} download aria-describedby="needs-export-excel-hint">
                {m.needsWork.exportExcel}
              </a>
              <span id="needs-export-excel-hint" className="muted small">
                {m.needsWork.exportExcelHint}
              </span>
            </li>
            <li>
              <a className="button" href={api.informationNeedsCsvUrl(query, 'standard', headers)} download aria-describedby="needs-export-standard-hint">
                {m.needsWork.exportStandard}
              </a>
              <span id="needs-export-standard-hint" className="muted small">
                {m.needsWork.exportStandardHint}
              </span>
            </li>
          </ul>
        </section>
      ) : null}
      <PriorityLegend />
    </div>
  );
}
