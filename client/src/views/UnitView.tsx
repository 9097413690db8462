import type { UnitTab } from '../lib/route.js';
export function UnitView(_: { id: number; tab: UnitTab }) {
  return <h1 tabIndex={-1}>…</h1>;
}
