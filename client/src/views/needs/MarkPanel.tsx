import { useI18n } from '../../i18n/index.js';
import { MarkInformedControl, type usePairSelection } from '../../outreach/MarkInformed.js';

/**
 * The editor's panel for marking the selected rows informed. The caller keeps it mounted
 * when the last rows were just marked, so that its "marked" message is still read out.
 */
export function MarkPanel({ marking, shown, onMarked }: { marking: ReturnType<typeof usePairSelection>; shown: number; onMarked: () => void }) {
  const { m } = useI18n();
  return (
    <section className="needs-work" aria-labelledby="needs-mark-heading">
      <h2 id="needs-mark-heading" className="small-heading">
        {m.needsWork.markHeading}
      </h2>
      <p className="needs-selected">
        <span data-testid="needs-selected">{m.needsWork.selected(marking.selected.length, shown)}</span>
        {marking.selected.length ? (
          <button type="button" className="link-button" onClick={marking.clear}>
            {m.needsWork.clearSelection}
          </button>
        ) : null}
      </p>
      <MarkInformedControl
        id="needs-mark"
        selection={marking.selected}
        onDone={() => {
          marking.clear();
          onMarked();
        }}
      />
    </section>
  );
}
