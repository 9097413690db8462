import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { adminApi, type RoleMappingsT } from './adminApi.js';

type Row = RoleMappingsT['mappings'][number];
const ROLES = ['viewer', 'editor', 'admin'] as const;

/**
 * Which groups (or roles) of the work account give which role to an account made at its
 * first sign-in: rows of a value and a role, added and removed, saved together. The
 * server checks them (no empty value, none twice) and the form shows what it says.
 */
export function RoleMappingsForm() {
  const { m } = useI18n();
  const t = m.workAccount.mappings;
  const [rows, setRows] = useState<Row[]>();
  const [claim, setClaim] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  const added = useRef<HTMLInputElement>(null);
  const [focusAdded, setFocusAdded] = useState(false);
  useFocusFirstInvalid(ref, error);

  useEffect(() => {
    adminApi.roleMappings().then((r) => {
      setRows(r.mappings);
      setClaim(r.claim);
    }, setError);
  }, []);
  useEffect(() => {
    if (focusAdded) added.current?.focus();
    setFocusAdded(false);
  }, [focusAdded]);

  const change = (i: number, patch: Partial<Row>) => setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    setError(null);
    setStatus('');
    try {
      const saved = await adminApi.setRoleMappings({ mappings: rows });
      setRows(saved.mappings);
      setStatus(t.saved);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form ref={ref} className="admin-form" onSubmit={submit} noValidate aria-labelledby="oidc-mappings-title">
      <h3 id="oidc-mappings-title">{t.title}</h3>
      <p className="field-hint admin-form-note">{claim ? t.intro(claim) : t.off}</p>
      <FormError error={error} id="oidc-mappings-error" />
      {rows && rows.length === 0 ? <p className="admin-form-note">{t.none}</p> : null}
      {rows && rows.length > 0 ? (
        // a list rather than a table: on a phone each row wraps (the value above, the role and its removal below)
        <ul className="role-mappings">
          {rows.map((row, i) => (
            <li key={i} className="role-mapping">
              <label className="role-mapping-field role-mapping-value">
                <span className="role-mapping-label">{`${t.value} ${i + 1}`}</span>
                <input
                  ref={i === rows.length - 1 ? added : undefined}
                  value={row.claim_value}
                  maxLength={200}
                  onChange={(e) => change(i, { claim_value: e.target.value })}
                />
              </label>
              <label className="role-mapping-field">
                <span className="role-mapping-label">{`${t.role} ${i + 1}`}</span>
                <select value={row.role} onChange={(e) => change(i, { role: e.target.value as Row['role'] })}>
                  {ROLES.map((r) => <option key={r} value={r}>{m.admin.roles[r]}</option>)}
                </select>
              </label>
              <button type="button" className="button button-quiet" onClick={() => setRows((rs) => rs?.filter((_, j) => j !== i))}>
                {t.remove(row.claim_value)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="role-mappings-actions">
        <button type="button" className="button" disabled={!rows} onClick={() => {
          setRows((rs) => [...(rs ?? []), { claim_value: '', role: 'viewer' }]);
          setFocusAdded(true);
        }}>
          {t.add}
        </button>
        <button type="submit" className="button" disabled={!rows}>{t.save}</button>
      </div>
      <p role="status" aria-live="polite" className="admin-form-note">{status}</p>
    </form>
  );
}
