import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from '../forms/errors.js';
import { Field, FormError } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';

/**
 * A small inline form that asks for one's own password before a second factor is removed
 * or the recovery codes replaced: a session left open must not be enough to strip the
 * account's second factor. The server checks the password (a wrong one names the field).
 */
export function ConfirmWithPassword({ id, action, onConfirm, onCancel }: {
  id: string; action: string; onConfirm: (password: string) => Promise<void>; onCancel: () => void;
}) {
  const { m } = useI18n();
  const t = m.secondFactor;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const errs = fieldErrors(error, m);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(password);
    } catch (err) {
      setError(err);
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form sf-confirm" onSubmit={submit} noValidate>
      <Field id={id} label={t.passwordToConfirm} error={errs.current_password}>
        <input ref={input} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={busy}>{action}</button>
      <button type="button" className="button button-quiet" onClick={onCancel}>{t.cancel}</button>
      <FormError error={error} labels={{ current_password: t.passwordToConfirm }} />
    </form>
  );
}
