import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { fieldErrors } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { adminApi } from './adminApi.js';

/**
 * Changing one's own password: the current one and the new one. The server judges both
 * (a wrong current password, the password rules) and answers at the field; after a
 * change this browser stays signed in and the user is told what else ended.
 */
export function OwnPassword({ onChanged, heading = true }: { onChanged?: () => void; heading?: boolean } = {}) {
  const { m } = useI18n();
  const t = m.admin;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const errs = fieldErrors(error, m);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setStatus('');
    setBusy(true);
    try {
      const r = await adminApi.changeOwnPassword({ current_password: current, new_password: next });
      setCurrent('');
      setNext('');
      setStatus(t.passwordChanged(r.sessions_ended, r.tokens_revoked));
      onChanged?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="own-password-title">
      <h2 id="own-password-title" className={heading ? undefined : 'visually-hidden'}>{t.passwordTitle}</h2>
      {heading && <p>{t.passwordIntro}</p>}
      <form ref={formRef} className="admin-form" onSubmit={submit} noValidate>
        <Field id="current-password" label={t.currentPassword} error={errs.current_password}>
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field id="new-password" label={t.newPassword} error={errs.new_password}>
          <input type="password" autoComplete="new-password" required minLength={8} maxLength={256} value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={busy}>{t.changePassword}</button>
        <FormError error={error} labels={{ current_password: t.currentPassword, new_password: t.newPassword }} />
      </form>
      <p role="status" aria-live="polite">{status}</p>
    </section>
  );
}
