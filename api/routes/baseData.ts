import crypto from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { DEFAULTS } from '../config.js';
import type { Database } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { detectOsmFile } from '../osm/detect.js';
import { BaseDataCurrent, BaseImportJob, BaseImportJobParam, BaseImportQuery } from '../schemas/baseData.js';
import { importBaseData, latestBaseImport, type BaseImportSummary } from '../services/baseData.js';
import { newRouter } from '../validation.js';

type Job = z.infer<typeof BaseImportJob>;

/**
 * Import jobs of this process. An upload answers at once with a job; the import runs on and
 * the page polls the job for its progress, so a large file never holds one request open for
 * a minute. One import runs per database at a time (a second is refused with 409); finished
 * jobs are forgotten after JOB_KEEP_MS.
 */
const jobs = new Map<string, Job & { db: Database; endedAt?: number }>();
const JOB_KEEP_MS = 60 * 60 * 1000;

const publicJob = ({ db: _db, endedAt: _e, ...job }: Job & { db: Database; endedAt?: number }): Job => job;
function prune(now: number) {
  for (const [id, j] of jobs) if (j.endedAt !== undefined && now - j.endedAt > JOB_KEEP_MS) jobs.delete(id);
}
const runningOn = (db: Database) => [...jobs.values()].find((j) => j.db === db && j.state === 'running');

export const baseDataRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/base-data/import',
      tags: ['Base data'],
      summary: 'Upload an OpenStreetMap extract (.osm.pbf or Overpass JSON) as the new base data',
      description:
        'The body is the file itself (`Content-Type: application/octet-stream`). The file kind is told by its first bytes; anything else ' +
        '(a PDF, a ZIP, OSM XML, GeoJSON…) is refused at once with 415 and `details.rule` osm_file_kind, `details.params.kind`. ' +
        'Otherwise the answer is 202 with a job to poll (GET /api/base-data/import/{job_id}): the import replaces ALL base data in one transaction, ' +
        'so a file that turns out broken (truncated) fails the job and changes nothing. Dismissed actor suggestions are kept. ' +
        `Body limit ${DEFAULTS.osmImportBodyLimitBytes / 1024 / 1024} MB (413); one import at a time (409). One \`import\` audit entry (entity base_data).`,
      role: 'admin',
      request: {
        query: BaseImportQuery,
        body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
      },
      ok: { status: 202, description: 'The import runs; poll the job.', schema: BaseImportJob },
      errors: [409, 413, 415],
    }),
    async (c) => {
      const { name } = c.req.valid('query');
      const ctx = contextOf(c);
      if (runningOn(ctx.db)) throw new ApiError('conflict', 'An OSM import is already running; wait for it to finish.');
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/octet-stream') throw new ApiError('unsupported_media_type', `Content-Type must be application/octet-stream (the file itself), got "${type || '(none)'}".`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      detectOsmFile(bytes);
      prune(Date.now());
      const job: Job & { db: Database; endedAt?: number } = {
        job_id: crypto.randomUUID(), state: 'running', phase: 'read', done: 0, total: bytes.length,
        started_at: new Date().toISOString(), summary: null, error: null, db: ctx.db,
      };
      jobs.set(job.job_id, job);
      const end = (patch: Partial<Job>) => Object.assign(job, patch, { endedAt: Date.now() });
      void importBaseData(ctx, { name: name ?? 'upload', bytes }, (p) => Object.assign(job, { phase: p.phase, done: p.done, total: p.total ?? null }))
        .then((summary: BaseImportSummary) => end({ state: 'done', phase: 'done', summary }))
        .catch((err: unknown) => {
          if (err instanceof ApiError) end({ state: 'failed', phase: 'failed', error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } });
          else {
            console.error('OSM base data import failed', err);
            end({ state: 'failed', phase: 'failed', error: { code: 'internal', message: 'The import failed on the server; nothing was imported. The server log has the cause.' } });
          }
        });
      return c.json(publicJob(job), 202);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/base-data/import/{job_id}',
      tags: ['Base data'],
      summary: 'The progress of an OSM import, then its summary or error',
      role: 'admin',
      request: { params: BaseImportJobParam },
      ok: { status: 200, description: 'The job.', schema: BaseImportJob },
    }),
    async (c) => {
      const job = jobs.get(c.req.valid('param').job_id);
      if (!job || job.db !== c.var.deps.db) throw notFound('import job', c.req.valid('param').job_id);
      return c.json(publicJob(job), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/base-data',
      tags: ['Base data'],
      summary: 'The current OpenStreetMap base data: when and from which file it was imported, its counts and extent',
      ok: { status: 200, description: 'The current base data.', schema: BaseDataCurrent },
    }),
    async (c) => {
      const current = await latestBaseImport(c.var.deps.db);
      const running = c.var.user?.role === 'admin' ? runningOn(c.var.deps.db) : undefined;
      return c.json({ current, running: running ? publicJob(running) : null, limit_bytes: DEFAULTS.osmImportBodyLimitBytes }, 200);
    },
  );
