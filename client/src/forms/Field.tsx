import { Children, cloneElement, isValidElement, useEffect, type ReactElement, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { errorText } from './errors.js';
import './forms.css';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/** The error icon beside an error text, so an error is told by shape and words, not by colour alone. */
export function ErrorIcon() {
  return (
    <svg className="form-error-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7.25" fill="currentColor" />
      <rect x="7" y="3.5" width="2" height="6" rx="1" fill="#fff" />
      <circle cx="8" cy="12" r="1.1" fill="#fff" />
    </svg>
  );
}

/**
 * A labelled form control with its hint and error. The one child (an input, select or
 * textarea) gets `id`, `aria-invalid` and `aria-describedby` (hint and error) added.
 */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  children: ReactElement<ControlProps>;
  /** Extra classes on the wrapper (it always has `field`). */
  className?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const child = Children.only(children);
  const own = isValidElement<ControlProps>(child) ? child.props['aria-describedby'] : undefined;
  const describedBy = [own, hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = isValidElement<ControlProps>(child)
    ? cloneElement(child, { id, 'aria-invalid': error ? true : child.props['aria-invalid'], 'aria-describedby': describedBy })
    : child;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p id={errorId} className="field-error">
          <ErrorIcon />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** The whole-form error (`role="alert"`), in the user's language; nothing when `error` is empty. */
export function FormError({ error, labels, id }: { error: unknown; labels?: Record<string, string>; id?: string }) {
  const { m } = useI18n();
  if (error === null || error === undefined || error === false || error === '') return null;
  const text = typeof error === 'string' ? error : errorText(error, m, labels);
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <div id={id} className="form-error form-alert" role="alert" tabIndex={-1}>
      <ErrorIcon />
      <div>
        <p>{text}</p>
        {requestId ? <p className="muted small">{m.errors.requestId(requestId)}</p> : null}
      </div>
    </div>
  );
}

/**
 * Moves focus to the first invalid control of a form (`aria-invalid="true"`), or to its
 * form error when no field is marked. Returns the element focused. Call it after the
 * errors have rendered (see `useFocusFirstInvalid`).
 */
export function focusFirstInvalid(form: HTMLElement | null | undefined): HTMLElement | null {
  if (!form) return null;
  const target =
    form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('.form-error, [role="alert"]');
  if (!target) return null;
  target.focus();
  return target;
}

/** After a failed submit (each new `error`), focuses the form's first invalid field once it has rendered. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    focusFirstInvalid(form.current);
  }, [error, form]);
}
