import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { Unit } from '../../lib/apiTypes.js';
import { RINGS } from '../../lib/codes.js';
import { routeHref } from '../../lib/route.js';
import { ContactLinks } from './ContactCard.js';

/** The unit's facts, its contact for neighbours and the link to the printable sheet. */
export function UnitFacts({ unit }: { unit: Unit }) {
  const { m } = useI18n();
  const p = unit.properties;
  const optional: [string, string | null][] = [
    [m.unit.operator, p.operator],
    [m.unit.description, p.description],
  ];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{m.unit.facts}</h2>
      <dl className="facts">
        <dt>{m.unit.kind}</dt>
        <dd>{m.unitKind[p.kind]}</dd>
        <dt>{m.unit.status}</dt>
        <dd>{m.unitStatus[p.status]}</dd>
        <dt>{m.unit.places}</dt>
        <dd>{m.number(p.places)}</dd>
        <dt>{m.unit.address}</dt>
        <dd>{p.address ?? m.units.coarse}</dd>
        {optional.map(([term, value]) =>
          value ? (
            <FactPair key={term} term={term} value={value} />
          ) : null,
        )}
        <dt>{m.unit.zones}</dt>
        <dd>{RINGS.map((r) => m.unit.zoneRadius(m.ring[r], p.radii[r])).join(', ')}</dd>
      </dl>
      <h2>{m.unit.neighbourContact}</h2>
      <p className="muted">{m.unit.neighbourContactIntro}</p>
      {p.contact_name || p.contact_phone || p.contact_email ? (
        <div className="contact-card">
          {p.contact_name ? <p className="person-name">{p.contact_name}</p> : null}
          <ContactLinks phone={p.contact_phone} email={p.contact_email} />
          {p.contact_hours ? (
            <p className="small">
              <span className="label">{m.unit.hours}: </span>
              {p.contact_hours}
            </p>
          ) : null}
        </div>
      ) : (
        <p>{m.unit.noNeighbourContact}</p>
      )}
      <p>
        <Link className="button" href={routeHref({ name: 'sheet', id: unit.id })}>
          {m.unit.printSheet}
        </Link>
      </p>
    </section>
  );
}

function FactPair({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
