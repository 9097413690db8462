import type { z } from 'zod';
import type { ImportReport } from '../../../api/schemas/imports.js';
import { useI18n, type Messages } from '../i18n/index.js';
import { issueText, valueLabels } from '../forms/errors.js';

export type Report = z.infer<typeof ImportReport>;

/** A dry run's or a real run's report: counts, rejected rows, warnings, a sample, and the buttons to run again or confirm. */
export function ImportReportView({ report, busy, onDryRun, onConfirm }: { report: Report; busy: boolean; onDryRun: () => void; onConfirm: () => void }) {
  const t = useI18n().m.import;
  return (
    <>
      <h2>{report.committed ? t.committedTitle : t.reportTitle}</h2>
      <p className="import-counts">{t.counts(report.counts)} {t.encoding(report.encoding)}</p>
      <p className="import-read" data-testid="import-read">
        {t.readAs(report.format, report.format_detected)}
        {report.crs && <> {t.crsUsed(report.crs, report.crs_title ?? report.crs, report.crs_detected)}</>}
        {report.source_layer && <> {t.layerUsed(report.source_layer, report.layers.length)}</>}
      </p>
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

type RowIssue = { row: number; field: string; reason: string; code?: string; params?: Record<string, unknown> };

/**
 * A row's reason in the user's language, from its code and params (enum values shown
 * with their labels); a reason without a known code gets a general sentence, never the
 * server's English.
 */
export function reasonText(r: RowIssue, m: Messages): string {
  const params = { ...(r.params ?? {}) };
  if (Array.isArray(params.values)) params.values = valueLabels(params.values, m);
  const byImport = r.code ? m.import.reasons[r.code] : undefined;
  if (byImport) return byImport(params);
  if (r.code && Object.prototype.hasOwnProperty.call(m.forms.rule, r.code)) return m.forms.rule[r.code]!;
  if (r.code) return issueText({ path: [], code: r.code, params }, m);
  return m.import.reasons.bad_file!({});
}

/** Rejected rows and warnings, each reason explained in the user's language. */
function IssueTable({ t, rows, caption }: { t: Messages['import']; rows: RowIssue[]; caption: string }) {
  const { m } = useI18n();
  return (
    <table className="import-table import-issues">
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">{t.row}</th><th scope="col">{t.fieldCol}</th><th scope="col">{t.reason}</th></tr></thead>
      <tbody>
        {rows.map((r, i) => <tr key={`${r.row}-${i}`}><td>{r.row}</td><td data-raw-ok="">{r.field}</td><td>{reasonText(r, m)}</td></tr>)}
      </tbody>
    </table>
  );
}
