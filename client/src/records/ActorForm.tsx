import { useRef, useState } from 'react';
import { CodeSelect } from '../forms/CodeSelect.js';
import type { ConflictField } from '../forms/ConflictDialog.js';
import { Field } from '../forms/Field.js';
import { TextField } from '../forms/TextField.js';
import { useI18n } from '../i18n/index.js';
import type { ActorCategory, Unit } from '../lib/apiTypes.js';
import { ACTOR_CATEGORIES } from '../lib/codes.js';
import { recordsApi, textOrNull, textsOf, textsOrNull, type ActorRecord } from './api.js';
import { NearUnitLocation } from './NearUnitLocation.js';
import { PersonFields } from './PersonFields.js';
import { locationConflictField, pointAt, serverLabels, usePlacedForm } from './placed.js';
import { RecordFormFrame } from './RecordFormFrame.js';

/** The actor's optional texts, in the form's order: empty in the form, null in the API. */
const TEXTS = ['organisation', 'contact_about', 'address', 'phone', 'email', 'website'] as const;

/** What the actor form edits, flat, as the conflict dialog compares it. */
export type ActorValues = { name: string; category: ActorCategory | ''; location: [number, number] | null } & Record<(typeof TEXTS)[number], string>;

interface PersonDraft {
  key: number;
  name: string;
  role: string;
  phone: string;
  email: string;
}

const EMPTY: ActorValues = { name: '', category: '', ...textsOf({}, TEXTS), location: null };

/** The form's values of a stored actor. */
export function valuesOf(a: ActorRecord): ActorValues {
  const p = a.properties;
  return { name: p.name, category: p.category, ...textsOf(p, TEXTS), location: [a.geometry.coordinates[0], a.geometry.coordinates[1]] };
}

/** The properties as the API takes them (empty text as null). */
function propertiesOf(v: ActorValues) {
  return { name: v.name.trim(), category: v.category as ActorCategory, ...textsOrNull(v, TEXTS) };
}

/**
 * Creates an actor near a unit (with its first contact persons) or changes one: every
 * field, and the location with the picker centred on the unit. A 412 or a removal
 * meanwhile opens the conflict dialog; server refusals are shown at their fields.
 */
export function ActorForm({ unit, actor, onSaved, onCancel }: { unit: Unit; actor?: ActorRecord; onSaved: (a: ActorRecord, created: boolean) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const r = m.records;
  const [persons, setPersons] = useState<PersonDraft[]>([]);
  const nextKey = useRef(1);

  const textLabels: Record<(typeof TEXTS)[number], string> = { organisation: r.organisation, contact_about: r.contactAbout, address: r.address, phone: r.orgPhone, email: r.orgEmail, website: r.website };
  const fields: ConflictField[] = [
    { key: 'name', label: r.actorName },
    { key: 'category', label: r.category, format: (v) => (v ? m.actorCategory[v as ActorCategory] : m.forms.conflict.empty) },
    ...TEXTS.map((key) => ({ key, label: textLabels[key] })),
    locationConflictField(r.actorLocation, m.forms.conflict.empty),
  ];

  const create = async (v: ActorValues) => {
    const contact_persons = persons
      .filter((p) => p.name.trim() || p.role.trim() || p.phone.trim() || p.email.trim())
      .map((p) => ({ name: p.name.trim(), role: textOrNull(p.role), phone: textOrNull(p.phone), email: textOrNull(p.email) }));
    const body = { type: 'Feature' as const, geometry: v.location ? pointAt(v.location) : undefined, properties: { ...propertiesOf(v), contact_persons } };
    return recordsApi.createActor(body as never);
  };

  const f = usePlacedForm({
    record: actor,
    empty: EMPTY,
    valuesOf,
    propertiesOf,
    fields,
    create,
    send: (id, version, body) => recordsApi.patchActor(id, version, body as never),
    read: (id) => recordsApi.actor(id),
    onSaved,
    onCancel,
  });
  const { uid, values, set } = f;

  return (
    <RecordFormFrame form={f} title={actor ? r.editActorTitle(actor.properties.name) : r.newActorTitle} labels={serverLabels(fields)} submitLabel={actor ? r.save : r.create} onCancel={onCancel}>
      <TextField label={r.actorName} {...f.text('name')} required autoComplete="organization" />
      <Field id={`${uid}-category`} label={r.category} error={f.err('category')}>
        <CodeSelect codes={ACTOR_CATEGORIES} value={values.category} labelOf={(c) => m.actorCategory[c]} onChange={(c) => set('category', c)} empty={r.chooseCategory} required />
      </Field>
      <TextField label={r.organisation} {...f.text('organisation')} />
      <Field id={`${uid}-about`} label={r.contactAbout} hint={r.contactAboutHint} error={f.err('contact_about')}>
        <textarea rows={2} value={values.contact_about} onChange={(e) => set('contact_about', e.target.value)} />
      </Field>
      <TextField label={r.address} {...f.text('address')} autoComplete="street-address" />
      <div className="record-form-pair">
        <TextField label={r.orgPhone} {...f.text('phone')} type="tel" />
        <TextField label={r.orgEmail} {...f.text('email')} type="email" />
      </div>
      <TextField label={r.website} {...f.text('website')} inputMode="url" />
      <NearUnitLocation unit={unit} label={r.actorLocation} value={values.location} onChange={(lonLat) => set('location', lonLat)} error={f.errors.geometry} />
      {actor ? null : (
        <fieldset className="record-persons">
          <legend>{r.firstPersons}</legend>
          <p className="muted small">{r.firstPersonsHint}</p>
          {persons.map((p, i) => (
            <fieldset key={p.key} className="record-person-row">
              <legend>{r.personRow(i + 1)}</legend>
              <PersonFields
                idOf={(k) => `${uid}-p${p.key}-${k}`}
                values={p}
                onChange={(k, v) => setPersons((list) => list.map((q) => (q.key === p.key ? { ...q, [k]: v } : q)))}
                errorOf={(k) => f.errors[`properties.contact_persons.${i}.${k}`]}
              />
              <button type="button" className="button button-small button-quiet" onClick={() => setPersons((list) => list.filter((q) => q.key !== p.key))}>
                {r.removePersonRow(i + 1)}
              </button>
            </fieldset>
          ))}
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
    </RecordFormFrame>
  );
}
