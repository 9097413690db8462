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
import { numberSheet, type SheetNumbers } from '../lib/sheet.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { routeHref } from '../lib/route.js';
import { outerRingPositions, zoneLabelPoints } from '../lib/zones.js';
import { useGeoJsonLayers } from '../map/hooks.js';
import { UNIT_SYMBOL } from '../map/icons.js';
import { MapView, useMap } from '../map/MapView.js';
import { fitToPositions } from '../map/ops.js';
import { unitLayers, zoneLabelLayer, zoneLayers } from '../map/styles.js';
import type { LayerSpecification } from 'maplibre-gl';

const SHEET_ZONES = zoneLayers('sheet-zones');
const SHEET_LABELS = [zoneLabelLayer('sheet-zone-labels')];
// No name on the unit's symbol: the sheet's heading names it, and a label would cover the nearest numbers.
const SHEET_UNIT = unitLayers('sheet-unit', { labels: false });

/** Colours of the numbered markers: actors dark on light text, children's places light on dark text (both ≥ 4.5:1). */
const ACTOR_FILL = '#1d4e89';
const CHILD_FILL = '#ffffff';
const CHILD_STROKE = '#9a3412';

/**
 * The numbered markers: a disc per place with its table number, every number drawn
 * (allow-overlap) because a missing number would leave a table row without its point.
 */
const SHEET_NUMBERS: LayerSpecification[] = [
  {
    id: 'sheet-numbers-disc',
    type: 'circle',
    source: 'sheet-numbers',
    metadata: { 'ps:slot': 40 },
    paint: {
      'circle-radius': 9,
      'circle-color': ['match', ['get', 'what'], 'actor', ACTOR_FILL, CHILD_FILL],
      'circle-stroke-color': ['match', ['get', 'what'], 'actor', '#ffffff', CHILD_STROKE],
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'sheet-numbers-text',
    type: 'symbol',
    source: 'sheet-numbers',
    metadata: { 'ps:slot': 45 },
    layout: {
      'text-field': ['get', 'n'],
      'text-font': ['Noto Sans Bold'],
      'text-size': 10,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': ['match', ['get', 'what'], 'actor', '#ffffff', CHILD_STROKE] },
  },
];

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
  const numbers = useMemo(
    () => (contacts.data && children.data ? numberSheet(contacts.data.features, children.data.features) : null),
    [contacts.data, children.data],
  );

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
                {zones.data && numbers ? <SheetLayers unit={u} zones={zones.data} numbers={numbers} /> : null}
              </MapView>
              <div className="sheet-legend">
                <ZoneLegend radii={u.properties.radii} />
                <ul className="legend-list">
                  <li>
                    <SymbolImg spec={UNIT_SYMBOL} size={16} />
                    {m.layers.units}
                  </li>
                  <li>
                    <NumberDisc fill={ACTOR_FILL} stroke="#ffffff" text="#ffffff" />
                    {m.sheet.numberedActor}
                  </li>
                  <li>
                    <NumberDisc fill={CHILD_FILL} stroke={CHILD_STROKE} text={CHILD_STROKE} />
                    {m.sheet.numberedChild}
                  </li>
                </ul>
                <p className="small">{m.sheet.mapKey}</p>
              </div>
            </section>
          </>
        )}
        {contacts.data && numbers ? (
          <SheetContacts contacts={contacts.data.features} numbers={numbers} />
        ) : contacts.status === 'loading' ? (
          <Skeleton lines={6} />
        ) : null}
        {children.data && numbers ? <SheetChildren places={children.data.features} numbers={numbers} /> : null}
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

/** The sheet's map: zones, the unit and every contact and child place by its table number, fitted to the outer ring. */
function SheetLayers({ unit, zones, numbers }: { unit: Unit; zones: ZoneCollection; numbers: SheetNumbers }) {
  const { m } = useI18n();
  const { map } = useMap();
  const labels = useMemo(() => zoneLabelPoints(zones.features, (r, radius) => `${m.ring[r]} ${m.ringLabel(radius)}`), [zones, m]);
  useGeoJsonLayers('sheet-zones', zones, SHEET_ZONES);
  useGeoJsonLayers('sheet-zone-labels', labels, SHEET_LABELS);
  useGeoJsonLayers('sheet-numbers', numbers.points, SHEET_NUMBERS);
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

/** A phone number kept on one line: a number broken inside is misdialled. */
function Phone({ value }: { value: string }) {
  return <span className="phone">{value}</span>;
}

/** A numbered disc as on the map, for the legend. */
function NumberDisc({ fill, stroke, text }: { fill: string; stroke: string; text: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="legend-disc">
      <circle cx="9" cy="9" r="7.5" fill={fill} stroke={stroke} strokeWidth="1.5" />
      <text x="9" y="12.5" textAnchor="middle" fontSize="9" fontWeight="700" fill={text}>
        1
      </text>
    </svg>
  );
}

/** One way to reach someone: who, then their phone and e-mail, each kept whole. */
function WayIn({ who, phone, email }: { who: string; phone: string | null | undefined; email: string | null | undefined }) {
  return (
    <li className="sheet-way">
      <span className="sheet-who">{who}</span>
      {phone ? <Phone value={phone} /> : null}
      {email ? <span className="email">{email}</span> : null}
    </li>
  );
}

function SheetContacts({ contacts, numbers }: { contacts: Contact[]; numbers: SheetNumbers }) {
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
                <th scope="col" className="num">{m.sheet.number}</th>
                <th scope="col">{m.table.name}</th>
                <th scope="col">{m.table.category}</th>
                <th scope="col" className="num">
                  {m.table.distance}
                </th>
                <th scope="col">{m.sheet.reach}</th>
              </tr>
            </thead>
            <tbody>
              {g.categories
                .flatMap((cg) => cg.contacts)
                .sort((a, b) => a.properties.distance_m - b.properties.distance_m)
                .map((c) => {
                  const p = c.properties;
                  const organisationReach = p.phone || p.email;
                  return (
                    <tr key={c.id}>
                      <td className="num">{numbers.actors.get(Number(c.id))}</td>
                      <td>
                        <strong>{p.name}</strong>
                        {p.contact_about ? <span className="cell-sub wrap">{p.contact_about}</span> : null}
                      </td>
                      <td>{m.actorCategory[p.category]}</td>
                      <td className="num">{m.distance(p.distance_m)}</td>
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
                })}
            </tbody>
          </table>
          </TableWrap>
        </section>
      ))}
    </section>
  );
}

function SheetChildren({ places, numbers }: { places: NearChildPlace[]; numbers: SheetNumbers }) {
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
              <th scope="col" className="num">{m.sheet.number}</th>
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

