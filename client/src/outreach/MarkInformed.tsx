import { useCallback, useMemo, useRef, useState } from 'react';
import { Field, FormError } from '../forms/Field.js';
import { fieldErrors } from '../forms/errors.js';
import { useI18n } from '../i18n/index.js';
import { canEdit, localToday, outreachApi } from './api.js';
import { groupByUnit, pairKey, type Pair } from './lib.js';
import { useMe } from '../session.js';
import { isIsoDate, stepIsoDate } from '../keys/dates.js';
import { LOCAL_KEYS } from '../keys/shortcuts.js';
import './outreach.css';

export type { Pair };

/**
 * Row selection for "mark as informed" in a table of (unit, child place) rows: the
 * information-needs table or a unit's child-places tab. Render `<SelectPair>` in a
 * cell of each row and `<MarkInformedControl selection={…}>` above the table.
 */
export function usePairSelection() {
  const [selected, setSelected] = useState<Map<string, Pair>>(new Map());
  const toggle = useCallback((p: Pair) => setSelected((s) => {
    const next = new Map(s);
    if (next.has(pairKey(p))) next.delete(pairKey(p));
    else next.set(pairKey(p), p);
    return next;
  }), []);
  const setAll = useCallback((pairs: Pair[], on: boolean) => setSelected((s) => {
    const next = new Map(s);
    for (const p of pairs) {
      if (on) next.set(pairKey(p), p);
      else next.delete(pairKey(p));
    }
    return next;
  }), []);
  const clear = useCallback(() => setSelected(new Map()), []);
  const list = useMemo(() => [...selected.values()], [selected]);
  const isSelected = useCallback((p: Pair) => selected.has(pairKey(p)), [selected]);
  return { selected: list, isSelected, toggle, setAll, clear };
}

/** A row's checkbox, named after the child place so screen readers know what it selects. Editors only. */
export function SelectPair({ pair, name, selection }: { pair: Pair; name: string; selection: ReturnType<typeof usePairSelection> }) {
  const { m } = useI18n();
  const me = useMe();
  if (!canEdit(me)) return null;
  return <input type="checkbox" aria-label={m.outreach.selectRow(name)} checked={selection.isSelected(pair)} onChange={() => selection.toggle(pair)} />;
}

/**
 * "Markera som informerad" for the selected rows: a date and a button. One
 * information activity per child place; per unit all or nothing (one request per
 * unit). Shown to editors only; `onDone` lets the table reload its statuses. The
 * result is announced in a status message that takes the focus, so keyboard and
 * screen-reader users land on what happened, not on the page's start. The server
 * judges the date; its refusal is shown at the date field in the user's language.
 */
export function MarkInformedControl({ selection, onDone, id = 'mark-informed' }: { selection: Pair[]; onDone?: () => void; id?: string }) {
  const { m } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const [date, setDate] = useState(localToday());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [badDate, setBadDate] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  if (!canEdit(me)) return null;
  const mark = async () => {
    if (!isIsoDate(date)) {
      setBadDate(true);
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setMessage('');
    let done = 0;
    let failed: unknown = null;
    try {
      for (const [unitId, childPlaceIds] of groupByUnit(selection)) {
        const result = await outreachApi.markInformed(unitId, childPlaceIds, date);
        done += result.activity_ids.length;
      }
    } catch (e) {
      failed = e;
      setError(e);
    } finally {
      setBusy(false);
      if (done > 0) {
        setMessage(o.markedInformed(done));
        onDone?.();
      }
      // After React has rendered the message (or the error): focus it.
      requestAnimationFrame(() => (failed ? (dateErrorOf(failed) ? document.getElementById(`${id}-date`) : errorBox.current) : status.current)?.focus());
    }
  };
  const dateErrorOf = (e: unknown) => fieldErrors(e, m).date;
  const dateError = error ? dateErrorOf(error) : undefined;
  return (
    <div className="mark-informed">
      {/* Text, not type="date": one Tab stop instead of three (day, month, year), stepped with the arrows. */}
      <Field id={`${id}-date`} label={o.informedDate} hint={m.keys.dateHint} error={badDate ? m.keys.dateInvalid : dateError}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          size={11}
          data-mark-date
          value={date}
          required
          onChange={(e) => {
            setDate(e.target.value);
            setBadDate(false);
          }}
          onKeyDown={(e) => {
            if (!LOCAL_KEYS.dateStep.includes(e.key)) return;
            const next = stepIsoDate(date, e.key === 'ArrowUp' ? 1 : -1);
            if (!next) return;
            e.preventDefault();
            setDate(next);
            setBadDate(false);
          }}
        />
      </Field>
      <button type="button" data-mark-action className="button button-primary" disabled={busy || selection.length === 0 || !date} onClick={() => void mark()}>
        {selection.length > 1 ? o.markInformedCount(selection.length) : o.markInformed}
      </button>
      <p ref={status} role="status" aria-live="polite" className="outreach-status" tabIndex={-1}>
        {message}
      </p>
      {error && !dateError ? (
        <div ref={errorBox} tabIndex={-1} className="mark-informed-error">
          <FormError error={error} />
        </div>
      ) : null}
    </div>
  );
}
