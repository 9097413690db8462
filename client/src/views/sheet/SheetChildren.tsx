import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/index.js';
import type { NearChildPlace } from '../../lib/apiTypes.js';
import { formatDate } from '../../lib/format.js';
import type { SheetNumbers } from '../../lib/sheet.js';
import { Phone } from './Reach.js';
import { SheetDistanceCell } from './SheetDistanceCell.js';
import { SheetTableHead } from './SheetTableHead.js';

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
            <SheetTableHead
              columns={[[m.children.name], [m.children.kind], [m.children.distance, 'num'], [m.children.ring], [m.children.priority], [m.children.status], [m.children.due]]}
            />
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
                    <SheetDistanceCell place={p} />
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
