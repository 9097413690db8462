import { useEffect, useMemo, useState } from 'react';
import { useAsync } from '../../hooks/useAsync.js';
import { api, type NeedsQuery } from '../../lib/api.js';
import type { InformationNeed } from '../../lib/apiTypes.js';
import { needSortParam } from '../../lib/needs.js';
import type { NeedsFilters } from '../../lib/route.js';

/** Needs loaded after the first page ("show more"), for the filters they were loaded with. */
interface MorePages {
  key: string;
  features: InformationNeed[];
  status: 'idle' | 'loading' | 'error';
  error?: unknown;
}

/** The API query of the address's filters and order (the list and its export ask the same). */
export function needsQuery(filters: NeedsFilters): Omit<NeedsQuery, 'limit' | 'offset'> {
  return { status: filters.status, priority: filters.priority, unit_id: filters.unit_id, kind: filters.kind, sort: needSortParam(filters.sort) };
}

/**
 * The needs matching `filters` in their order: the first page (with the counts over
 * every match) and the pages "show more" appended, started afresh when the filters
 * or the order change or the first page is reloaded.
 */
export function useNeedPages(filters: NeedsFilters) {
  const query = needsQuery(filters);
  const key = JSON.stringify(query);
  const first = useAsync((signal) => api.informationNeeds(query, signal), [key]);
  const [more, setMore] = useState<MorePages>({ key, features: [], status: 'idle' });

  useEffect(() => setMore({ key, features: [], status: 'idle' }), [first.data, key]);
  const loaded = useMemo(() => [...(first.data?.features ?? []), ...(more.key === key ? more.features : [])], [first.data, more, key]);
  const loadMore = () => {
    const offset = loaded.length;
    setMore((s) => ({ ...s, status: 'loading', error: undefined }));
    api.informationNeeds({ ...query, offset }).then(
      (page) => setMore((s) => (s.key === key ? { key, features: [...s.features, ...page.features], status: 'idle' } : s)),
      (error: unknown) => setMore((s) => (s.key === key ? { ...s, status: 'error', error } : s)),
    );
  };
  return { key, query, first, loaded, more, loadMore, matched: first.data?.number_matched ?? 0 };
}
