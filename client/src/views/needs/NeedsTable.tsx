import { PriorityBadge, StatusBadge } from '../../components/Badges.js';
import { ChildNameCell, MarkInformedHeader } from '../../components/ChildPlaceCells.js';
import { TableWrap } from '../../components/TableWrap.js';
import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { InformationNeed } from '../../lib/apiTypes.js';
import { formatDate } from '../../lib/format.js';
import type { NeedSortKey, SortDir } from '../../lib/needs.js';
import { routeHref } from '../../lib/route.js';
import { SelectPair, type usePairSelection } from '../../outreach/MarkInformed.js';

export interface NeedSort {
  key: NeedSortKey;
  dir: SortDir;
}

/** The needs as a table sortable by every column; editors get a "mark as informed" checkbox per row. */
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
  const ariaSort = (k: NeedSortKey) => (sort.key === k ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  return (
    <TableWrap label={m.needs.tableCaption} busy={busy}>
      <table className="data-table needs-table">
        <caption className="visually-hidden">{m.needs.tableCaption}</caption>
        <thead>
          <tr>
            {marking ? <MarkInformedHeader /> : null}
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={ariaSort(c.key)}>
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
                  <td>
                    <SelectPair pair={{ unitId: p.unit_id, childPlaceId: p.child_place_id }} name={`${p.name}, ${p.unit_name}`} selection={marking} />
                  </td>
                ) : null}
                <ChildNameCell name={p.name} kind={p.kind} selected={selected === n.id} onSelect={() => onSelect(n)} />
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
                  {p.information.last_informed_at ? <span className="cell-sub">{m.needs.lastInformed} {formatDate(m.locale, p.information.last_informed_at)}</span> : null}
                </td>
                <td>{formatDate(m.locale, p.information.due_at)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
