import type { SelectHTMLAttributes } from 'react';

/**
 * A `<select>` of codes, each shown by its label, with an empty first choice when
 * `empty` is given. Put it in a `Field`, which adds the id and the error wiring.
 */
export function CodeSelect<C extends string>({
  codes,
  value,
  labelOf,
  onChange,
  empty,
  ...select
}: {
  codes: readonly C[];
  value: C | '';
  labelOf: (code: C) => string;
  onChange: (code: C | '') => void;
  /** The text of the empty choice (value ''); none without it. */
  empty?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as C | '')} {...select}>
      {empty === undefined ? null : <option value="">{empty}</option>}
      {codes.map((c) => (
        <option key={c} value={c}>
          {labelOf(c)}
        </option>
      ))}
    </select>
  );
}
