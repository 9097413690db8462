import { useEffect, useMemo, useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { countByStatus, sortNeeds } from '../lib/needs.js';
import { routeHref, type NeedsFilters } from '../lib/route.js';
import { useNeedsMap } from '../map/useNeedsMap.js';
import { MarkInformedControl, usePairSelection } from '../outreach/MarkInformed.js';
import { canEdit } from '../outreach/api.js';
import { useMe } from '../session.js';
import { useUnits } from '../units.js';
import { NeedsFilterBar } from './needs/NeedsFilterBar.js';
import { NeedsTable, type NeedSort } from './needs/NeedsTable.js';
import { PriorityLegend } from './needs/PriorityLegend.js';
import { useNeedPages } from './needs/useNeedPages.js';

/**
 * Information needs for the information officer: every (unit, child place) pair
 * needing information, filtered on the server by status, priority, unit and kind,
 * in a sortable table beside the same features on the map. The server sends a page
 * (most urgent first) with the counts over every matching need; "show more" appends
 * the next page.
 */
export function InformationNeeds({ filters }: { filters: NeedsFilters }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const units = useUnits();
  const { key, first: needs, loaded, more, loadMore, matched } = useNeedPages(filters);
  const [sort, setSort] = useState<NeedSort>({ key: 'priority', dir: 'asc' });
  const editor = canEdit(useMe());
  const marking = usePairSelection();

  useEffect(() => {
    document.title = `${m.needs.title} – ${m.app.name}`;
  }, [m]);

  const rows = useMemo(() => sortNeeds(loaded, sort.key, sort.dir, m.locale), [loaded, sort, m.locale]);
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
  const toggleSort = (k: NeedSort['key']) => setSort((s) => (s.key === k ? { key: k, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: k, dir: 'asc' }));
  const breakdown = countByStatus(needs.data?.by_status ?? {}).map(([s, n]) => m.statusCount(s, n));
  const partial = loaded.length < matched;

  return (
    <div className="view needs-view">
      <h1 tabIndex={-1}>{m.needs.title}</h1>
      <p className="muted">{m.needs.intro}</p>
      <NeedsFilterBar filters={filters} units={units.data ?? []} onChange={setFilter} onClear={() => go({})} />

      <div className="count" id="needs-count-live" aria-live="polite" aria-atomic="true">
        {needs.data ? (
          <>
            <span data-testid="needs-count">{partial ? m.needs.countOf(loaded.length, matched) : m.needs.count(loaded.length)}</span>
            {breakdown.length ? <span className="muted"> {(partial ? m.needs.breakdownAll : m.needs.breakdown)(m.list(breakdown))}</span> : null}
          </>
        ) : null}
      </div>
      {needs.status === 'loading' && !needs.data ? <Skeleton lines={8} /> : null}
      {needs.status === 'error' ? <ErrorMessage error={needs.error} onRetry={needs.retry} /> : null}
      {needs.data && rows.length === 0 ? <p>{m.needs.none}</p> : null}
      {/* Stays mounted when the last rows were just marked, so its "marked" message is still read out. */}
      {editor && needs.data ? (
        <MarkInformedControl
          selection={marking.selected}
          onDone={() => {
            marking.clear();
            needs.retry();
          }}
        />
      ) : null}
      {rows.length ? (
        <NeedsTable rows={rows} sort={sort} onSort={toggleSort} busy={needs.status === 'loading'} selected={focus.selected} onSelect={(n) => focus.select(n, 'table')} marking={editor ? marking : null} />
      ) : null}
      {partial ? (
        <div className="needs-more">
          <p className="muted">{m.needs.sortLoaded}</p>
          {more.status === 'error' ? <ErrorMessage error={more.error} onRetry={loadMore} /> : null}
          <button type="button" className="button" onClick={loadMore} disabled={more.status === 'loading'} aria-describedby="needs-count-live">
            {more.status === 'loading' ? m.needs.loadingMore : m.needs.more}
          </button>
        </div>
      ) : null}
      <PriorityLegend />
    </div>
  );
}
