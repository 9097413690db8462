import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import type { Contact } from '../../lib/apiTypes.js';
import { contactText } from '../../lib/contacts.js';
import { telHref } from '../../lib/format.js';

/** One actor to contact: name (selects it on the map), what about, links, persons, and a copy button. */
export function ContactCard({ contact, selected, onSelect }: { contact: Contact; selected: boolean; onSelect: () => void }) {
  const { m } = useI18n();
  const p = contact.properties;
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
      {p.organisation && p.organisation !== p.name ? <p className="muted small">{p.organisation}</p> : null}
      {p.contact_about ? (
        <p>
          <span className="label">{m.contacts.contactAbout}: </span>
          {p.contact_about}
        </p>
      ) : null}
      {p.address ? <p className="small">{p.address}</p> : null}
      <ContactLinks phone={p.phone} email={p.email} />
      {p.contact_persons.length ? (
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
        <button type="button" className="button button-small" onClick={() => void copy()} aria-label={m.contacts.copyLabel(p.name)}>
          {m.contacts.copy}
        </button>
        <span className="copy-status small" role="status">
          {copyStatus}
        </span>
      </div>
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
