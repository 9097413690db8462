import { CodeSelect } from '../forms/CodeSelect.js';
import type { ConflictField } from '../forms/ConflictDialog.js';
import { Field } from '../forms/Field.js';
import { TextField } from '../forms/TextField.js';
import { useI18n } from '../i18n/index.js';
import type { ChildPlace, ChildPlaceKind, SchoolStage, Unit } from '../lib/apiTypes.js';
import { CHILD_PLACE_KINDS } from '../lib/codes.js';
import { recordsApi, textsOf, textsOrNull } from './api.js';
import { NearUnitLocation } from './NearUnitLocation.js';
import { locationConflictField, pointAt, serverLabels, usePlacedForm } from './placed.js';
import { RecordFormFrame } from './RecordFormFrame.js';

/** The school stages in the order they are listed. */
export const SCHOOL_STAGES: readonly SchoolStage[] = ['F-3', '4-6', '7-9', 'gymnasium'];

/** The place's optional texts, in the form's order: empty in the form, null in the API. */
const TEXTS = ['operator', 'address', 'external_id', 'contact_name', 'contact_role', 'contact_phone', 'contact_email'] as const;
type TextKey = (typeof TEXTS)[number];

export type ChildValues = { name: string; kind: ChildPlaceKind | ''; stages: SchoolStage[]; location: [number, number] | null } & Record<TextKey, string>;

const EMPTY: ChildValues = { name: '', kind: '', stages: [], ...textsOf({}, TEXTS), location: null };

export function childValuesOf(c: ChildPlace): ChildValues {
  const p = c.properties;
  return { name: p.name, kind: p.kind, stages: [...p.stages], ...textsOf(p, TEXTS), location: [c.geometry.coordinates[0], c.geometry.coordinates[1]] };
}

function propertiesOf(v: ChildValues) {
  return {
    name: v.name.trim(),
    kind: v.kind as ChildPlaceKind,
    stages: v.kind === 'school' ? SCHOOL_STAGES.filter((s) => v.stages.includes(s)) : [],
    ...textsOrNull(v, TEXTS),
  };
}

/**
 * Creates or changes a school (with stages), preschool, leisure-time centre or
 * playground near a unit: every field, the external id, and the location with the
 * picker centred on the unit, with the unit shown and its distance read out.
 */
export function ChildPlaceForm({ unit, place, onSaved, onCancel }: { unit: Unit; place?: ChildPlace; onSaved: (c: ChildPlace, created: boolean) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const r = m.records;
  const textLabels: Record<TextKey, string> = {
    operator: r.operator, address: r.address, external_id: r.externalId, contact_name: r.contactName, contact_role: r.contactRole, contact_phone: r.contactPhone, contact_email: r.contactEmail,
  };
  const fields: ConflictField[] = [
    { key: 'name', label: r.childName },
    { key: 'kind', label: r.kind, format: (v) => (v ? m.childPlaceKind[v as ChildPlaceKind] : m.forms.conflict.empty) },
    { key: 'stages', label: r.stages, format: (v) => (Array.isArray(v) && v.length ? v.map((s) => m.stage[s as SchoolStage]).join(', ') : m.forms.conflict.empty) },
    ...TEXTS.map((key) => ({ key, label: textLabels[key] })),
    locationConflictField(r.childLocation, m.forms.conflict.empty),
  ];

  const f = usePlacedForm({
    record: place,
    empty: EMPTY,
    valuesOf: childValuesOf,
    propertiesOf,
    fields,
    create: (v) => recordsApi.createChildPlace({ type: 'Feature', geometry: v.location ? pointAt(v.location) : undefined, properties: propertiesOf(v) } as never),
    send: (id, version, body) => recordsApi.patchChildPlace(id, version, body as never),
    read: (id) => recordsApi.childPlace(id),
    onSaved,
    onCancel,
  });
  const { uid, values, set, err } = f;
  /** The text fields shown side by side, with their input types. */
  const pair: [key: Exclude<TextKey, 'external_id'>, type?: 'tel' | 'email'][] = [['operator'], ['address'], ['contact_name'], ['contact_role'], ['contact_phone', 'tel'], ['contact_email', 'email']];

  return (
    <RecordFormFrame form={f} title={place ? r.editChildPlaceTitle(place.properties.name) : r.newChildPlaceTitle} labels={serverLabels(fields)} submitLabel={r.save} onCancel={onCancel}>
      <TextField label={r.childName} {...f.text('name')} required />
      <Field id={`${uid}-kind`} label={r.kind} error={err('kind')}>
        <CodeSelect codes={CHILD_PLACE_KINDS} value={values.kind} labelOf={(k) => m.childPlaceKind[k]} onChange={(k) => set('kind', k)} empty={r.chooseKind} required />
      </Field>
      {values.kind === 'school' ? (
        <fieldset className="record-stages" aria-describedby={err('stages') ? `${uid}-stages-error` : undefined}>
          <legend>{r.stages}</legend>
          {SCHOOL_STAGES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={values.stages.includes(s)}
                onChange={(e) => set('stages', e.target.checked ? [...values.stages, s] : values.stages.filter((x) => x !== s))}
              />
              {m.stage[s]}
            </label>
          ))}
          {err('stages') ? (
            <p id={`${uid}-stages-error`} className="field-error">
              {err('stages')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <TextField label={r.externalId} hint={r.externalIdHint} {...f.text('external_id')} spellCheck={false} />
      <div className="record-form-pair">
        {pair.map(([key, type]) => (
          <TextField key={key} label={textLabels[key]} type={type} {...f.text(key)} />
        ))}
      </div>
      <NearUnitLocation unit={unit} label={r.childLocation} value={values.location} onChange={(lonLat) => set('location', lonLat)} error={f.errors.geometry} />
    </RecordFormFrame>
  );
}
