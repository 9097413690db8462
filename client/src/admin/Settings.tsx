import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { fieldErrors } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { RINGS } from '../lib/codes.js';
import { formatNumber } from '../lib/format.js';
import { adminApi, type WalkingSettingsT } from './adminApi.js';
import { secondFactorApi, type RequiredFor } from './secondFactorApi.js';
import { RoleMappingsForm } from './RoleMappings.js';

/**
 * A number field's text as a number, a decimal comma read as a point. Empty or not a
 * number is NaN, which JSON sends as null, so the server names the field and says it
 * wants a number (the one place the rule and its wording live).
 */
const numberOf = (text: string): number => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));

/** The settings every unit shares: the global zone radii and the walking settings. */
export function Settings() {
  const t = useI18n().m.admin;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t.settingsTitle}</h2>
      <p>{t.settingsIntro}</p>
      <RadiiForm />
      <WalkingForm />
      <SecondFactorForm />
      <RoleMappingsForm />
    </section>
  );
}

/** Loads a setting's values as form texts, saves them, and tells the outcome at the form. */
function useSettingForm<T extends Record<string, string>>(load: () => Promise<T>, save: (values: T) => Promise<T>) {
  const [values, setValues] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  const t = useI18n().m.admin;
  useEffect(() => void load().then(setValues, setError), [load]);
  useFocusFirstInvalid(ref, error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values) return;
    setError(null);
    setStatus('');
    try {
      setValues(await save(values));
      setStatus(t.saved);
    } catch (err) {
      setError(err);
    }
  };
  const set = (key: keyof T) => (e: { target: { value: string } }) => setValues((v) => v && { ...v, [key]: e.target.value });
  return { values, error, status, ref, submit, set };
}

const loadRadii = () => adminApi.zoneRadii().then((r) => ({ immediate: String(r.immediate), neighbourhood: String(r.neighbourhood), area: String(r.area) }));
const saveRadii = (v: Record<(typeof RINGS)[number], string>) =>
  adminApi.setZoneRadii({ immediate: numberOf(v.immediate), neighbourhood: numberOf(v.neighbourhood), area: numberOf(v.area) })
    .then((r) => ({ immediate: String(r.immediate), neighbourhood: String(r.neighbourhood), area: String(r.area) }));

function RadiiForm() {
  const { m } = useI18n();
  const t = m.admin;
  const f = useSettingForm(loadRadii, saveRadii);
  const errs = fieldErrors(f.error, m);
  return (
    <form ref={f.ref} className="admin-form" onSubmit={f.submit} noValidate aria-labelledby="radii-title">
      <h3 id="radii-title">{t.radiiTitle}</h3>
      <p className="field-hint admin-form-note">{t.radiiIntro}</p>
      <FormError error={f.error} id="radii-error" />
      {f.values && RINGS.map((ring) => (
        <Field key={ring} id={`radius-${ring}`} label={t.radiusOf(m.ring[ring])} error={errs[ring]}>
          <input type="number" inputMode="numeric" min={10} max={5000} step={1} value={f.values![ring]} onChange={f.set(ring)} />
        </Field>
      ))}
      <button type="submit" className="button" disabled={!f.values}>{t.saveRadii}</button>
      <p role="status" aria-live="polite" className="admin-form-note">{f.status}</p>
    </form>
  );
}

type WalkingTexts = { walking_speed_kmh: string; information_distance: string };
/** The walking settings as form texts, the speed with the language's decimal sign (3,5 in Swedish). */
const walkingTexts = (decimal: string) => (w: WalkingSettingsT): WalkingTexts =>
  ({ walking_speed_kmh: String(w.walking_speed_kmh).replace('.', decimal), information_distance: w.information_distance });

function WalkingForm() {
  const { m } = useI18n();
  const t = m.admin;
  const decimal = formatNumber(m.locale, 1.5, 1).charAt(1);
  const load = useCallback(() => adminApi.walking().then(walkingTexts(decimal)), [decimal]);
  const save = useCallback((v: WalkingTexts) => adminApi.setWalking({
    walking_speed_kmh: numberOf(v.walking_speed_kmh), information_distance: v.information_distance as WalkingSettingsT['information_distance'],
  }).then(walkingTexts(decimal)), [decimal]);
  const f = useSettingForm(load, save);
  const errs = fieldErrors(f.error, m);
  return (
    <form ref={f.ref} className="admin-form" onSubmit={f.submit} noValidate aria-labelledby="walking-title">
      <h3 id="walking-title">{t.walkingTitle}</h3>
      <FormError error={f.error} id="walking-error" />
      {f.values && (
        <>
          <Field id="walking-speed" label={t.walkingSpeed} hint={t.walkingSpeedHint} error={errs.walking_speed_kmh}>
            {/* text, not number: a Swedish decimal comma (3,5) is typed as it is written */}
            <input type="text" inputMode="decimal" autoComplete="off" value={f.values.walking_speed_kmh} onChange={f.set('walking_speed_kmh')} />
          </Field>
          <fieldset className="admin-fieldset">
            <legend>{t.informationDistance}</legend>
            {(['straight', 'walking'] as const).map((d) => (
              <label key={d} className="admin-radio">
                <input type="radio" name="information_distance" value={d} checked={f.values!.information_distance === d} onChange={f.set('information_distance')} />
                {t.informationDistanceOf[d]}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <button type="submit" className="button" disabled={!f.values}>{t.saveWalking}</button>
      <p role="status" aria-live="polite" className="admin-form-note">{f.status}</p>
    </form>
  );
}

type SecondFactorTexts = { required_for: RequiredFor };
const loadSecondFactor = () => secondFactorApi.setting().then(({ required_for }) => ({ required_for }));
const saveSecondFactor = (v: SecondFactorTexts) => secondFactorApi.setSetting(v.required_for).then(({ required_for }) => ({ required_for }));

/** Who must have a second factor: an editor or administrator without one can then only set one up. */
function SecondFactorForm() {
  const { m } = useI18n();
  const t = m.secondFactor;
  const f = useSettingForm(loadSecondFactor, saveSecondFactor);
  const label = { none: t.settingNone, admin: t.settingAdmin, editor: t.settingEditor } as const;
  return (
    <form ref={f.ref} className="admin-form" onSubmit={f.submit} noValidate aria-labelledby="second-factor-setting-title">
      <h3 id="second-factor-setting-title">{t.settingTitle}</h3>
      <FormError error={f.error} id="second-factor-setting-error" />
      {f.values && (
        <fieldset className="admin-fieldset">
          <legend className="visually-hidden">{t.settingTitle}</legend>
          {(['none', 'admin', 'editor'] as const).map((v) => (
            <label key={v} className="admin-radio">
              <input type="radio" name="second_factor_required_for" value={v} checked={f.values!.required_for === v} onChange={f.set('required_for')} />
              {label[v]}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button" disabled={!f.values}>{t.settingSave}</button>
      <p role="status" aria-live="polite" className="admin-form-note">{f.status}</p>
    </form>
  );
}
