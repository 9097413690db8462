/** Orders, status lists and counts of the information needs (pure). */
import type { InformationStatus } from './apiTypes.js';
import { INFORMATION_STATUSES } from './codes.js';

/**
 * The columns the server sorts the needs by (`sort` of GET /api/information-needs);
 * `status` ascending is the default order, what needs doing first: overdue, not
 * informed, due soon, informed, then priority, then distance.
 */
export const NEED_SORT_KEYS = ['name', 'unit', 'distance', 'priority', 'status', 'due'] as const;
export type NeedSortKey = (typeof NEED_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface NeedSort {
  key: NeedSortKey;
  dir: SortDir;
}

/** The default order: by status, most urgent first (the server's `urgency`). */
export const DEFAULT_NEED_SORT: NeedSort = { key: 'status', dir: 'asc' };

/** `-distance` for distance descending; undefined for the default order (left out of addresses and requests). */
export function needSortParam(sort: NeedSort | undefined): string | undefined {
  if (!sort || (sort.key === DEFAULT_NEED_SORT.key && sort.dir === DEFAULT_NEED_SORT.dir)) return undefined;
  return `${sort.dir === 'desc' ? '-' : ''}${sort.key}`;
}

/** Reads `sort=-distance` back; undefined for the default or an unknown value. */
export function parseNeedSort(value: string | null | undefined): NeedSort | undefined {
  if (!value) return undefined;
  const dir: SortDir = value.startsWith('-') ? 'desc' : 'asc';
  const key = NEED_SORT_KEYS.find((k) => k === (dir === 'desc' ? value.slice(1) : value));
  if (!key || (key === DEFAULT_NEED_SORT.key && dir === DEFAULT_NEED_SORT.dir)) return undefined;
  return { key, dir };
}

/** The next order when a column's header is pressed: that column ascending, or reversed when it already is the order. */
export function toggledSort(current: NeedSort, key: NeedSortKey): NeedSort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** A comma list of statuses (`overdue,not_informed`) as valid codes, each once, in the order of urgency. */
export function parseStatuses(value: string | null | undefined): InformationStatus[] {
  const items = new Set((value ?? '').split(','));
  return INFORMATION_STATUSES.filter((s) => items.has(s));
}

/**
 * The server's count of needs per status in the order of urgency, leaving out zeros;
 * with `only`, just those statuses.
 */
export function countByStatus(counts: Partial<Record<InformationStatus, number>>, only?: readonly InformationStatus[]): [InformationStatus, number][] {
  return INFORMATION_STATUSES.filter((s) => (counts[s] ?? 0) > 0 && (!only?.length || only.includes(s))).map((s) => [s, counts[s]!]);
}

/** The state of a "select all" checkbox over `shown` rows of which `selected` are chosen. */
export function selectAllState(shown: number, selected: number): 'none' | 'some' | 'all' {
  if (shown === 0 || selected === 0) return 'none';
  return selected >= shown ? 'all' : 'some';
}
