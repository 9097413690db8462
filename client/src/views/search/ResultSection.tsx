import type { ReactNode } from 'react';
import { FeatureButton, type FeatureListItem } from '../../components/FeatureList.js';
import { useI18n } from '../../i18n/index.js';

/** One kind of search result: a heading with the count, and the results as a list. */
export function ResultSection({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  const { m } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({m.number(count)})</span>
      </h2>
      <ul className="plain-list result-list">{children}</ul>
    </section>
  );
}

/** Found actors or children's places as a result section of map-linked buttons; nothing when none were found. */
export function FeatureResults({ id, title, items }: { id: string; title: string; items: FeatureListItem[] }) {
  if (!items.length) return null;
  return (
    <ResultSection id={id} title={title} count={items.length}>
      {items.map((item) => (
        <li key={item.id}>
          <FeatureButton item={item} />
        </li>
      ))}
    </ResultSection>
  );
}
