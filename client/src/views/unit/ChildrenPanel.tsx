import { useRef, useState } from 'react';
import { PriorityBadge, StatusBadge } from '../../components/Badges.js';
import { MarkInformedHeader } from '../../components/ChildPlaceCells.js';
import { SymbolImg } from '../../components/SymbolImg.js';
import { ListStatus } from '../../components/ListStatus.js';
import { TableWrap } from '../../components/TableWrap.js';
import type { AsyncState } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { isNotFound } from '../../forms/errors.js';
import type { ChildPlace, NearChildPlace, Unit } from '../../lib/apiTypes.js';
import { childSymbol } from '../../map/icons.js';
import { formatDate } from '../../lib/format.js';
import { MarkInformedControl, SelectPair, usePairSelection } from '../../outreach/MarkInformed.js';
import { canEdit } from '../../outreach/api.js';
import { recordsApi } from '../../records/api.js';
import { ChildPlaceForm } from '../../records/ChildPlaceForm.js';
import { ConfirmRemove } from '../../records/ConfirmRemove.js';
import { EditRemoveButtons } from '../../records/EditRemoveButtons.js';
import { RecordPanelHead, RecordPanelSection, refocusAfterCancel, useAfterReload } from '../../records/RecordPanel.js';
import { useMe } from '../../session.js';
import { WalkDistance } from './WalkDistance.js';

/** The place's name button in its row, where focus returns after a change. */
const rowOf = (id: number) => `#child-${id} .link-button`;

/**
 * Children's places near the unit, nearest first; editors can mark pairs as informed,
 * and add, edit, move and remove places (the form replaces the table while open). In a
 * narrow panel the table's rows become cards, so no column needs sideways scrolling.
 */
