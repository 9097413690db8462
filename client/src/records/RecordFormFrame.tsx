import { useEffect, useRef, type FormEvent, type ReactElement, type ReactNode, type RefObject } from 'react';
import { FormError } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import './records.css';

/** The parts of `useRecordForm` the frame draws. */
interface FrameState {
  uid: string;
  formRef: RefObject<HTMLFormElement | null>;
  submit: (e: FormEvent) => Promise<void>;
  error: unknown;
  busy: boolean;
  conflict: { dialog: ReactElement | null };
}

/**
 * The frame of an actor or child place form: its heading (focused when the form opens,
 * so a screen reader hears which form it is), the whole-form error, the fields, the
 * save and cancel buttons and the conflict dialog.
 */
export function RecordFormFrame({
  form,
  title,
  labels,
  submitLabel,
  onCancel,
  children,
}: {
  form: FrameState;
  title: string;
  /** The fields' names by server path, for the whole-form error. */
  labels: Record<string, string>;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <form ref={form.formRef} className="record-form" onSubmit={(e) => void form.submit(e)} noValidate aria-labelledby={`${form.uid}-title`}>
      <h3 id={`${form.uid}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <FormError error={form.error} labels={labels} />
      {children}
      <FormButtons busy={form.busy} submitLabel={submitLabel} onCancel={onCancel} />
      {form.conflict.dialog}
    </form>
  );
}

/** Save (saying so while busy) and cancel; `small` for a form inside a card. */
export function FormButtons({ busy, submitLabel, onCancel, small }: { busy: boolean; submitLabel: string; onCancel: () => void; small?: boolean }) {
  const { m } = useI18n();
  const size = small ? ' button-small' : '';
  return (
    <div className="button-row">
      <button type="submit" className={`button button-primary${size}`} disabled={busy}>
        {busy ? m.records.saving : submitLabel}
      </button>
      <button type="button" className={`button${size}`} onClick={onCancel}>
        {m.records.cancel}
      </button>
    </div>
  );
}
