import type { z } from 'zod';
import type { ImportReport } from '../../../api/schemas/imports.js';
import { useI18n, type Messages } from '../i18n/index.js';

export type Report = z.infer<typeof ImportReport>;

/** A dry run's or a real run's report: counts, rejected rows, warnings, a sample, and the buttons to run again or confirm. */
export function ImportReportView({ report, busy, onDryRun, onConfirm }: { report: Report; busy: boolean; onDryRun: () => void; onConfirm: () => void }) {
  const t = useI18n().m.import;
  return (
    <>
      <h2>{report.committed ? t.committedTitle : t.reportTitle}</h2>
      <p className="import-counts">{t.counts(report.counts)} {t.encoding(report.encoding)}</p>
      {report.rejected.length > 0 && (
        <>
          <h3>{t.rejectedTitle}</h3>
          <IssueTable t={t} rows={report.rejected} caption={t.rejectedTitle} />
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3>{t.warningsTitle}</h3>
          <IssueTable t={t} rows={report.warnings} caption={t.warningsTitle} />
        </>
      )}
      {report.sample.length > 0 && (
        <table className="import-table">
          <caption>{t.sampleTitle}</caption>
          <thead><tr><th scope="col">{t.row}</th><th scope="col">{t.field.id}</th><th scope="col">{t.field.name}</th><th scope="col">lon, lat</th><th scope="col">{t.fieldCol}</th></tr></thead>
          <tbody>
            {report.sample.map((s) => (
              <tr key={s.row}><td>{s.row}</td><td>{s.external_id}</td><td>{s.name}</td><td>{s.lon === null ? '–' : `${s.lon}, ${s.lat}`}</td><td>{t.action[s.action]}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="import-actions">
        <button type="button" className="button" disabled={busy} onClick={onDryRun}>{t.dryRun}</button>
        {!report.committed && (
          <button type="button" className="button button-primary" disabled={busy || report.counts.rejected > 0} onClick={onConfirm}>{t.confirm}</button>
        )}
        {report.counts.rejected > 0 && <span>{t.cannotConfirm}</span>}
      </div>
    </>
  );
}

/** Rejected rows and warnings; a refusal with a code is explained in the user's language, else in the server's words. */
function IssueTable({ t, rows, caption }: { t: Messages['import']; rows: { row: number; field: string; reason: string; code?: string }[]; caption: string }) {
  const { m } = useI18n();
  return (
    <table className="import-table import-issues">
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">{t.row}</th><th scope="col">{t.fieldCol}</th><th scope="col">{t.reason}</th></tr></thead>
      <tbody>
        {rows.map((r, i) => <tr key={`${r.row}-${i}`}><td>{r.row}</td><td>{r.field}</td><td>{(r.code && m.errors.byCode[r.code]) || r.reason}</td></tr>)}
      </tbody>
    </table>
  );
}
