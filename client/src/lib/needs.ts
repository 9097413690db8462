/** Sorting and counting of information needs (pure). */
import type { InformationNeed, InformationStatus } from './apiTypes.js';
import { INFORMATION_STATUSES, PRIORITIES } from './codes.js';

export const NEED_SORT_KEYS = ['name', 'kind', 'unit', 'distance', 'priority', 'status', 'due'] as const;
export type NeedSortKey = (typeof NEED_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

const rank = <T extends string>(list: readonly T[]) => (v: T) => list.indexOf(v);
const priorityRank = rank(PRIORITIES);
/** Most urgent first: overdue, not informed, due soon, informed. */
const statusRank = rank(INFORMATION_STATUSES);

/**
 * Needs sorted by a column; ties fall back to priority, then distance, then
 * name, so the order is stable and the most urgent come first. Missing due
 * dates sort last ascending.
 */
export function sortNeeds(needs: InformationNeed[], key: NeedSortKey, dir: SortDir, locale: string): InformationNeed[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  const primary = (a: InformationNeed, b: InformationNeed): number => {
    const p = a.properties;
    const q = b.properties;
    switch (key) {
      case 'name':
        return collator.compare(p.name, q.name);
      case 'kind':
        return collator.compare(p.kind, q.kind);
      case 'unit':
        return collator.compare(p.unit_name, q.unit_name);
      case 'distance':
        return p.distance_m - q.distance_m;
      case 'priority':
        return priorityRank(p.priority) - priorityRank(q.priority);
      case 'status':
        return statusRank(p.information.status) - statusRank(q.information.status);
      case 'due': {
        const x = p.information.due_at ? Date.parse(p.information.due_at) : Number.POSITIVE_INFINITY;
        const y = q.information.due_at ? Date.parse(q.information.due_at) : Number.POSITIVE_INFINITY;
        return x === y ? 0 : x < y ? -1 : 1;
      }
    }
  };
  const tie = (a: InformationNeed, b: InformationNeed) =>
    priorityRank(a.properties.priority) - priorityRank(b.properties.priority) ||
    a.properties.distance_m - b.properties.distance_m ||
    collator.compare(a.properties.name, b.properties.name) ||
    String(a.id).localeCompare(String(b.id));
  return [...needs].sort((a, b) => sign * primary(a, b) || tie(a, b));
}

/**
 * The server's count of needs per status (over every matching need, not only the rows
 * loaded) in the order of urgency, leaving out zeros.
 */
export function countByStatus(counts: Partial<Record<InformationStatus, number>>): [InformationStatus, number][] {
  return INFORMATION_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => [s, counts[s]!]);
}
