import { useCallback, useEffect, useState } from 'react';
import { FormError } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import { adminApi, type AuditEntryT } from './adminApi.js';
import { auditRange, changedFields, formatAuditTime, valueText } from './auditView.js';

const ACTIONS = ['create', 'update', 'delete', 'read_exact', 'export', 'import', 'login', 'logout', 'purge'] as const;
/** Rows per page: a screenful or two; the pager moves through the rest. */
const PAGE_SIZE = 50;

interface Filters { entity: string; action: string; from: string; to: string }
const NO_FILTERS: Filters = { entity: '', action: '', from: '', to: '' };

/**
 * The audit log for administrators: filters, pages of 50 newest first, times in Swedish
 * local time with the zone named, repeated exact reads as one row with their count, and
 * each change's before and after on request.
 */
export function AuditLog() {
  const t = useI18n().m.admin;
  const [filters, setFilters] = useState(NO_FILTERS);
  const [applied, setApplied] = useState<{ filters: Filters; offset: number }>({ filters: NO_FILTERS, offset: 0 });
  const [result, setResult] = useState<{ entries: AuditEntryT[]; number_matched: number }>();
  const [error, setError] = useState<unknown>(null);
  const [rangeError, setRangeError] = useState(false);

  const load = useCallback(async (f: Filters, offset: number) => {
    const range = auditRange(f.from, f.to);
    if ('reversed' in range) return setRangeError(true);
    setRangeError(false);
    setError(null);
    try {
      setResult(await adminApi.audit({ entity: f.entity || undefined, action: f.action || undefined, ...range, limit: PAGE_SIZE, offset }));
      setApplied({ filters: f, offset });
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void load(NO_FILTERS, 0), [load]);

  const total = result?.number_matched ?? 0;
  const shown = result?.entries.length ?? 0;
  const page = Math.floor(applied.offset / PAGE_SIZE) + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.auditTitle}</h2>
      <p>{t.auditIntro} {t.timesNote}</p>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); void load(filters, 0); }}>
        <label>{t.entity}
          <select value={filters.entity} onChange={(e) => setFilters({ ...filters, entity: e.target.value })}>
            <option value="">{t.all}</option>
            {Object.entries(t.entities).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </label>
        <label>{t.action}
          <select value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })}>
            <option value="">{t.all}</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{t.actions[a] ?? a}</option>)}
          </select>
        </label>
        <label>{t.from}<input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} /></label>
        <label>{t.to}
          <input type="date" value={filters.to} aria-invalid={rangeError || undefined} aria-describedby={rangeError ? 'audit-range-error' : undefined}
            onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        <button type="submit" className="button">{t.search}</button>
        {rangeError ? <p id="audit-range-error" className="error admin-form-error" role="alert">{t.rangeReversed}</p> : null}
      </form>
      <FormError error={error} />
      <p role="status" aria-live="polite">{result ? t.entries(applied.offset + 1, applied.offset + shown, total) : ''}</p>
      {result && shown > 0 && (
        <table className="data-table audit-table">
          <caption className="visually-hidden">{t.auditTitle}</caption>
          <thead><tr><th scope="col">{t.atLocal}</th><th scope="col">{t.who}</th><th scope="col">{t.action}</th><th scope="col">{t.what}</th><th scope="col">{t.details}</th></tr></thead>
          <tbody>{result.entries.map((e) => <AuditRow key={e.id} entry={e} />)}</tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t.auditTitle}>
          <button type="button" className="button button-quiet" disabled={page <= 1} onClick={() => void load(applied.filters, applied.offset - PAGE_SIZE)}>{t.previousPage}</button>
          <span>{t.pageOf(page, pages)}</span>
          <button type="button" className="button button-quiet" disabled={page >= pages} onClick={() => void load(applied.filters, applied.offset + PAGE_SIZE)}>{t.nextPage}</button>
        </nav>
      )}
    </section>
  );
}

/** One row: time (and the run's first time when folded), who, what happened to what, and the change. */
function AuditRow({ entry: e }: { entry: AuditEntryT }) {
  const t = useI18n().m.admin;
  const details = (e.details ?? {}) as { unit_ids?: number[]; via?: string };
  const changes = e.action === 'create' || e.action === 'update' || e.action === 'delete' ? changedFields(e.before, e.after) : null;
  return (
    <tr>
      <td className="nowrap">
        {formatAuditTime(e.at)}
        {e.count > 1 ? <><br /><span className="muted">{t.repeated(e.count, formatAuditTime(e.first_at).slice(11))}</span></> : null}
      </td>
      <td data-raw-ok="">{e.user_email ?? '–'}</td>
      <td>{t.actions[e.action] ?? e.action}</td>
      <td>
        {t.entities[e.entity] ?? e.entity}
        {/* A session's id is its user's, already in "who"; exact reads name their units. */}
        {e.entity === 'session' ? '' : details.unit_ids && details.unit_ids.length > 1 ? ` (${t.unitsRead(details.unit_ids.join(', '))})` : e.entity_id ? ` ${e.entity_id}` : ''}
      </td>
      <td>
        {changes ? (
          <details>
            <summary>{t.showChange}</summary>
            {changes.length ? (
              <table className="change-table">
                <thead><tr><th scope="col">{t.field}</th><th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr></thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}><th scope="row" data-raw-ok="">{c.field}</th><td data-raw-ok="">{valueText(c.before)}</td><td data-raw-ok="">{valueText(c.after)}</td></tr>
                  ))}
                </tbody>
              </table>
            ) : <p>{t.noChange}</p>}
          </details>
        ) : details.via ? <span className="muted" data-raw-ok="">{`${t.via} ${details.via}`}</span> : null}
      </td>
    </tr>
  );
}
