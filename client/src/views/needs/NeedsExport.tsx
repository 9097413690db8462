import { useI18n } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import type { NeedsQuery } from '../../lib/api.js';

const DIALECTS = ['excel_sv', 'standard'] as const;
const HINT_ID = { excel_sv: 'excel', standard: 'standard' } as const;

/** Downloads of exactly the filtered list: for Excel with Swedish settings, or standard CSV; column names in the user's language. */
export function NeedsExport({ query, matched }: { query: Omit<NeedsQuery, 'limit' | 'offset'>; matched: number }) {
  const { m, lang } = useI18n();
  const headers = lang;
  const texts = {
    excel_sv: { label: m.needsWork.exportExcel, hint: m.needsWork.exportExcelHint },
    standard: { label: m.needsWork.exportStandard, hint: m.needsWork.exportStandardHint },
  };
  return (
    <section className="needs-export" aria-labelledby="needs-export-heading">
      <h2 id="needs-export-heading" className="small-heading">
        {m.needsWork.exportHeading}
      </h2>
      <p className="muted">{m.needsWork.exportHint(matched)}</p>
      <ul className="needs-export-links">
        {DIALECTS.map((dialect) => {
          const { label, hint } = texts[dialect];
          return (
            <li key={dialect}>
              <a className="button" href={api.informationNeedsCsvUrl(query, dialect, headers)} download aria-describedby={`needs-export-${HINT_ID[dialect]}-hint`}>
                {label}
              </a>
              <span id={`needs-export-${HINT_ID[dialect]}-hint`} className="muted small">
                {hint}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
