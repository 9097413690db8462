import { SymbolImg } from '../../components/SymbolImg.js';
import { useI18n } from '../../i18n/index.js';
import { CHILD_PLACE_KINDS, PRIORITIES } from '../../lib/codes.js';
import { childSymbol } from '../../map/icons.js';

/** How priority looks on the map: a ring under the symbol, thicker for higher priority. */
export function PriorityLegend() {
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
