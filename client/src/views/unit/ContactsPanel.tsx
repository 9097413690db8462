import { CodeFilter } from '../../components/CodeFilter.js';
import { ListStatus } from '../../components/ListStatus.js';
import { SymbolImg } from '../../components/SymbolImg.js';
import type { AsyncState } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import type { ActorCategory, Contact, Ring } from '../../lib/apiTypes.js';
import { ACTOR_CATEGORIES, RINGS } from '../../lib/codes.js';
import { categoriesPresent, groupContacts } from '../../lib/contacts.js';
import { actorSymbol } from '../../map/icons.js';
import { ContactCard } from './ContactCard.js';

/** The contacts filter: by ring and by actor category (`undefined`: all). */
export interface ContactFilter {
  ring?: Ring;
  category?: ActorCategory;
}

/** The unit's contacts, filtered by ring and category, grouped by ring and then category. */
export function ContactsPanel({
  state,
  shown,
  filter,
  onFilter,
  selectedId,
  onSelect,
}: {
  state: AsyncState<{ features: Contact[] }> & { retry: () => void };
  shown: Contact[];
  filter: ContactFilter;
  onFilter: (f: ContactFilter) => void;
  selectedId: number | string | null;
  onSelect: (c: Contact) => void;
}) {
  const { m } = useI18n();
  const groups = groupContacts(shown);
  const cats = categoriesPresent(state.data?.features ?? [], ACTOR_CATEGORIES);
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{m.contacts.title}</h2>
      <p className="muted">{m.contacts.intro}</p>
      <div className="filters">
        <CodeFilter id="contacts-ring" label={m.contacts.filterRing} allLabel={m.contacts.all} codes={RINGS} value={filter.ring} labelOf={(r) => m.ring[r]} onChange={(ring) => onFilter({ ...filter, ring })} />
        <CodeFilter
          id="contacts-category"
          label={m.contacts.filterCategory}
          allLabel={m.contacts.all}
          codes={cats}
          value={filter.category}
          labelOf={(c) => m.actorCategory[c]}
          onChange={(category) => onFilter({ ...filter, category })}
        />
      </div>
      <p className="count" aria-live="polite">
        {state.data ? m.contacts.count(shown.length) : ''}
      </p>
      <ListStatus state={state} empty={shown.length === 0} none={m.contacts.none} />
      {groups.map((g) => (
        <section key={g.ring} className={`ring-group ring-${g.ring}`} aria-labelledby={`ring-${g.ring}`}>
          <h3 id={`ring-${g.ring}`}>
            {m.ring[g.ring]} <span className="muted">({m.contacts.count(g.count)})</span>
          </h3>
          {g.categories.map((cg) => (
            <div key={cg.category} className="category-group">
              <h4>
                <SymbolImg spec={actorSymbol(m.actorSymbol[cg.category])} />
                {m.actorCategory[cg.category]}
              </h4>
              <ul className="plain-list">
                {cg.contacts.map((c) => (
                  <li key={c.id}>
                    <ContactCard contact={c} selected={selectedId === c.id} onSelect={() => onSelect(c)} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
