import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TableWrap } from '../components/TableWrap.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { SymbolImg } from '../components/SymbolImg.js';
import { tabPanelProps, Tabs, type TabSpec } from '../components/Tabs.js';
import { ZoneLegend } from '../components/ZoneLegend.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link, useRouter } from '../hooks/useRoute.js';
import { useI18n, type Messages } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { ActorCategory, Contact, NearChildPlace, Ring, Unit } from '../lib/apiTypes.js';
import { ACTOR_CATEGORIES, asCode, RINGS } from '../lib/codes.js';
import { categoriesPresent, contactText, filterContacts, groupContacts } from '../lib/contacts.js';
import { formatDate, telHref } from '../lib/format.js';
import { routeHref, type UnitTab } from '../lib/route.js';
import { outerRingPositions, zoneLabelPoints } from '../lib/zones.js';
import { actorPopup, childPlacePopup } from '../map/featurePopups.js';
import { useGeoJsonLayers, useLayerClick } from '../map/hooks.js';
import { actorSymbol, childSymbol } from '../map/icons.js';
import { useMap } from '../map/MapView.js';
import { closePopup, fitToPositions, setLayerFilter, setLayersVisible, showPopup } from '../map/ops.js';
import { ACTOR_ICON, CHILD_ICON, pointSymbolLayer, selectionFilter, selectionLayer, SLOT, unitLayers, zoneLabelLayer, zoneLayers } from '../map/styles.js';
import { ActivitiesTab } from '../outreach/ActivitiesTab.js';
import { MarkInformedControl, SelectPair, usePairSelection } from '../outreach/MarkInformed.js';
import { PrinciplesTab } from '../outreach/PrinciplesTab.js';
import { canEdit } from '../outreach/api.js';
import { useMe } from '../session.js';

const ZONE_LAYERS = zoneLayers('zones');
const ZONE_LABEL_LAYERS = [zoneLabelLayer('zone-labels')];
const FOCUS_LAYERS = unitLayers('unit-focus');
const CONTACT_LAYERS = [pointSymbolLayer('contacts', ACTOR_ICON, SLOT.actors), selectionLayer('contacts', null, 16)];
const NEAR_CHILD_LAYERS = [pointSymbolLayer('near-children', CHILD_ICON, SLOT.children), selectionLayer('near-children', null, 16)];

