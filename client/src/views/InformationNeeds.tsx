import type { NeedsFilters } from '../lib/route.js';
export function InformationNeeds(_: { filters: NeedsFilters }) {
  return <h1 tabIndex={-1}>…</h1>;
}
