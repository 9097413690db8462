import { useState } from 'react';
import { FormError } from '../forms/Field.js';
import { ModalDialog } from '../forms/ModalDialog.js';
import { useI18n } from '../i18n/index.js';
import type { UserT } from './adminApi.js';
import { secondFactorApi } from './secondFactorApi.js';

/**
 * An administrator resets a user's lost second factor, after a confirmation that says what
 * goes: the server removes the app, passkeys and recovery codes, ends the user's sessions
 * and audits it. Focus returns to the opening button when the dialog closes.
 */
export function ResetSecondFactor({ user, onDone }: { user: UserT; onDone: (message: string) => void }) {
  const t = useI18n().m.secondFactor;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => { setOpen(false); setError(null); };
  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      await secondFactorApi.reset(user.id);
      close();
      onDone(t.resetDone(user.name));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {t.reset}<span className="visually-hidden">{`: ${user.name}`}</span>
      </button>
      {open && (
        <ModalDialog className="confirm-dialog" title={t.reset} intro={<p>{t.resetConfirm(user.name)}</p>} returnFocus onEscape={close}>
          <FormError error={error} />
          <div className="button-row">
            {/* autoFocus: the dialog opens on its one decision. */}
            <button type="button" className="button button-primary" autoFocus disabled={busy} onClick={reset}>{t.reset}</button>
            <button type="button" className="button" onClick={close}>{t.cancel}</button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
