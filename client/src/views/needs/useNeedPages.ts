import { useEffect, useMemo, useState } from 'react';
import { useAsync } from '../../hooks/useAsync.js';
import { api } from '../../lib/api.js';
import type { InformationNeed } from '../../lib/apiTypes.js';
import type { NeedsFilters } from '../../lib/route.js';

/** Needs loaded after the first page ("show more"), for the filters they were loaded with. */
interface MorePages {
  key: string;
  features: InformationNeed[];
  status: 'idle' | 'loading' | 'error';
  error?: unknown;
}

/**
 * The needs matching `filters`: the first page (most urgent first, with the counts
 * over every match) and the pages "show more" appended, started afresh when the
 * filters change or the first page is reloaded.
 */
export function useNeedPages(filters: NeedsFilters) {
  const key = JSON.stringify(filters);
  const first = useAsync((signal) => api.informationNeeds(filters, signal), [key]);
  const [more, setMore] = useState<MorePages>({ key, features: [], status: 'idle' });

  useEffect(() => setMore({ key, features: [], status: 'idle' }), [first.data, key]);
  const loaded = useMemo(() => [...(first.data?.features ?? []), ...(more.key === key ? more.features : [])], [first.data, more, key]);
  const loadMore = () => {
    const offset = loaded.length;
    setMore((s) => ({ ...s, status: 'loading', error: undefined }));
    api.informationNeeds({ ...filters, offset }).then(
      (page) => setMore((s) => (s.key === key ? { key, features: [...s.features, ...page.features], status: 'idle' } : s)),
      (error: unknown) => setMore((s) => (s.key === key ? { ...s, status: 'error', error } : s)),
    );
  };
  return { key, first, loaded, more, loadMore, matched: first.data?.number_matched ?? 0 };
}
