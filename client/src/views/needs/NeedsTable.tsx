import { useEffect, useRef } from 'react';
import { PriorityBadge, StatusBadge } from '../../components/Badges.js';
import { ChildNameCell } from '../../components/ChildPlaceCells.js';
import { TableWrap } from '../../components/TableWrap.js';
import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { InformationNeed } from '../../lib/apiTypes.js';
import { formatDate } from '../../lib/format.js';
import { selectAllState, type NeedSort, type NeedSortKey } from '../../lib/needs.js';
import { routeHref } from '../../lib/route.js';
import { SelectPair, type Pair, type usePairSelection } from '../../outreach/MarkInformed.js';
import { WalkDistance } from '../unit/WalkDistance.js';
import './needs.css';

const pairOf = (n: InformationNeed): Pair => ({ unitId: n.properties.unit_id, childPlaceId: n.properties.child_place_id });

/**
 * "Select every need shown": checked when every shown row is selected, mixed
 * (`indeterminate`, exposed as aria-checked="mixed") when some are.
 */
function SelectAll({ rows, marking }: { rows: InformationNeed[]; marking: ReturnType<typeof usePairSelection> }) {
  const { m } = useI18n();
  const box = useRef<HTMLInputElement>(null);
  const selected = rows.filter((n) => marking.isSelected(pairOf(n))).length;
  const state = selectAllState(rows.length, selected);
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="select-all"
      aria-label={m.needsWork.selectAll}
      checked={state === 'all'}
      onChange={() => marking.setAll(rows.map(pairOf), state !== 'all')}
    />
  );
}

/**
 * The needs as a table in the server's order, sortable by every column (the server
 * sorts, so the order holds over every page and in the export); editors get a checkbox
 * per row and one over the shown rows. On a phone each row is a card.
 */
export function NeedsTable({
  rows,
  sort,
  onSort,
  busy,
  selected,
  onSelect,
  marking,
}: {
  rows: InformationNeed[];
  sort: NeedSort;
  onSort: (key: NeedSortKey) => void;
  busy: boolean;
  selected: number | string | null;
  onSelect: (n: InformationNeed) => void;
  marking: ReturnType<typeof usePairSelection> | null;
}) {
  const { m } = useI18n();
  const columns: { key: NeedSortKey; label: string; num?: boolean }[] = [
    { key: 'name', label: m.needs.place },
    { key: 'unit', label: m.needs.unit },
    { key: 'distance', label: m.needs.distance, num: true },
    { key: 'priority', label: m.needs.priority },
    { key: 'status', label: m.needs.status },
    { key: 'due', label: m.needs.due },
  ];
  const label = Object.fromEntries(columns.map((c) => [c.key, c.label])) as Record<NeedSortKey, string>;
  const ariaSort = (k: NeedSortKey) => (sort.key === k ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  /** The column's name above its value in a card (a phone); the table's header names it for screen readers. */
  const cardLabel = (k: NeedSortKey) => (
    <span className="card-label" aria-hidden="true">
      {label[k]}
    </span>
  );
  return (
    <TableWrap label={m.needs.tableCaption} busy={busy}>
      <table className={`data-table needs-table${marking ? ' marking' : ''}`}>
        <caption className="visually-hidden">{m.needs.tableCaption}</caption>
        <thead>
          <tr>
            {marking ? (
              <th scope="col" className="select-cell">
                <SelectAll rows={rows} marking={marking} />
              </th>
            ) : null}
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`col-${c.key}${c.num ? ' num' : ''}`} aria-sort={ariaSort(c.key)}>
                <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
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
            return (
              <tr key={n.id} id={`need-${n.id}`} className={selected === n.id ? 'selected' : undefined}>
                {marking ? (
                  <td className="select-cell">
                    <SelectPair pair={pairOf(n)} name={`${p.name}, ${p.unit_name}`} selection={marking} />
                  </td>
                ) : null}
                <ChildNameCell name={p.name} kind={p.kind} selected={selected === n.id} onSelect={() => onSelect(n)} />
                <td className="col-unit">
                  {cardLabel('unit')}
                  <Link href={routeHref({ name: 'unit', id: p.unit_id, tab: 'children' })}>{p.unit_name}</Link>
                </td>
                <td className="num col-distance">
                  {cardLabel('distance')}
                  <span className="nowrap">{m.distance(p.distance_m)}</span>
                  {typeof p.walk_m === 'number' ? <WalkDistance walk={p.walk_m} minutes={undefined} straight={p.distance_m} /> : null}
                  <span className="cell-sub">{m.ring[p.ring]}</span>
                </td>
                <td className="col-priority">
                  {cardLabel('priority')}
                  <PriorityBadge m={m} priority={p.priority} />
                </td>
                <td className="col-status">
                  {cardLabel('status')}
                  <StatusBadge m={m} status={p.information.status} />
                  {p.information.last_informed_at ? (
                    <span className="cell-sub wrap">
                      {m.needs.lastInformed} <span className="nowrap">{formatDate(m.locale, p.information.last_informed_at)}</span>
                    </span>
                  ) : null}
                </td>
                <td className="col-due">
                  {cardLabel('due')}
                  <span className="nowrap">{formatDate(m.locale, p.information.due_at)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
