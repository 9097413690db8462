import { useEffect, useMemo, useRef, useState } from 'react';
import { TableWrap } from '../components/TableWrap.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { SymbolImg } from '../components/SymbolImg.js';
import { ZoneLegend } from '../components/ZoneLegend.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { Contact, NearChildPlace, Unit, ZoneCollection } from '../lib/apiTypes.js';
import { groupContacts } from '../lib/contacts.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { routeHref } from '../lib/route.js';
import { outerRingPositions, zoneLabelPoints } from '../lib/zones.js';
import { useGeoJsonLayers } from '../map/hooks.js';
import { actorSymbol, CHILD_SHAPES, childSymbol, UNIT_SYMBOL } from '../map/icons.js';
import { MapView, useMap } from '../map/MapView.js';
import { fitToPositions } from '../map/ops.js';
import { ACTOR_ICON, CHILD_ICON, pointSymbolLayer, SLOT, unitLayers, zoneLabelLayer, zoneLayers } from '../map/styles.js';

const SHEET_ZONES = zoneLayers('sheet-zones');
const SHEET_LABELS = [zoneLabelLayer('sheet-zone-labels')];
const SHEET_UNIT = unitLayers('sheet-unit');
const SHEET_CONTACTS = [pointSymbolLayer('sheet-contacts', ACTOR_ICON, SLOT.actors)];
const SHEET_CHILDREN = [pointSymbolLayer('sheet-children', CHILD_ICON, SLOT.children)];

/**
 * The printable A4 contact sheet of a unit: neighbourhood contact, a map of the
 * zones with legend, scale bar and north arrow, contacts by ring, children's places,
 * and the date printed. The print stylesheet hides the toolbar.
 */
export function ContactSheet({ id }: { id: number }) {
  const { m } = useI18n();
  const unit = useAsync((signal) => api.unit(id, signal), [id]);
  const zones = useAsync((signal) => api.zones(id, signal), [id]);
  const contacts = useAsync((signal) => api.contacts(id, {}, signal), [id]);
  const children = useAsync((signal) => api.unitChildPlaces(id, signal), [id]);
  const [printedAt] = useState(() => new Date());
  const u = unit.data;

  useEffect(() => {
    document.title = u ? m.sheet.title(u.properties.name) : m.app.name;
  }, [u, m]);

  const failed = [unit, zones, contacts, children].find((s) => s.status === 'error');
  const ready = u && zones.data && contacts.data && children.data;

  return (
    <div className="sheet-page">
      <div className="sheet-toolbar no-print">
        <Link href={routeHref({ name: 'unit', id, tab: 'unit' })}>
          <span aria-hidden="true">← </span>
          {m.sheet.back}
        </Link>
        <span className="toolbar-end">
          <LanguageSwitch />
          <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!ready}>
            {m.sheet.print}
          </button>
        </span>
      </div>
      <main id="main" className="sheet" data-ready={ready ? 'true' : 'false'}>
        {failed ? <ErrorMessage error={failed.error} onRetry={failed.retry} /> : null}
        {!u ? (
          <Skeleton lines={8} />
        ) : (
          <>
            <header className="sheet-header">
              <h1>{m.sheet.title(u.properties.name)}</h1>
              <p>
                {m.unitKind[u.properties.kind]} · {m.units.places(u.properties.places)} · {u.properties.address ?? m.units.coarse}
              </p>
              <p className="muted small">{m.sheet.printed(formatDateTime(m.locale, printedAt))}</p>
            </header>
            <NeighbourContact unit={u} />
            <section className="sheet-map-section" aria-labelledby="sheet-map-h">
              <h2 id="sheet-map-h">{m.sheet.mapTitle}</h2>
              <MapView interactive={false} preserveDrawingBuffer className="sheet-map-wrap" overlay={<NorthArrow />}>
                {zones.data && contacts.data && children.data ? (
                  <SheetLayers unit={u} zones={zones.data} contacts={contacts.data.features} childPlaces={children.data.features} />
                ) : null}
              </MapView>
              <div className="sheet-legend">
                <ZoneLegend radii={u.properties.radii} />
                <ul className="legend-list">
                  <li>
                    <SymbolImg spec={UNIT_SYMBOL} size={16} />
                    {m.layers.units}
                  </li>
                  <li>
                    <SymbolImg spec={actorSymbol('F')} size={16} />
                    {m.layers.actors}
                  </li>
                  {(Object.keys(CHILD_SHAPES) as (keyof typeof CHILD_SHAPES)[]).map((k) => (
                    <li key={k}>
                      <SymbolImg spec={childSymbol(k)} size={16} />
                      {m.childPlaceKind[k]}
                    </li>
                  ))}
                </ul>
              </div>
            </section>
          </>
        )}
        {contacts.data ? <SheetContacts contacts={contacts.data.features} /> : contacts.status === 'loading' ? <Skeleton lines={6} /> : null}
        {children.data ? <SheetChildren places={children.data.features} /> : null}
        <p className="sheet-footer small">{m.sheet.confidential}</p>
      </main>
    </div>
  );
}

