import { useI18n } from '../i18n/index.js';
import type { ChildPlaceKind } from '../lib/apiTypes.js';
import { childSymbol } from '../map/icons.js';
import { SymbolImg } from './SymbolImg.js';

/** The first cell of a child-place row: its name (selects it on the map), symbol and kind. */
export function ChildNameCell({ name, kind, extra = '', selected, onSelect }: { name: string; kind: ChildPlaceKind; extra?: string; selected: boolean; onSelect: () => void }) {
  const { m } = useI18n();
  return (
    <td>
      <button type="button" className="link-button" aria-pressed={selected} onClick={onSelect}>
        {name}
      </button>
      <span className="cell-sub">
        <SymbolImg spec={childSymbol(kind)} size={14} />
        {m.childPlaceKind[kind]}
        {extra}
      </span>
    </td>
  );
}

/** The header cell above the "mark as informed" checkboxes (named for screen readers only). */
export function MarkInformedHeader() {
  const { m } = useI18n();
  return (
    <th scope="col">
      <span className="visually-hidden">{m.outreach.markInformed}</span>
    </th>
  );
}