/** The unit view: zones on the map, and tabs for contacts, children's places, facts, activities and principles. */
export function UnitView({ id, tab }: { id: number; tab: UnitTab }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const { map } = useMap();
  const unit = useAsync((signal) => api.unit(id, signal), [id]);
  const zones = useAsync((signal) => api.zones(id, signal), [id]);
  const contacts = useAsync((signal) => api.contacts(id, {}, signal), [id]);
  const children = useAsync((signal) => api.unitChildPlaces(id, signal), [id]);
  const [ring, setRing] = useState<Ring | undefined>();
  const [category, setCategory] = useState<ActorCategory | undefined>();
  const [selected, setSelected] = useState<{ layer: 'contacts' | 'near-children'; id: number } | null>(null);

  const name = unit.data?.properties.name;
  useEffect(() => {
    document.title = `${name ?? m.unit.unknown} – ${m.app.name}`;
  }, [name, m]);

  const shownContacts = useMemo(() => filterContacts(contacts.data?.features ?? [], { ring, category }), [contacts.data, ring, category]);
  const labels = useMemo(
    () => (zones.data ? zoneLabelPoints(zones.data.features, (r, radius) => `${m.ring[r]} ${m.ringLabel(radius)}`) : null),
    [zones.data, m],
  );
  const unitFc = useMemo(() => (unit.data ? { type: 'FeatureCollection' as const, features: [unit.data] } : null), [unit.data]);

  useGeoJsonLayers('zones', zones.data, ZONE_LAYERS);
  useGeoJsonLayers('zone-labels', labels, ZONE_LABEL_LAYERS);
  useGeoJsonLayers('near-children', children.data, NEAR_CHILD_LAYERS);
  useGeoJsonLayers('contacts', { type: 'FeatureCollection', features: shownContacts }, CONTACT_LAYERS);
  useGeoJsonLayers('unit-focus', unitFc, FOCUS_LAYERS);

  const showContacts = tab !== 'children';
  const showChildren = tab !== 'contacts';
  useEffect(() => {
    if (!map) return;
    setLayersVisible(map, CONTACT_LAYERS.map((l) => l.id), showContacts);
    setLayersVisible(map, NEAR_CHILD_LAYERS.map((l) => l.id), showChildren);
    setLayerFilter(map, 'contacts-selected', selectionFilter(selected?.layer === 'contacts' ? selected.id : null));
    setLayerFilter(map, 'near-children-selected', selectionFilter(selected?.layer === 'near-children' ? selected.id : null));
  }, [map, showContacts, showChildren, selected, shownContacts, children.data]);

  const fitted = useRef(false);
  useEffect(() => {
    if (!map || !zones.data || fitted.current) return;
    fitted.current = true;
    fitToPositions(map, outerRingPositions(zones.data.features), { padding: 24, maxZoom: 16 });
  }, [map, zones.data]);
  useEffect(() => () => closePopup(), []);

  const contactById = useMemo(() => new Map((contacts.data?.features ?? []).map((c) => [c.id, c])), [contacts.data]);
  const childById = useMemo(() => new Map((children.data?.features ?? []).map((c) => [c.id, c])), [children.data]);

  const selectContact = useCallback(
    (c: Contact, from: 'list' | 'map') => {
      setSelected({ layer: 'contacts', id: c.id });
      if (map) showPopup(map, c.geometry.coordinates as [number, number], actorPopup(m, c.properties, c.properties.distance_m));
      if (from === 'map') {
        if (tab !== 'contacts') navigate(routeHref({ name: 'unit', id, tab: 'contacts' }), { replace: true });
        requestAnimationFrame(() => document.getElementById(`contact-${c.id}`)?.scrollIntoView({ block: 'nearest' }));
      }
    },
    [map, m, tab, id, navigate],
  );
  const selectChild = useCallback(
    (c: NearChildPlace, from: 'list' | 'map') => {
      setSelected({ layer: 'near-children', id: c.id });
      if (map)
        showPopup(
          map,
          c.geometry.coordinates as [number, number],
          childPlacePopup(m, c.properties, [
            { label: m.children.distance, text: m.distance(c.properties.distance_m) },
            { label: m.children.status, text: m.infoStatus[c.properties.information.status] },
          ]),
        );
      if (from === 'map') {
        if (tab !== 'children') navigate(routeHref({ name: 'unit', id, tab: 'children' }), { replace: true });
        requestAnimationFrame(() => document.getElementById(`child-${c.id}`)?.scrollIntoView({ block: 'nearest' }));
      }
    },
    [map, m, tab, id, navigate],
  );
  useLayerClick(['contacts-symbol'], (e) => {
    const c = contactById.get(Number(e.features?.[0]?.id));
    if (c) selectContact(c, 'map');
  });
  useLayerClick(['near-children-symbol'], (e) => {
    const c = childById.get(Number(e.features?.[0]?.id));
    if (c) selectChild(c, 'map');
  });

  const tabs: TabSpec<UnitTab>[] = [
    { id: 'contacts', label: m.unit.tabContacts },
    { id: 'children', label: m.unit.tabChildren },
    { id: 'unit', label: m.unit.tabUnit },
    { id: 'activities', label: m.outreach.tabActivities },
    { id: 'principles', label: m.outreach.tabPrinciples },
  ];

  if (unit.status === 'error') {
    return (
      <div className="view">
        <BackLink />
        <h1 tabIndex={-1}>{m.unit.unknown}</h1>
        <ErrorMessage error={unit.error} onRetry={unit.retry} />
      </div>
    );
  }

  const u = unit.data;
  return (
    <div className="view unit-view">
      <BackLink />
      {u ? (
        <>
          <h1 tabIndex={-1}>{u.properties.name}</h1>
          <p className="unit-sub">
            {m.unitKind[u.properties.kind]} · {m.units.places(u.properties.places)} · {m.unitStatus[u.properties.status]}
            <br />
            {u.properties.address ?? m.units.coarse}
          </p>
          <ZoneLegend radii={u.properties.radii} />
        </>
      ) : (
        <>
          <h1 tabIndex={-1}>
            <span className="visually-hidden">{m.app.loading}</span>
          </h1>
          <Skeleton lines={2} />
        </>
      )}
      <Tabs tabs={tabs} selected={tab} label={m.unit.tabs} idPrefix="unit" onSelect={(t) => navigate(routeHref({ name: 'unit', id, tab: t }), { replace: true })} />
      <div className="tab-panel" {...tabPanelProps('unit', tab)}>
        {tab === 'contacts' ? (
          <ContactsTab
            state={contacts}
            shown={shownContacts}
            ring={ring}
            category={category}
            onRing={setRing}
            onCategory={setCategory}
            selectedId={selected?.layer === 'contacts' ? selected.id : null}
            onSelect={(c) => selectContact(c, 'list')}
          />
        ) : null}
        {tab === 'children' ? (
          <ChildrenTab unitId={id} state={children} selectedId={selected?.layer === 'near-children' ? selected.id : null} onSelect={(c) => selectChild(c, 'list')} />
        ) : null}
        {tab === 'unit' ? u ? <UnitFacts unit={u} /> : <Skeleton /> : null}
        {tab === 'activities' ? <ActivitiesTab unitId={id} /> : null}
        {tab === 'principles' ? <PrinciplesTab unitId={id} /> : null}
      </div>
    </div>
  );
}