function NeighbourContact({ unit }: { unit: Unit }) {
  const { m } = useI18n();
  const p = unit.properties;
  return (
    <section className="sheet-box" aria-labelledby="sheet-nc-h">
      <h2 id="sheet-nc-h">{m.unit.neighbourContact}</h2>
      {p.contact_name || p.contact_phone || p.contact_email ? (
        <p>
          {p.contact_name ? <strong>{p.contact_name}</strong> : null}
          {p.contact_phone ? <> · {p.contact_phone}</> : null}
          {p.contact_email ? <> · {p.contact_email}</> : null}
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

/** The sheet's map: zones, the unit and every contact and child place, fitted to the outer ring. */
function SheetLayers({ unit, zones, contacts, childPlaces }: { unit: Unit; zones: ZoneCollection; contacts: Contact[]; childPlaces: NearChildPlace[] }) {
  const { m } = useI18n();
  const { map } = useMap();
  const labels = useMemo(() => zoneLabelPoints(zones.features, (r, radius) => `${m.ring[r]} ${m.ringLabel(radius)}`), [zones, m]);
  useGeoJsonLayers('sheet-zones', zones, SHEET_ZONES);
  useGeoJsonLayers('sheet-zone-labels', labels, SHEET_LABELS);
  useGeoJsonLayers('sheet-children', { type: 'FeatureCollection', features: childPlaces }, SHEET_CHILDREN);
  useGeoJsonLayers('sheet-contacts', { type: 'FeatureCollection', features: contacts }, SHEET_CONTACTS);
  useGeoJsonLayers('sheet-unit', { type: 'FeatureCollection', features: [unit] }, SHEET_UNIT);
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current) return;
    fitted.current = true;
    map.resize();
    fitToPositions(map, outerRingPositions(zones.features), { padding: 18, maxZoom: 16, animate: false });
  }, [map, zones]);
  return null;
}

function NorthArrow() {
  const { m } = useI18n();
  return (
    <svg className="north-arrow" viewBox="0 0 40 52" role="img" aria-label={m.map.northArrow}>
      <circle cx="20" cy="30" r="18" fill="#ffffff" stroke="#1f2328" strokeWidth="1.5" />
      <path d="M20 14 L27 38 L20 33 L13 38 Z" fill="#1f2328" />
      <text x="20" y="11" textAnchor="middle" fontSize="11" fontWeight="700" fill="#1f2328">
        {m.map.north}
      </text>
    </svg>
  );
}

function SheetContacts({ contacts }: { contacts: Contact[] }) {
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
            <thead>
              <tr>
                <th scope="col">{m.table.name}</th>
                <th scope="col">{m.table.category}</th>
                <th scope="col" className="num">
                  {m.table.distance}
                </th>
                <th scope="col">{m.table.contactPerson}</th>
                <th scope="col">{m.table.phone}</th>
                <th scope="col">{m.table.email}</th>
              </tr>
            </thead>
            <tbody>
              {g.categories
                .flatMap((cg) => cg.contacts)
                .sort((a, b) => a.properties.distance_m - b.properties.distance_m)
                .map((c) => {
                  const p = c.properties;
                  const person = p.contact_persons[0];
                  return (
                    <tr key={c.id}>
                      <td>
                        <strong>{p.name}</strong>
                        {p.contact_about ? <span className="cell-sub wrap">{p.contact_about}</span> : null}
                      </td>
                      <td>{m.actorCategory[p.category]}</td>
                      <td className="num">{m.distance(p.distance_m)}</td>
                      <td>
                        {p.contact_persons.map((x) => (
                          <span key={x.id} className="sheet-person">
                            {x.name}
                            {x.role ? `, ${x.role}` : ''}
                          </span>
                        ))}
                      </td>
                      <td>{person?.phone ?? p.phone ?? '–'}</td>
                      <td className="email">{person?.email ?? p.email ?? '–'}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          </TableWrap>
        </section>
      ))}
    </section>
  );
}

function SheetChildren({ places }: { places: NearChildPlace[] }) {
  const { m } = useI18n();
  const rows = [...places].sort((a, b) => a.properties.distance_m - b.properties.distance_m);
  return (
    <section aria-labelledby="sheet-children-h" className="sheet-children">
      <h2 id="sheet-children-h">{m.sheet.childrenTitle}</h2>
      {rows.length === 0 ? (
        <p>{m.sheet.none}</p>
      ) : (
        <TableWrap label={m.sheet.childrenTitle}>
        <table className="data-table sheet-table">
          <thead>
            <tr>
              <th scope="col">{m.children.name}</th>
              <th scope="col">{m.children.kind}</th>
              <th scope="col" className="num">
                {m.children.distance}
              </th>
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
                  <td>
                    <strong>{p.name}</strong>
                    {p.contact_name ? (
                      <span className="cell-sub wrap">
                        {p.contact_name}
                        {p.contact_role ? `, ${p.contact_role}` : ''}
                        {p.contact_phone ? ` · ${p.contact_phone}` : ''}
                      </span>
                    ) : null}
                  </td>
                  <td>{m.childPlaceKind[p.kind]}</td>
                  <td className="num">{m.distance(p.distance_m)}</td>
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

