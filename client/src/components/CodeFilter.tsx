/**
 * One filter of a filter row: a labelled select of codes with an "all" choice
 * (the empty value). `onChange` gets the chosen code, or `undefined` for "all".
 */
export function CodeFilter<C extends string | number>({
  id,
  label,
  allLabel,
  codes,
  value,
  labelOf,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  codes: readonly C[];
  value: C | undefined;
  labelOf: (code: C) => string;
  onChange: (code: C | undefined) => void;
}) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(codes.find((c) => String(c) === e.target.value))}>
        <option value="">{allLabel}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {labelOf(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
