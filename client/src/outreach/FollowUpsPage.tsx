import { useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { canEdit, FOLLOW_UP_STATUSES, outreachApi, type ActivityT, type FollowUpStatus } from './api.js';
import { useMe } from '../session.js';
import './outreach.css';

/** Open and in-progress observations and safety-walk findings across units, with overdue ones marked; editors change the status in place. */
export function FollowUpsPage() {
  const { m } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const [overdue, setOverdue] = useState(false);
  const [message, setMessage] = useState('');
  const list = useAsync((signal) => outreachApi.followUps({ overdue: overdue ? 'true' : undefined, limit: 1000 }, signal), [overdue]);

  const change = async (a: ActivityT, status: FollowUpStatus) => {
    try {
      await outreachApi.changeActivity(a.id, a.version, { follow_up_status: status });
      setMessage(o.saved);
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 412 ? o.stale : e instanceof Error ? e.message : String(e));
    }
    list.retry();
  };

  return (
    <section className="outreach outreach-page" aria-labelledby="followups-title">
      <h1 id="followups-title" tabIndex={-1}>{o.followUpsTitle}</h1>
      <div className="outreach-filters">
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {o.onlyOverdue}
        </label>
        <a className="button button-small" href={`/api/exports/follow-ups.csv${overdue ? '?overdue=true' : ''}`} download>{o.exportCsv}</a>
      </div>
      <p role="status" aria-live="polite" className="outreach-status">
        {message}{message ? ' ' : ''}{list.data ? o.followUpsCount(list.data.number_matched) : ''}
      </p>
      {list.status === 'error' ? <ErrorMessage error={list.error} onRetry={list.retry} /> : null}
      {!list.data && list.status === 'loading' ? <Skeleton lines={4} /> : null}
      {list.data && list.data.follow_ups.length === 0 ? <p>{o.noFollowUps}</p> : null}
      {list.data && list.data.follow_ups.length > 0 ? (
        <div className="table-wrap">
          <table className="outreach-table">
            <thead>
              <tr>
                <th scope="col">{o.unit}</th>
                <th scope="col">{o.filterKind}</th>
                <th scope="col">{o.date}</th>
                <th scope="col">{o.dueDate}</th>
                <th scope="col">{o.responsible}</th>
                <th scope="col">{o.note}</th>
                <th scope="col">{o.followUp}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.follow_ups.map((a) => (
                <tr key={a.id} className={a.overdue ? 'row-overdue' : undefined}>
                  <td><Link href={`/units/${a.unit_id}?tab=activities`}>{a.unit_name}</Link></td>
                  <td>{o.kind[a.kind]}</td>
                  <td>{formatDate(m.locale, a.date)}</td>
                  <td>
                    {a.due_date ? formatDate(m.locale, a.due_date) : '–'}
                    {a.overdue ? <> <span className="tag tag-overdue">{o.overdue}</span></> : null}
                  </td>
                  <td>{a.responsible_actor?.name ?? '–'}</td>
                  <td>{a.note ?? ''}</td>
                  <td>
                    {canEdit(me) ? (
                      <select aria-label={`${o.followUp}: ${a.unit_name}, ${a.date}`} value={a.follow_up_status ?? 'open'}
                        onChange={(e) => void change(a, e.target.value as FollowUpStatus)}>
                        {FOLLOW_UP_STATUSES.map((s) => <option key={s} value={s}>{o.followUpStatus[s]}</option>)}
                      </select>
                    ) : (
                      o.followUpStatus[a.follow_up_status ?? 'open']
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
