import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { ModalDialog } from './ModalDialog.js';

/**
 * A modal question before an action: `children` say what it does, `error` what went
 * wrong when it was tried. Focus starts on "Avbryt", the safe choice, and goes back to
 * the opener when the dialog closes and the owner has not moved it. Escape is "Avbryt"
 * unless `cancelable` is false (while the action runs, say).
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  danger = false,
  busy = false,
  cancelable = true,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  /** The confirm button's text. */
  confirm: string;
  /** The action removes something: the confirm button is red. */
  danger?: boolean;
  /** The confirm button is disabled. */
  busy?: boolean;
  cancelable?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <ModalDialog className="confirm-dialog" title={title} intro={children} returnFocus onEscape={() => (cancelable ? onCancel() : undefined)}>
      {error}
      <div className="button-row">
        <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button" ref={cancelRef} disabled={!cancelable} onClick={onCancel}>
          {m.records.cancel}
        </button>
      </div>
    </ModalDialog>
  );
}
