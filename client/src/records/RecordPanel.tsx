import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { FormError } from '../forms/Field.js';
import type { AsyncState } from '../hooks/useAsync.js';

/**
 * The top of a list whose records editors change: the add button (for editors), the
 * status line that says what was saved (focusable, so focus can land on it when the
 * saved record is no longer listed) and the error of opening a record for editing.
 */
export function RecordPanelHead({
  addLabel,
  onAdd,
  addRef,
  status,
  statusRef,
  error,
}: {
  /** The add button's text; no button without it. */
  addLabel?: string;
  onAdd: () => void;
  addRef: RefObject<HTMLButtonElement | null>;
  status: ReactNode;
  statusRef: RefObject<HTMLParagraphElement | null>;
  error: unknown;
}) {
  return (
    <>
      {addLabel ? (
        <p className="record-add">
          <button ref={addRef} type="button" className="button button-primary" onClick={onAdd}>
            {addLabel}
          </button>
        </p>
      ) : null}
      <p ref={statusRef} className="record-status" role="status" tabIndex={-1}>
        {status}
      </p>
      {error ? <FormError error={error} /> : null}
    </>
  );
}

/** A records panel's landmark, named by its heading: the list and the form that replaces it while open. */
export function RecordPanelSection({ headingId, title, children }: { headingId: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * After a form closes unsaved, once the list is drawn again: focus goes back to the
 * record's element it edited (by selector), or to the add button when it was a new one.
 */
export function refocusAfterCancel(recordSelector: string | null, addRef: RefObject<HTMLButtonElement | null>): void {
  setTimeout(() => (recordSelector ? document.querySelector<HTMLElement>(recordSelector) : addRef.current)?.focus(), 0);
}

/**
 * Calls `onReloaded` once the list's reload after a save has run: `waiting` is true from
 * the save on, and until the reload has started the list shown is still the old one.
 */
export function useAfterReload(waiting: boolean, status: AsyncState<unknown>['status'], onReloaded: () => void): void {
  const reloading = useRef(false);
  const latest = useRef(onReloaded);
  latest.current = onReloaded;
  useEffect(() => {
    if (!waiting) return;
    if (status === 'loading') reloading.current = true;
    if (status === 'loading' || !reloading.current) return;
    reloading.current = false;
    latest.current();
  }, [waiting, status]);
}
