import { useState, type ChangeEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { ApiError, request } from '../lib/api.js';
import { errorText } from '../forms/errors.js';
import { useMe } from '../session.js';
import { ExportLinks } from './ExportLinks.js';
import type { AreaLevel } from '../lib/apiTypes.js';
import { ImportForm } from './ImportForm.js';
import { ImportReportView, reasonText, type Report } from './ImportReportView.js';
import { MappingTable } from './MappingTable.js';
import { OsmImport } from './OsmImport.js';
import { mappingKeys, toBase64, type Format, type ImportRequest, type Layer, type Mapping } from './lib.js';
import './import.css';

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
  const [format, setFormat] = useState<Format>('auto');
  const [sourceLayer, setSourceLayer] = useState('');
  const [fixed, setFixed] = useState('');
  const [mapping, setMapping] = useState<Mapping>({});
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [layerChoices, setLayerChoices] = useState<string[]>([]);

  const reset = () => {
    setReport(undefined);
    setLayerChoices([]);
    setMapping({});
    setError('');
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    reset();
    // Until the new file is read, nothing can run: a dry run meanwhile would send the old one.
    setFile(undefined);
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    setFile({ name: f.name, bytes });
    // A new file is recognised by its bytes again; a layer name belonged to the old one.
    setFormat('auto');
    setSourceLayer('');
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError('');
    setStatus(t.working);
    const body: ImportRequest = { format, content: toBase64(file.bytes), encoding: 'base64', mapping, dry_run: dryRun };
    if (sourceLayer) body.source_layer = sourceLayer;
    if (fixed && (layer === 'units' || layer === 'child-places')) body.kind = fixed;
    if (fixed && layer === 'actors') body.category = fixed;
    if (fixed && layer === 'areas') body.level = fixed as AreaLevel;
    try {
      const r = await request<Report>(`/api/import/${layer}`, { method: 'POST', body });
      setReport(r);
      setMapping(r.mapping);
      if (r.layers.length > 1) setLayerChoices(r.layers);
      setStatus(`${r.committed ? t.committedTitle : t.reportTitle}: ${t.counts(r.counts)}`);
    } catch (e) {
      // A refused real run carries its report (the rejected rows) in the error's details.
      if (e instanceof ApiError && isReport(e.details)) setReport(e.details);
      const details = e instanceof ApiError ? (e.details as { code?: unknown; params?: Record<string, unknown> } | undefined) : undefined;
      const message =
        e instanceof ApiError && isReport(e.details)
          ? `${t.rejectedTitle}: ${t.counts(e.details.counts)} ${t.cannotConfirm}`
          : typeof details?.code === 'string' && e instanceof ApiError && e.status === 400
            ? reasonText({ row: 0, field: 'file', reason: '', code: details.code, params: details.params }, m)
            : errorText(e, m);
      // Several layers and none chosen: offer them in the layer select.
      if (details?.code === 'choose_layer' && Array.isArray(details.params?.layers)) setLayerChoices(details.params.layers.map(String));
      setError(message);
      setStatus(message);
    } finally {
      setBusy(false);
    }
  };

  const fields = report?.fields ?? [];
  // The format read (the report's) decides which mapping keys apply, not the choice "auto".
  const readFormat: Format = report?.format ?? format;
  const showCrs = (readFormat === 'csv' || readFormat === 'xlsx') && layer !== 'areas' && (mapping.x !== undefined || mapping.y !== undefined);
  const isAdmin = me?.role === 'admin';

  return (
    <section className="import-page" aria-labelledby="import-title">
      <h1 id="import-title" tabIndex={-1}>{t.title}</h1>
      <p>{t.intro}</p>
      {me && !isAdmin && <p className="import-note">{t.adminOnly}</p>}
      {isAdmin && (
        <ImportForm
          layer={layer}
          format={format}
          fixed={fixed}
          canRun={!!file && !busy}
          onLayer={(l) => { setLayer(l); setFixed(''); reset(); }}
          onFile={(e) => void onFile(e)}
          onFormat={(f) => { setFormat(f); reset(); }}
          layerChoices={layerChoices}
          sourceLayer={sourceLayer}
          onSourceLayer={(l) => { setSourceLayer(l); setReport(undefined); setMapping({}); }}
          onFixed={setFixed}
          onDryRun={() => void run(true)}
        />
      )}

      <p role="status" aria-live="polite" className="import-status">{status}</p>
      {error && <p role="alert" className="import-error">{error}</p>}

      {report && isAdmin && (
        <>
          <h2>{t.mappingTitle}</h2>
          <p>{t.mappingHelp}</p>
          <MappingTable keys={mappingKeys(layer, readFormat)} fields={fields} guessed={report.guessed} mapping={mapping} showCrs={showCrs} onChange={setMapping} />
          <ImportReportView report={report} busy={busy} onDryRun={() => void run(true)} onConfirm={() => void run(false)} />
        </>
      )}

      {isAdmin && <OsmImport />}

      <ExportLinks />
    </section>
  );
}

/** The navigation label of the import page, in the current language. */
export function ImportNavLabel() {
  return <>{useI18n().m.import.nav}</>;
}