function BackLink() {
  const { m } = useI18n();
  return (
    <p className="back">
      <Link href="/">
        <span aria-hidden="true">← </span>
        {m.unit.back}
      </Link>
    </p>
  );
}

type Loaded<T> = ReturnType<typeof useAsync<T>>;

function ContactsTab({
  state,
  shown,
  ring,
  category,
  onRing,
  onCategory,
  selectedId,
  onSelect,
}: {
  state: Loaded<{ features: Contact[] }>;
  shown: Contact[];
  ring?: Ring;
  category?: ActorCategory;
  onRing: (r: Ring | undefined) => void;
  onCategory: (c: ActorCategory | undefined) => void;
  selectedId: number | null;
  onSelect: (c: Contact) => void;
}) {
  const { m } = useI18n();
  const all = state.data?.features ?? [];
  const groups = groupContacts(shown);
  const cats = categoriesPresent(all, ACTOR_CATEGORIES);
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{m.contacts.title}</h2>
      <p className="muted">{m.contacts.intro}</p>
      <div className="filters">
        <div className="filter">
          <label htmlFor="contacts-ring">{m.contacts.filterRing}</label>
          <select id="contacts-ring" value={ring ?? ''} onChange={(e) => onRing(asCode(RINGS, e.target.value))}>
            <option value="">{m.contacts.all}</option>
            {RINGS.map((r) => (
              <option key={r} value={r}>
                {m.ring[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="contacts-category">{m.contacts.filterCategory}</label>
          <select id="contacts-category" value={category ?? ''} onChange={(e) => onCategory(asCode(ACTOR_CATEGORIES, e.target.value))}>
            <option value="">{m.contacts.all}</option>
            {cats.map((c) => (
              <option key={c} value={c}>
                {m.actorCategory[c]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="count" aria-live="polite">
        {state.data ? m.contacts.count(shown.length) : ''}
      </p>
      {state.status === 'loading' && !state.data ? <Skeleton lines={6} /> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={state.retry} /> : null}
      {state.data && shown.length === 0 ? <p>{m.contacts.none}</p> : null}
      {groups.map((g) => (
        <section key={g.ring} className={`ring-group ring-${g.ring}`} aria-labelledby={`ring-${g.ring}`}>
          <h3 id={`ring-${g.ring}`}>
            {m.ring[g.ring]} <span className="muted">({m.contacts.count(g.count)})</span>
          </h3>
          {g.categories.map((cg) => (
            <div key={cg.category} className="category-group">
              <h4>
                <SymbolImg spec={actorSymbol(m.actorSymbol[cg.category])} />
                {m.actorCategory[cg.category]}
              </h4>
              <ul className="plain-list">
                {cg.contacts.map((c) => (
                  <li key={c.id}>
                    <ContactCard contact={c} selected={selectedId === c.id} onSelect={() => onSelect(c)} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function ContactCard({ contact, selected, onSelect }: { contact: Contact; selected: boolean; onSelect: () => void }) {
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

function ContactLinks({ phone, email }: { phone: string | null; email: string | null }) {
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

function ChildrenTab({
  unitId,
  state,
  selectedId,
  onSelect,
}: {
  unitId: number;
  state: Loaded<{ features: NearChildPlace[] }>;
  selectedId: number | null;
  onSelect: (c: NearChildPlace) => void;
}) {
  const { m } = useI18n();
  const me = useMe();
  const editor = canEdit(me);
  const selection = usePairSelection();
  const rows = [...(state.data?.features ?? [])].sort((a, b) => a.properties.distance_m - b.properties.distance_m);
  return (
    <section aria-labelledby="children-heading">
      <h2 id="children-heading">{m.children.title}</h2>
      <p className="muted">{m.children.intro}</p>
      <p className="count" aria-live="polite">
        {state.data ? m.children.count(rows.length) : ''}
      </p>
      {state.status === 'loading' && !state.data ? <Skeleton lines={6} /> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={state.retry} /> : null}
      {state.data && rows.length === 0 ? <p>{m.children.none}</p> : null}
      {rows.length ? (
        <TableWrap label={m.children.title}>
          <table className="data-table">
            <caption className="visually-hidden">{m.children.title}</caption>
            <thead>
              <tr>
                {editor ? (
                  <th scope="col">
                    <span className="visually-hidden">{m.outreach.markInformed}</span>
                  </th>
                ) : null}
                <th scope="col">{m.children.name}</th>
                <th scope="col">{m.children.distance}</th>
                <th scope="col">{m.children.priorityAndStatus}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const p = c.properties;
                return (
                  <tr key={c.id} id={`child-${c.id}`} className={selectedId === c.id ? 'selected' : undefined}>
                    {editor ? (
                      <td>
                        <SelectPair pair={{ unitId, childPlaceId: c.id }} name={p.name} selection={selection} />
                      </td>
                    ) : null}
                    <td>
                      <button type="button" className="link-button" aria-pressed={selectedId === c.id} onClick={() => onSelect(c)}>
                        {p.name}
                      </button>
                      <span className="cell-sub">
                        <SymbolImg spec={childSymbol(p.kind)} size={14} />
                        {m.childPlaceKind[p.kind]}
                        {p.stages.length ? ` ${p.stages.map((s) => m.stage[s]).join(', ')}` : ''}
                      </span>
                    </td>
                    <td className="num">
                      {m.distance(p.distance_m)}
                      <span className="cell-sub">{m.ring[p.ring]}</span>
                    </td>
                    <td>
                      <span className="badges">
                        <PriorityBadge m={m} priority={p.priority} />
                        <StatusBadge m={m} status={p.information.status} />
                      </span>
                      {p.information.last_informed_at ? (
                        <span className="cell-sub">
                          {m.children.lastInformed} {formatDate(m.locale, p.information.last_informed_at)}
                        </span>
                      ) : null}
                      {p.information.due_at ? (
                        <span className="cell-sub">
                          {m.children.due} {formatDate(m.locale, p.information.due_at)}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {editor && rows.length ? (
        <MarkInformedControl
          selection={selection.selected}
          onDone={() => {
            selection.clear();
            state.retry();
          }}
        />
      ) : null}
    </section>
  );
}

export function PriorityBadge({ m, priority }: { m: Messages; priority: NearChildPlace['properties']['priority'] }) {
  return <span className={`badge priority-${priority}`}>{m.priority[priority]}</span>;
}

export function StatusBadge({ m, status }: { m: Messages; status: NearChildPlace['properties']['information']['status'] }) {
  return <span className={`badge status-${status}`}>{m.infoStatus[status]}</span>;
}

function UnitFacts({ unit }: { unit: Unit }) {
  const { m } = useI18n();
  const p = unit.properties;
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
        {p.operator ? (
          <>
            <dt>{m.unit.operator}</dt>
            <dd>{p.operator}</dd>
          </>
        ) : null}
        {p.description ? (
          <>
            <dt>{m.unit.description}</dt>
            <dd>{p.description}</dd>
          </>
        ) : null}
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
