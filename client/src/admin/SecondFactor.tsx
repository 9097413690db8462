import './admin.css';
import './secondFactor.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormError } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import { formatAuditTime } from './auditView.js';
import { ConfirmWithPassword } from './ConfirmWithPassword.js';
import { Passkeys } from './Passkeys.js';
import { RecoveryCodesShown } from './RecoveryCodesShown.js';
import { secondFactorApi, type SecondFactorT } from './secondFactorApi.js';
import { TotpSetup } from './TotpSetup.js';

/**
 * "Tvåstegsverifiering" on the API-nycklar page (and alone on the page shown when one must be
 * set up): the authenticator app, the recovery codes and the passkeys. After each change the
 * state is read again and focus moves to the status line that says what happened.
 */
export function SecondFactor({ onChanged, heading = true }: { onChanged?: (state: SecondFactorT) => void; heading?: boolean } = {}) {
  const t = useI18n().m.secondFactor;
  const [state, setState] = useState<SecondFactorT>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<'removeApp' | 'renewCodes'>();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const load = useCallback(() => secondFactorApi.state().then((s) => { setState(s); onChanged?.(s); }, setError), [onChanged]);
  useEffect(() => void load(), [load]);

  const changed = async (text: string, recoveryCodes?: string[] | null) => {
    setStatus(text);
    setConfirming(undefined);
    if (recoveryCodes) setCodes(recoveryCodes);
    await load();
    if (!recoveryCodes) statusRef.current?.focus();
  };

  return (
    <section aria-labelledby="second-factor-title" className="sf">
      <h2 id="second-factor-title" className={heading ? undefined : 'visually-hidden'}>{t.title}</h2>
      {heading && <p>{t.intro}</p>}
      {state?.required && heading && <p className="notice">{t.required}</p>}
      {codes && <RecoveryCodesShown codes={codes} />}
      {state && (
        <>
          <div className="sf-part">
            <h3>{t.appTitle}</h3>
            <p>{state.totp ? t.appOn(formatAuditTime(state.totp.confirmed_at)) : t.appOff}</p>
            {!state.totp && <TotpSetup onConfirmed={(c) => changed(t.appConfirmed, c)} />}
            {state.totp && confirming !== 'removeApp' && (
              <button type="button" className="button button-quiet" onClick={() => setConfirming('removeApp')}>{t.appRemove}</button>
            )}
            {confirming === 'removeApp' && (
              <ConfirmWithPassword id="totp-remove-password" action={t.confirmRemove} onCancel={() => setConfirming(undefined)}
                onConfirm={async (p) => { await secondFactorApi.removeTotp(p); await changed(t.appRemoved); }} />
            )}
          </div>
          <Passkeys passkeys={state.passkeys} onChanged={changed} />
          {(state.totp || state.passkeys.length > 0) && (
            <div className="sf-part">
              <h3>{t.codesTitle}</h3>
              <p>{t.codesLeft(state.recovery_codes_left)}</p>
              {confirming === 'renewCodes' ? (
                <ConfirmWithPassword id="codes-renew-password" action={t.codesRenew} onCancel={() => setConfirming(undefined)}
                  onConfirm={async (p) => { const r = await secondFactorApi.renewCodes(p); await changed('', r.recovery_codes); }} />
              ) : (
                <button type="button" className="button button-quiet" onClick={() => setConfirming('renewCodes')}>{t.codesRenew}</button>
              )}
            </div>
          )}
        </>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" aria-live="polite">{status}</p>
      <FormError error={error} />
    </section>
  );
}
