import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/index.js';
import type { NearChildPlace } from '../../lib/apiTypes.js';
import { formatDate } from '../../lib/format.js';
import type { SheetNumbers } from '../../lib/sheet.js';
import { Phone } from './Reach.js';
import { WalkDistance } from '../unit/WalkDistance.js';

/** The children's places nearest first, numbered as on the map, with their information status. */
export function SheetChildren({ places, numbers }: { places: NearChildPlace[]; numbers: SheetNumbers }) {
  const { m } = useI18n();
  const rows = [...places].sort((a, b) => a.properties.distance_m - b.properties.distance_m);
  return (
    <section aria-labelledby="sheet-children-h" className="sheet-children">
      <h2 id="sheet-children-h">{m.sheet.childrenTitle}</h2>
      {rows.length === 0 ? (
        <p>{m.sheet.none}</p>
      ) : (
        <TableWrap label={m.sheet.tableOf(m.sheet.childrenTitle)}>
          <table className="data-table sheet-table">
            <thead>
              <tr>
                <th scope="col" className="num">{m.sheet.number}</th>
                <th scope="col">{m.children.name}</th>
                <th scope="col">{m.children.kind}</th>
                <th scope="col" className="num">{m.children.distance}</th>
                <th scope="col">{m.children.ring}</th>
                <th scope="col">{m.children.priority}</th>
                <th scope="col">{m.children.status}</th>
                <th scope="col">{m.children.due}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const p = c.properties;
                return (
                  <tr key={c.id}>
                    <td className="num">{numbers.childPlaces.get(Number(c.id))}</td>
                    <td>
                      <strong>{p.name}</strong>
                      {p.contact_name ? (
                        <span className="cell-sub wrap">
                          {p.contact_name}
                          {p.contact_role ? `, ${p.contact_role}` : ''}
                          {p.contact_phone ? <> · <Phone value={p.contact_phone} /></> : null}
                        </span>
                      ) : null}
                    </td>
                    <td>{m.childPlaceKind[p.kind]}</td>
                    <td className="num">
                      {m.distance(p.distance_m)}
                      <WalkDistance walk={p.walk_m} minutes={p.walk_min} straight={p.distance_m} />
                    </td>
                    <td>{m.ring[p.ring]}</td>
                    <td>{m.priority[p.priority]}</td>
                    <td>{m.infoStatus[p.information.status]}</td>
                    <td>{formatDate(m.locale, p.information.due_at)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
