import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useConflict, type ConflictField } from '../forms/ConflictDialog.js';
import { fieldErrors, isConflict, isNotFound } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import type { ChildPlace, ChildPlaceKind, SchoolStage, Unit } from '../lib/apiTypes.js';
import { CHILD_PLACE_KINDS } from '../lib/codes.js';
import { LocationPicker } from '../placement/LocationPicker.js';
import { changedKeys, recordsApi, textOrNull } from './api.js';
import './records.css';

/** The school stages in the order they are listed. */
export const SCHOOL_STAGES: readonly SchoolStage[] = ['F-3', '4-6', '7-9', 'gymnasium'];

export interface ChildValues {
  name: string;
  kind: ChildPlaceKind | '';
  stages: SchoolStage[];
  operator: string;
  address: string;
  external_id: string;
  contact_name: string;
  contact_role: string;
  contact_phone: string;
  contact_email: string;
  location: [number, number] | null;
}

const EMPTY: ChildValues = {
  name: '', kind: '', stages: [], operator: '', address: '', external_id: '', contact_name: '', contact_role: '', contact_phone: '', contact_email: '', location: null,
};

export function childValuesOf(c: ChildPlace): ChildValues {
  const p = c.properties;
  return {
    name: p.name, kind: p.kind, stages: [...p.stages], operator: p.operator ?? '', address: p.address ?? '', external_id: p.external_id ?? '',
    contact_name: p.contact_name ?? '', contact_role: p.contact_role ?? '', contact_phone: p.contact_phone ?? '', contact_email: p.contact_email ?? '',
    location: [c.geometry.coordinates[0], c.geometry.coordinates[1]],
  };
}

function propertiesOf(v: ChildValues) {
  return {
    name: v.name.trim(),
    kind: v.kind as ChildPlaceKind,
    stages: v.kind === 'school' ? SCHOOL_STAGES.filter((s) => v.stages.includes(s)) : [],
    operator: textOrNull(v.operator),
    address: textOrNull(v.address),
    external_id: textOrNull(v.external_id),
    contact_name: textOrNull(v.contact_name),
    contact_role: textOrNull(v.contact_role),
    contact_phone: textOrNull(v.contact_phone),
    contact_email: textOrNull(v.contact_email),
  };
}

const point = (lonLat: [number, number]) => ({ type: 'Point' as const, coordinates: lonLat });

/**
 * Creates or changes a school (with stages), preschool, leisure-time centre or
 * playground near a unit: every field, the external id, and the location with the
 * picker centred on the unit, with the unit shown and its distance read out.
 */
