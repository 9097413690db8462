import { useId, useMemo } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Unit } from '../lib/apiTypes.js';
import { LocationPicker } from '../placement/LocationPicker.js';

/**
 * Where a record near a unit stands: the picker starts at the unit and shows it, and
 * the server's geometry error is shown below (as "place it first" while nothing is placed).
 */
export function NearUnitLocation({
  unit,
  label,
  value,
  onChange,
  error,
}: {
  unit: Unit;
  label: string;
  value: [number, number] | null;
  onChange: (lonLat: [number, number]) => void;
  /** The server's error at `geometry`, if any. */
  error: string | undefined;
}) {
  const { m } = useI18n();
  const errorId = `${useId().replace(/[^a-zA-Z0-9]/g, '')}-geometry-error`;
  const unitPoint = useMemo(
    () => [{ type: 'Feature' as const, id: unit.id, geometry: { type: 'Point' as const, coordinates: unit.geometry.coordinates }, properties: { name: unit.properties.name } }],
    [unit],
  );
  const shown = error ? (value ? error : m.records.locationMissing) : undefined;
  return (
    <>
      <LocationPicker
        label={label}
        value={value}
        onChange={onChange}
        center={[unit.geometry.coordinates[0], unit.geometry.coordinates[1]]}
        context={unitPoint}
        errorId={shown ? errorId : undefined}
      />
      {shown ? (
        <p id={errorId} className="field-error">
          {shown}
        </p>
      ) : null}
    </>
  );
}
