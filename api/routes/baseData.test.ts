import { describe, expect, it } from 'vitest';
import { createTestContext } from '../test/harness.js';
import { TEST_USERS, type TestRole } from '../test/fixtures.js';
import { osmFixtureUploads } from '../test/osmUploads.js';

/**
 * The base data upload over HTTP: the file as the body, a job polled to its end, the
 * current base data; refusals (PDF, a truncated PBF, roles) change nothing.
 */
const t = await createTestContext();
const { fx, json, pbf } = await osmFixtureUploads();

const upload = (role: TestRole | 'anonymous', bytes: Uint8Array, name = 'goteborg.osm.pbf', type = 'application/octet-stream') =>
  Promise.resolve(t.app.request(`http://localhost/api/base-data/import?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(role === 'anonymous' ? {} : { authorization: `Bearer ${TEST_USERS[role].token}` }) },
    body: Buffer.from(bytes),
  }));

interface Job { job_id: string; state: string; phase: string; summary: { import_id: number; counts: Record<string, number>; source_kind: string } | null; error: { code: string; details?: { rule: string; params: Record<string, unknown> } } | null }
async function finish(res: Response): Promise<Job> {
  expect(res.status, await res.clone().text()).toBe(202);
  let job = (await res.json()) as Job;
  const phases = new Set<string>([job.phase]);
  for (let i = 0; i < 600 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = await t.getJson('admin', `/api/base-data/import/${job.job_id}`);
    phases.add(job.phase);
  }
  return job;
}
const current = async () => (await t.getJson('viewer', '/api/base-data')) as { current: { id: number; source_name: string; counts: Record<string, number>; bbox: number[] } | null };

describe('POST /api/base-data/import', () => {
  it('refuses anonymous callers, viewers and editors', async () => {
    expect((await upload('anonymous', pbf)).status).toBe(401);
    expect((await upload('viewer', pbf)).status).toBe(403);
    expect((await upload('editor', pbf)).status).toBe(403);
    expect((await current()).current).toBeNull();
  });

  it('refuses a PDF at once, naming what it is and what is read', async () => {
    const res = await upload('admin', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'karta.pdf');
    expect(res.status).toBe(415);
    const body = await res.json();
    expect(body.error.message).toBe('This is a PDF file; the OSM import reads .osm.pbf or Overpass JSON.');
    expect(body.error.details).toMatchObject({ rule: 'osm_file_kind', params: { kind: 'pdf' }, path: ['file'] });
    const { importSv } = await import('../../client/src/import/messages.js');
    expect(importSv.reasons.osm_file_kind!(body.error.details.params)).toBe('Det här är en PDF-fil; OSM-importen läser .osm.pbf eller Overpass JSON.');
  });

  it('imports the PBF, answers the summary through the job, and shows it as the current base data', async () => {
    const job = await finish(await upload('admin', pbf));
    expect(job.state).toBe('done');
    expect(job.summary!.source_kind).toBe('pbf');
    expect(job.summary!.counts.ways).toBeGreaterThan(1000);
    const now = await current();
    expect(now.current).toMatchObject({ id: job.summary!.import_id, source_name: 'goteborg.osm.pbf', counts: job.summary!.counts });
    expect(now.current!.bbox[0]).toBeCloseTo(fx.landmarks.bbox[0], 2);
    const audit = await t.db.query<{ action: string; details: { counts: Record<string, number> } }>("SELECT action, details FROM audit_log WHERE entity = 'base_data' ORDER BY id DESC LIMIT 1");
    expect(audit[0]).toMatchObject({ action: 'import', details: { counts: { ways: job.summary!.counts.ways } } });
  });

  it('re-imports to the same counts under a new version and keeps dismissed suggestions', async () => {
    const before = await current();
    const unit = await t.request('editor', 'POST', '/api/units', {
      type: 'Feature', geometry: { type: 'Point', coordinates: [11.97, 57.70] }, properties: { name: 'Testboendet Grunddata', kind: 'supported_housing', places: 8 },
    });
    expect(unit.status).toBe(201);
    const unitId = (await unit.json()).id as number;
    const poi = fx.landmarks.pois[0]!;
    await t.db.query('INSERT INTO base_suggestion_dismissals (osm_type, osm_id, unit_id) VALUES ($1, $2, $3)', [poi.osmType, poi.osmId, unitId]);
    const job = await finish(await upload('admin', json, 'goteborg.json'));
    expect(job.state).toBe('done');
    expect(job.summary!.source_kind).toBe('overpass_json');
    expect(job.summary!.import_id).toBeGreaterThan(before.current!.id);
    expect(job.summary!.counts).toEqual(before.current!.counts);
    const kept = await t.db.query('SELECT 1 FROM base_suggestion_dismissals WHERE osm_type = $1 AND osm_id = $2 AND unit_id = $3', [poi.osmType, poi.osmId, unitId]);
    expect(kept).toHaveLength(1);
  });

  it('a truncated PBF fails the job with osm_file_broken and changes nothing', async () => {
    const before = await current();
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM base_ways');
    const job = await finish(await upload('admin', pbf.subarray(0, Math.floor(pbf.length * 0.6)), 'cut.osm.pbf'));
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'bad_request', details: { rule: 'osm_file_broken' } });
    expect((await current()).current).toEqual(before.current);
    expect(await t.db.query('SELECT count(*)::int AS n FROM base_ways')).toEqual(rows);
  });

  it('takes only the file itself as the body', async () => {
    const res = await upload('admin', json, 'x.json', 'application/json');
    expect(res.status).toBe(415);
  });
});
