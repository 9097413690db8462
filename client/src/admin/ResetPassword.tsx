import { useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { ModalDialog } from '../forms/ModalDialog.js';
import { useI18n } from '../i18n/index.js';
import { adminApi, type UserT } from './adminApi.js';
import { suggestPassword } from './suggestPassword.js';

/** The texts of the password reset and the forced change, in the page language. */
export function usePasswordResetTexts() {
  return useI18n().m.passwordReset;
}

/**
 * An administrator gives a user a temporary password (a forgotten one, a new phone):
 * the server ends the user's sessions, revokes their tokens and holds the account to a
 * password change at its next sign-in. The server's refusals (a weak password, a stale
 * version) show at the field; focus returns to the opening button when the dialog closes.
 */
export function ResetPassword({ user, onDone }: { user: UserT; onDone: (message: string) => void }) {
  const t = usePasswordResetTexts();
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const errs = fieldErrors(error, m);

  const close = () => {
    setOpen(false);
    setPassword('');
    setError(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await adminApi.changeUser(user, { password });
      close();
      onDone(t.done(user.name));
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
        <ModalDialog className="confirm-dialog" title={t.title(user.name)} intro={<p>{t.intro(user.name)}</p>} returnFocus onEscape={close}>
          <form ref={formRef} onSubmit={save} noValidate>
            <Field id={`reset-password-${user.id}`} label={t.password} error={errs.password}>
              {/* autoFocus: the dialog opens to type or suggest the password. */}
              <input type="text" autoComplete="off" spellCheck={false} required minLength={8} maxLength={256} autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
            </Field>
            <FormError error={error} labels={{ password: t.password }} />
            <div className="button-row">
              <button type="button" className="button" onClick={() => { setPassword(suggestPassword()); setError(null); }}>{t.suggest}</button>
              <button type="submit" className="button button-primary" disabled={busy}>{t.save}</button>
              <button type="button" className="button" onClick={close}>{t.cancel}</button>
            </div>
          </form>
        </ModalDialog>
      )}
    </>
  );
}
