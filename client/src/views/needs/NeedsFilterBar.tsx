import { CodeFilter } from '../../components/CodeFilter.js';
import { useI18n } from '../../i18n/index.js';
import type { Unit } from '../../lib/apiTypes.js';
import { CHILD_PLACE_KINDS, INFORMATION_STATUSES, PRIORITIES } from '../../lib/codes.js';
import type { NeedsFilters } from '../../lib/route.js';

/** The needs filters (status, priority, kind, unit) and, when any is set, a button that clears them. */
export function NeedsFilterBar({ filters, units, onChange, onClear }: { filters: NeedsFilters; units: Unit[]; onChange: (patch: Partial<NeedsFilters>) => void; onClear: () => void }) {
  const { m } = useI18n();
  const all = m.needs.all;
  const unitName = new Map(units.map((u) => [u.id, u.properties.name]));
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{m.needs.filters}</legend>
      <CodeFilter id="needs-status" label={m.needs.status} allLabel={all} codes={INFORMATION_STATUSES} value={filters.status} labelOf={(s) => m.infoStatus[s]} onChange={(status) => onChange({ status })} />
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
      {Object.keys(filters).length > 0 ? (
        <button type="button" className="button" onClick={onClear}>
          {m.needs.clear}
        </button>
      ) : null}
    </fieldset>
  );
}
