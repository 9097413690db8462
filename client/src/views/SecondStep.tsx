import '../admin/secondFactor.css';
import { startAuthentication } from '@simplewebauthn/browser';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { secondFactorApi } from '../admin/secondFactorApi.js';
import { useI18n } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import type { Me } from '../lib/apiTypes.js';

export type SecondFactorMethod = 'totp' | 'recovery' | 'passkey';

/** The rule's `attempts_left` of a wrong code, when the server gave it. */
const attemptsLeft = (err: unknown): number | undefined => {
  const details = err instanceof ApiError ? (err.details as { rule?: string; params?: { attempts_left?: number } } | undefined) : undefined;
  return details?.rule === 'wrong_second_factor' ? details.params?.attempts_left : undefined;
};

/**
 * The second step of sign-in, after the password was right for an account with a second
 * factor: a code from the app, a recovery code, or the passkey. The server holds the
 * pending sign-in (an HttpOnly cookie); a wrong code says how many tries are left, and an
 * ended one sends the user back to the password.
 */
export function SecondStep({ methods, onSignedIn, onBack }: { methods: SecondFactorMethod[]; onSignedIn: (me: Me) => void; onBack: (expired: boolean) => void }) {
  const { m } = useI18n();
  const t = m.secondFactor;
  const [mode, setMode] = useState<'totp' | 'recovery'>(methods.includes('totp') ? 'totp' : 'recovery');
  const [code, setCode] = useState('');
  /** With a passkey and no app, the recovery-code form waits behind its button: the key is the usual way. */
  const [showForm, setShowForm] = useState(methods.includes('totp') || !methods.includes('passkey'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const failed = (err: unknown) => {
    setBusy(false);
    const status = err instanceof ApiError ? err.status : 0;
    const rule = err instanceof ApiError ? (err.details as { rule?: string } | undefined)?.rule : undefined;
    if (rule === 'second_factor_pending_missing') return onBack(true);
    const left = attemptsLeft(err);
    setError(left !== undefined ? t.stepWrong(left) : status === 429 ? m.signIn.tooMany(err instanceof ApiError ? (err.retryAfterSeconds ?? null) : null) : status === 0 ? m.errors.network : m.signIn.failed);
    if (left === 0) onBack(true);
    input.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const value = code.trim();
      onSignedIn(await secondFactorApi.loginCode(mode === 'totp' ? { code: value.replace(/\s/g, '') } : { recovery_code: value }));
    } catch (err) {
      failed(err);
    }
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const options = await secondFactorApi.loginPasskeyOptions();
      let response: unknown;
      try {
        response = await startAuthentication({ optionsJSON: options });
      } catch {
        setBusy(false);
        setError(t.keyFailed);
        return;
      }
      onSignedIn(await secondFactorApi.loginPasskey(response));
    } catch (err) {
      failed(err);
    }
  };

  const label = mode === 'totp' ? t.stepCode : t.stepRecovery;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>{t.stepTitle}</h1>
      <p className="muted">{t.stepIntro}</p>
      {methods.includes('passkey') && (
        <button type="button" className="button button-primary sf-passkey-button" onClick={withPasskey} disabled={busy}>{t.useKey}</button>
      )}
      {showForm && (methods.includes('totp') || methods.includes('recovery')) && (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="signin-code">{label}</label>
            <input ref={input} id="signin-code" key={mode} required autoComplete="one-time-code"
              inputMode={mode === 'totp' ? 'numeric' : 'text'} maxLength={mode === 'totp' ? 7 : 40} value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <div aria-live="assertive" className="form-error">{error ? <p className="error-text">{error}</p> : null}</div>
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? m.signIn.submitting : t.stepSubmit}</button>
        </form>
      )}
      {!showForm && <div aria-live="assertive" className="form-error">{error ? <p className="error-text">{error}</p> : null}</div>}
      <p className="sf-step-links">
        {!showForm && methods.includes('recovery') && (
          <button type="button" className="button button-quiet" onClick={() => { setShowForm(true); setMode('recovery'); setError(null); }}>{t.useRecovery}</button>
        )}
        {showForm && methods.includes('totp') && methods.includes('recovery') && (
          <button type="button" className="button button-quiet" onClick={() => { setMode(mode === 'totp' ? 'recovery' : 'totp'); setCode(''); setError(null); }}>
            {mode === 'totp' ? t.useRecovery : t.useCode}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={() => onBack(false)}>{t.back}</button>
      </p>
    </>
  );
}
