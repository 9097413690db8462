import { useState } from 'react';
import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { Contact } from '../../lib/apiTypes.js';
import { contactText } from '../../lib/contacts.js';
import { telHref } from '../../lib/format.js';
import { routeHref } from '../../lib/route.js';
import { recordsApi } from '../../records/api.js';
import { ConfirmRemove } from '../../records/ConfirmRemove.js';
import { EditRemoveButtons } from '../../records/EditRemoveButtons.js';
import { PersonsEditor } from '../../records/PersonsEditor.js';
import { WalkDistance } from './WalkDistance.js';

/**
 * One actor to contact: name (selects it on the map), what about, links, when last
 * contacted, persons, and a copy button. For editors also "Logga kontakt", edit, remove
 * and the contact persons edited inline.
 */
export function ContactCard({
  contact,
  selected,
  onSelect,
  unitId,
  editable = false,
  onEdit,
  onChanged,
  onDeleted,
}: {
  contact: Contact;
  selected: boolean;
  onSelect: () => void;
  unitId?: number;
  editable?: boolean;
  onEdit?: () => void;
  onChanged?: () => void;
  onDeleted?: (name: string) => void;
}) {
  const { m } = useI18n();
  const r = m.records;
  const p = contact.properties;
  const [confirming, setConfirming] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(contactText(contact, { category: m.actorCategory[p.category], contactAbout: m.contacts.contactAbout }));
      setCopyStatus(m.contacts.copied(p.name));
    } catch {
      setCopyStatus(m.contacts.copyFailed);
    }
  };
  return (
    <article id={`contact-${contact.id}`} className={`contact-card${selected ? ' selected' : ''}`} aria-label={p.name}>
      <div className="contact-head">
        <button type="button" className="link-button contact-name" aria-pressed={selected} onClick={onSelect}>
          {p.name}
        </button>
        <span className="distance">{m.distance(p.distance_m)}</span>
      </div>
      <WalkDistance walk={p.walk_m} minutes={p.walk_min} straight={p.distance_m} />
      {p.organisation && p.organisation !== p.name ? <p className="muted small">{p.organisation}</p> : null}
      {p.contact_about ? (
        <p>
          <span className="label">{m.contacts.contactAbout}: </span>
          {p.contact_about}
        </p>
      ) : null}
      {p.address ? <p className="small">{p.address}</p> : null}
      <ContactLinks phone={p.phone} email={p.email} />
      <p className="small last-contacted">
        <span className="label">{r.lastContacted}: </span>
        {p.last_contacted_at ? <time dateTime={p.last_contacted_at}>{r.lastContactedOn(p.last_contacted_at)}</time> : r.neverContacted}
      </p>
      {editable ? (
        <PersonsEditor actorId={contact.id} actorName={p.name} persons={p.contact_persons} editable onChanged={() => onChanged?.()} />
      ) : p.contact_persons.length ? (
        <ul className="persons" aria-label={m.contacts.persons}>
          {p.contact_persons.map((person) => (
            <li key={person.id}>
              <span className="person-name">{person.name}</span>
              {person.role ? <span className="muted">, {person.role}</span> : null}
              <ContactLinks phone={person.phone} email={person.email} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="card-actions">
        {editable && unitId !== undefined ? (
          <Link className="button button-small button-primary" href={routeHref({ name: 'unit', id: unitId, tab: 'activities', draft: { actorId: contact.id } })} aria-label={r.logContactLabel(p.name)}>
            {r.logContact}
          </Link>
        ) : null}
        <button type="button" className="button button-small" onClick={() => void copy()} aria-label={m.contacts.copyLabel(p.name)}>
          {m.contacts.copy}
        </button>
        {editable ? (
          <EditRemoveButtons editLabel={r.editActor(p.name)} onEdit={onEdit} removeText={r.delete} removeLabel={r.deleteActor(p.name)} onRemove={() => setConfirming(true)} />
        ) : null}
        <span className="copy-status small" role="status">
          {copyStatus}
        </span>
      </div>
      {confirming ? (
        <ConfirmRemove
          title={r.deleteActorTitle(p.name)}
          text={r.deleteActorText}
          confirm={r.confirmDelete}
          action={() => recordsApi.deleteActor(contact.id, p.version)}
          onDone={() => {
            setConfirming(false);
            onDeleted?.(p.name);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </article>
  );
}

/** A phone and an e-mail link, each named for screen readers; nothing when both are missing. */
export function ContactLinks({ phone, email }: { phone: string | null; email: string | null }) {
  const { m } = useI18n();
  if (!phone && !email) return null;
  return (
    <p className="contact-links">
      {phone ? (
        <a href={telHref(phone)}>
          <span className="visually-hidden">{m.contacts.phone} </span>
          {phone}
        </a>
      ) : null}
      {email ? (
        <a href={`mailto:${email}`}>
          <span className="visually-hidden">{m.contacts.email} </span>
          {email}
        </a>
      ) : null}
    </p>
  );
}
