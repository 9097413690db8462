/** Database names reach CREATE/DROP DATABASE only when they are plain identifiers. */
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from './databases.js';

/** A client that records whether anything was sent. */
function recorder() {
  const sent: unknown[] = [];
  const sql = ((...args: unknown[]) => {
    sent.push(args);
    return Promise.resolve([]);
  }) as unknown as postgres.Sql;
  return { sql, sent };
}

describe('createDatabase and dropDatabase', () => {
  it.each(['ps_t_1"; DROP DATABASE postgres; --', 'Ps_Upper', '1starts_with_digit', '', 'x'.repeat(64)])('refuse %j before sending anything', async (name) => {
    const { sql, sent } = recorder();
    await expect(createDatabase(sql, name)).rejects.toThrow(/Not a database name/);
    await expect(createDatabase(sql, 'ps_ok', name)).rejects.toThrow(/Not a database name/);
    expect(sent).toHaveLength(0);
    await expect(dropDatabase(sql, name)).rejects.toThrow(/Not a database name/);
    expect(sent).toHaveLength(0);
  });
});
