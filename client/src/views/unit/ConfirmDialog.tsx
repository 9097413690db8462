import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import './unitEdit.css';

/**
 * A modal confirmation (`<dialog>` shown with `showModal`, so focus stays inside and
 * Escape cancels). Focus starts on the safe choice, "Avbryt"; the caller moves focus
 * on after either choice.
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  danger,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const uid = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancelRef.current?.focus();
    return () => {
      if (d?.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="unit-confirm-dialog"
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${uid}-title`}>{title}</h2>
      <div id={`${uid}-body`}>{children}</div>
      <div className="button-row">
        <button type="button" className={`button ${danger ? 'unit-button-danger-solid' : 'button-primary'}`} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button" ref={cancelRef} disabled={busy} onClick={onCancel}>
          {m.unitEdit.cancel}
        </button>
      </div>
    </dialog>
  );
}
