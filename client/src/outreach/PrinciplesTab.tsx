import { useEffect, useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { useI18n } from '../i18n/index.js';
import { isConflict } from '../forms/errors.js';
import { FormError } from '../forms/Field.js';
import { formatDate } from '../lib/format.js';
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

interface PrincipleDraft { status: PrincipleStatus; evidence: string; reviewed: string; version: number }

const draftKey = (unitId: number, principle: number) => `ps:principle-draft:${unitId}:${principle}`;

/** The unsaved edit of one principle kept in sessionStorage (survives tab, unit and page switches in this browser tab). */
function readDraft(unitId: number, principle: number): PrincipleDraft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(unitId, principle));
    const d = raw ? (JSON.parse(raw) as PrincipleDraft) : null;
    return d && typeof d.evidence === 'string' && PRINCIPLE_STATUSES.includes(d.status) ? d : null;
  } catch {
    return null;
  }
}

function writeDraft(unitId: number, principle: number, d: PrincipleDraft | null): void {
  try {
    if (d) sessionStorage.setItem(draftKey(unitId, principle), JSON.stringify(d));
    else sessionStorage.removeItem(draftKey(unitId, principle));
  } catch {
    // Storage full or refused: the edit stays in the form only, and closing the page still asks.
  }
}

/** Unsaved principle rows on this page; closing or reloading the page asks first while there are any. */
const unsaved = new Set<string>();
function onBeforeUnload(e: BeforeUnloadEvent) {
  if (unsaved.size === 0) return;
  e.preventDefault();
  e.returnValue = '';
}

function PrincipleRow({ unitId, entry, editable, onSaved }: { unitId: number; entry: PrincipleEntryT; editable: boolean; onSaved: (message: string) => void }) {
  const { m, lang } = useI18n();
  const o = m.outreach;
  const saved = { status: entry.status, evidence: entry.evidence ?? '', reviewed: entry.last_reviewed ?? '' };
  const initial = readDraft(unitId, entry.principle);
  const [status, setStatus] = useState<PrincipleStatus>(initial?.status ?? saved.status);
  const [evidence, setEvidence] = useState(initial?.evidence ?? saved.evidence);
  const [reviewed, setReviewed] = useState(initial?.reviewed ?? saved.reviewed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dirty = status !== saved.status || evidence !== saved.evidence || reviewed !== saved.reviewed;
  const title = lang === 'sv' ? entry.title_sv : entry.title_en;
  const id = `principle-${unitId}-${entry.principle}`;

  useEffect(() => {
    if (!editable) return;
    writeDraft(unitId, entry.principle, dirty ? { status, evidence, reviewed, version: entry.version } : null);
    if (dirty) unsaved.add(id);
    else unsaved.delete(id);
  }, [editable, dirty, status, evidence, reviewed, unitId, entry.principle, entry.version, id]);
  useEffect(() => {
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsaved.delete(id);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [id]);

  const discard = () => {
    setStatus(saved.status);
    setEvidence(saved.evidence);
    setReviewed(saved.reviewed);
    setError(null);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await outreachApi.putPrinciple(unitId, entry.principle, entry.version, { status, evidence: evidence.trim() || null, last_reviewed: reviewed || null });
      writeDraft(unitId, entry.principle, null);
      unsaved.delete(id);
      onSaved(`${o.principle} ${entry.principle}: ${o.saved}`);
    } catch (e) {
      if (isConflict(e)) onSaved(o.stale);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="principle-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="principle-title">
        <span className="principle-no" aria-hidden="true">{entry.principle}</span>
        <span className="visually-hidden">{o.principle} {entry.principle}: </span>{title}
        {editable && dirty ? <span className="tag unsaved-tag">{o.unsavedChange}</span> : null}
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
            <textarea rows={2} maxLength={2000} value={evidence} onChange={(e) => setEvidence(e.target.value)}
              aria-describedby={dirty ? `${id}-draft` : undefined} />
          </label>
          {dirty ? <p id={`${id}-draft`} className="muted small">{o.draftKept}</p> : null}
          <FormError error={error} />
          <div className="form-actions">
            <button type="button" className="button button-small" disabled={busy} onClick={() => void save()}>
              {busy ? o.saving : o.save}<span className="visually-hidden"> {o.principle} {entry.principle}</span>
            </button>
            {dirty ? (
              <button type="button" className="button button-small button-quiet" onClick={discard}>
                {o.discardDraft}<span className="visually-hidden"> {o.principle} {entry.principle}</span>
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <p>
          <span className={`tag tag-${entry.status}`}>{o.principleStatus[entry.status]}</span>
          {entry.last_reviewed ? ` · ${o.lastReviewed}: ${formatDate(m.locale, entry.last_reviewed)}` : ''}
          {entry.evidence ? <span className="activity-note"> {entry.evidence}</span> : null}
        </p>
      )}
    </li>
  );
}
