import { PriorityBadge, StatusBadge } from '../../components/Badges.js';
import { ChildNameCell, MarkInformedHeader } from '../../components/ChildPlaceCells.js';
import { ListStatus } from '../../components/ListStatus.js';
import { TableWrap } from '../../components/TableWrap.js';
import type { AsyncState } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import type { NearChildPlace } from '../../lib/apiTypes.js';
import { formatDate } from '../../lib/format.js';
import { MarkInformedControl, SelectPair, usePairSelection } from '../../outreach/MarkInformed.js';
import { canEdit } from '../../outreach/api.js';
import { useMe } from '../../session.js';

/** Children's places near the unit, nearest first; editors can mark pairs as informed. */
export function ChildrenPanel({
  unitId,
  state,
  selectedId,
  onSelect,
}: {
  unitId: number;
  state: AsyncState<{ features: NearChildPlace[] }> & { retry: () => void };
  selectedId: number | string | null;
  onSelect: (c: NearChildPlace) => void;
}) {
  const { m } = useI18n();
  const editor = canEdit(useMe());
  const selection = usePairSelection();
  const rows = [...(state.data?.features ?? [])].sort((a, b) => a.properties.distance_m - b.properties.distance_m);
  return (
    <section aria-labelledby="children-heading">
      <h2 id="children-heading">{m.children.title}</h2>
      <p className="muted">{m.children.intro}</p>
      <p className="count" aria-live="polite">
        {state.data ? m.children.count(rows.length) : ''}
      </p>
      <ListStatus state={state} empty={rows.length === 0} none={m.children.none} />
      {rows.length ? (
        <TableWrap label={m.children.title}>
          <table className="data-table">
            <caption className="visually-hidden">{m.children.title}</caption>
            <thead>
              <tr>
                {editor ? <MarkInformedHeader /> : null}
                <th scope="col">{m.children.name}</th>
                <th scope="col">{m.children.distance}</th>
                <th scope="col">{m.children.priorityAndStatus}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const p = c.properties;
                const info = p.information;
                return (
                  <tr key={c.id} id={`child-${c.id}`} className={selectedId === c.id ? 'selected' : undefined}>
                    {editor ? (
                      <td>
                        <SelectPair pair={{ unitId, childPlaceId: c.id }} name={p.name} selection={selection} />
                      </td>
                    ) : null}
                    <ChildNameCell name={p.name} kind={p.kind} extra={p.stages.length ? ` ${p.stages.map((s) => m.stage[s]).join(', ')}` : ''} selected={selectedId === c.id} onSelect={() => onSelect(c)} />
                    <td className="num">
                      {m.distance(p.distance_m)}
                      <span className="cell-sub">{m.ring[p.ring]}</span>
                    </td>
                    <td>
                      <span className="badges">
                        <PriorityBadge m={m} priority={p.priority} />
                        <StatusBadge m={m} status={info.status} />
                      </span>
                      {info.last_informed_at ? <span className="cell-sub">{m.children.lastInformed} {formatDate(m.locale, info.last_informed_at)}</span> : null}
                      {info.due_at ? <span className="cell-sub">{m.children.due} {formatDate(m.locale, info.due_at)}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {editor && rows.length ? (
        <MarkInformedControl
          selection={selection.selected}
          onDone={() => {
            selection.clear();
            state.retry();
          }}
        />
      ) : null}
    </section>
  );
}
