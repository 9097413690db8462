import { useEffect, useMemo, useState } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { numberSheet } from '../lib/sheet.js';
import { formatDateTime } from '../lib/format.js';
import { routeHref } from '../lib/route.js';
import { NeighbourContact } from './sheet/NeighbourContact.js';
import { SheetChildren } from './sheet/SheetChildren.js';
import { SheetContacts } from './sheet/SheetContacts.js';
import { SheetMap } from './sheet/SheetMap.js';

/**
 * The printable A4 contact sheet of a unit: neighbourhood contact, a map of the
 * zones with legend, scale bar and north arrow, contacts by ring, children's places,
 * and the date printed. The print stylesheet hides the toolbar. The panels live in
 * views/sheet/; this component loads the data and numbers the places once for map and tables.
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
      <header className="sheet-toolbar no-print" aria-label={m.sheet.toolbar}>
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
      </header>
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
            <SheetMap unit={u} zones={zones.data} numbers={numbers} />
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
