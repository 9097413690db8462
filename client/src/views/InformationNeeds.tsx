import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TableWrap } from '../components/TableWrap.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { SymbolImg } from '../components/SymbolImg.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link, useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { InformationNeed } from '../lib/apiTypes.js';
import { asCode, CHILD_PLACE_KINDS, INFORMATION_STATUSES, PRIORITIES } from '../lib/codes.js';
import { formatDate } from '../lib/format.js';
import { countByStatus, sortNeeds, type NeedSortKey, type SortDir } from '../lib/needs.js';
import { routeHref, type NeedsFilters } from '../lib/route.js';
import { childPlacePopup } from '../map/featurePopups.js';
import { useGeoJsonLayers, useLayerClick } from '../map/hooks.js';
import { childSymbol } from '../map/icons.js';
import { useMap } from '../map/MapView.js';
import { closePopup, fitToPositions, flyToPoint, setLayerFilter, showPopup } from '../map/ops.js';
import { CHILD_ICON, pointSymbolLayer, priorityHaloLayer, selectionFilter, selectionLayer, SLOT, unitLayers } from '../map/styles.js';
import { useUnits } from '../units.js';
import { MarkInformedControl, SelectPair, usePairSelection } from '../outreach/MarkInformed.js';
import { canEdit } from '../outreach/api.js';
import { useMe } from '../session.js';
import { PriorityBadge, StatusBadge } from './UnitView.js';

const UNIT_LAYERS = unitLayers('needs-units', { slot: SLOT.zones, labels: false });
const NEED_LAYERS = [priorityHaloLayer('needs'), pointSymbolLayer('needs', CHILD_ICON, SLOT.children), selectionLayer('needs', null, 19)];

