import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { AuthConfig } from '../lib/apiTypes.js';

/** Where "Sign in with your work account" goes: the server redirects on to the OpenID provider. */
export const OIDC_START = '/api/auth/oidc/start';

/** What the OpenID callback sent the browser back with: a refusal's reason, or an account waiting for an administrator. */
export type SignInNotice = { kind: 'waiting' } | { kind: 'error'; reason: string } | null;

/**
 * Reads `?signin_error=` or `?signin_waiting=1` once and takes it off the address, so a
 * reload or a bookmark does not show it again.
 */
export function takeSignInNotice(): SignInNotice {
  const url = new URL(window.location.href);
  const error = url.searchParams.get('signin_error');
  const waiting = url.searchParams.get('signin_waiting') === '1';
  if (!error && !waiting) return null;
  url.searchParams.delete('signin_error');
  url.searchParams.delete('signin_waiting');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return waiting ? { kind: 'waiting' } : { kind: 'error', reason: error! };
}

/** Which ways of signing in are on; until the answer (or when it fails) only the password form, as before OpenID Connect. */
export function useAuthConfig(): AuthConfig {
  const [config, setConfig] = useState<AuthConfig>({ oidc: false, local_passwords: true });
  useEffect(() => {
    const ctl = new AbortController();
    api.authConfig(ctl.signal).then(setConfig, () => undefined);
    return () => ctl.abort();
  }, []);
  return config;
}

/** The refusal the provider's callback named, as an alert the screen reader reads and focus lands on. */
export function WorkAccountError({ reason }: { reason: string }) {
  const { m } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const errors = m.workAccount.errors as Record<string, string>;
  return (
    <p ref={ref} tabIndex={-1} className="notice signin-error" role="alert">
      {errors[reason] ?? m.workAccount.errors.unknown}
    </p>
  );
}

/** "Logga in med ditt arbetskonto": a plain link, so the browser itself goes to the provider and back. */
export function WorkAccountButton({ primary }: { primary: boolean }) {
  const { m } = useI18n();
  return (
    <a className={`button ${primary ? 'button-primary ' : ''}signin-work`} href={OIDC_START}>
      {m.workAccount.button}
    </a>
  );
}
