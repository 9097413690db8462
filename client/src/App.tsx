import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ErrorMessage, Skeleton } from './components/Status.js';
import { RouterProvider, useRouter } from './hooks/useRoute.js';
import { I18nProvider, useI18n } from './i18n/index.js';
import { api, ApiError, setUnauthorizedHandler } from './lib/api.js';
import type { Me } from './lib/apiTypes.js';
import { MeProvider } from './session.js';
import { UnitsProvider } from './units.js';
import { SignIn } from './views/SignIn.js';
import { ChooseOwnPassword } from './admin/ChooseOwnPassword.js';
import { EnrolSecondFactor } from './admin/EnrolSecondFactor.js';

/**
 * The signed-in product (the map, every view) and the contact sheet are their own
 * chunks: the sign-in page, the first thing most visits load, carries no map code.
 */
const Shell = lazy(() => import('./Shell.js').then((module) => ({ default: module.Shell })));
const ContactSheet = lazy(() => import('./views/ContactSheet.js').then((module) => ({ default: module.ContactSheet })));
const SiteSheet = lazy(() => import('./views/SiteSheet.js').then((module) => ({ default: module.SiteSheet })));

type Session = { status: 'checking' } | { status: 'out'; ended: boolean } | { status: 'error'; error: unknown } | { status: 'in'; me: Me };

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <AuthGate />
      </RouterProvider>
    </I18nProvider>
  );
}

/** Shows the sign-in view until `/api/auth/me` answers with a user, and again after any 401. */
function AuthGate() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const { m } = useI18n();
  const { route } = useRouter();

  const check = useCallback(() => {
    setSession({ status: 'checking' });
    api.session().then(
      (me) => setSession(me ? { status: 'in', me } : { status: 'out', ended: false }),
      (error: unknown) =>
        setSession(error instanceof ApiError && error.status === 401 ? { status: 'out', ended: false } : { status: 'error', error }),
    );
  }, []);

  useEffect(check, [check]);
  useEffect(() => {
    setUnauthorizedHandler(() => setSession((s) => (s.status === 'in' ? { status: 'out', ended: true } : s)));
  }, []);

  const signOut = useCallback(() => {
    // A work-account session is ended at the provider too: the browser goes there and comes back to /.
    api.logout().then(
      (answer) => (answer?.end_session_url ? window.location.assign(answer.end_session_url) : setSession({ status: 'out', ended: false })),
      () => setSession({ status: 'out', ended: false }),
    );
  }, []);

  switch (session.status) {
    case 'checking':
      return <Loading />;
    case 'error':
      return (
        <main className="center-page" id="main">
          <h1>{m.app.name}</h1>
          <ErrorMessage error={session.error} onRetry={check} />
        </main>
      );
    case 'out':
      return <SignIn ended={session.ended} onSignedIn={(me) => setSession({ status: 'in', me })} />;
    case 'in':
      if (session.me.must_change_password) return <ChooseOwnPassword onChanged={check} onSignOut={signOut} />;
      if (session.me.second_factor_enrolment_required) return <EnrolSecondFactor onDone={check} onSignOut={signOut} />;
      return (
        <MeProvider me={session.me} key={session.me.id}>
          <UnitsProvider>
            <Suspense fallback={<Loading />}>
              {route.name === 'sheet' ? (
                <ContactSheet id={route.id} />
              ) : route.name === 'siteSheet' ? (
                <SiteSheet sites={route.sites} saved={route.saved} />
              ) : (
                <Shell me={session.me} onSignOut={signOut} />
              )}
            </Suspense>
          </UnitsProvider>
        </MeProvider>
      );
  }
}

/**
 * The page while the session is checked or the product's code loads: the product's name
 * at once (on a slow phone connection the product's code takes seconds), then the skeleton.
 */
function Loading() {
  const { m } = useI18n();
  return (
    <main className="center-page" id="main">
      <p className="loading-name" aria-hidden="true">{m.app.name}</p>
      <Skeleton lines={3} label={m.app.loading} />
    </main>
  );
}
