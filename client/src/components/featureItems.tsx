import type { Messages } from '../i18n/index.js';
import type { Actor, ChildPlace } from '../lib/apiTypes.js';
import { actorSymbol, childSymbol } from '../map/icons.js';
import type { FeatureListItem } from './FeatureList.js';
import { SymbolImg } from './SymbolImg.js';

type Selectable = Pick<FeatureListItem, 'selected' | 'onSelect'>;

/** An actor as a list entry: its category's symbol and name, and the address when `withAddress`. */
export function actorItem(m: Messages, a: Actor, select: Selectable, withAddress = false): FeatureListItem {
  const p = a.properties;
  const meta = m.actorCategory[p.category] + (withAddress && p.address ? ` · ${p.address}` : '');
  return { id: a.id, name: p.name, meta, symbol: <SymbolImg spec={actorSymbol(p.category)} />, ...select };
}

/** A children's place as a list entry: its kind's symbol and name, and the address when `withAddress`. */
export function childItem(m: Messages, c: ChildPlace, select: Selectable, withAddress = false): FeatureListItem {
  const p = c.properties;
  const meta = m.childPlaceKind[p.kind] + (withAddress && p.address ? ` · ${p.address}` : '');
  return { id: c.id, name: p.name, meta, symbol: <SymbolImg spec={childSymbol(p.kind)} />, ...select };
}
