import { startRegistration } from '@simplewebauthn/browser';
import { useState, type FormEvent } from 'react';
import { FormError } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { formatAuditTime } from './auditView.js';
import { ConfirmWithPassword } from './ConfirmWithPassword.js';
import { secondFactorApi, type PasskeyT } from './secondFactorApi.js';

/**
 * One's passkeys: the list (name, added, last used) with a remove that asks for the
 * password, and "Lägg till nyckel", which lets the browser make one (WebAuthn) against the
 * server's single-use challenge.
 */
export function Passkeys({ passkeys, onChanged }: { passkeys: PasskeyT[]; onChanged: (status: string, recoveryCodes?: string[] | null) => void }) {
  const t = useI18n().m.secondFactor;
  const [name, setName] = useState(t.keyNameDefault);
  const [removing, setRemoving] = useState<number>();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNote('');
    let response: unknown;
    try {
      response = await startRegistration({ optionsJSON: await secondFactorApi.passkeyOptions() });
    } catch (err) {
      if (!(err instanceof ApiError)) setNote(t.keyCancelled);
      else setError(err);
      return;
    }
    try {
      const r = await secondFactorApi.addPasskey(name.trim() || t.keyNameDefault, response);
      onChanged(t.keyAdded(r.passkey.name), r.recovery_codes);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="sf-part">
      <h3>{t.keysTitle}</h3>
      {passkeys.length === 0 ? <p>{t.keysNone}</p> : (
        <ul className="session-list" aria-label={t.keysTitle}>
          {passkeys.map((k) => (
            <li key={k.id} className="session-item">
              <p className="session-name"><strong>{k.name}</strong></p>
              <dl className="session-facts">
                <dt>{t.keyCreated}</dt><dd>{formatAuditTime(k.created_at)}</dd>
                <dt>{t.keyLastUsed}</dt><dd>{k.last_used_at ? formatAuditTime(k.last_used_at) : t.never}</dd>
              </dl>
              {removing === k.id ? (
                <ConfirmWithPassword id={`passkey-remove-${k.id}`} action={t.confirmRemove} onCancel={() => setRemoving(undefined)}
                  onConfirm={async (password) => {
                    await secondFactorApi.removePasskey(k.id, password);
                    setRemoving(undefined);
                    onChanged(t.keyRemoved);
                  }} />
              ) : (
                <button type="button" className="button button-quiet" onClick={() => setRemoving(k.id)}>
                  {t.keyRemove}<span className="visually-hidden">{`: ${k.name}`}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="admin-form" onSubmit={add}>
        <label>{t.keyName}<input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" className="button">{t.keyAdd}</button>
      </form>
      <p aria-live="polite">{note}</p>
      <FormError error={error} />
    </div>
  );
}
