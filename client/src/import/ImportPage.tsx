import { useState, type ChangeEvent } from 'react';
import { useI18n, type Messages } from '../i18n/index.js';
import { ApiError, request } from '../lib/api.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, UNIT_KINDS } from '../lib/codes.js';
import { useMe } from '../session.js';
import type { z } from 'zod';
import type { ImportReport } from '../../../api/schemas/imports.js';
import { FORMATS, guessFormat, LAYERS, mappingKeys, setRef, showRef, toBase64, type Format, type ImportRequest, type Layer, type Mapping } from './lib.js';
import './import.css';

type Report = z.infer<typeof ImportReport>;
const AREA_LEVELS = ['city_area', 'primary_area', 'other'] as const;
const CRS = ['EPSG:3006', 'EPSG:3007'] as const;

/** Whether an error's details are an import report (a refused real run reports its rejected rows). */
const isReport = (d: unknown): d is Report => typeof d === 'object' && d !== null && 'counts' in d;

/**
 * The administrator's import page: choose a layer and a file, see the guessed field
 * mapping first, run a dry run whose report lists every rejected row (row, field,
 * reason), and confirm. Below it, export links for every layer.
 */
export function ImportPage() {
  const { m } = useI18n();
  const t = m.import;
  const me = useMe();
  const [layer, setLayer] = useState<Layer>('child-places');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array }>();
  const [format, setFormat] = useState<Format>('geojson');
  const [fixed, setFixed] = useState('');
  const [mapping, setMapping] = useState<Mapping>({});
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const reset = () => {
    setReport(undefined);
    setMapping({});
    setError('');
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    reset();
    if (!f) return setFile(undefined);
    const bytes = new Uint8Array(await f.arrayBuffer());
    setFile({ name: f.name, bytes });
    setFormat(guessFormat(f.name, new TextDecoder('latin1').decode(bytes.subarray(0, 2000))));
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError('');
    setStatus(t.working);
    const body: ImportRequest = { format, content: toBase64(file.bytes), encoding: 'base64', mapping, dry_run: dryRun };
    if (fixed && (layer === 'units' || layer === 'child-places')) body.kind = fixed;
    if (fixed && layer === 'actors') body.category = fixed;
    if (fixed && layer === 'areas') body.level = fixed as (typeof AREA_LEVELS)[number];
    try {
      const r = await request<Report>(`/api/import/${layer}`, { method: 'POST', body });
      setReport(r);
      setMapping(r.mapping);
      setStatus(`${r.committed ? t.committedTitle : t.reportTitle}: ${t.counts(r.counts)}`);
    } catch (e) {
      // A refused real run carries its report (the rejected rows) in the error's details.
      if (e instanceof ApiError && isReport(e.details)) setReport(e.details);
      const message = e instanceof Error ? e.message : String(e);
      setError(message);
      setStatus(message);
    } finally {
      setBusy(false);
    }
  };

  const fixedOptions: readonly string[] =
    layer === 'units' ? UNIT_KINDS : layer === 'child-places' ? CHILD_PLACE_KINDS : layer === 'actors' ? ACTOR_CATEGORIES : AREA_LEVELS;
  const fixedLabel = (code: string): string =>
    layer === 'units' ? (m.unitKind as Record<string, string>)[code] ?? code
    : layer === 'child-places' ? (m.childPlaceKind as Record<string, string>)[code] ?? code
    : layer === 'actors' ? (m.actorCategory as Record<string, string>)[code] ?? code
    : code;
  const fields = report?.fields ?? [];
  const keys = mappingKeys(layer, format);
  const showCrs = format === 'csv' && layer !== 'areas' && (mapping.x !== undefined || mapping.y !== undefined);
  const isAdmin = me?.role === 'admin';

  return (
    <section className="import-page" aria-labelledby="import-title">
      <h1 id="import-title" tabIndex={-1}>{t.title}</h1>
      <p>{t.intro}</p>
      {me && !isAdmin && <p className="import-note">{t.adminOnly}</p>}
      {isAdmin && (
        <form className="import-form" onSubmit={(e) => { e.preventDefault(); void run(true); }}>
          <label htmlFor="import-layer">{t.layer}</label>
            <select id="import-layer" value={layer} onChange={(e) => { setLayer(e.target.value as Layer); setFixed(''); reset(); }}>
              {LAYERS.map((l) => <option key={l} value={l}>{t.layers[l]}</option>)}
            </select>
          <label htmlFor="import-file">{t.file}</label>
            <input id="import-file" type="file" accept=".geojson,.json,.csv,.txt" onChange={(e) => void onFile(e)} />
          <label htmlFor="import-format">{t.format}</label>
            <select id="import-format" value={format} onChange={(e) => { setFormat(e.target.value as Format); reset(); }}>
              {FORMATS.map((f) => <option key={f} value={f}>{t.formats[f]}</option>)}
            </select>
          <label htmlFor="import-fixed">{layer === 'actors' ? t.category : layer === 'areas' ? t.level : t.kind}</label>
            <select id="import-fixed" value={fixed} onChange={(e) => setFixed(e.target.value)}>
              <option value="">{t.fromFile}</option>
              {fixedOptions.map((c) => <option key={c} value={c}>{fixedLabel(c)}</option>)}
            </select>
          <button type="submit" className="button button-primary" disabled={!file || busy}>{t.dryRun}</button>
        </form>
      )}

      <p role="status" aria-live="polite" className="import-status">{status}</p>
      {error && <p role="alert" className="import-error">{error}</p>}

      {report && isAdmin && (
        <>
          <h2>{t.mappingTitle}</h2>
          <p>{t.mappingHelp}</p>
          <table className="import-table import-mapping">
            <tbody>
              {keys.map((k) => {
                const value = showRef(mapping[k]);
                const options = value && !fields.includes(value) ? [value, ...fields] : fields;
                return (
                  <tr key={k}>
                    <th scope="row"><label htmlFor={`map-${k}`}>{t.field[k] ?? k}</label></th>
                    <td>
                      <select id={`map-${k}`} value={value} onChange={(e) => { setMapping(setRef(mapping, k, e.target.value)); }}>
                        <option value="">{t.none}</option>
                        {options.map((f) => <option key={f} value={f}>{f}</option>)}
                      </select>
                      {report.guessed.includes(k) && <span className="import-guessed"> ({t.guessed})</span>}
                    </td>
                  </tr>
                );
              })}
              {showCrs && (
                <tr>
                  <th scope="row"><label htmlFor="map-crs">{t.field.crs}</label></th>
                  <td>
                    <select id="map-crs" value={mapping.crs ?? ''} onChange={(e) => setMapping(setRef(mapping, 'crs', e.target.value))}>
                      <option value="">{t.none}</option>
                      {CRS.map((c) => <option key={c} value={c}>{c === 'EPSG:3006' ? 'SWEREF 99 TM (EPSG:3006)' : 'SWEREF 99 12 00 (EPSG:3007)'}</option>)}
                    </select>
                    {report.guessed.includes('crs') && <span className="import-guessed"> ({t.guessed})</span>}
                  </td>
                </tr>
              )}
            </tbody>
          </table>

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
            <button type="button" className="button" disabled={busy} onClick={() => void run(true)}>{t.dryRun}</button>
            {!report.committed && (
              <button type="button" className="button button-primary" disabled={busy || report.counts.rejected > 0} onClick={() => void run(false)}>{t.confirm}</button>
            )}
            {report.counts.rejected > 0 && <span>{t.cannotConfirm}</span>}
          </div>
        </>
      )}

      <h2>{t.exportTitle}</h2>
      <p>{t.exportIntro}</p>
      <ul className="import-exports">
        {LAYERS.map((l) => (
          <li key={l}>
            {t.layers[l]}: <a href={`/api/exports/${l}?format=geojson`} download>{t.geojson}</a>{' · '}
            <a href={`/api/exports/${l}?format=csv`} download>{t.csv}</a>{' · '}
            <a href={`/api/exports/${l}?format=csv&separator=semicolon`} download>{t.csv} (;)</a>
          </li>
        ))}
      </ul>
    </section>
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

/** The navigation label of the import page, in the current language. */
export function ImportNavLabel() {
  return <>{useI18n().m.import.nav}</>;
}
