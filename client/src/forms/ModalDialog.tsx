import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import './forms.css';

/**
 * A native modal `<dialog>`, shown with `showModal` while mounted (so focus stays inside
 * and the page behind is inert) and closed when unmounted. Escape calls `onEscape`
 * instead of closing it, so the owner decides. The title names the dialog and `intro`
 * describes it. With `returnFocus`, focus goes back to the element that had it before
 * the dialog opened, unless the owner has moved it somewhere already.
 */
export function ModalDialog({
  className,
  title,
  intro,
  onEscape,
  returnFocus = false,
  dialogRef,
  children,
}: {
  /** The dialog's own class (its size); it always has `modal-dialog`. */
  className: string;
  title: ReactNode;
  intro: ReactNode;
  onEscape: () => void;
  returnFocus?: boolean;
  dialogRef?: RefObject<HTMLDialogElement | null>;
  children: ReactNode;
}) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  const uid = useId();
  const returning = useRef(returnFocus);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (!returning.current) return;
      setTimeout(() => {
        if (opener instanceof HTMLElement && opener.isConnected && document.activeElement === document.body) opener.focus();
      }, 0);
    };
  }, [ref]);
  return (
    <dialog
      ref={ref}
      className={`modal-dialog ${className}`}
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-intro`}
      onCancel={(e) => {
        e.preventDefault();
        onEscape();
      }}
    >
      <h2 id={`${uid}-title`}>{title}</h2>
      <div id={`${uid}-intro`}>{intro}</div>
      {children}
    </dialog>
  );
}
