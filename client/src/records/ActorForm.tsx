import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useConflict, type ConflictField } from '../forms/ConflictDialog.js';
import { fieldErrors, isConflict, isNotFound } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import type { ActorCategory, Unit } from '../lib/apiTypes.js';
import { ACTOR_CATEGORIES } from '../lib/codes.js';
import { LocationPicker } from '../placement/LocationPicker.js';
import { changedKeys, recordsApi, textOrNull, type ActorRecord } from './api.js';
import './records.css';

/** What the actor form edits, flat, as the conflict dialog compares it. */
export interface ActorValues {
  name: string;
  category: ActorCategory | '';
  organisation: string;
  contact_about: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  location: [number, number] | null;
}

interface PersonDraft {
  key: number;
  name: string;
  role: string;
  phone: string;
  email: string;
}

const EMPTY: ActorValues = { name: '', category: '', organisation: '', contact_about: '', address: '', phone: '', email: '', website: '', location: null };

/** The form's values of a stored actor. */
export function valuesOf(a: ActorRecord): ActorValues {
  const p = a.properties;
  return {
    name: p.name, category: p.category, organisation: p.organisation ?? '', contact_about: p.contact_about ?? '', address: p.address ?? '',
    phone: p.phone ?? '', email: p.email ?? '', website: p.website ?? '', location: [a.geometry.coordinates[0], a.geometry.coordinates[1]],
  };
}

/** The properties as the API takes them (empty text as null). */
function propertiesOf(v: ActorValues) {
  return {
    name: v.name.trim(),
    category: v.category as ActorCategory,
    organisation: textOrNull(v.organisation),
    contact_about: textOrNull(v.contact_about),
    address: textOrNull(v.address),
    phone: textOrNull(v.phone),
    email: textOrNull(v.email),
    website: textOrNull(v.website),
  };
}

const point = (lonLat: [number, number]) => ({ type: 'Point' as const, coordinates: lonLat });

/**
 * Creates an actor near a unit (with its first contact persons) or changes one: every
 * field, and the location with the picker centred on the unit. A 412 or a removal
 * meanwhile opens the conflict dialog; server refusals are shown at their fields.
 */