export function ChildrenPanel({
  unitId,
  state,
  selectedId,
  onSelect,
  unit,
  onChanged,
}: {
  unitId: number;
  state: AsyncState<{ features: NearChildPlace[] }> & { retry: () => void };
  selectedId: number | string | null;
  onSelect: (c: NearChildPlace) => void;
  /** The unit, for the form's map; no form without it. */
  unit?: Unit;
  /** Called after a saved change, to reload the list. */
  onChanged?: () => void;
}) {
  const { m } = useI18n();
  const r = m.records;
  const editor = canEdit(useMe());
  const editable = editor && !!unit;
  const selection = usePairSelection();
  const [form, setForm] = useState<{ place?: ChildPlace } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<NearChildPlace | null>(null);
  /** After a save: the place and its name, to focus its row (or say it is now outside) once the list reloads. */
  const [pending, setPending] = useState<{ id: number; name: string; created: boolean } | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const rows = [...(state.data?.features ?? [])].sort((a, b) => a.properties.distance_m - b.properties.distance_m);

  useAfterReload(pending !== null, state.status, () => {
    if (!pending) return;
    setPending(null);
    if (state.status === 'error') return;
    const listed = (state.data?.features ?? []).some((f) => f.id === pending.id);
    setStatus(listed ? (pending.created ? r.created(pending.name) : r.saved(pending.name)) : r.outsideNow(pending.name));
    const target = listed ? document.querySelector<HTMLElement>(rowOf(pending.id)) : null;
    (target ?? statusRef.current)?.focus();
  });

  const edit = async (c: NearChildPlace) => {
    setError(null);
    try {
      setForm({ place: await recordsApi.childPlace(c.id) });
    } catch (e) {
      setError(e);
      if (isNotFound(e)) onChanged?.();
    }
  };

  if (form && unit) {
    return (
      <RecordPanelSection headingId="children-heading" title={m.children.title}>
        <ChildPlaceForm
          unit={unit}
          place={form.place}
          onSaved={(c, created) => {
            setForm(null);
            setStatus('');
            setPending({ id: c.id, name: c.properties.name, created });
            onChanged?.();
          }}
          onCancel={() => {
            const id = form.place?.id;
            setForm(null);
            refocusAfterCancel(id ? rowOf(id) : null, addRef);
          }}
        />
      </RecordPanelSection>
    );
  }

  return (
    <RecordPanelSection headingId="children-heading" title={m.children.title}>
      <p className="muted">{m.children.intro}</p>
      <RecordPanelHead addLabel={editable ? r.addChildPlace : undefined} onAdd={() => setForm({})} addRef={addRef} status={status} statusRef={statusRef} error={error} />
      <p className="count" aria-live="polite">
        {state.data ? m.children.count(rows.length) : ''}
      </p>
      <ListStatus state={state} empty={rows.length === 0} none={m.children.none} />
      {rows.length ? (
        <div className="children-wrap">
          <TableWrap label={m.sheet.tableOf(m.children.title)}>
            <table className="data-table children-table">
              <caption className="visually-hidden">{m.children.title}</caption>
              <thead>
                <tr>
                  {editor ? <MarkInformedHeader /> : null}
                  <th scope="col">{m.children.name}</th>
                  <th scope="col" className="num">{m.children.distance}</th>
                  <th scope="col">{m.children.priorityAndStatus}</th>
                  {editable ? <th scope="col">{r.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => {
                  const p = c.properties;
                  const info = p.information;
                  const cls = [selectedId === c.id ? 'selected' : '', editor ? '' : 'no-select'].filter(Boolean).join(' ') || undefined;
                  return (
                    <tr key={c.id} id={`child-${c.id}`} className={cls}>
                      {editor ? (
                        <td className="select">
                          <SelectPair pair={{ unitId, childPlaceId: c.id }} name={p.name} selection={selection} />
                        </td>
                      ) : null}
                      <ChildCell c={c} selected={selectedId === c.id} onSelect={() => onSelect(c)} />
                      <td className="num">
                        {m.distance(p.distance_m)}
                        <span className="cell-sub">{m.ring[p.ring]}</span>
                        <WalkDistance walk={p.walk_m} minutes={p.walk_min} straight={p.distance_m} />
                      </td>
                      <td className="status">
                        <span className="badges">
                          <PriorityBadge m={m} priority={p.priority} />
                          <StatusBadge m={m} status={info.status} />
                        </span>
                        {info.last_informed_at ? (
                          <span className="cell-sub">
                            {m.children.lastInformed} <span className="date">{formatDate(m.locale, info.last_informed_at)}</span>
                          </span>
                        ) : null}
                        {info.due_at ? (
                          <span className="cell-sub">
                            {m.children.due} <span className="date">{formatDate(m.locale, info.due_at)}</span>
                          </span>
                        ) : null}
                      </td>
                      {editable ? (
                        <td className="actions">
                          <span className="row-actions">
                            <EditRemoveButtons
                              editLabel={r.editChild(p.name)}
                              onEdit={() => void edit(c)}
                              removeText={r.delete}
                              removeLabel={r.deleteChild(p.name)}
                              onRemove={() => setRemoving(c)}
                            />
                          </span>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </div>
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
      {removing ? (
        <ConfirmRemove
          title={r.deleteChildTitle(removing.properties.name)}
          text={r.deleteChildText}
          confirm={r.confirmDelete}
          action={() => recordsApi.deleteChildPlace(removing.id, removing.properties.version)}
          onDone={(how) => {
            if (how === 'done') {
              setStatus(r.deleted(removing.properties.name));
              setTimeout(() => addRef.current?.focus(), 0);
            }
            setRemoving(null);
            onChanged?.();
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </RecordPanelSection>
  );
}

/** The name cell: the name (selects it on the map), symbol, kind, stages and the external id. */
function ChildCell({ c, selected, onSelect }: { c: NearChildPlace; selected: boolean; onSelect: () => void }) {
  const { m } = useI18n();
  const p = c.properties;
  return (
    <td className="name">
      <button type="button" className="link-button" aria-pressed={selected} onClick={onSelect}>
        {p.name}
      </button>
      <span className="cell-sub">
        <SymbolImg spec={childSymbol(p.kind)} size={14} />
        {m.childPlaceKind[p.kind]}
        {p.stages.length ? ` ${p.stages.map((s) => m.stage[s]).join(', ')}` : ''}
      </span>
      {p.external_id ? (
        <span className="cell-sub muted small">
          {m.records.externalIdShort}: {p.external_id}
        </span>
      ) : null}
    </td>
  );
}
