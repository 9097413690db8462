import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { Link, useRouter } from './hooks/useRoute.js';
import { useI18n } from './i18n/index.js';
import { LayersProvider } from './layers.js';
import type { Me } from './lib/apiTypes.js';
import { routeHref, type Route } from './lib/route.js';
import { MapView } from './map/MapView.js';
import { InformationNeeds } from './views/InformationNeeds.js';
import { NewUnit } from './views/NewUnit.js';
import { NotFound } from './views/NotFound.js';
import { Overview } from './views/Overview.js';
import { SearchView } from './views/SearchView.js';
import { SiteAnalysis } from './views/SiteAnalysis.js';
import { UnitView } from './views/UnitView.js';
import { FollowUpsPage } from './outreach/FollowUpsPage.js';
import { ImportNavLabel, ImportPage } from './import/ImportPage.js';
import { ImplementationPage } from './outreach/ImplementationPage.js';
import { AdminNavLabel, AdminPage, TokensPage } from './admin/AdminPage.js';
import { ShortcutsHelp } from './keys/Shortcuts.js';

/**
 * The signed-in layout: header, the view's panel, and one map kept across views
 * (each view adds its layers while mounted).
 */
export function Shell({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const { route } = useRouter();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the new view's heading after client-side navigation (not on first load).
  const viewKey = route.name === 'unit' ? `unit-${route.id}` : route.name;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
  }, [viewKey]);

  return (
    <LayersProvider>
      <div className={`app app-${route.name}`}>
        <SkipLink />
        <Header me={me} onSignOut={onSignOut} route={route} />
        <MapView
          className="workspace"
          panel={
            <main id="main" className="panel" ref={main} tabIndex={-1}>
              <View route={route} />
            </main>
          }
        />
      </div>
    </LayersProvider>
  );
}

function SkipLink() {
  const { m } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {m.app.skipToContent}
    </a>
  );
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <Overview unitId={route.unitId} />;
    case 'unit':
      return <UnitView key={route.id} id={route.id} tab={route.tab} draft={route.draft} />;
    case 'needs':
      return <InformationNeeds filters={route.filters} />;
    case 'site':
      return <SiteAnalysis initialSites={route.sites} saved={route.saved} />;
    case 'search':
      return <SearchView q={route.q} />;
    case 'implementation':
      return <ImplementationPage />;
    case 'followUps':
      return <FollowUpsPage />;
    case 'import':
      return <ImportPage />;
    case 'admin':
      return <AdminPage />;
    case 'tokens':
      return <TokensPage />;
    case 'newUnit':
      return <NewUnit />;
    case 'sheet':
    case 'notFound':
      return <NotFound />;
  }
}

function Header({ me, onSignOut, route }: { me: Me; onSignOut: () => void; route: Route }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const [q, setQ] = useState(route.name === 'search' ? route.q : '');
  useEffect(() => {
    if (route.name === 'search') setQ(route.q);
  }, [route]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(routeHref({ name: 'search', q: q.trim() }));
  };
  const current = (names: Route['name'][]) => (names.includes(route.name) ? 'page' : undefined);
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M16 3 3 14h4v14h18V14h4z" fill="currentColor" />
          <circle cx="16" cy="19" r="4" fill="#fff" />
        </svg>
        {m.app.name}
      </Link>
      <nav aria-label={m.app.mainNav} className="mainnav">
        <Link href="/" aria-current={current(['overview', 'unit'])}>
          {m.nav.map}
        </Link>
        <Link href="/information-needs" aria-current={current(['needs'])}>
          {m.nav.needs}
        </Link>
        <Link href="/site-analysis" aria-current={current(['site'])}>
          {m.nav.site}
        </Link>
        <Link href="/implementation" aria-current={current(['implementation'])}>{m.outreach.navImplementation}</Link>
        <Link href="/follow-ups" aria-current={current(['followUps'])}>{m.outreach.navFollowUps}</Link>
        <Link href="/import" aria-current={current(['import'])}><ImportNavLabel /></Link>
        {me.role === 'admin' && <Link href="/admin" aria-current={current(['admin'])}><AdminNavLabel which="admin" /></Link>}
      </nav>
      <form role="search" className="searchbox" aria-label={m.search.headerLandmark} onSubmit={submit}>
        <label htmlFor="global-search" className="visually-hidden">
          {m.search.label}
        </label>
        <input id="global-search" type="search" placeholder={m.search.placeholder} value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="button icon-button">
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
            <path d="m15.5 15.5 5.5 5.5" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
          </svg>
          <span className="visually-hidden">{m.search.submit}</span>
        </button>
      </form>
      <div className="topbar-end">
        <ShortcutsHelp />
        <LanguageSwitch />
        <Link href="/tokens" className="button button-quiet" aria-current={current(['tokens'])}><AdminNavLabel which="tokens" /></Link>
        <span className="user" title={m.role[me.role]}>
          <span className="visually-hidden">{m.app.signedInAs(me.name)}</span>
          <span aria-hidden="true">{me.name}</span>
        </span>
        <button type="button" className="button button-quiet" onClick={onSignOut} title={m.app.signedInAs(me.name)}>
          {m.app.signOut}
        </button>
      </div>
    </header>
  );
}
