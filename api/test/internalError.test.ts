import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/types.js';
import { MESSAGES } from '../errors.js';
import { openTestDatabase } from './harness.js';

/**
 * An app whose health check runs `replacement` instead of its own statement, so that a
 * real error of the real engine (not a hand-made object) reaches the error handler.
 */
function appRaising(db: Database, replacement: string) {
  const raising: Database = Object.assign(Object.create(db) as Database, {
    query: (text: string, params?: readonly unknown[]) => db.query(text.includes('postgis_lib_version') ? replacement : text, params),
  });
  return createApp({ db: raising, config: loadConfig({}), clock: () => new Date() });
}

describe('database errors', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });

  it('SQLSTATE XX000 (a PostGIS internal error) is a bland 500 with the request id, not a 400', async () => {
    const app = appRaising(db, `SELECT ST_GeomFromGeoJSON('{"type":"Foo"}')`);
    const res = await app.request('/api/health', { headers: { 'x-request-id': 'req-xx000' } });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'internal', message: MESSAGES.internal, request_id: 'req-xx000' } });
  });

  it('a data exception (class 22) caused by a value is still a 400', async () => {
    const app = appRaising(db, `SELECT 'x'::int AS v`);
    const res = await app.request('/api/health');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
  });
});