/** Needs loaded after the first page ("show more"), for the filters they were loaded with. */
interface MorePages {
  key: string;
  features: InformationNeed[];
  status: 'idle' | 'loading' | 'error';
  error?: unknown;
}

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
  const { map } = useMap();
  const units = useUnits();
  const key = JSON.stringify(filters);
  const needs = useAsync((signal) => api.informationNeeds(filters, signal), [key]);
  const [more, setMore] = useState<MorePages>({ key, features: [], status: 'idle' });
  const [sort, setSort] = useState<{ key: NeedSortKey; dir: SortDir }>({ key: 'priority', dir: 'asc' });
  const [selected, setSelected] = useState<string | null>(null);
  const editor = canEdit(useMe());
  const marking = usePairSelection();

  useEffect(() => {
    document.title = `${m.needs.title} – ${m.app.name}`;
  }, [m]);

  // A new first page (other filters, or reloaded after marking) starts the list afresh.
  useEffect(() => setMore({ key, features: [], status: 'idle' }), [needs.data, key]);
  const loaded = useMemo(
    () => [...(needs.data?.features ?? []), ...(more.key === key ? more.features : [])],
    [needs.data, more, key],
  );
  const matched = needs.data?.number_matched ?? 0;
  const loadMore = () => {
    const offset = loaded.length;
    setMore((s) => ({ ...s, status: 'loading', error: undefined }));
    api.informationNeeds({ ...filters, offset }).then(
      (page) => setMore((s) => (s.key === key ? { key, features: [...s.features, ...page.features], status: 'idle' } : s)),
      (error: unknown) => setMore((s) => (s.key === key ? { ...s, status: 'error', error } : s)),
    );
  };
  const rows = useMemo(() => sortNeeds(loaded, sort.key, sort.dir, m.locale), [loaded, sort, m.locale]);
  const loadedFc = useMemo(() => (needs.data ? { type: 'FeatureCollection' as const, features: loaded } : undefined), [needs.data, loaded]);
  useGeoJsonLayers('needs', loadedFc, NEED_LAYERS);
  // The units the needs belong to, for orientation (all of them, or the one filtered on).
  const unitFc = useMemo(
    () => ({ type: 'FeatureCollection' as const, features: (units.data ?? []).filter((u) => !filters.unit_id || u.id === filters.unit_id) }),
    [units.data, filters.unit_id],
  );
  useGeoJsonLayers('needs-units', unitFc, UNIT_LAYERS);

  useEffect(() => {
    if (map) setLayerFilter(map, 'needs-selected', selectionFilter(selected));
  }, [map, selected, needs.data]);

  const lastFit = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !needs.data || lastFit.current === key) return;
    lastFit.current = key;
    fitToPositions(
      map,
      needs.data.features.map((f) => f.geometry.coordinates as [number, number]),
      { padding: 40, maxZoom: 15 },
    );
  }, [map, needs.data, key]);
  useEffect(() => () => closePopup(), []);

  const setFilter = (patch: Partial<NeedsFilters>) => {
    const next = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof NeedsFilters)[]) if (next[k] === undefined) delete next[k];
    setSelected(null);
    navigate(routeHref({ name: 'needs', filters: next }), { replace: true });
  };

  const select = useCallback(
    (n: InformationNeed, from: 'table' | 'map') => {
      const id = String(n.id);
      setSelected(id);
      if (map)
        showPopup(
          map,
          n.geometry.coordinates as [number, number],
          childPlacePopup(m, n.properties, [
            { label: m.needs.unit, text: n.properties.unit_name },
            { label: m.needs.distance, text: m.distance(n.properties.distance_m) },
            { label: m.needs.priority, text: m.priority[n.properties.priority] },
            { label: m.needs.status, text: m.infoStatus[n.properties.information.status] },
          ]),
        );
      if (from === 'map') requestAnimationFrame(() => document.getElementById(`need-${id}`)?.scrollIntoView({ block: 'nearest' }));
      else if (map) flyToPoint(map, n.geometry.coordinates as [number, number], 14);
    },
    [map, m],
  );
  const byId = useMemo(() => new Map(loaded.map((n) => [String(n.id), n])), [loaded]);
  useLayerClick(['needs-symbol'], (e) => {
    const n = byId.get(String(e.features?.[0]?.id));
    if (n) select(n, 'map');
  });

  const columns: { key: NeedSortKey; label: string; num?: boolean }[] = [
    { key: 'name', label: m.needs.place },
    { key: 'unit', label: m.needs.unit },
    { key: 'distance', label: m.needs.distance, num: true },
    { key: 'priority', label: m.needs.priority },
    { key: 'status', label: m.needs.status },
    { key: 'due', label: m.needs.due },
  ];
  const toggleSort = (k: NeedSortKey) => setSort((s) => (s.key === k ? { key: k, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: k, dir: 'asc' }));
  const breakdown = countByStatus(needs.data?.by_status ?? {}).map(([s, n]) => m.statusCount(s, n));
  const partial = loaded.length < matched;
  const anyFilter = Object.keys(filters).length > 0;

  return (
    <div className="view needs-view">
      <h1 tabIndex={-1}>{m.needs.title}</h1>
      <p className="muted">{m.needs.intro}</p>
      <fieldset className="filters">
        <legend className="visually-hidden">{m.needs.filters}</legend>
        <div className="filter">
          <label htmlFor="needs-status">{m.needs.status}</label>
          <select id="needs-status" value={filters.status ?? ''} onChange={(e) => setFilter({ status: asCode(INFORMATION_STATUSES, e.target.value) })}>
            <option value="">{m.needs.all}</option>
            {INFORMATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.infoStatus[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="needs-priority">{m.needs.priority}</label>
          <select id="needs-priority" value={filters.priority ?? ''} onChange={(e) => setFilter({ priority: asCode(PRIORITIES, e.target.value) })}>
            <option value="">{m.needs.all}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {m.priority[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="needs-kind">{m.needs.kind}</label>
          <select id="needs-kind" value={filters.kind ?? ''} onChange={(e) => setFilter({ kind: asCode(CHILD_PLACE_KINDS, e.target.value) })}>
            <option value="">{m.needs.all}</option>
            {CHILD_PLACE_KINDS.map((k) => (
              <option key={k} value={k}>
                {m.childPlaceKind[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="needs-unit">{m.needs.unit}</label>
          <select
            id="needs-unit"
            value={filters.unit_id ?? ''}
            onChange={(e) => setFilter({ unit_id: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{m.needs.all}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.properties.name}
              </option>
            ))}
          </select>
        </div>
        {anyFilter ? (
          <button type="button" className="button" onClick={() => navigate(routeHref({ name: 'needs', filters: {} }), { replace: true })}>
            {m.needs.clear}
          </button>
        ) : null}
      </fieldset>

      <div className="count" id="needs-count-live" aria-live="polite" aria-atomic="true">
        {needs.data ? (
          <>
            <span data-testid="needs-count">{partial ? m.needs.countOf(loaded.length, matched) : m.needs.count(loaded.length)}</span>
            {breakdown.length ? (
              <span className="muted"> {(partial ? m.needs.breakdownAll : m.needs.breakdown)(m.list(breakdown))}</span>
            ) : null}
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
        <TableWrap label={m.needs.tableCaption} busy={needs.status === 'loading'}>
          <table className="data-table needs-table">
            <caption className="visually-hidden">{m.needs.tableCaption}</caption>
            <thead>
              <tr>
                {editor ? (
                  <th scope="col">
                    <span className="visually-hidden">{m.outreach.markInformed}</span>
                  </th>
                ) : null}
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.num ? 'num' : undefined}
                    aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" className="sort-button" onClick={() => toggleSort(c.key)}>
                      {c.label}
                      <span aria-hidden="true" className="sort-mark">
                        {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => {
                const p = n.properties;
                const id = String(n.id);
                return (
                  <tr key={id} id={`need-${id}`} className={selected === id ? 'selected' : undefined}>
                    {editor ? (
                      <td>
                        <SelectPair pair={{ unitId: p.unit_id, childPlaceId: p.child_place_id }} name={`${p.name}, ${p.unit_name}`} selection={marking} />
                      </td>
                    ) : null}
                    <td>
                      <button type="button" className="link-button" aria-pressed={selected === id} onClick={() => select(n, 'table')}>
                        {p.name}
                      </button>
                      <span className="cell-sub">
                        <SymbolImg spec={childSymbol(p.kind)} size={14} />
                        {m.childPlaceKind[p.kind]}
                      </span>
                    </td>
                    <td>
                      <Link href={routeHref({ name: 'unit', id: p.unit_id, tab: 'children' })}>{p.unit_name}</Link>
                    </td>
                    <td className="num">
                      {m.distance(p.distance_m)}
                      <span className="cell-sub">{m.ring[p.ring]}</span>
                    </td>
                    <td>
                      <PriorityBadge m={m} priority={p.priority} />
                    </td>
                    <td>
                      <StatusBadge m={m} status={p.information.status} />
                      {p.information.last_informed_at ? (
                        <span className="cell-sub">
                          {m.needs.lastInformed} {formatDate(m.locale, p.information.last_informed_at)}
                        </span>
                      ) : null}
                    </td>
                    <td>{formatDate(m.locale, p.information.due_at)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
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

/** How priority looks on the map: a ring under the symbol, thicker for higher priority. */
function PriorityLegend() {
  const { m } = useI18n();
  return (
    <div className="legend-block">
      <h2 className="small-heading">{m.map.legend}</h2>
      <ul className="legend-list">
        {PRIORITIES.map((p) => (
          <li key={p}>
            <span className={`legend-priority legend-priority-${p}`} aria-hidden="true" />
            {m.needs.priority}: {m.priority[p]}
          </li>
        ))}
        {CHILD_PLACE_KINDS.map((k) => (
          <li key={k}>
            <SymbolImg spec={childSymbol(k)} size={16} />
            {m.childPlaceKind[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}
