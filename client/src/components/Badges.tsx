import type { Messages } from '../i18n/index.js';
import type { NearChildPlace } from '../lib/apiTypes.js';

type Need = NearChildPlace['properties'];

/** A child place's priority as a coloured badge. */
export function PriorityBadge({ m, priority }: { m: Messages; priority: Need['priority'] }) {
  return <span className={`badge priority-${priority}`}>{m.priority[priority]}</span>;
}

/** Where informing a child place stands, as a coloured badge. */
export function StatusBadge({ m, status }: { m: Messages; status: Need['information']['status'] }) {
  return <span className={`badge status-${status}`}>{m.infoStatus[status]}</span>;
}
