/** Pure data transforms of the outreach views. */
import type { ActivityChange, ActivityKind, ActivityT, FollowUpStatus, ImplementationUnitT } from './api.js';
import { FOLLOW_UP_KINDS } from './api.js';

export type ImplSortKey = 'name' | 'in_place' | 'in_progress' | 'not_started';

/** Units of the overview sorted by a column; ties by name, so the order is stable. */
export function sortImplementation(units: readonly ImplementationUnitT[], key: ImplSortKey, descending: boolean, locale: string): ImplementationUnitT[] {
  const byName = (a: ImplementationUnitT, b: ImplementationUnitT) => a.properties.name.localeCompare(b.properties.name, locale);
  return [...units].sort((a, b) => {
    const d = key === 'name' ? byName(a, b) : a.properties[key] - b.properties[key];
    return (descending ? -d : d) || byName(a, b);
  });
}

/** The organisations typed as "a, b, c": trimmed, empty parts and duplicates dropped. */
export function parseOrganisations(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Fill colours for 0–5 principles in place (light to dark); the number is always drawn too. */
export const IMPL_COLOURS = ['#f3f4f6', '#fde2c4', '#fbbf77', '#7fb8a4', '#1f7a5c', '#0f5132'] as const;
/** Text colour readable on each fill (contrast ≥ 4.5:1). */
export const IMPL_TEXT = ['#111827', '#111827', '#111827', '#111827', '#ffffff', '#ffffff'] as const;

/** One (unit, child place) row of an information-needs table. */
export interface Pair { unitId: number; childPlaceId: number }

export const pairKey = (p: Pair): string => `${p.unitId}:${p.childPlaceId}`;

/** The selected rows grouped per unit (mark-informed records per unit), units and places in ascending order. */
export function groupByUnit(pairs: readonly Pair[]): [number, number[]][] {
  const by = new Map<number, Set<number>>();
  for (const p of pairs) {
    if (!by.has(p.unitId)) by.set(p.unitId, new Set());
    by.get(p.unitId)!.add(p.childPlaceId);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([u, s]) => [u, [...s].sort((a, b) => a - b)]);
}

/** What the activity form edits, as typed (strings for the inputs, ids for the checkboxes). */
export interface ActivityFormValues {
  kind: ActivityKind;
  date: string;
  note: string;
  organisations: string;
  actor_ids: number[];
  child_place_ids: number[];
  responsible_actor_id: string;
  due_date: string;
  follow_up_status: FollowUpStatus | '';
  lon: string;
  lat: string;
}

/** The form's values of a stored activity (editing it). */
export function formValuesOf(a: ActivityT): ActivityFormValues {
  return {
    kind: a.kind,
    date: a.date,
    note: a.note ?? '',
    organisations: a.organisations.join(', '),
    actor_ids: a.actors.map((x) => x.id).sort((x, y) => x - y),
    child_place_ids: a.child_places.map((x) => x.id).sort((x, y) => x - y),
    responsible_actor_id: a.responsible_actor ? String(a.responsible_actor.id) : '',
    due_date: a.due_date ?? '',
    follow_up_status: a.follow_up_status ?? '',
    lon: a.location ? String(a.location.coordinates[0]) : '',
    lat: a.location ? String(a.location.coordinates[1]) : '',
  };
}

/**
 * The body the form sends: every field, so a change replaces the whole entry. A kind
 * without follow-up sends its follow-up fields as null; a place with only one of its
 * coordinates is sent as it is, so the server refuses it at the field (`location_pair`).
 */
export function activityBody(v: ActivityFormValues): Required<Pick<ActivityChange, 'kind' | 'date' | 'note' | 'organisations' | 'actor_ids' | 'child_place_ids' | 'location' | 'responsible_actor_id' | 'due_date' | 'follow_up_status'>> {
  const followUp = FOLLOW_UP_KINDS.includes(v.kind);
  const coords = [v.lon, v.lat].map((s) => s.trim().replace(',', '.')).filter(Boolean).map(Number);
  return {
    kind: v.kind,
    date: v.date,
    note: v.note.trim() || null,
    organisations: parseOrganisations(v.organisations),
    actor_ids: v.actor_ids,
    child_place_ids: v.child_place_ids,
    location: followUp && coords.length ? { type: 'Point', coordinates: coords as [number, number] } : null,
    responsible_actor_id: followUp && v.responsible_actor_id ? Number(v.responsible_actor_id) : null,
    due_date: followUp && v.due_date ? v.due_date : null,
    follow_up_status: followUp && v.follow_up_status ? v.follow_up_status : null,
  };
}

/** The field errors of the activity form by the form's own fields: `location.coordinates.1` and the like count as `location`. */
export function activityFieldKeys(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(errors)) {
    const field = key.startsWith('location') ? 'location' : key.split('.')[0]!;
    if (!(field in out)) out[field] = text;
  }
  return out;
}
