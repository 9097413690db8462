import { TextField } from '../forms/TextField.js';
import { useI18n } from '../i18n/index.js';

/** The text fields of one contact person. */
export type PersonKey = 'name' | 'role' | 'phone' | 'email';

const KINDS = [
  ['name', 'text'],
  ['role', 'text'],
  ['phone', 'tel'],
  ['email', 'email'],
] as const;

/** A contact person's name, role, phone and e-mail, side by side while they fit. */
export function PersonFields({
  idOf,
  values,
  onChange,
  errorOf,
  nameRequired,
}: {
  idOf: (key: PersonKey) => string;
  values: Record<PersonKey, string>;
  onChange: (key: PersonKey, value: string) => void;
  errorOf: (key: PersonKey) => string | undefined;
  nameRequired?: boolean;
}) {
  const { m } = useI18n();
  const r = m.records;
  const labels: Record<PersonKey, string> = { name: r.personName, role: r.personRole, phone: r.personPhone, email: r.personEmail };
  return (
    <div className="record-form-pair">
      {KINDS.map(([key, type]) => (
        <TextField
          key={key}
          id={idOf(key)}
          label={labels[key]}
          type={type}
          value={values[key]}
          onChange={(v) => onChange(key, v)}
          error={errorOf(key)}
          required={key === 'name' && nameRequired}
        />
      ))}
    </div>
  );
}
