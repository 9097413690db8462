import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { CodeSelect } from '../../forms/CodeSelect.js';
import { Field, FormError, useFocusFirstInvalid } from '../../forms/Field.js';
import { isConflict, useConflict, type ConflictField } from '../../forms/ConflictDialog.js';
import { fieldErrors, isNotFound } from '../../forms/errors.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import type { Unit, UnitKind, UnitStatus } from '../../lib/apiTypes.js';
import { RINGS, UNIT_KINDS, UNIT_STATUSES } from '../../lib/codes.js';
import { GOTEBORG_VIEW } from '../../map/MapView.js';
import { formatBoth } from '../../placement/coords.js';
import { LocationPicker } from '../../placement/LocationPicker.js';
import { unitApi, type UnitCreateBody, type UnitPatchBody } from './unitApi.js';
import './unitEdit.css';

type Radii = { immediate: number; neighbourhood: number; area: number };
type Sensitivity = Unit['properties']['sensitivity'];

/** What the form edits, as the controls hold it (text for the number fields, so they can be empty). */
export interface UnitFormValues {
  name: string;
  kind: UnitKind | '';
  status: UnitStatus;
  places: string;
  operator: string;
  address: string;
  description: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  contact_hours: string;
  sensitivity: Sensitivity;
  radii: { immediate: string; neighbourhood: string; area: string };
  location: [number, number] | null;
}

const TEXT_FIELDS = ['operator', 'address', 'description', 'contact_name', 'contact_phone', 'contact_email', 'contact_hours'] as const;

/** The form's values for a unit as read (its own radii only when it has them). */
export function valuesOf(u: Unit): UnitFormValues {
  const p = u.properties;
  const r = p.radii_custom ? p.radii : null;
  return {
    name: p.name,
    kind: p.kind,
    status: p.status,
    places: String(p.places),
    operator: p.operator ?? '',
    address: p.address ?? '',
    description: p.description ?? '',
    contact_name: p.contact_name ?? '',
    contact_phone: p.contact_phone ?? '',
    contact_email: p.contact_email ?? '',
    contact_hours: p.contact_hours ?? '',
    sensitivity: p.sensitivity,
    radii: { immediate: r ? String(r.immediate) : '', neighbourhood: r ? String(r.neighbourhood) : '', area: r ? String(r.area) : '' },
    location: [u.geometry.coordinates[0]!, u.geometry.coordinates[1]!],
  };
}

const EMPTY: UnitFormValues = {
  name: '', kind: '', status: 'open', places: '', operator: '', address: '', description: '',
  contact_name: '', contact_phone: '', contact_email: '', contact_hours: '', sensitivity: 'public',
  radii: { immediate: '', neighbourhood: '', area: '' }, location: null,
};

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** The unit's own radii from the fields: null when all are empty (the global radii apply), a missing one filled from the global. */
function ownRadii(v: UnitFormValues, global: Radii | undefined): Radii | null {
  const r = { immediate: num(v.radii.immediate), neighbourhood: num(v.radii.neighbourhood), area: num(v.radii.area) };
  if (r.immediate === undefined && r.neighbourhood === undefined && r.area === undefined) return null;
  const g = global ?? { immediate: 250, neighbourhood: 500, area: 1000 };
  return { immediate: r.immediate ?? g.immediate, neighbourhood: r.neighbourhood ?? g.neighbourhood, area: r.area ?? g.area };
}

/** The rings to preview: the unit's own radii where typed and valid, else the global ones. */
function previewRadii(v: UnitFormValues, global: Radii | undefined): Radii | null {
  if (!global) return null;
  const pick = (s: string, g: number) => {
    const n = num(s);
    return n !== undefined && Number.isFinite(n) && n > 0 && n <= 5000 ? n : g;
  };
  return { immediate: pick(v.radii.immediate, global.immediate), neighbourhood: pick(v.radii.neighbourhood, global.neighbourhood), area: pick(v.radii.area, global.area) };
}

