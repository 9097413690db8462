import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { ApiError, queryString, request } from '../lib/api.js';
import { errorText } from '../forms/errors.js';

type Counts = { ways?: number; areas?: number; places?: number; addresses?: number; pois?: number };
interface Current { id: number; imported_at: string; source_name: string; counts: Counts }
interface Job {
  job_id: string;
  state: 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number | null;
  summary: { counts: Counts; seconds: number } | null;
  error: { code: string; message: string; details?: { rule?: string; params?: Record<string, unknown> } } | null;
}
interface BaseData { current: Current | null; running: Job | null; limit_bytes: number }

const POLL_MS = 500;

/**
 * The import page's OpenStreetMap part (administrators): the current base data, a file
 * upload that answers with a job, and the job polled for its progress until it ends with
 * the counts or the reason it failed (rendered from the rule code, in the page's language).
 */
export function OsmImport() {
  const { m } = useI18n();
  const t = m.osm;
  const [data, setData] = useState<BaseData>();
  const [file, setFile] = useState<File>();
  const [job, setJob] = useState<Job>();
  const [phase, setPhase] = useState('');
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = useCallback(async () => {
    const d = await request<BaseData>('/api/base-data');
    setData(d);
    return d;
  }, []);

  const reasonOf = (e: unknown): string => {
    const details = (e instanceof ApiError ? e.details : (e as Job['error'])?.details) as { rule?: string; params?: Record<string, unknown> } | undefined;
    const text = details?.rule ? m.import.reasons[details.rule] : undefined;
    if (text) return text(details?.params ?? {});
    return e instanceof ApiError ? errorText(e, m) : t.failed;
  };

  const poll = useCallback((id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const j = await request<Job>(`/api/base-data/import/${id}`);
        setJob(j);
        if (j.state === 'running') return poll(id);
        if (j.state === 'failed') setError(reasonOf(j.error));
        await load();
      } catch (e) {
        setError(errorText(e, m));
      }
    }, POLL_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, m]);

  useEffect(() => {
    void load().then((d) => { if (d.running) { setJob(d.running); poll(d.running.job_id); } }).catch((e) => setError(errorText(e, m)));
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const start = async () => {
    if (!file) return;
    setError('');
    setJob(undefined);
    setPhase('upload');
    try {
      const j = await request<Job>(`/api/base-data/import${queryString({ name: file.name })}`, { method: 'POST', body: file });
      setJob(j);
      poll(j.job_id);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? t.running : reasonOf(e));
    } finally {
      setPhase('');
    }
  };

  const running = phase === 'upload' || job?.state === 'running';
  const shownPhase = phase || job?.phase || '';
  const limitMb = data ? Math.round(data.limit_bytes / 1024 / 1024) : undefined;

  return (
    <section className="import-osm" aria-labelledby="import-osm-title">
      <h2 id="import-osm-title">{t.title}</h2>
      <p>{t.intro}</p>
      <div data-testid="base-data-current">
        {data && (data.current ? <><p>{t.current(data.current)}</p><p>{t.counts(data.current.counts)}</p></> : <p>{t.none}</p>)}
      </div>
      <form className="import-form" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <label htmlFor="import-osm-file">{t.file}</label>
        <input id="import-osm-file" type="file" accept=".pbf,.osm.pbf,.json" aria-describedby="import-osm-limit"
          onChange={(e: ChangeEvent<HTMLInputElement>) => { setFile(e.target.files?.[0]); setError(''); setJob(undefined); }} />
        {limitMb !== undefined && <span id="import-osm-limit">{t.limit(limitMb)}</span>}
        <button type="submit" disabled={!file || running}>{t.start}</button>
      </form>
      {running && (
        <p>
          <label htmlFor="import-osm-progress">{t.progressLabel}</label>{' '}
          <progress id="import-osm-progress" max={job?.total ?? undefined} value={job?.total ? job.done : undefined} />
        </p>
      )}
      <p role="status" aria-live="polite" className="import-status" data-testid="base-data-status">
        {running ? t.phase[shownPhase] ?? '' : job?.state === 'done' && job.summary ? `${t.done(job.summary.seconds)} ${t.counts(job.summary.counts)}` : ''}
      </p>
      {error && <p role="alert" className="import-error">{error}</p>}
    </section>
  );
}
