import { useState, type FormEvent } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { useI18n } from '../i18n/index.js';
import { api, ApiError } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { ACTIVITY_KINDS, canEdit, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, localToday, outreachApi, type ActivityInput, type ActivityKind, type ActivityT, type FollowUpStatus } from './api.js';
import { parseOrganisations } from './lib.js';
import { useMe } from '../session.js';
import './outreach.css';

/**
 * The unit's activity log (Aktiviteter tab): the list with a kind filter, and for
 * editors a form to add an entry (with the reminder that no personal data about
 * residents belongs in it) and a remove button per entry.
 */
export function ActivitiesTab({ unitId }: { unitId: number }) {
  const { m } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [message, setMessage] = useState('');
  const list = useAsync((signal) => outreachApi.activities(unitId, { kind, limit: 200 }, signal), [unitId, kind]);

  const remove = async (a: ActivityT) => {
    if (!window.confirm(o.removeConfirm)) return;
    try {
      await outreachApi.deleteActivity(a.id, a.version);
      setMessage(o.removed);
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 412 ? o.stale : e instanceof Error ? e.message : String(e));
    }
    list.retry();
  };

  return (
    <section className="outreach" aria-labelledby="activities-title">
      <h2 id="activities-title">{o.activitiesTitle}</h2>
      {canEdit(me) ? <ActivityForm unitId={unitId} onSaved={() => { setMessage(o.saved); list.retry(); }} /> : me ? <p className="muted">{o.readOnly}</p> : null}
      <div className="outreach-filters">
        <label className="field">
          <span>{o.filterKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind | '')}>
            <option value="">{o.allKinds}</option>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{o.kind[k]}</option>)}
          </select>
        </label>
      </div>
      <p role="status" aria-live="polite" className="outreach-status">
        {message}{message && list.data ? ' ' : ''}{list.data ? o.activitiesCount(list.data.number_matched) : ''}
      </p>
      {list.status === 'error' ? <ErrorMessage error={list.error} onRetry={list.retry} /> : null}
      {!list.data && list.status === 'loading' ? <Skeleton lines={4} /> : null}
      {list.data && list.data.activities.length === 0 ? <p>{o.noActivities}</p> : null}
      {list.data && list.data.activities.length > 0 ? (
        <ul className="activity-list">
          {list.data.activities.map((a) => (
            <li key={a.id} className="activity-item">
              <div className="activity-head">
                <strong>{o.kind[a.kind]}</strong> <span>{formatDate(m.locale, a.date)}</span>
                {a.follow_up_status ? <span className={`tag tag-${a.follow_up_status}`}>{o.followUpStatus[a.follow_up_status]}</span> : null}
                {a.overdue ? <span className="tag tag-overdue">{o.overdue}</span> : null}
              </div>
              {a.note ? <p className="activity-note">{a.note}</p> : null}
              <p className="muted small">
                {[
                  a.organisations.length ? a.organisations.join(', ') : null,
                  a.actors.length ? `${o.actors}: ${a.actors.map((x) => x.name).join(', ')}` : null,
                  a.child_places.length ? `${o.childPlaces}: ${a.child_places.map((x) => x.name).join(', ')}` : null,
                  a.responsible_actor ? `${o.responsible}: ${a.responsible_actor.name}` : null,
                  a.due_date ? `${o.dueDate}: ${formatDate(m.locale, a.due_date)}` : null,
                  a.recorded_by ? o.recordedBy(a.recorded_by) : null,
                ].filter(Boolean).join(' · ')}
              </p>
              {canEdit(me) ? (
                <button type="button" className="button button-small button-quiet" onClick={() => void remove(a)}>
                  {o.remove}<span className="visually-hidden"> {o.kind[a.kind]} {a.date}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ActivityForm({ unitId, onSaved }: { unitId: number; onSaved: () => void }) {
  const { m } = useI18n();
  const o = m.outreach;
  const [kind, setKind] = useState<ActivityKind>('meeting');
  const [date, setDate] = useState(localToday());
  const [note, setNote] = useState('');
  const [orgs, setOrgs] = useState('');
  const [actorIds, setActorIds] = useState<number[]>([]);
  const [childIds, setChildIds] = useState<number[]>([]);
  const [responsible, setResponsible] = useState('');
  const [due, setDue] = useState('');
  const [followUp, setFollowUp] = useState<FollowUpStatus>('open');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const contacts = useAsync((signal) => api.contacts(unitId, {}, signal), [unitId]);
  const children = useAsync((signal) => api.unitChildPlaces(unitId, signal), [unitId]);
  const isFollowUp = FOLLOW_UP_KINDS.includes(kind);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    const body: ActivityInput = { kind, date, note: note.trim() || null, organisations: parseOrganisations(orgs), actor_ids: actorIds, child_place_ids: childIds };
    if (isFollowUp) {
      body.responsible_actor_id = responsible ? Number(responsible) : null;
      body.due_date = due || null;
      body.follow_up_status = followUp;
      body.location = lon && lat ? { type: 'Point', coordinates: [Number(lon), Number(lat)] } : null;
    }
    try {
      await outreachApi.createActivity(unitId, body);
      setNote('');
      setOrgs('');
      setActorIds([]);
      setChildIds([]);
      setDue('');
      setLon('');
      setLat('');
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (list: number[], set: (v: number[]) => void, id: number) => set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  return (
    <details className="outreach-form-box">
      <summary>{o.addActivity}</summary>
      <form onSubmit={submit} className="outreach-form">
        <label className="field">
          <span>{o.filterKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{o.kind[k]}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{o.date}</span>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field">
          <span>{o.organisations}</span>
          <input type="text" value={orgs} onChange={(e) => setOrgs(e.target.value)} />
        </label>
        <div className="field">
          <label htmlFor={`note-${unitId}`}>{o.note}</label>
          <p id={`note-hint-${unitId}`} className="notice personal-data-reminder">{o.personalDataReminder}</p>
          <textarea id={`note-${unitId}`} aria-describedby={`note-hint-${unitId}`} maxLength={500} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {contacts.data && contacts.data.features.length > 0 ? (
          <fieldset className="check-group">
            <legend>{o.actors}</legend>
            <div className="outreach-checks">
              {contacts.data.features.slice(0, 60).map((f) => (
                <label key={String(f.id)} className="check">
                  <input type="checkbox" checked={actorIds.includes(Number(f.id))} onChange={() => toggle(actorIds, setActorIds, Number(f.id))} />
                  {f.properties.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {children.data && children.data.features.length > 0 ? (
          <fieldset className="check-group">
            <legend>{o.childPlaces}</legend>
            <div className="outreach-checks">
              {children.data.features.map((f) => (
                <label key={String(f.id)} className="check">
                  <input type="checkbox" checked={childIds.includes(Number(f.id))} onChange={() => toggle(childIds, setChildIds, Number(f.id))} />
                  {f.properties.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {isFollowUp ? (
          <fieldset className="check-group">
            <legend>{o.followUp}</legend>
            <label className="field">
              <span>{o.responsible}</span>
              <select value={responsible} onChange={(e) => setResponsible(e.target.value)}>
                <option value="">{o.none}</option>
                {(contacts.data?.features ?? []).map((f) => <option key={String(f.id)} value={String(f.id)}>{f.properties.name}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{o.dueDate}</span>
              <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
            </label>
            <label className="field">
              <span>{o.followUp}</span>
              <select value={followUp} onChange={(e) => setFollowUp(e.target.value as FollowUpStatus)}>
                {FOLLOW_UP_STATUSES.map((s) => <option key={s} value={s}>{o.followUpStatus[s]}</option>)}
              </select>
            </label>
            <p className="muted small">{o.locationHint}</p>
            <label className="field">
              <span>{o.lon}</span>
              <input type="number" step="any" inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} />
            </label>
            <label className="field">
              <span>{o.lat}</span>
              <input type="number" step="any" inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} />
            </label>
          </fieldset>
        ) : null}
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? o.saving : o.save}</button>
      </form>
    </details>
  );
}