export function ChildPlaceForm({ unit, place, onSaved, onCancel }: { unit: Unit; place?: ChildPlace; onSaved: (c: ChildPlace, created: boolean) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const r = m.records;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [base, setBase] = useState<ChildValues>(place ? childValuesOf(place) : EMPTY);
  const [version, setVersion] = useState(place?.properties.version ?? 0);
  const [values, setValues] = useState<ChildValues>(base);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflict = useConflict<ChildValues>();
  useFocusFirstInvalid(formRef, error);
  useEffect(() => headingRef.current?.focus(), []);

  const errors = fieldErrors(error, m);
  const err = (key: string) => errors[`properties.${key}`];
  const set = <K extends keyof ChildValues>(key: K, v: ChildValues[K]) => setValues((s) => ({ ...s, [key]: v }));
  const unitPoint = useMemo(
    () => [{ type: 'Feature' as const, id: unit.id, geometry: { type: 'Point' as const, coordinates: unit.geometry.coordinates }, properties: { name: unit.properties.name } }],
    [unit],
  );
  const labels: Record<string, string> = {
    'properties.name': r.childName, 'properties.kind': r.kind, 'properties.stages': r.stages, 'properties.operator': r.operator, 'properties.address': r.address,
    'properties.external_id': r.externalId, 'properties.contact_name': r.contactName, 'properties.contact_role': r.contactRole,
    'properties.contact_phone': r.contactPhone, 'properties.contact_email': r.contactEmail, geometry: r.childLocation,
  };
  const fields: ConflictField[] = [
    { key: 'name', label: r.childName },
    { key: 'kind', label: r.kind, format: (v) => (v ? m.childPlaceKind[v as ChildPlaceKind] : m.forms.conflict.empty) },
    { key: 'stages', label: r.stages, format: (v) => (Array.isArray(v) && v.length ? v.map((s) => m.stage[s as SchoolStage]).join(', ') : m.forms.conflict.empty) },
    { key: 'operator', label: r.operator },
    { key: 'address', label: r.address },
    { key: 'external_id', label: r.externalId },
    { key: 'contact_name', label: r.contactName },
    { key: 'contact_role', label: r.contactRole },
    { key: 'contact_phone', label: r.contactPhone },
    { key: 'contact_email', label: r.contactEmail },
    { key: 'location', label: r.childLocation, format: (v) => (Array.isArray(v) ? `${(v[1] as number).toFixed(6)}, ${(v[0] as number).toFixed(6)}` : m.forms.conflict.empty) },
  ];

  const create = (v: ChildValues) =>
    recordsApi.createChildPlace({ type: 'Feature', geometry: v.location ? point(v.location) : undefined, properties: propertiesOf(v) } as never);
  const patch = async (id: number, from: ChildValues, v: ChildValues, ver: number) => {
    const props = changedKeys(propertiesOf(from), propertiesOf(v));
    const moved = JSON.stringify(from.location) !== JSON.stringify(v.location) && v.location;
    if (!moved && Object.keys(props).length === 0) return null;
    return recordsApi.patchChildPlace(id, ver, { ...(Object.keys(props).length ? { properties: props } : {}), ...(moved ? { geometry: point(v.location!) } : {}) } as never);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!place) {
        onSaved(await create(values), true);
        return;
      }
      try {
        const saved = await patch(place.id, base, values, version);
        if (saved) onSaved(saved, false);
        else onCancel();
      } catch (e2) {
        if (!isConflict(e2) && !isNotFound(e2)) throw e2;
        let current: ChildPlace | null = null;
        try {
          current = await recordsApi.childPlace(place.id);
        } catch (e3) {
          if (!isNotFound(e3)) throw e3;
        }
        const theirs = current ? childValuesOf(current) : null;
        const choice = await conflict.open({ fields, base, mine: values, theirs, version: current?.properties.version });
        if (choice.action === 'overwrite' && current && theirs) onSaved((await patch(place.id, theirs, choice.values, choice.version)) ?? current, false);
        else if (choice.action === 'recreate') onSaved(await create(choice.values), true);
        else if (choice.action === 'discard') {
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
  return (
    <form ref={formRef} className="record-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
        {place ? r.editChildPlaceTitle(place.properties.name) : r.newChildPlaceTitle}
      </h3>
      <FormError error={error} labels={labels} />
      <Field id={`${uid}-name`} label={r.childName} error={err('name')}>
        <input type="text" value={values.name} onChange={(e) => set('name', e.target.value)} required />
      </Field>
      <Field id={`${uid}-kind`} label={r.kind} error={err('kind')}>
        <select value={values.kind} onChange={(e) => set('kind', e.target.value as ChildPlaceKind)} required>
          <option value="">{r.chooseKind}</option>
          {CHILD_PLACE_KINDS.map((k) => (
            <option key={k} value={k}>
              {m.childPlaceKind[k]}
            </option>
          ))}
        </select>
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
      <Field id={`${uid}-ext`} label={r.externalId} hint={r.externalIdHint} error={err('external_id')}>
        <input type="text" value={values.external_id} onChange={(e) => set('external_id', e.target.value)} spellCheck={false} />
      </Field>
      <div className="record-form-pair">
        <Field id={`${uid}-op`} label={r.operator} error={err('operator')}>
          <input type="text" value={values.operator} onChange={(e) => set('operator', e.target.value)} />
        </Field>
        <Field id={`${uid}-address`} label={r.address} error={err('address')}>
          <input type="text" value={values.address} onChange={(e) => set('address', e.target.value)} />
        </Field>
        <Field id={`${uid}-cname`} label={r.contactName} error={err('contact_name')}>
          <input type="text" value={values.contact_name} onChange={(e) => set('contact_name', e.target.value)} />
        </Field>
        <Field id={`${uid}-crole`} label={r.contactRole} error={err('contact_role')}>
          <input type="text" value={values.contact_role} onChange={(e) => set('contact_role', e.target.value)} />
        </Field>
        <Field id={`${uid}-cphone`} label={r.contactPhone} error={err('contact_phone')}>
          <input type="tel" value={values.contact_phone} onChange={(e) => set('contact_phone', e.target.value)} />
        </Field>
        <Field id={`${uid}-cemail`} label={r.contactEmail} error={err('contact_email')}>
          <input type="email" value={values.contact_email} onChange={(e) => set('contact_email', e.target.value)} />
        </Field>
      </div>
      <LocationPicker
        label={r.childLocation}
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
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? r.saving : r.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {r.cancel}
        </button>
      </div>
      {conflict.dialog}
    </form>
  );
}
