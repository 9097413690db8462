import { useRef, useState } from 'react';
import { CodeFilter } from '../../components/CodeFilter.js';
import { ListStatus } from '../../components/ListStatus.js';
import { SymbolImg } from '../../components/SymbolImg.js';
import type { AsyncState } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import type { ActorCategory, Contact, Ring, Unit } from '../../lib/apiTypes.js';
import { ACTOR_CATEGORIES, RINGS } from '../../lib/codes.js';
import { categoriesPresent, groupContacts } from '../../lib/contacts.js';
import { actorSymbol } from '../../map/icons.js';
import { canEdit } from '../../outreach/api.js';
import { ActorForm } from '../../records/ActorForm.js';
import { recordsApi, type ActorRecord } from '../../records/api.js';
import { RecordPanelHead, RecordPanelSection, refocusAfterCancel, useAfterReload } from '../../records/RecordPanel.js';
import { useMe } from '../../session.js';
import { ContactCard } from './ContactCard.js';
import { ContactsExport } from './ContactsExport.js';

/** The contacts filter: by ring and by actor category (`undefined`: all). */
export interface ContactFilter {
  ring?: Ring;
  category?: ActorCategory;
}

/** The actor's name button on its card, where focus returns after a change. */
const cardOf = (id: number) => `#contact-${id} .contact-name`;

/**
 * The unit's contacts, filtered by ring and category, grouped by ring and then category.
 * Editors add an actor here (the form replaces the list while open), and edit, move and
 * remove actors and their contact persons from the cards.
 */
export function ContactsPanel({
  state,
  shown,
  filter,
  onFilter,
  selectedId,
  onSelect,
  unit,
  onChanged,
}: {
  state: AsyncState<{ features: Contact[] }> & { retry: () => void };
  shown: Contact[];
  filter: ContactFilter;
  onFilter: (f: ContactFilter) => void;
  selectedId: number | string | null;
  onSelect: (c: Contact) => void;
  /** The unit, for the actor form's map; no form without it. */
  unit?: Unit;
  /** Called after any saved change, to reload the contacts. */
  onChanged?: () => void;
}) {
  const { m } = useI18n();
  const r = m.records;
  const editable = canEdit(useMe()) && !!unit;
  const [form, setForm] = useState<{ actor?: ActorRecord } | null>(null);
  const [status, setStatus] = useState('');
  const [openError, setOpenError] = useState<unknown>(null);
  /** After a save: the actor whose card gets focus once the reloaded list shows it. */
  const [focusId, setFocusId] = useState<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const groups = groupContacts(shown);
  const cats = categoriesPresent(state.data?.features ?? [], ACTOR_CATEGORIES);

  useAfterReload(focusId !== null, state.status, () => {
    const target = document.querySelector<HTMLElement>(cardOf(focusId!));
    (target ?? statusRef.current)?.focus();
    setFocusId(null);
  });

  const edit = async (c: Contact) => {
    setOpenError(null);
    try {
      setForm({ actor: await recordsApi.actor(c.id) });
    } catch (e) {
      setOpenError(e);
      onChanged?.();
    }
  };

  if (form && unit) {
    return (
      <RecordPanelSection headingId="contacts-heading" title={m.contacts.title}>
        <ActorForm
          unit={unit}
          actor={form.actor}
          onSaved={(a, created) => {
            setForm(null);
            setStatus(created ? r.created(a.properties.name) : r.saved(a.properties.name));
            setFocusId(a.id);
            onChanged?.();
          }}
          onCancel={() => {
            const id = form.actor?.id;
            setForm(null);
            refocusAfterCancel(id ? cardOf(id) : null, addRef);
          }}
        />
      </RecordPanelSection>
    );
  }

  return (
    <RecordPanelSection headingId="contacts-heading" title={m.contacts.title}>
      <p className="muted">{m.contacts.intro}</p>
      <RecordPanelHead addLabel={editable ? r.addActorHere : undefined} onAdd={() => setForm({})} addRef={addRef} status={status} statusRef={statusRef} error={openError} />
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
      {unit && state.data && state.data.features.length > 0 ? <ContactsExport unitId={unit.id} /> : null}
      {groups.map((g) => (
        <section key={g.ring} className={`ring-group ring-${g.ring}`} aria-labelledby={`ring-${g.ring}`}>
          <h3 id={`ring-${g.ring}`}>
            {m.ring[g.ring]} <span className="muted">({m.contacts.count(g.count)})</span>
          </h3>
          {g.categories.map((cg) => (
            <div key={cg.category} className="category-group">
              <h4>
                <SymbolImg spec={actorSymbol(cg.category)} />
                {m.actorCategory[cg.category]}
              </h4>
              <ul className="plain-list">
                {cg.contacts.map((c) => (
                  <li key={c.id}>
                    <ContactCard
                      contact={c}
                      selected={selectedId === c.id}
                      onSelect={() => onSelect(c)}
                      unitId={unit?.id}
                      editable={editable}
                      onEdit={() => void edit(c)}
                      onChanged={onChanged}
                      onDeleted={(name) => {
                        setStatus(r.deleted(name));
                        onChanged?.();
                        addRef.current?.focus();
                      }}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </RecordPanelSection>
  );
}
