import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useConflict, type ConflictField } from '../forms/ConflictDialog.js';
import { fieldErrors, isConflict, isNotFound } from '../forms/errors.js';
import { Field, FormError } from '../forms/Field.js';
import { useAsync } from '../hooks/useAsync.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { routeHref, type ActivityDraft } from '../lib/route.js';
import { symbolDataUrl } from '../map/icons.js';
import { OBSERVATION_SYMBOL, useFlyTo, useMapPick, useObservationLayer } from '../map/useUnitMap.js';
import { useMe } from '../session.js';
import { useIntent } from '../keys/intents.js';
import { isSubmitKey } from '../keys/shortcuts.js';
import { ACTIVITY_KINDS, canEdit, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, localToday, outreachApi, type ActivityKind, type ActivityT, type FollowUpStatus } from './api.js';
import { activityBody, activityFieldKeys, formValuesOf, type ActivityFormValues } from './lib.js';
import './outreach.css';

/**
 * The unit's activity log (Aktiviteter tab): the list with a kind filter, the unit's
 * observations with a place on the unit map, and for editors a form to add an entry and
 * to change any entry in place (the same form), and a remove button per entry. A
 * `draft` from the address ("Logga kontakt" on a contact card) opens the add form preset.
 */
export function ActivitiesTab({ unitId, draft }: { unitId: number; draft?: ActivityDraft }) {
  const { m } = useI18n();
  const o = m.outreach;
  const me = useMe();
  const { navigate } = useRouter();
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const list = useAsync((signal) => outreachApi.activities(unitId, { kind, limit: 200 }, signal), [unitId, kind]);
  const all = useAsync((signal) => outreachApi.activities(unitId, { limit: 500 }, signal), [unitId]);
  const observations = useMemo(() => (all.data?.activities ?? []).filter((a) => a.location !== null), [all.data]);
  const layer = useObservationLayer(observations);
  const contacts = useAsync((signal) => api.contacts(unitId, {}, signal), [unitId]);
  const children = useAsync((signal) => api.unitChildPlaces(unitId, signal), [unitId]);
  const editable = canEdit(me);

  const reload = () => {
    list.retry();
    all.retry();
  };

  /** The entry whose edit button gets focus back once the list has drawn (after a change or a cancelled edit). */
  const [focusAfter, setFocusAfter] = useState<number | null>(null);
  useEffect(() => {
    if (focusAfter === null || editing !== null) return;
    const button = document.getElementById(`activity-edit-${focusAfter}`);
    if (!button) return;
    button.focus();
    if (list.status === 'ok') setFocusAfter(null);
  }, [focusAfter, editing, list.data, list.status]);
  const focusEditButton = (id: number) => setFocusAfter(id);
  /** After an entry is added or removed, the message saying so takes the focus (never the page's start). */
  const status = useRef<HTMLParagraphElement>(null);
  const focusStatus = () => requestAnimationFrame(() => status.current?.focus());

  const remove = async (a: ActivityT) => {
    if (!window.confirm(o.removeConfirm)) return;
    try {
      await outreachApi.deleteActivity(a.id, a.version);
      setMessage(o.removed);
    } catch (e) {
      setMessage(isConflict(e) ? o.stale : isNotFound(e) ? o.removedMeanwhile : m.forms.unknown);
    }
    reload();
    focusStatus();
  };

  const options = { contacts: contacts.data?.features ?? [], children: children.data?.features ?? [] };

  return (
    <section className="outreach" aria-labelledby="activities-title">
      <h2 id="activities-title">{o.activitiesTitle}</h2>
      {editable ? (
        <AddActivity
          key={draft ? `draft-${draft.actorId ?? ''}-${draft.childPlaceId ?? ''}` : 'add'}
          unitId={unitId}
          draft={draft}
          options={options}
          onSaved={() => {
            setMessage(o.saved);
            reload();
            focusStatus();
            if (draft) navigate(routeHref({ name: 'unit', id: unitId, tab: 'activities' }), { replace: true });
          }}
        />
      ) : me ? (
        <p className="muted">{o.readOnly}</p>
      ) : null}
      <div className="outreach-filters">
        <label className="field">
          <span>{o.filterKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind | '')}>
            <option value="">{o.allKinds}</option>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{o.kind[k]}</option>)}
          </select>
        </label>
        <p className="observation-legend">
          <img src={symbolDataUrl(OBSERVATION_SYMBOL)} alt="" width="20" height="20" />
          <span>{o.observationsLegend(observations.length)}</span>
        </p>
      </div>
      <p ref={status} role="status" aria-live="polite" className="outreach-status" tabIndex={-1}>
        {message}{message && list.data ? ' ' : ''}{list.data ? o.activitiesCount(list.data.number_matched) : ''}
      </p>
      {list.status === 'error' ? <ErrorMessage error={list.error} onRetry={list.retry} /> : null}
      {!list.data && list.status === 'loading' ? <Skeleton lines={4} /> : null}
      {list.data && list.data.activities.length === 0 ? <p>{o.noActivities}</p> : null}
      {list.data && list.data.activities.length > 0 ? (
        <ul className="activity-list">
          {list.data.activities.map((a) => (
            <li key={a.id} id={`activity-${a.id}`} className="activity-item">
              {editing === a.id ? (
                <ActivityForm
                  unitId={unitId}
                  initial={a}
                  options={options}
                  title={o.editTitle}
                  onCancel={() => {
                    setEditing(null);
                    focusEditButton(a.id);
                  }}
                  onSaved={(text) => {
                    setEditing(null);
                    setMessage(text);
                    reload();
                    focusEditButton(a.id);
                  }}
                />
              ) : (
                <ActivityEntry a={a} editable={editable} onEdit={() => setEditing(a.id)} onRemove={() => void remove(a)} onShow={() => layer.show(a)} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ActivityEntry({ a, editable, onEdit, onRemove, onShow }: { a: ActivityT; editable: boolean; onEdit: () => void; onRemove: () => void; onShow: () => void }) {
  const { m } = useI18n();
  const o = m.outreach;
  const what = `${o.kind[a.kind]} ${formatDate(m.locale, a.date)}`;
  return (
    <>
      <div className="activity-head">
        <strong>{o.kind[a.kind]}</strong> <span className="nowrap">{formatDate(m.locale, a.date)}</span>
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
      <div className="activity-actions">
        {a.location ? (
          <button type="button" className="button button-small button-quiet" onClick={onShow}>
            {o.showOnMap}<span className="visually-hidden"> {what}</span>
          </button>
        ) : null}
        {editable ? (
          <>
            <button type="button" id={`activity-edit-${a.id}`} className="button button-small" onClick={onEdit}>
              {o.edit}<span className="visually-hidden"> {what}</span>
            </button>
            <button type="button" className="button button-small button-quiet" onClick={onRemove}>
              {o.remove}<span className="visually-hidden"> {what}</span>
            </button>
          </>
        ) : null}
      </div>
    </>
  );
}

interface Options {
  contacts: { id: number | string; properties: { name: string } }[];
  children: { id: number | string; properties: { name: string } }[];
}

/** The add form, folded away unless a draft from the address opens it (focus then goes into it). */
function AddActivity({ unitId, draft, options, onSaved }: { unitId: number; draft?: ActivityDraft; options: Options; onSaved: () => void }) {
  const { m } = useI18n();
  const o = m.outreach;
  const [open, setOpen] = useState(Boolean(draft));
  const box = useRef<HTMLDetailsElement>(null);
  const [focusKind, setFocusKind] = useState(false);
  // The "n" shortcut: the form opens with the focus on its first field, the kind.
  useIntent('newActivity', () => {
    setOpen(true);
    setFocusKind(true);
  });
  useEffect(() => {
    if (!focusKind || !open) return;
    box.current?.querySelector<HTMLElement>('form select, form input')?.focus();
    setFocusKind(false);
  }, [focusKind, open]);
  const preset = useMemo<Partial<ActivityFormValues> | undefined>(
    () => (draft ? { kind: 'contact', date: localToday(), actor_ids: draft.actorId ? [draft.actorId] : [], child_place_ids: draft.childPlaceId ? [draft.childPlaceId] : [] } : undefined),
    [draft],
  );
  return (
    <details ref={box} className="outreach-form-box" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{draft ? o.logContactTitle : o.addActivity}</summary>
      {open ? (
        <ActivityForm
          unitId={unitId}
          preset={preset}
          autoFocus={Boolean(draft)}
          options={options}
          onSaved={() => onSaved()}
        />
      ) : null}
    </details>
  );
}

const EMPTY: ActivityFormValues = {
  kind: 'meeting', date: '', note: '', organisations: '', actor_ids: [], child_place_ids: [],
  responsible_actor_id: '', due_date: '', follow_up_status: 'open', lon: '', lat: '',
};

/**
 * The activity form, for a new entry (`preset`) or a change of `initial` (PATCH with
 * If-Match; a 412 opens the conflict dialog). Every field is sent; the server judges,
 * and its refusals are shown at the fields in the user's language.
 */
function ActivityForm({
  unitId, initial, preset, options, title, autoFocus, onSaved, onCancel,
}: {
  unitId: number;
  initial?: ActivityT;
  preset?: Partial<ActivityFormValues>;
  options: Options;
  title?: string;
  autoFocus?: boolean;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const { m } = useI18n();
  const o = m.outreach;
  const uid = useId().replace(/:/g, '');
  const base = useMemo(() => (initial ? formValuesOf(initial) : { ...EMPTY, date: localToday(), ...preset }), [initial, preset]);
  const [v, setV] = useState<ActivityFormValues>(base);
  const [version, setVersion] = useState(initial?.version ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [picking, setPicking] = useState(false);
  const [pickMessage, setPickMessage] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const conflict = useConflict<ActivityFormValues>();
  const flyTo = useFlyTo();
  const isFollowUp = FOLLOW_UP_KINDS.includes(v.kind);
  const set = <K extends keyof ActivityFormValues>(k: K, value: ActivityFormValues[K]) => setV((cur) => ({ ...cur, [k]: value }));
  const errs = activityFieldKeys(fieldErrors(error, m));

  const lonLat = useMemo<[number, number] | null>(() => {
    const lon = Number(v.lon.replace(',', '.'));
    const lat = Number(v.lat.replace(',', '.'));
    return isFollowUp && v.lon.trim() && v.lat.trim() && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
  }, [v.lon, v.lat, isFollowUp]);
  useMapPick(picking, (p) => {
    setV((cur) => ({ ...cur, lon: String(p[0]), lat: String(p[1]) }));
    setPicking(false);
    setPickMessage(o.picked(new Intl.NumberFormat(m.locale, { maximumFractionDigits: 6 }).format(p[1]), new Intl.NumberFormat(m.locale, { maximumFractionDigits: 6 }).format(p[0])));
    pickButton.current?.focus();
  }, lonLat);
  useEffect(() => {
    if (!picking) return;
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setPicking(false);
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [picking]);

  useEffect(() => {
    if (autoFocus) noteRef.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (!error) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('.form-error');
    target?.focus();
  }, [error]);

  const labels: ConflictField[] = useMemo(() => {
    const names = new Map([...options.contacts, ...options.children].map((f) => [Number(f.id), f.properties.name]));
    const list = (x: unknown) => (Array.isArray(x) && x.length ? x.map((id) => names.get(Number(id)) ?? String(id)).join(', ') : '–');
    const text = (x: unknown) => (x === '' || x === null || x === undefined ? '–' : String(x));
    return [
      { key: 'kind', label: o.conflictFields.kind!, format: (x) => o.kind[x as ActivityKind] ?? text(x) },
      { key: 'date', label: o.conflictFields.date!, format: (x) => (x ? formatDate(m.locale, String(x)) : '–') },
      { key: 'note', label: o.conflictFields.note!, format: text },
      { key: 'organisations', label: o.conflictFields.organisations!, format: text },
      { key: 'actor_ids', label: o.conflictFields.actor_ids!, format: list },
      { key: 'child_place_ids', label: o.conflictFields.child_place_ids!, format: list },
      { key: 'responsible_actor_id', label: o.conflictFields.responsible_actor_id!, format: (x) => (x ? names.get(Number(x)) ?? String(x) : '–') },
      { key: 'due_date', label: o.conflictFields.due_date!, format: (x) => (x ? formatDate(m.locale, String(x)) : '–') },
      { key: 'follow_up_status', label: o.conflictFields.follow_up_status!, format: (x) => (x ? o.followUpStatus[x as FollowUpStatus] : '–') },
      { key: 'lon', label: o.lon, format: text },
      { key: 'lat', label: o.lat, format: text },
    ];
  }, [o, m.locale, options]);

  const save = async (values: ActivityFormValues, ifMatch: number): Promise<void> => {
    if (initial) await outreachApi.changeActivity(initial.id, ifMatch, activityBody(values));
    else await outreachApi.createActivity(unitId, activityBody(values));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setPicking(false);
    try {
      await save(v, version);
      if (!initial) setV({ ...EMPTY, date: localToday(), kind: v.kind });
      setPickMessage('');
      onSaved(initial ? o.changed : o.saved);
    } catch (err) {
      if (initial && isConflict(err)) await resolveConflict();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const resolveConflict = async () => {
    if (!initial) return;
    let current: ActivityT | null = null;
    try {
      current = await outreachApi.activity(initial.id);
    } catch (e) {
      if (!isNotFound(e)) {
        setError(e);
        return;
      }
    }
    const r = await conflict.open({ fields: labels, base, mine: v, theirs: current ? formValuesOf(current) : null, version: current?.version });
    try {
      if (r.action === 'overwrite') {
        setV(r.values);
        setVersion(r.version);
        await outreachApi.changeActivity(initial.id, r.version, activityBody(r.values));
        onSaved(o.changed);
      } else if (r.action === 'recreate') {
        await outreachApi.createActivity(unitId, activityBody(r.values));
        onSaved(o.saved);
      } else if (r.action === 'discard') {
        onSaved(current ? o.stale : o.removedMeanwhile);
      }
    } catch (err) {
      setError(err);
    }
  };

  const toggle = (key: 'actor_ids' | 'child_place_ids', id: number) =>
    setV((cur) => ({ ...cur, [key]: cur[key].includes(id) ? cur[key].filter((x) => x !== id) : [...cur[key], id] }));

  const whoError = errs.actor_ids ?? errs.child_place_ids;
  const errId = (k: string) => `${uid}-${k}-error`;

  return (
    <form ref={formRef} onSubmit={submit} className="outreach-form" noValidate aria-label={title ?? o.addActivity}
      onKeyDown={(e) => {
        if (!isSubmitKey(e) || busy) return;
        e.preventDefault();
        formRef.current?.requestSubmit();
      }}>
      {title ? <h3 className="activity-form-title">{title}</h3> : null}
      <Field id={`${uid}-kind`} label={o.filterKind} error={errs.kind}>
        <select value={v.kind} onChange={(e) => set('kind', e.target.value as ActivityKind)}>
          {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{o.kind[k]}</option>)}
        </select>
      </Field>
      <Field id={`${uid}-date`} label={o.date} error={errs.date}>
        <input type="date" required value={v.date} onChange={(e) => set('date', e.target.value)} />
      </Field>
      <Field id={`${uid}-orgs`} label={o.organisations} error={errs.organisations}>
        <input type="text" value={v.organisations} onChange={(e) => set('organisations', e.target.value)} />
      </Field>
      <div className={`field${errs.note ? ' field-invalid' : ''}`}>
        <label htmlFor={`${uid}-note`}>{o.note}</label>
        <p id={`${uid}-note-hint`} className="notice personal-data-reminder">{o.personalDataReminder}</p>
        <textarea ref={noteRef} id={`${uid}-note`} aria-describedby={`${uid}-note-hint${errs.note ? ` ${errId('note')}` : ''}`} aria-invalid={errs.note ? true : undefined}
          maxLength={500} rows={3} value={v.note} onChange={(e) => set('note', e.target.value)} />
        {errs.note ? <FieldErrorText id={errId('note')} text={errs.note} /> : null}
      </div>
      {whoError ? <FieldErrorText id={errId('who')} text={whoError} /> : null}
      {options.contacts.length > 0 ? (
        <fieldset className="check-group" aria-describedby={whoError ? errId('who') : undefined} aria-invalid={whoError ? true : undefined}>
          <legend>{o.actors}</legend>
          <div className="outreach-checks">
            {options.contacts.map((f, i) => (
              <label key={String(f.id)} className="check">
                <input type="checkbox" checked={v.actor_ids.includes(Number(f.id))} onChange={() => toggle('actor_ids', Number(f.id))}
                  aria-invalid={whoError && i === 0 ? true : undefined} aria-describedby={whoError && i === 0 ? errId('who') : undefined} />
                {f.properties.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {options.children.length > 0 ? (
        <fieldset className="check-group">
          <legend>{o.childPlaces}</legend>
          <div className="outreach-checks">
            {options.children.map((f) => (
              <label key={String(f.id)} className="check">
                <input type="checkbox" checked={v.child_place_ids.includes(Number(f.id))} onChange={() => toggle('child_place_ids', Number(f.id))} />
                {f.properties.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {isFollowUp ? (
        <fieldset className="check-group">
          <legend>{o.followUp}</legend>
          <Field id={`${uid}-resp`} label={o.responsible} error={errs.responsible_actor_id}>
            <select value={v.responsible_actor_id} onChange={(e) => set('responsible_actor_id', e.target.value)}>
              <option value="">{o.none}</option>
              {options.contacts.map((f) => <option key={String(f.id)} value={String(f.id)}>{f.properties.name}</option>)}
            </select>
          </Field>
          <Field id={`${uid}-due`} label={o.dueDate} error={errs.due_date}>
            <input type="date" value={v.due_date} onChange={(e) => set('due_date', e.target.value)} />
          </Field>
          <Field id={`${uid}-status`} label={o.followUp} error={errs.follow_up_status}>
            <select value={v.follow_up_status} onChange={(e) => set('follow_up_status', e.target.value as FollowUpStatus | '')}>
              <option value="">{o.noFollowUpStatus}</option>
              {FOLLOW_UP_STATUSES.map((s) => <option key={s} value={s}>{o.followUpStatus[s]}</option>)}
            </select>
          </Field>
          <fieldset className="check-group location-group" aria-describedby={`${uid}-loc-hint${errs.location ? ` ${errId('location')}` : ''}`}>
            <legend>{o.location}</legend>
            <p id={`${uid}-loc-hint`} className="muted small">{picking ? o.pickingHint : o.locationHint}</p>
            <div className="location-buttons">
              <button type="button" ref={pickButton} className={`button button-small${picking ? ' button-primary' : ''}`} aria-pressed={picking}
                onClick={() => {
                  setPickMessage(picking ? '' : o.picking);
                  setPicking(!picking);
                  // On a phone the map sits above the list: bring it into view to click it.
                  const box = document.querySelector('.map-box');
                  if (!picking && box && box.getBoundingClientRect().bottom < 80) box.scrollIntoView({ block: 'start' });
                }}>
                {picking ? o.stopPicking : o.pickOnMap}
              </button>
              {v.lon || v.lat ? (
                <button type="button" className="button button-small button-quiet" onClick={() => { setV((cur) => ({ ...cur, lon: '', lat: '' })); setPickMessage(''); }}>
                  {o.clearLocation}
                </button>
              ) : null}
            </div>
            <p className="small pick-status" role="status" aria-live="polite">{pickMessage}</p>
            {errs.location ? <FieldErrorText id={errId('location')} text={errs.location} /> : null}
            <div className="location-inputs">
              {(['lat', 'lon'] as const).map((k) => (
                <label key={k} className="field">
                  <span>{o[k]}</span>
                  <input type="text" inputMode="decimal" value={v[k]} aria-invalid={errs.location ? true : undefined}
                    aria-describedby={errs.location ? errId('location') : undefined}
                    onChange={(e) => set(k, e.target.value)} onBlur={() => lonLat && flyTo(lonLat)} />
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>
      ) : null}
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? o.saving : o.save}</button>
        {onCancel ? <button type="button" className="button" onClick={onCancel}>{o.cancel}</button> : null}
      </div>
      {conflict.dialog}
    </form>
  );
}

function FieldErrorText({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true" className="field-error-mark">!</span> <span>{text}</span>
    </p>
  );
}
