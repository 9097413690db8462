import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/index.js';

/**
 * A modal question before an action that cannot be undone. The native modal `<dialog>`
 * keeps focus inside and closes on Escape (as "cancel"); focus starts on "cancel", the
 * safe choice, and goes back to the opener when the dialog closes without the action.
 */
export function ConfirmDialog({
  title,
  text,
  confirm,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  text: string;
  confirm: string;
  busy?: boolean;
  error?: React.ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      setTimeout(() => {
        if (opener instanceof HTMLElement && opener.isConnected && document.activeElement === document.body) opener.focus();
      }, 0);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-text`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${uid}-title`}>{title}</h2>
      <p id={`${uid}-text`}>{text}</p>
      {error}
      <div className="button-row">
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {busy ? m.records.saving : confirm}
        </button>
        <button type="button" className="button" autoFocus onClick={onCancel}>
          {m.records.cancel}
        </button>
      </div>
    </dialog>
  );
}
