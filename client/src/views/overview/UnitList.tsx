import { SymbolImg } from '../../components/SymbolImg.js';
import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { Unit } from '../../lib/apiTypes.js';
import { routeHref } from '../../lib/route.js';
import { unitSymbol } from '../../map/icons.js';
import { canEdit } from '../../outreach/api.js';
import { useMe } from '../../session.js';

/** The units as a list of toggle buttons; the selected one opens a card with its address and a link to it. Editors get "Ny enhet" above the list. */
export function UnitList({ units, selectedId, onSelect }: { units: Unit[]; selectedId?: number; onSelect: (u: Unit) => void }) {
  const { m } = useI18n();
  const selected = selectedId ? units.find((u) => u.id === selectedId) : undefined;
  const editor = canEdit(useMe());
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
      <ul className="unit-list" aria-label={m.units.listLabel}>
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
