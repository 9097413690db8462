/** The read replica's sessions have the primary's settings (one options builder), and are read-only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './postgres.js';
import { openReadReplica } from './reader.js';
import type { Database } from './types.js';

/** Run only by the `postgresql` test project, which exists when TEST_DATABASE_URL is set. */
const serverUrl = process.env.TEST_DATABASE_URL!;

describe('read replica connection (PostgreSQL)', () => {
  let primary: Database;
  let reader: Database;
  beforeAll(async () => {
    // The primary itself stands in for its replica: the settings under test are the client's, not the server's.
    primary = await openPostgres(serverUrl!);
    reader = await openReadReplica(serverUrl!);
  });
  afterAll(async () => {
    await reader?.close();
    await primary?.close();
  });

  it('turns JIT off in every session, as the primary does', async () => {
    for (const db of [primary, reader]) {
      const [row] = await db.query<{ jit: string }>('SHOW jit');
      expect(row!.jit).toBe('off');
    }
  });

  it('passes JSON parameters given as text once, not stringified twice, and reads them back as the primary does', async () => {
    const text = '{"name":"Kallebäcks \\"vård\\"","places":[72,null],"nested":{"ok":true}}';
    const sql = 'SELECT $1::jsonb AS v, $1::jsonb -> \'places\' ->> 0 AS first';
    const fromReader = await reader.query<{ v: unknown; first: string }>(sql, [text]);
    const fromPrimary = await primary.query<{ v: unknown; first: string }>(sql, [text]);
    expect(fromReader[0]!.v).toEqual(JSON.parse(text));
    expect(fromReader[0]!.first).toBe('72');
    expect(fromReader).toEqual(fromPrimary);
  });

  it('returns counts as numbers, as the primary does', async () => {
    const [row] = await reader.query<{ n: unknown }>('SELECT count(*) AS n FROM generate_series(1, 3)');
    expect(row!.n).toBe(3);
  });

  it('opens read-only sessions, so a write sent there by mistake fails', async () => {
    const [row] = await reader.query<{ default_transaction_read_only: string }>('SHOW default_transaction_read_only');
    expect(row!.default_transaction_read_only).toBe('on');
    await expect(reader.query('CREATE TEMP TABLE reader_write_probe (x int)')).rejects.toMatchObject({ code: '25006' });
    const [p] = await primary.query<{ default_transaction_read_only: string }>('SHOW default_transaction_read_only');
    expect(p!.default_transaction_read_only).toBe('off');
  });
});
