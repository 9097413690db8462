/** Pure data transforms of the outreach views. */
import type { ImplementationUnitT } from './api.js';

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
