import { useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import { secondFactorApi } from './secondFactorApi.js';

/**
 * Setting up an authenticator app: the QR code and the key as text (the server shows the
 * secret in this answer only), then a code from the app to confirm it.
 */
export function TotpSetup({ onConfirmed }: { onConfirmed: (recoveryCodes: string[] | null) => void }) {
  const { m } = useI18n();
  const t = m.secondFactor;
  const [enrolment, setEnrolment] = useState<{ secret: string; qr_data_url: string }>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const errs = fieldErrors(error, m);

  const start = async () => {
    setError(null);
    try {
      setEnrolment(await secondFactorApi.startTotp());
    } catch (err) {
      setError(err);
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await secondFactorApi.confirmTotp(code.replace(/\s/g, ''));
      setEnrolment(undefined);
      setCode('');
      onConfirmed(r.recovery_codes);
    } catch (err) {
      setError(err);
    }
  };

  if (!enrolment) {
    return (
      <>
        <button type="button" className="button" onClick={start}>{t.appStart}</button>
        <FormError error={error} />
      </>
    );
  }
  return (
    <form ref={formRef} className="admin-form sf-setup" onSubmit={confirm} noValidate>
      <p>{t.appScan}</p>
      <img className="sf-qr" src={enrolment.qr_data_url} width={240} height={240} alt={t.qrAlt} />
      <p>
        <span>{t.secretLabel}: </span>
        <code className="token-secret" data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <Field id="totp-code" label={t.code} error={errs.code}>
        <input inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <button type="submit" className="button">{t.confirm}</button>
      <FormError error={error} labels={{ code: t.code }} />
    </form>
  );
}
