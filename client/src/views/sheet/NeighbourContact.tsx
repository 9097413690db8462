import { useI18n } from '../../i18n/index.js';
import type { Unit } from '../../lib/apiTypes.js';
import { Phone } from './Reach.js';

/** The unit's neighbourhood contact: whom neighbours call, or a line saying there is none. */
export function NeighbourContact({ unit }: { unit: Unit }) {
  const { m } = useI18n();
  const p = unit.properties;
  return (
    <section className="sheet-box" aria-labelledby="sheet-nc-h">
      <h2 id="sheet-nc-h">{m.unit.neighbourContact}</h2>
      {p.contact_name || p.contact_phone || p.contact_email ? (
        <p>
          {p.contact_name ? <strong>{p.contact_name}</strong> : null}
          {p.contact_phone ? <> · <Phone value={p.contact_phone} /></> : null}
          {p.contact_email ? <> · <span className="email">{p.contact_email}</span></> : null}
          {p.contact_hours ? (
            <>
              <br />
              {m.unit.hours}: {p.contact_hours}
            </>
          ) : null}
        </p>
      ) : (
        <p>{m.unit.noNeighbourContact}</p>
      )}
    </section>
  );
}
