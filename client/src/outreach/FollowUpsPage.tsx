import { useEffect, useMemo, useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { errorText, isConflict } from '../forms/errors.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { csvDialectOf } from '../lib/exportUrls.js';
import { formatDate } from '../lib/format.js';
import { useMe } from '../session.js';
import { canEdit, FOLLOW_UP_STATUSES, outreachApi, type ActivityT, type FollowUpStatus } from './api.js';
import './outreach.css';

/**
 * Observations and safety-walk findings to follow up across units, overdue ones marked;
 * "Visa avslutade" adds the done ones. Editors change the status in place: a changed
 * row stays where it was with "Ångra" (undo sends the previous status with If-Match),
 * announced in the live region. On a phone the table becomes one card per row.
 */
export function FollowUpsPage() {
  const { m, lang } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const [overdue, setOverdue] = useState(false);
  const [showDone, setShowDone] = useState(false);
  const [message, setMessage] = useState('');
  /** Rows this page changed, with their new version; they keep their place until the list is loaded again. */
  const [local, setLocal] = useState<Map<number, ActivityT>>(new Map());
  /** The status before this page's change, per row that can be undone. */
  const [undoable, setUndoable] = useState<Map<number, FollowUpStatus>>(new Map());
  const open = useAsync((signal) => outreachApi.followUps({ overdue: overdue ? 'true' : undefined, limit: 1000 }, signal), [overdue]);
  const done = useAsync(
    (signal) => (showDone && !overdue ? outreachApi.followUps({ status: 'done', limit: 1000 }, signal) : Promise.resolve(null)),
    [showDone, overdue],
  );
  useEffect(() => {
    setLocal(new Map());
    setUndoable(new Map());
  }, [open.data, done.data]);

  const shown = useMemo(() => {
    const seen = new Set<number>();
    const out: ActivityT[] = [];
    for (const a of [...(open.data?.follow_ups ?? []), ...(done.data?.follow_ups ?? [])]) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push(local.get(a.id) ?? a);
    }
    return out;
  }, [open.data, done.data, local]);

  const failed = (e: unknown) => {
    setMessage(isConflict(e) ? o.stale : errorText(e, m));
    open.retry();
    done.retry();
  };

  const change = async (a: ActivityT, status: FollowUpStatus) => {
    const previous = undoable.get(a.id) ?? a.follow_up_status ?? 'open';
    try {
      const after = await outreachApi.changeActivity(a.id, a.version, { follow_up_status: status });
      setLocal((cur) => new Map(cur).set(a.id, after));
      setUndoable((cur) => {
        const next = new Map(cur);
        if (previous === status) next.delete(a.id);
        else next.set(a.id, previous);
        return next;
      });
      setMessage(o.statusChanged(o.followUpStatus[status]));
    } catch (e) {
      failed(e);
    }
  };

  const undo = async (a: ActivityT) => {
    const previous = undoable.get(a.id);
    if (!previous) return;
    try {
      const after = await outreachApi.changeActivity(a.id, a.version, { follow_up_status: previous });
      setLocal((cur) => new Map(cur).set(a.id, after));
      setUndoable((cur) => {
        const next = new Map(cur);
        next.delete(a.id);
        return next;
      });
      setMessage(o.undone(o.followUpStatus[previous]));
      requestAnimationFrame(() => document.getElementById(`follow-up-status-${a.id}`)?.focus());
    } catch (e) {
      failed(e);
    }
  };

  const counts = open.data ? [o.followUpsCount(open.data.number_matched), ...(done.data ? [o.doneCount(done.data.number_matched)] : [])].join(', ') : '';
  const loading = open.status === 'loading' && !open.data;

  return (
    <section className="outreach outreach-page" aria-labelledby="followups-title">
      <h1 id="followups-title" tabIndex={-1}>{o.followUpsTitle}</h1>
      <div className="outreach-filters">
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {o.onlyOverdue}
        </label>
        <label className="check">
          <input type="checkbox" checked={showDone} disabled={overdue} onChange={(e) => setShowDone(e.target.checked)} /> {o.showDone}
        </label>
        <a className="button button-small" href={`/api/exports/follow-ups.csv?${new URLSearchParams({ ...(overdue ? { overdue: 'true' } : {}), dialect: csvDialectOf(lang) })}`} download>{o.exportCsv}</a>
      </div>
      <p role="status" aria-live="polite" className="outreach-status">
        {message}{message ? ' ' : ''}{counts}
      </p>
      {open.status === 'error' ? <ErrorMessage error={open.error} onRetry={open.retry} /> : null}
      {done.status === 'error' ? <ErrorMessage error={done.error} onRetry={done.retry} /> : null}
      {loading ? <Skeleton lines={4} /> : null}
      {open.data && shown.length === 0 ? <p>{o.noFollowUps}</p> : null}
      {shown.length > 0 ? (
        <table className="outreach-table follow-ups-table">
          <thead>
            <tr>
              <th scope="col">{o.unit}</th>
              <th scope="col">{o.kindColumn}</th>
              <th scope="col">{o.date}</th>
              <th scope="col">{o.dueColumn}</th>
              <th scope="col">{o.responsible}</th>
              <th scope="col">{o.noteColumn}</th>
              <th scope="col">{o.followUpColumn}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => {
              const c = undoable.has(a.id);
              const status = a.follow_up_status ?? 'open';
              const what = `${a.unit_name}, ${o.kind[a.kind]} ${formatDate(m.locale, a.date)}`;
              return (
                <tr key={a.id} className={[a.overdue ? 'row-overdue' : '', c ? 'row-changed' : '', status === 'done' ? 'row-done' : ''].filter(Boolean).join(' ') || undefined}>
                  <td data-label={o.unit}><Link href={`/units/${a.unit_id}?tab=activities`}>{a.unit_name}</Link></td>
                  <td data-label={o.kindColumn}>{o.kind[a.kind]}</td>
                  <td data-label={o.date} className="nowrap">{formatDate(m.locale, a.date)}</td>
                  <td data-label={o.dueColumn}>
                    <span className="nowrap">{a.due_date ? formatDate(m.locale, a.due_date) : '–'}</span>
                    {a.overdue ? <> <span className="tag tag-overdue">{o.overdue}</span></> : null}
                  </td>
                  <td data-label={o.responsible}>{a.responsible_actor?.name ?? '–'}</td>
                  <td data-label={o.noteColumn} className="follow-up-note">{a.note ?? ''}</td>
                  <td data-label={o.followUpColumn}>
                    {canEdit(me) ? (
                      <div className="follow-up-status">
                        <select id={`follow-up-status-${a.id}`} aria-label={`${o.followUp}: ${what}`} value={status}
                          onChange={(e) => void change(a, e.target.value as FollowUpStatus)}>
                          {FOLLOW_UP_STATUSES.map((s) => <option key={s} value={s}>{o.followUpStatus[s]}</option>)}
                        </select>
                        {c ? (
                          <button type="button" className="button button-small" onClick={() => void undo(a)}>
                            {o.undo}<span className="visually-hidden"> {o.undoLabel(what)}</span>
                          </button>
                        ) : null}
                      </div>
                    ) : (
                      o.followUpStatus[status]
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
