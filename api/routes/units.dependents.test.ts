import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;

async function newUnit(): Promise<number> {
  const res = await t.request('editor', 'POST', '/api/units', {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [11.962, 57.689] },
    properties: { name: 'Testboendet Beroenden', kind: 'supported_housing', places: 8 },
  });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

describe('GET /api/units/{id}/dependents', () => {
  it('counts what a DELETE removes with the unit, and the DELETE removes exactly that', async () => {
    const id = await newUnit();
    const empty = await t.request('editor', 'GET', `/api/units/${id}/dependents`);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ version: 1, activities: 0, information: 0, open_follow_ups: 0, principles: 0 });

    const post = (body: unknown) => t.request('editor', 'POST', `/api/units/${id}/activities`, body);
    expect((await post({ kind: 'meeting', date: '2026-02-01', note: 'Möte med fastighetsägaren.' })).status).toBe(201);
    expect((await post({ kind: 'information', date: '2026-02-02', note: 'Information till skolan.' })).status).toBe(201);
    expect((await post({ kind: 'observation', date: '2026-02-03', note: 'Trasig belysning.', follow_up_status: 'open', due_date: '2026-03-01' })).status).toBe(201);
    expect((await post({ kind: 'observation', date: '2026-02-04', note: 'Klotter, åtgärdat.', follow_up_status: 'done', due_date: '2026-03-01' })).status).toBe(201);
    expect((await t.request('editor', 'PUT', `/api/units/${id}/principles/2`, { status: 'in_progress' })).status).toBe(200);
    expect((await t.request('editor', 'PUT', `/api/units/${id}/principles/4`, { status: 'in_place' })).status).toBe(200);

    const res = await t.request('editor', 'GET', `/api/units/${id}/dependents`);
    const body = await res.json();
    expect(body).toEqual({ version: 1, activities: 4, information: 1, open_follow_ups: 1, principles: 2 });
    // The counts agree with the tables themselves.
    expect(body.activities).toBe(await count('SELECT count(*)::int AS n FROM activities WHERE unit_id = $1', [id]));
    expect(body.principles).toBe(await count('SELECT count(*)::int AS n FROM unit_principles WHERE unit_id = $1', [id]));

    const del = await t.request('editor', 'DELETE', `/api/units/${id}`, undefined, { 'if-match': `"${body.version}"` });
    expect(del.status).toBe(204);
    expect(await count('SELECT count(*)::int AS n FROM activities WHERE unit_id = $1', [id])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM unit_principles WHERE unit_id = $1', [id])).toBe(0);
    expect((await t.request('editor', 'GET', `/api/units/${id}/dependents`)).status).toBe(404);
  });

  it('is for editors: 403 for viewers, 401 anonymous, 404 for an unknown unit', async () => {
    const id = await newUnit();
    expect((await t.request('viewer', 'GET', `/api/units/${id}/dependents`)).status).toBe(403);
    expect((await t.request('anonymous', 'GET', `/api/units/${id}/dependents`)).status).toBe(401);
    const res = await t.request('admin', 'GET', '/api/units/999999/dependents');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
