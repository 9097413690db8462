import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useI18n } from '../i18n/index.js';
import { api, ApiError } from '../lib/api.js';
import type { Me } from '../lib/apiTypes.js';
import { SecondStep, type SecondFactorMethod } from './SecondStep.js';
import { takeSignInNotice, useAuthConfig, WorkAccountButton, WorkAccountError } from './WorkAccount.js';

/** The sign-in page, shown whenever there is no session. */
export function SignIn({ ended, onSignedIn }: { ended: boolean; onSignedIn: (me: Me) => void }) {
  const { m } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The password was right and a second factor is asked for: its ways, until signed in or back. */
  const [second, setSecond] = useState<SecondFactorMethod[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const auth = useAuthConfig();
  const [notice] = useState(takeSignInNotice);
  const waiting = notice?.kind === 'waiting';

  useEffect(() => {
    document.title = `${m.signIn.title} – ${m.app.name}`;
  }, [m]);
  useEffect(() => {
    if (ended || waiting) heading.current?.focus();
  }, [ended, waiting]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.login(email, password);
      if ('second_factor_required' in answer) {
        setSecond(answer.methods);
        setPassword('');
        setBusy(false);
      } else onSignedIn(answer);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(
        status === 401 || status === 400
          ? m.signIn.wrong
          : status === 429
            ? m.signIn.tooMany(err instanceof ApiError ? (err.retryAfterSeconds ?? null) : null)
            : status === 0
              ? m.errors.network
              : m.signIn.failed,
      );
      setBusy(false);
    }
  };

  return (
    <div className="signin-page">
      <header className="signin-top">
        <span className="brand-text">{m.app.name}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="signin-card">
        {second ? (
          <SecondStep methods={second} onSignedIn={onSignedIn} onBack={(expired) => { setSecond(null); setError(expired ? m.secondFactor.stepExpired : null); }} />
        ) : (<>
        <h1 ref={heading} tabIndex={-1}>
          {waiting ? m.workAccount.waitingTitle : m.signIn.title}
        </h1>
        <p className="muted">{waiting ? m.workAccount.waitingText : m.signIn.intro}</p>
        {ended ? (
          <p className="notice" role="status">
            {m.signIn.sessionEnded}
          </p>
        ) : null}
        {notice?.kind === 'error' ? <WorkAccountError reason={notice.reason} /> : null}
        {auth.oidc ? <WorkAccountButton primary /> : null}
        {auth.oidc && auth.local_passwords && !waiting ? <h2 className="signin-or">{m.workAccount.orPassword}</h2> : null}
        {/* a work account waiting for an administrator: its owner has no password here */}
        {auth.local_passwords && !waiting ? (
          <form onSubmit={submit} noValidate={false}>
            <div className="field">
              <label htmlFor="signin-email">{m.signIn.email}</label>
              <input id="signin-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="signin-password">{m.signIn.password}</label>
              <input
                id="signin-password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <div aria-live="assertive" className="form-error">
              {error ? <p className="error-text">{error}</p> : null}
            </div>
            <button type="submit" className={auth.oidc ? 'button' : 'button button-primary'} disabled={busy}>
              {busy ? m.signIn.submitting : m.signIn.submit}
            </button>
          </form>
        ) : null}
        </>)}
      </main>
    </div>
  );
}