/** The writable properties the values stand for (the server judges them). */
function propertiesOf(v: UnitFormValues, global: Radii | undefined): NonNullable<UnitPatchBody['properties']> {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  const out: NonNullable<UnitPatchBody['properties']> = {
    name: v.name,
    status: v.status,
    sensitivity: v.sensitivity,
    radii: ownRadii(v, global),
  };
  if (v.kind) out.kind = v.kind;
  const places = num(v.places);
  out.places = places ?? 0;
  for (const k of TEXT_FIELDS) out[k] = text(v[k]);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates a unit (no `unit`) or changes one: every field, its location with the
 * LocationPicker (rings previewed live from the radii being typed), sensitivity
 * explained. The server judges the rules; its codes are shown at the fields in the
 * user's language. A stale version (412) opens the conflict dialog.
 */
export function UnitForm({ unit, onSaved, onCancel }: { unit?: Unit; onSaved: (u: Unit, how: 'created' | 'updated') => void; onCancel?: () => void }) {
  const { m, lang } = useI18n();
  const t = m.unitEdit;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const id = (k: string) => `${uid}-${k}`;
  const global = useAsync((signal) => api.zoneRadii(signal), []);
  const g = global.data ? { immediate: global.data.immediate, neighbourhood: global.data.neighbourhood, area: global.data.area } : undefined;
  const [base, setBase] = useState<UnitFormValues>(() => (unit ? valuesOf(unit) : EMPTY));
  const [version, setVersion] = useState(unit?.properties.version ?? 0);
  const [values, setValues] = useState<UnitFormValues>(base);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const conflict = useConflict<UnitFormValues>();
  useFocusFirstInvalid(form, error);

  const errors = useMemo(() => fieldErrors(error, m), [error, m]);
  const at = (...keys: string[]) => keys.map((k) => errors[k]).find(Boolean) ?? null;
  const set = <K extends keyof UnitFormValues>(k: K, v: UnitFormValues[K]) => setValues((s) => ({ ...s, [k]: v }));
  // Until the global radii load, an existing unit's own answer (its radii, global or not) draws the rings.
  const rings = previewRadii(values, g ?? unit?.properties.radii);

  const labels: Record<string, string> = {
    'properties.name': t.name, 'properties.kind': t.kind, 'properties.status': t.status, 'properties.places': t.places,
    'properties.operator': t.operator, 'properties.address': t.address, 'properties.description': t.description,
    'properties.contact_name': `${t.contact}: ${t.contactName}`, 'properties.contact_phone': `${t.contact}: ${t.contactPhone}`,
    'properties.contact_email': `${t.contact}: ${t.contactEmail}`, 'properties.contact_hours': `${t.contact}: ${t.contactHours}`,
    'properties.sensitivity': t.sensitivity, 'properties.radii': t.radii, geometry: t.location,
  };
  const conflictFields: ConflictField[] = [
    { key: 'name', label: t.name },
    { key: 'kind', label: t.kind, format: (v) => (v ? m.unitKind[v as UnitKind] : '') },
    { key: 'status', label: t.status, format: (v) => m.unitStatus[v as UnitStatus] },
    { key: 'places', label: t.places },
    ...TEXT_FIELDS.map((k) => ({ key: k, label: labels[`properties.${k}`]! })),
    { key: 'sensitivity', label: t.sensitivity, format: (v) => (v === 'restricted' ? t.sensitivityRestricted.split(':')[0]! : t.sensitivityPublic.split(':')[0]!) },
    ...RINGS.map((r) => ({ key: `radii.${r}`, label: `${t.radii}: ${m.ring[r]}` })),
    { key: 'location', label: t.conflictLocation, format: (v) => (Array.isArray(v) ? formatBoth(v as [number, number], lang).wgs84 : '') },
  ];

  const create = async (v: UnitFormValues) => {
    const properties = propertiesOf(v, g);
    const body = {
      type: 'Feature',
      ...(v.location ? { geometry: { type: 'Point', coordinates: v.location } } : {}),
      properties: { ...properties, radii: properties.radii ?? undefined },
    } as UnitCreateBody;
    const created = await unitApi.create(body);
    onSaved(created, 'created');
  };

  /** Sends what differs from `from` with `If-Match: ver`; on 412 asks the user and goes on as they choose. */
  const update = async (u: Unit, from: UnitFormValues, v: UnitFormValues, ver: number): Promise<void> => {
    const before = propertiesOf(from, g);
    const after = propertiesOf(v, g);
    const properties = Object.fromEntries(Object.entries(after).filter(([k, x]) => !same(x, before[k as keyof typeof before])));
    const moved = v.location && !same(v.location, from.location);
    if (!moved && Object.keys(properties).length === 0) {
      onSaved(u, 'updated');
      return;
    }
    const body: UnitPatchBody = { ...(moved ? { geometry: { type: 'Point', coordinates: v.location! } } : {}), ...(Object.keys(properties).length ? { properties } : {}) };
    try {
      onSaved(await unitApi.update(u.id, ver, body), 'updated');
    } catch (e) {
      if (!isConflict(e)) throw e;
      const current = await api.unit(u.id).catch((e2: unknown) => {
        if (isNotFound(e2)) return null;
        throw e2;
      });
      const theirs = current ? valuesOf(current) : null;
      const r = await conflict.open({ fields: conflictFields, base: from, mine: v, theirs, version: current?.properties.version });
      if (r.action === 'overwrite' && current && theirs) {
        setBase(theirs);
        setVersion(r.version);
        setValues(r.values);
        await update(current, theirs, r.values, r.version);
      } else if (r.action === 'discard' && current) {
        setBase(theirs!);
        setVersion(current.properties.version);
        setValues(theirs!);
        onSaved(current, 'updated');
      } else if (r.action === 'recreate') {
        await create(r.values);
      }
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (unit) await update(unit, base, values, version);
      else await create(values);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (k: (typeof TEXT_FIELDS)[number] | 'name', label: string, opts: { hint?: string; type?: string; autoComplete?: string } = {}) => (
    <Field id={id(k)} label={label} error={at(`properties.${k}`)} hint={opts.hint}>
      <input type={opts.type ?? 'text'} value={values[k]} autoComplete={opts.autoComplete ?? 'off'} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );

  const geometryError = at('geometry', 'geometry.coordinates');
  return (
    <form ref={form} className="unit-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <div className="unit-form-grid">
        <Field id={id('name')} className="unit-form-wide" label={<>{t.name} <span className="muted small">({t.required})</span></>} error={at('properties.name')}>
          <input type="text" value={values.name} autoComplete="off" aria-required="true" onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field id={id('kind')} label={<>{t.kind} <span className="muted small">({t.required})</span></>} error={at('properties.kind')}>
          <CodeSelect codes={UNIT_KINDS} value={values.kind} labelOf={(k) => m.unitKind[k]} onChange={(k) => set('kind', k)} empty="–" aria-required="true" />
        </Field>
        <Field id={id('status')} label={t.status} error={at('properties.status')}>
          <CodeSelect codes={UNIT_STATUSES} value={values.status} labelOf={(s) => m.unitStatus[s]} onChange={(s) => set('status', s as UnitStatus)} />
        </Field>
        <Field id={id('places')} label={t.places} error={at('properties.places')}>
          <input type="number" inputMode="numeric" min={0} step={1} value={values.places} onChange={(e) => set('places', e.target.value)} />
        </Field>
        {text('operator', t.operator)}
        {text('address', t.address, { autoComplete: 'street-address' })}
      </div>
      <Field id={id('description')} label={t.description} error={at('properties.description')} hint={t.descriptionHint}>
        <textarea rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
      </Field>

      <fieldset className="unit-form-group">
        <legend>{t.contact}</legend>
        <p className="muted small">{t.contactIntro}</p>
        <div className="unit-form-grid">
          {text('contact_name', t.contactName)}
          {text('contact_phone', t.contactPhone, { type: 'tel' })}
          {text('contact_email', t.contactEmail, { type: 'email' })}
          {text('contact_hours', t.contactHours, { hint: t.contactHoursHint })}
        </div>
      </fieldset>

      <fieldset className="unit-form-group" aria-describedby={at('properties.sensitivity') ? id('sensitivity-error') : undefined}>
        <legend>{t.sensitivity}</legend>
        {(['public', 'restricted'] as const).map((s) => (
          <label key={s} className="unit-form-radio">
            <input type="radio" name={id('sensitivity')} value={s} checked={values.sensitivity === s} onChange={() => set('sensitivity', s)} />
            <span>{s === 'public' ? t.sensitivityPublic : t.sensitivityRestricted}</span>
          </label>
        ))}
        {at('properties.sensitivity') ? (
          <p id={id('sensitivity-error')} className="field-error">
            {at('properties.sensitivity')}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="unit-form-group">
        <legend>{t.radii}</legend>
        <p className="muted small" id={id('radii-hint')}>
          {g ? t.radiiHint(g.immediate, g.neighbourhood, g.area) : null}
        </p>
        <div className="unit-form-radii">
          {RINGS.map((r) => (
            <Field key={r} id={id(`radius-${r}`)} label={m.ring[r]} error={at(`properties.radii.${r}`)}>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={5000}
                step={1}
                placeholder={g ? String(g[r]) : undefined}
                value={values.radii[r]}
                aria-describedby={id('radii-hint')}
                onChange={(e) => set('radii', { ...values.radii, [r]: e.target.value })}
              />
            </Field>
          ))}
        </div>
        {at('properties.radii') ? <p className="field-error">{at('properties.radii')}</p> : null}
      </fieldset>

      <LocationPicker
        label={t.location}
        value={values.location}
        onChange={(p) => set('location', p)}
        rings={rings}
        center={GOTEBORG_VIEW.center}
        errorId={geometryError ? id('geometry-error') : undefined}
      />
      {geometryError ? (
        <p id={id('geometry-error')} className="field-error unit-form-geometry-error">
          {values.location ? `${t.location}: ${geometryError}` : t.locationMissing}
        </p>
      ) : null}

      <FormError error={error} labels={labels} />
      <div className="button-row unit-form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.saving : unit ? t.save : t.create}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t.cancel}
          </button>
        ) : null}
      </div>
      {conflict.dialog}
    </form>
  );
}
