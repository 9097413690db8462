import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

/** One entry of a feature list: its symbol, name and a line about it; selectable when `onSelect` is given. */
export interface FeatureListItem {
  id: number;
  name: string;
  meta: string;
  symbol: ReactNode;
  selected?: boolean;
  onSelect?: () => void;
}

/** A feature's entry as a button that selects it on the map (pressed while selected). */
export function FeatureButton({ item }: { item: FeatureListItem }) {
  return (
    <button type="button" className="feature-item" aria-pressed={item.selected ?? false} onClick={item.onSelect}>
      {item.symbol}
      <span className="feature-name">{item.name}</span>
      {item.meta ? <span className="feature-meta">{item.meta}</span> : null}
    </button>
  );
}

/** A titled list of features, with how many more there are than it shows. */
export function FeatureList({ title, items, more }: { title: string; items: FeatureListItem[]; more: number }) {
  const { m } = useI18n();
  return (
    <div className="feature-list">
      <h3>{title}</h3>
      <ul>
        {items.map((it) => (
          <li key={it.id}>{it.onSelect ? <FeatureButton item={it} /> : <span className="feature-item">{it.name}</span>}</li>
        ))}
      </ul>
      {more > 0 ? <p className="muted small">{m.layers.moreHidden(more)}</p> : null}
    </div>
  );
}
