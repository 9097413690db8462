import { useEffect, useMemo, useRef, useState } from 'react';
import { BackLink } from '../components/BackLink.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { tabPanelProps, Tabs, type TabSpec } from '../components/Tabs.js';
import { ZoneLegend } from '../components/ZoneLegend.js';
import { useAsync } from '../hooks/useAsync.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { filterContacts } from '../lib/contacts.js';
import { routeHref, type ActivityDraft, type UnitTab } from '../lib/route.js';
import { useUnitMap } from '../map/useUnitMap.js';
import { useUnits } from '../units.js';
import { ActivitiesTab } from '../outreach/ActivitiesTab.js';
import { PrinciplesTab } from '../outreach/PrinciplesTab.js';
import { ChildrenPanel } from './unit/ChildrenPanel.js';
import { ContactsPanel, type ContactFilter } from './unit/ContactsPanel.js';
import { SuggestionsPanel } from './unit/SuggestionsPanel.js';
import { UnitFacts } from './unit/UnitFacts.js';
import { WalkToggle } from './unit/WalkToggle.js';

/** The unit view: zones on the map, and tabs for contacts, children's places, facts, activities and principles. */
export function UnitView({ id, tab, draft }: { id: number; tab: UnitTab; draft?: ActivityDraft }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  /** Bumped after the unit is saved, so everything derived from it (rings, contacts, children) loads again. */
  const [revision, setRevision] = useState(0);
  const units = useUnits();
  const unit = useAsync((signal) => api.unit(id, signal), [id, revision]);
  const zones = useAsync((signal) => api.zones(id, signal), [id, revision]);
  const contacts = useAsync((signal) => api.contacts(id, {}, signal), [id, revision]);
  const children = useAsync((signal) => api.unitChildPlaces(id, signal), [id, revision]);
  const [filter, setFilter] = useState<ContactFilter>({});
  // Activities logged on their tab change the contacts' "last contacted" and the children's
  // information status: leaving the tab loads both again.
  const previousTab = useRef(tab);
  useEffect(() => {
    if (previousTab.current === 'activities' && tab !== 'activities') {
      contacts.retry();
      children.retry();
    }
    previousTab.current = tab;
  }, [tab, contacts.retry, children.retry]);

  const name = unit.data?.properties.name;
  useEffect(() => {
    document.title = `${name ?? m.unit.unknown} – ${m.app.name}`;
  }, [name, m]);

  const shownContacts = useMemo(() => filterContacts(contacts.data?.features ?? [], filter), [contacts.data, filter]);
  const openTab = (t: UnitTab) => navigate(routeHref({ name: 'unit', id, tab: t }), { replace: true });
  const focus = useUnitMap({
    unit: unit.data,
    zones: zones.data,
    contacts: shownContacts,
    children: children.data,
    showContacts: tab !== 'children',
    showChildren: tab !== 'contacts',
    onMapSelect: (t) => t !== tab && openTab(t),
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
          <WalkToggle unitId={id} revision={revision} />
        </>
      ) : (
        <>
          {/* The same heading element as when loaded (first in both), so focus set on it stays. */}
          <h1 tabIndex={-1}>
            <span className="visually-hidden">{m.app.loading}</span>
          </h1>
          <div className="unit-head-placeholder">
            <Skeleton lines={2} />
          </div>
        </>
      )}
      <Tabs tabs={tabs} selected={tab} label={m.unit.tabs} idPrefix="unit" onSelect={openTab} />
      <div className="tab-panel" {...tabPanelProps('unit', tab)}>
        {tab === 'contacts' ? (
          <ContactsPanel
            state={contacts}
            shown={shownContacts}
            filter={filter}
            onFilter={setFilter}
            selectedId={focus.selectedIn('contacts')}
            onSelect={(c) => focus.selectContact(c, 'list')}
            unit={u}
            onChanged={contacts.retry}
          />
        ) : null}
        {tab === 'contacts' ? <SuggestionsPanel unitId={id} onAccepted={(r) => (r === 'actor' ? contacts.retry() : children.retry())} /> : null}
        {tab === 'children' ? (
          <ChildrenPanel
            unitId={id}
            state={children}
            selectedId={focus.selectedIn('near-children')}
            onSelect={(c) => focus.selectChild(c, 'list')}
            unit={u}
            onChanged={children.retry}
          />
        ) : null}
        {tab === 'unit' ? (
          u ? (
            <UnitFacts
              unit={u}
              onChanged={() => {
                setRevision((r) => r + 1);
                units.retry();
              }}
              onRemoved={() => {
                units.retry();
                navigate('/');
              }}
            />
          ) : (
            <Skeleton />
          )
        ) : null}
        {tab === 'activities' ? <ActivitiesTab unitId={id} draft={draft} /> : null}
        {tab === 'principles' ? <PrinciplesTab unitId={id} /> : null}
      </div>
    </div>
  );
}
