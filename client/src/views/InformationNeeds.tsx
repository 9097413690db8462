import { useEffect, useMemo } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { DEFAULT_NEED_SORT, toggledSort, type NeedSortKey } from '../lib/needs.js';
import { routeHref, type NeedsFilters } from '../lib/route.js';
import { useNeedsMap } from '../map/useNeedsMap.js';
import { usePairSelection } from '../outreach/MarkInformed.js';
import { canEdit } from '../outreach/api.js';
import { useMe } from '../session.js';
import { useUnits } from '../units.js';
import { MarkPanel } from './needs/MarkPanel.js';
import { NeedsExport } from './needs/NeedsExport.js';
import { NeedsFilterBar } from './needs/NeedsFilterBar.js';
import { NeedsSummary } from './needs/NeedsSummary.js';
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
 * can download exactly the filtered list as CSV. The panels live in views/needs/.
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

  return (
    <div className="view needs-view">
      <h1 tabIndex={-1}>{m.needs.title}</h1>
      <p className="muted">{m.needs.intro}</p>
      <NeedsFilterBar filters={filters} units={units.data ?? []} counts={needs.data?.by_status} onChange={setFilter} onClear={() => go(filters.sort ? { sort: filters.sort } : {})} />
      <NeedsSummary data={needs.data} filters={filters} shown={loaded.length} matched={matched} sort={sort} onResetOrder={() => setFilter({ sort: undefined })} />
      {needs.status === 'loading' && !needs.data ? <Skeleton lines={8} /> : null}
      {needs.status === 'error' ? <ErrorMessage error={needs.error} onRetry={needs.retry} /> : null}
      {needs.data && loaded.length === 0 ? <p>{m.needs.none}</p> : null}
      {editor && needs.data ? <MarkPanel marking={marking} shown={loaded.length} onMarked={needs.retry} /> : null}
      {loaded.length ? (
        <NeedsTable rows={loaded} sort={sort} onSort={setSort} busy={needs.status === 'loading'} selected={focus.selected} onSelect={(n) => focus.select(n, 'table')} marking={editor ? marking : null} />
      ) : null}
      {loaded.length < matched ? (
        <div className="needs-more">
          {more.status === 'error' ? <ErrorMessage error={more.error} onRetry={loadMore} /> : null}
          <button type="button" className="button" onClick={loadMore} disabled={more.status === 'loading'} aria-describedby="needs-count-live">
            {more.status === 'loading' ? m.needs.loadingMore : m.needs.more}
          </button>
        </div>
      ) : null}
      {needs.data && matched > 0 ? <NeedsExport query={query} matched={matched} /> : null}
      <PriorityLegend />
    </div>
  );
}