export function ActorForm({ unit, actor, onSaved, onCancel }: { unit: Unit; actor?: ActorRecord; onSaved: (a: ActorRecord, created: boolean) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const r = m.records;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [base, setBase] = useState<ActorValues>(actor ? valuesOf(actor) : EMPTY);
  const [version, setVersion] = useState(actor?.properties.version ?? 0);
  const [values, setValues] = useState<ActorValues>(base);
  const [persons, setPersons] = useState<PersonDraft[]>([]);
  const nextKey = useRef(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflict = useConflict<ActorValues>();
  useFocusFirstInvalid(formRef, error);
  useEffect(() => headingRef.current?.focus(), []);

  const errors = fieldErrors(error, m);
  const err = (key: string) => errors[`properties.${key}`];
  const set = <K extends keyof ActorValues>(key: K, v: ActorValues[K]) => setValues((s) => ({ ...s, [key]: v }));

  const unitPoint = useMemo(
    () => [{ type: 'Feature' as const, id: unit.id, geometry: { type: 'Point' as const, coordinates: unit.geometry.coordinates }, properties: { name: unit.properties.name } }],
    [unit],
  );
  const labels: Record<string, string> = {
    'properties.name': r.actorName, 'properties.category': r.category, 'properties.organisation': r.organisation, 'properties.contact_about': r.contactAbout,
    'properties.address': r.address, 'properties.phone': r.orgPhone, 'properties.email': r.orgEmail, 'properties.website': r.website, geometry: r.actorLocation,
  };
  const fields: ConflictField[] = [
    { key: 'name', label: r.actorName },
    { key: 'category', label: r.category, format: (v) => (v ? m.actorCategory[v as ActorCategory] : m.forms.conflict.empty) },
    { key: 'organisation', label: r.organisation },
    { key: 'contact_about', label: r.contactAbout },
    { key: 'address', label: r.address },
    { key: 'phone', label: r.orgPhone },
    { key: 'email', label: r.orgEmail },
    { key: 'website', label: r.website },
    { key: 'location', label: r.actorLocation, format: (v) => (Array.isArray(v) ? `${(v[1] as number).toFixed(6)}, ${(v[0] as number).toFixed(6)}` : m.forms.conflict.empty) },
  ];

  const create = async (v: ActorValues) => {
    const contact_persons = persons
      .filter((p) => p.name.trim() || p.role.trim() || p.phone.trim() || p.email.trim())
      .map((p) => ({ name: p.name.trim(), role: textOrNull(p.role), phone: textOrNull(p.phone), email: textOrNull(p.email) }));
    const body = { type: 'Feature' as const, geometry: v.location ? point(v.location) : undefined, properties: { ...propertiesOf(v), contact_persons } };
    return recordsApi.createActor(body as never);
  };

  const patch = async (id: number, from: ActorValues, v: ActorValues, ver: number) => {
    const props = changedKeys(propertiesOf(from), propertiesOf(v));
    const moved = JSON.stringify(from.location) !== JSON.stringify(v.location) && v.location;
    if (!moved && Object.keys(props).length === 0) return null;
    return recordsApi.patchActor(id, ver, { ...(Object.keys(props).length ? { properties: props } : {}), ...(moved ? { geometry: point(v.location!) } : {}) } as never);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!actor) {
        onSaved(await create(values), true);
        return;
      }
      try {
        const saved = await patch(actor.id, base, values, version);
        if (saved) onSaved(saved, false);
        else onCancel();
      } catch (e2) {
        if (!isConflict(e2) && !isNotFound(e2)) throw e2;
        let current: ActorRecord | null = null;
        try {
          current = await recordsApi.actor(actor.id);
        } catch (e3) {
          if (!isNotFound(e3)) throw e3;
        }
        const theirs = current ? valuesOf(current) : null;
        const choice = await conflict.open({ fields, base, mine: values, theirs, version: current?.properties.version });
        if (choice.action === 'overwrite' && current && theirs) {
          const saved = await patch(actor.id, theirs, choice.values, choice.version);
          onSaved(saved ?? current, false);
        } else if (choice.action === 'recreate') {
          onSaved(await create(choice.values), true);
        } else if (choice.action === 'discard') {
          if (current && theirs) {
            setBase(theirs);
            setValues(theirs);
            setVersion(current.properties.version);
          } else onCancel();
        }
      }
    } catch (e3) {
      setError(e3);
    } finally {
      setBusy(false);
    }
  };

  const geometryError = errors.geometry ? (values.location ? errors.geometry : r.locationMissing) : undefined;
  const title = actor ? r.editActorTitle(actor.properties.name) : r.newActorTitle;
  return (
    <form ref={formRef} className="record-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <FormError error={error} labels={labels} />
      <Field id={`${uid}-name`} label={r.actorName} error={err('name')}>
        <input type="text" value={values.name} onChange={(e) => set('name', e.target.value)} required autoComplete="organization" />
      </Field>
      <Field id={`${uid}-category`} label={r.category} error={err('category')}>
        <select value={values.category} onChange={(e) => set('category', e.target.value as ActorCategory)} required>
          <option value="">{r.chooseCategory}</option>
          {ACTOR_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {m.actorCategory[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${uid}-org`} label={r.organisation} error={err('organisation')}>
        <input type="text" value={values.organisation} onChange={(e) => set('organisation', e.target.value)} />
      </Field>
      <Field id={`${uid}-about`} label={r.contactAbout} hint={r.contactAboutHint} error={err('contact_about')}>
        <textarea rows={2} value={values.contact_about} onChange={(e) => set('contact_about', e.target.value)} />
      </Field>
      <Field id={`${uid}-address`} label={r.address} error={err('address')}>
        <input type="text" value={values.address} onChange={(e) => set('address', e.target.value)} autoComplete="street-address" />
      </Field>
      <div className="record-form-pair">
        <Field id={`${uid}-phone`} label={r.orgPhone} error={err('phone')}>
          <input type="tel" value={values.phone} onChange={(e) => set('phone', e.target.value)} />
        </Field>
        <Field id={`${uid}-email`} label={r.orgEmail} error={err('email')}>
          <input type="email" value={values.email} onChange={(e) => set('email', e.target.value)} />
        </Field>
      </div>
      <Field id={`${uid}-web`} label={r.website} error={err('website')}>
        <input type="text" inputMode="url" value={values.website} onChange={(e) => set('website', e.target.value)} />
      </Field>
      <LocationPicker
        label={r.actorLocation}
        value={values.location}
        onChange={(lonLat) => set('location', lonLat)}
        center={[unit.geometry.coordinates[0], unit.geometry.coordinates[1]]}
        context={unitPoint}
        errorId={geometryError ? `${uid}-geometry-error` : undefined}
      />
      {geometryError ? (
        <p id={`${uid}-geometry-error`} className="field-error">
          {geometryError}
        </p>
      ) : null}
      {actor ? null : (
        <fieldset className="record-persons">
          <legend>{r.firstPersons}</legend>
          <p className="muted small">{r.firstPersonsHint}</p>
          {persons.map((p, i) => {
            const perr = (k: string) => errors[`properties.contact_persons.${i}.${k}`];
            const setP = (k: keyof Omit<PersonDraft, 'key'>, v: string) => setPersons((list) => list.map((q) => (q.key === p.key ? { ...q, [k]: v } : q)));
            return (
              <fieldset key={p.key} className="record-person-row">
                <legend>{r.personRow(i + 1)}</legend>
                <div className="record-form-pair">
                  <Field id={`${uid}-p${p.key}-name`} label={r.personName} error={perr('name')}>
                    <input type="text" value={p.name} onChange={(e) => setP('name', e.target.value)} />
                  </Field>
                  <Field id={`${uid}-p${p.key}-role`} label={r.personRole} error={perr('role')}>
                    <input type="text" value={p.role} onChange={(e) => setP('role', e.target.value)} />
                  </Field>
                  <Field id={`${uid}-p${p.key}-phone`} label={r.personPhone} error={perr('phone')}>
                    <input type="tel" value={p.phone} onChange={(e) => setP('phone', e.target.value)} />
                  </Field>
                  <Field id={`${uid}-p${p.key}-email`} label={r.personEmail} error={perr('email')}>
                    <input type="email" value={p.email} onChange={(e) => setP('email', e.target.value)} />
                  </Field>
                </div>
                <button type="button" className="button button-small button-quiet" onClick={() => setPersons((list) => list.filter((q) => q.key !== p.key))}>
                  {r.removePersonRow(i + 1)}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              const key = nextKey.current++;
              setPersons((list) => [...list, { key, name: '', role: '', phone: '', email: '' }]);
              requestAnimationFrame(() => document.getElementById(`${uid}-p${key}-name`)?.focus());
            }}
          >
            {r.addPersonRow}
          </button>
        </fieldset>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? r.saving : actor ? r.save : r.create}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {r.cancel}
        </button>
      </div>
      {conflict.dialog}
    </form>
  );
}
