import { useEffect, useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { useI18n } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { canEdit, outreachApi, PRINCIPLE_STATUSES, type PrincipleEntryT, type PrincipleStatus } from './api.js';
import { useMe } from '../session.js';
import './outreach.css';

/** The unit's five-principles checklist (Principer tab): one row per principle, saved one at a time with If-Match. */
export function PrinciplesTab({ unitId }: { unitId: number }) {
  const { m } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const [message, setMessage] = useState('');
  const list = useAsync((signal) => outreachApi.principles(unitId, signal), [unitId]);
  return (
    <section className="outreach" aria-labelledby="principles-title">
      <h2 id="principles-title">{o.principlesTitle}</h2>
      {me && !canEdit(me) ? <p className="muted">{o.readOnly}</p> : null}
      <p role="status" aria-live="polite" className="outreach-status">{message}</p>
      {list.status === 'error' ? <ErrorMessage error={list.error} onRetry={list.retry} /> : null}
      {!list.data && list.status === 'loading' ? <Skeleton lines={5} /> : null}
      {list.data ? (
        <ol className="principle-list">
          {list.data.principles.map((p) => (
            <PrincipleRow key={`${p.principle}-${p.version}`} unitId={unitId} entry={p} editable={canEdit(me)}
              onSaved={(text) => { setMessage(text); list.retry(); }} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function PrincipleRow({ unitId, entry, editable, onSaved }: { unitId: number; entry: PrincipleEntryT; editable: boolean; onSaved: (message: string) => void }) {
  const { m, lang } = useI18n();
  const o = m.outreach;
  const [status, setStatus] = useState<PrincipleStatus>(entry.status);
  const [evidence, setEvidence] = useState(entry.evidence ?? '');
  const [reviewed, setReviewed] = useState(entry.last_reviewed ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setStatus(entry.status);
    setEvidence(entry.evidence ?? '');
    setReviewed(entry.last_reviewed ?? '');
  }, [entry]);
  const title = lang === 'sv' ? entry.title_sv : entry.title_en;
  const id = `principle-${unitId}-${entry.principle}`;

  const save = async () => {
    setBusy(true);
    setError('');
    try {
      await outreachApi.putPrinciple(unitId, entry.principle, entry.version, { status, evidence: evidence.trim() || null, last_reviewed: reviewed || null });
      onSaved(`${o.principle} ${entry.principle}: ${o.saved}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) onSaved(o.stale);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="principle-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="principle-title">
        <span className="principle-no" aria-hidden="true">{entry.principle}</span>
        <span className="visually-hidden">{o.principle} {entry.principle}: </span>{title}
      </h3>
      {editable ? (
        <div className="principle-fields">
          <label className="field">
            <span>{o.status}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as PrincipleStatus)}>
              {PRINCIPLE_STATUSES.map((s) => <option key={s} value={s}>{o.principleStatus[s]}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{o.lastReviewed}</span>
            <input type="date" value={reviewed} onChange={(e) => setReviewed(e.target.value)} />
          </label>
          <label className="field principle-evidence">
            <span>{o.evidence}</span>
            <textarea rows={2} maxLength={2000} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
          </label>
          {error ? <p className="form-error" role="alert">{error}</p> : null}
          <button type="button" className="button button-small" disabled={busy} onClick={() => void save()}>
            {busy ? o.saving : o.save}<span className="visually-hidden"> {o.principle} {entry.principle}</span>
          </button>
        </div>
      ) : (
        <p>
          <span className={`tag tag-${entry.status}`}>{o.principleStatus[entry.status]}</span>
          {entry.last_reviewed ? ` · ${o.lastReviewed}: ${entry.last_reviewed}` : ''}
          {entry.evidence ? <span className="activity-note"> {entry.evidence}</span> : null}
        </p>
      )}
    </li>
  );
}
