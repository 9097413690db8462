import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { baseDataApi, type PlaceCheck } from '../views/search/baseDataApi.js';
import './address.css';

/** Pause after the point moves before the server is asked (arrow keys move it in steps). */
const DEBOUNCE_MS = 300;

/**
 * What the base data says about a point (GET /api/places/check), asked again when it
 * moves; null while unknown. A failed check is no warning: it only ever advises.
 */
export function usePlaceCheck(position: readonly [number, number] | null): PlaceCheck | null {
  const [check, setCheck] = useState<PlaceCheck | null>(null);
  const lon = position?.[0];
  const lat = position?.[1];
  useEffect(() => {
    setCheck(null);
    if (lon === undefined || lat === undefined) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      baseDataApi.checkPlace(lon, lat, controller.signal).then(setCheck, () => {});
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [lon, lat]);
  return check;
}

/** The sentences of a check's warnings, in the user's language; "no base data" only when asked for. */
export function placeWarningTexts(m: ReturnType<typeof useI18n>['m'], check: PlaceCheck | null, withNoData = false): { code: string; text: string }[] {
  const t = m.baseData.placeWarnings;
  return (check?.warnings ?? [])
    .filter((w) => withNoData || w.code !== 'no_base_data')
    .map((w) => ({ code: w.code, text: w.code === 'in_water' ? t.in_water(w.name ?? null) : t[w.code] }));
}

/**
 * A clear warning when the point lies in water or outside the imported land. Warning
 * only: saving is never blocked by it.
 */
export function PlaceWarning({ position, id }: { position: readonly [number, number] | null; id?: string }) {
  const { m } = useI18n();
  const check = usePlaceCheck(position);
  const texts = placeWarningTexts(m, check);
  if (!texts.length) return null;
  return (
    <div id={id} className="place-warning" role="alert">
      {texts.map((w) => (
        <p key={w.code}>{w.text}</p>
      ))}
      {check?.in_water ? <p className="small">{m.baseData.checkWater}</p> : null}
    </div>
  );
}
