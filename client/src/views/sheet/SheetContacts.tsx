import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/index.js';
import type { Contact } from '../../lib/apiTypes.js';
import { groupContacts } from '../../lib/contacts.js';
import type { SheetNumbers } from '../../lib/sheet.js';
import { WayIn } from './Reach.js';
import { SheetDistanceCell } from './SheetDistanceCell.js';
import { SheetTableHead } from './SheetTableHead.js';

/** The contacts by ring, nearest first, each numbered as on the map with every way to reach them. */
export function SheetContacts({ contacts, numbers }: { contacts: Contact[]; numbers: SheetNumbers }) {
  const { m } = useI18n();
  const groups = groupContacts(contacts);
  return (
    <section aria-labelledby="sheet-contacts-h">
      <h2 id="sheet-contacts-h">{m.sheet.contactsTitle}</h2>
      {groups.length === 0 ? <p>{m.sheet.none}</p> : null}
      {groups.map((g) => (
        <section key={g.ring} className="sheet-ring" aria-labelledby={`sheet-ring-${g.ring}`}>
          <h3 id={`sheet-ring-${g.ring}`}>{m.ring[g.ring]}</h3>
          <TableWrap label={`${m.sheet.contactsTitle}: ${m.ring[g.ring]}`}>
            <table className="data-table sheet-table">
              <SheetTableHead columns={[[m.table.name], [m.table.category], [m.table.distance, 'num'], [m.sheet.reach]]} />
              <tbody>
                {g.categories
                  .flatMap((cg) => cg.contacts)
                  .sort((a, b) => a.properties.distance_m - b.properties.distance_m)
                  .map((c) => (
                    <ContactRow key={c.id} contact={c} n={numbers.actors.get(Number(c.id))} />
                  ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </section>
  );
}

function ContactRow({ contact, n }: { contact: Contact; n: number | undefined }) {
  const { m } = useI18n();
  const p = contact.properties;
  const organisationReach = p.phone || p.email;
  return (
    <tr>
      <td className="num">{n}</td>
      <td>
        <strong>{p.name}</strong>
        {p.contact_about ? <span className="cell-sub wrap">{p.contact_about}</span> : null}
      </td>
      <td>{m.actorCategory[p.category]}</td>
      <SheetDistanceCell place={p} />
      <td>
        {organisationReach || p.contact_persons.length ? (
          <ul className="sheet-ways">
            {organisationReach ? <WayIn who={p.organisation && p.organisation !== p.name ? p.organisation : m.sheet.organisation} phone={p.phone} email={p.email} /> : null}
            {p.contact_persons.map((x) => (
              <WayIn key={x.id} who={x.role ? `${x.name}, ${x.role}` : x.name} phone={x.phone} email={x.email} />
            ))}
          </ul>
        ) : (
          m.sheet.noWayIn
        )}
      </td>
    </tr>
  );
}
