import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { canEdit, localToday, outreachApi } from './api.js';
import { useMe } from './useMe.js';
import './outreach.css';

/**
 * "Markera som informerad" for the selected child places of one unit: a date and a
 * button; one information activity per place is recorded in one transaction. Shown
 * to editors only; `onDone` lets the table reload its statuses.
 */
export function MarkInformedControl({ unitId, childPlaceIds, onDone }: { unitId: number; childPlaceIds: number[]; onDone?: () => void }) {
  const { m } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const [date, setDate] = useState(localToday());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  if (!canEdit(me)) return null;
  const mark = async () => {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      const result = await outreachApi.markInformed(unitId, childPlaceIds, date);
      setMessage(o.markedInformed(result.activity_ids.length));
      onDone?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mark-informed">
      <label className="field">
        <span>{o.informedDate}</span>
        <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
      </label>
      <button type="button" className="button button-primary" disabled={busy || childPlaceIds.length === 0 || !date} onClick={() => void mark()}>
        {childPlaceIds.length > 1 ? o.markInformedCount(childPlaceIds.length) : o.markInformed}
      </button>
      <p role="status" aria-live="polite" className="outreach-status">{message}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}
