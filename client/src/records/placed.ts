import type { ConflictField } from '../forms/ConflictDialog.js';
import { changedKeys } from './api.js';
import { useRecordForm, type RecordFormSpec } from './useRecordForm.js';

/** A GeoJSON point at [lon, lat]. */
export const pointAt = (lonLat: [number, number]) => ({ type: 'Point' as const, coordinates: lonLat });

/**
 * The PATCH body of a record with a location: the properties that changed, and the
 * point when it moved; null when nothing changed (no request is sent then).
 */
export function placedPatch<P extends Record<string, unknown>>(
  from: { properties: P; location: [number, number] | null },
  to: { properties: P; location: [number, number] | null },
): { properties?: Partial<P>; geometry?: ReturnType<typeof pointAt> } | null {
  const props = changedKeys(from.properties, to.properties);
  const moved = JSON.stringify(from.location) !== JSON.stringify(to.location) && to.location;
  if (!moved && Object.keys(props).length === 0) return null;
  return { ...(Object.keys(props).length ? { properties: props } : {}), ...(moved ? { geometry: pointAt(to.location!) } : {}) };
}

/** The location as the conflict dialog shows it: latitude, longitude to six decimals. */
export const locationConflictField = (label: string, empty: string): ConflictField => ({
  key: 'location',
  label,
  format: (v) => (Array.isArray(v) ? `${(v[1] as number).toFixed(6)}, ${(v[0] as number).toFixed(6)}` : empty),
});

/** The fields' names by the server's paths (`properties.<key>`, the location at `geometry`), for the whole-form error. */
export const serverLabels = (fields: ConflictField[]): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.key === 'location' ? 'geometry' : `properties.${f.key}`, f.label]));

/** A stored record with a location: a GeoJSON feature whose properties carry the version. */
interface PlacedRecord {
  id: number;
  properties: { version: number };
}

/**
 * `useRecordForm` for a record with a location (an actor, a child place): versioned in
 * its properties, changed by a PATCH of what differs, its server paths under `properties.`.
 */
export function usePlacedForm<T extends { location: [number, number] | null }, P extends Record<string, unknown>, R extends PlacedRecord>(
  spec: Pick<RecordFormSpec<T, R>, 'record' | 'empty' | 'valuesOf' | 'fields' | 'create' | 'onSaved'> & {
    /** The properties as the API takes them. */
    propertiesOf: (values: T) => P;
    send: (id: number, version: number, body: NonNullable<ReturnType<typeof placedPatch<P>>>) => Promise<R>;
    read: (id: number) => Promise<R>;
    onCancel: () => void;
  },
) {
  const { record, propertiesOf } = spec;
  return useRecordForm<T, R>({
    record,
    empty: spec.empty,
    valuesOf: spec.valuesOf,
    versionOf: (r) => r.properties.version,
    fields: spec.fields,
    create: spec.create,
    patch: async (from, v, version) => {
      const body = placedPatch({ properties: propertiesOf(from), location: from.location }, { properties: propertiesOf(v), location: v.location });
      return body ? spec.send(record!.id, version, body) : null;
    },
    reload: () => spec.read(record!.id),
    onSaved: spec.onSaved,
    onUnchanged: spec.onCancel,
    errorPrefix: 'properties.',
  });
}
