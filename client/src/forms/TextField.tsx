import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field.js';

/** A labelled one-line text input (`Field` around an `<input>`); `onChange` gets the text. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  className,
  ...input
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel' | 'email';
  /** Extra classes on the field's wrapper. */
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type' | 'className'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input type={type} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </Field>
  );
}
