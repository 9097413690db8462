import { CodeFilter } from '../../components/CodeFilter.js';
import { useI18n } from '../../i18n/index.js';
import type { InformationStatus, Unit } from '../../lib/apiTypes.js';
import { CHILD_PLACE_KINDS, INFORMATION_STATUSES, PRIORITIES } from '../../lib/codes.js';
import type { NeedsFilters } from '../../lib/route.js';

/**
 * The needs filters: the statuses as a group of checkboxes (several at once, each with
 * the number of needs it holds over the whole list, whatever else is chosen), priority,
 * kind and unit as lists, and, when any is set, a button that clears them.
 */
export function NeedsFilterBar({
  filters,
  units,
  counts,
  onChange,
  onClear,
}: {
  filters: NeedsFilters;
  units: Unit[];
  /** The server's `by_status`: over every need the other filters leave. */
  counts: Partial<Record<InformationStatus, number>> | undefined;
  onChange: (patch: Partial<NeedsFilters>) => void;
  onClear: () => void;
}) {
  const { m } = useI18n();
  const all = m.needs.all;
  const unitName = new Map(units.map((u) => [u.id, u.properties.name]));
  const chosen = new Set(filters.status ?? []);
  const toggle = (s: InformationStatus, on: boolean) => {
    const next = INFORMATION_STATUSES.filter((x) => (x === s ? on : chosen.has(x)));
    onChange({ status: next.length ? next : undefined });
  };
  const anyFilter = Boolean(filters.status?.length || filters.priority || filters.kind || filters.unit_id);
  return (
    <fieldset className="filters needs-filters">
      <legend className="visually-hidden">{m.needs.filters}</legend>
      <fieldset className="status-choices">
        <legend>{m.needsWork.statusLegend}</legend>
        {INFORMATION_STATUSES.map((s) => (
          <label key={s} className="status-choice">
            <input type="checkbox" checked={chosen.has(s)} onChange={(e) => toggle(s, e.target.checked)} />
            <span>{counts ? m.needsWork.statusChoice(m.infoStatus[s], counts[s] ?? 0) : m.infoStatus[s]}</span>
          </label>
        ))}
      </fieldset>
      <CodeFilter id="needs-priority" label={m.needs.priority} allLabel={all} codes={PRIORITIES} value={filters.priority} labelOf={(p) => m.priority[p]} onChange={(priority) => onChange({ priority })} />
      <CodeFilter id="needs-kind" label={m.needs.kind} allLabel={all} codes={CHILD_PLACE_KINDS} value={filters.kind} labelOf={(k) => m.childPlaceKind[k]} onChange={(kind) => onChange({ kind })} />
      <CodeFilter
        id="needs-unit"
        label={m.needs.unit}
        allLabel={all}
        codes={units.map((u) => u.id)}
        value={filters.unit_id}
        labelOf={(id) => unitName.get(id) ?? ''}
        onChange={(unit_id) => onChange({ unit_id })}
      />
      {anyFilter ? (
        <button type="button" className="button" onClick={onClear}>
          {m.needs.clear}
        </button>
      ) : null}
    </fieldset>
  );
}
