import { useRef, type KeyboardEvent } from 'react';
import { SymbolImg } from '../../components/SymbolImg.js';
import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { Unit } from '../../lib/apiTypes.js';
import { routeHref } from '../../lib/route.js';
import { unitSymbol } from '../../map/icons.js';
import { canEdit } from '../../outreach/api.js';
import { useMe } from '../../session.js';
import { useIntent } from '../../keys/intents.js';
import { LOCAL_KEYS } from '../../keys/shortcuts.js';

/** How long typed letters add up to one name prefix in the type-ahead. */
const TYPE_AHEAD_MS = 700;

/**
 * Arrow keys, Home and End move between the list's buttons; a letter moves to the next
 * unit whose name starts with the letters typed (Tab still walks through every button).
 */
function useListKeys(units: Unit[]) {
  const typed = useRef({ text: '', at: 0 });
  return (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.unit-item')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 || e.ctrlKey || e.altKey || e.metaKey) return;
    let next = -1;
    if (LOCAL_KEYS.listMove.includes(e.key)) {
      next = { ArrowDown: Math.min(at + 1, buttons.length - 1), ArrowUp: Math.max(at - 1, 0), Home: 0, End: buttons.length - 1 }[e.key] ?? -1;
    } else if (e.key.length === 1 && /\p{L}|\p{N}/u.test(e.key)) {
      const now = Date.now();
      const text = (now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text : '') + e.key.toLocaleLowerCase('sv');
      typed.current = { text, at: now };
      const starts = (i: number) => units[i]?.properties.name.toLocaleLowerCase('sv').startsWith(text);
      // A new first letter looks from the next unit on (pressing "d" again walks the D:s); more letters from this one.
      const from = text.length === 1 ? at + 1 : at;
      for (let k = 0; k < units.length && next < 0; k++) if (starts((from + k) % units.length)) next = (from + k) % units.length;
      if (next < 0) next = at;
    } else return;
    e.preventDefault();
    buttons[next]?.focus();
  };
}

/** The units as a list of toggle buttons; the selected one opens a card with its address and a link to it. Editors get "Ny enhet" above the list. */
export function UnitList({ units, selectedId, onSelect }: { units: Unit[]; selectedId?: number; onSelect: (u: Unit) => void }) {
  const { m } = useI18n();
  const selected = selectedId ? units.find((u) => u.id === selectedId) : undefined;
  const editor = canEdit(useMe());
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = useListKeys(units);
  useIntent('units', () => (list.current?.querySelector<HTMLElement>('li.selected button.unit-item') ?? list.current?.querySelector<HTMLElement>('button.unit-item'))?.focus(), units.length > 0);
  return (
    <>
      {editor ? (
        <p className="unit-list-actions">
          <Link className="button" href={routeHref({ name: 'newUnit' })}>
            <span aria-hidden="true">+ </span>
            {m.unitEdit.newUnit}
          </Link>
        </p>
      ) : null}
      <p className="muted" role="status">
        {m.units.count(units.length)}
        {selected ? <span className="visually-hidden">. {m.units.selected(selected.properties.name)}</span> : null}
      </p>
      {units.length === 0 ? <p>{m.units.none}</p> : null}
      <ul ref={list} className="unit-list" aria-label={m.units.listLabel} onKeyDown={onKeyDown}>
        {units.map((u) => {
          const p = u.properties;
          const isSel = u.id === selectedId;
          return (
            <li key={u.id} className={isSel ? 'selected' : undefined} data-unit-id={u.id}>
              <button type="button" className="unit-item" aria-pressed={isSel} onClick={() => onSelect(u)}>
                <SymbolImg spec={unitSymbol(p.status)} size={20} />
                <span className="unit-item-text">
                  <span className="unit-name">{p.name}</span>
                  <span className="unit-meta">
                    {m.unitKind[p.kind]} · {m.units.places(p.places)}
                    {p.status !== 'open' ? ` · ${m.unitStatus[p.status]}` : ''}
                  </span>
                </span>
              </button>
              {isSel ? (
                <div className="unit-card">
                  <p>{p.address ?? m.units.coarse}</p>
                  <Link className="button button-primary" href={routeHref({ name: 'unit', id: u.id, tab: 'contacts' })}>
                    {m.units.open}
                    <span className="visually-hidden">: {p.name}</span>
                  </Link>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
