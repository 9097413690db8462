/**
 * The audit log as an administrator reads it: repeated exact reads folded into one row
 * with their count, paging over the folded rows, and a reversed date range refused.
 * Entries are written with `audit()` at chosen times in a period of their own, so the
 * expected rows follow from the times alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.js';
import { audit } from '../services/audit.js';
import { createTestContext, type TestContext } from '../test/harness.js';

let t: TestContext;
const FROM = '2031-03-01T00:00:00Z';
const TO = '2031-03-02T00:00:00Z';
const at = (minutes: number) => new Date(Date.parse(FROM) + minutes * 60_000);
const alice = { id: 1, email: 'alice@example.se' };
const bob = { id: 2, email: 'bob@example.se' };
const gap = DEFAULTS.sessionIdleMinutes;

interface Row { id: number; at: string; first_at: string; count: number; action: string; user_email: string | null; details: { unit_ids?: number[] } | null }
const search = async (query = ''): Promise<{ entries: Row[]; number_matched: number; number_returned: number }> =>
  t.getJson('admin', `/api/audit?from=${FROM}&to=${TO}${query}`);

beforeAll(async () => {
  t = await createTestContext();
  const read = (minutes: number, user: typeof alice, unitIds: number[]) =>
    audit(t.db, { at: at(minutes), user, action: 'read_exact', entity: 'unit', entityId: unitIds.length === 1 ? unitIds[0] : null, details: { unit_ids: unitIds, via: 'GET /api/units' } });
  // Alice reads unit 7 four times within the idle time of each other: one row of 4.
  for (const m of [0, 1, 1, gap]) await read(m, alice, [7]);
  // An update in between is its own row and does not break Alice's run.
  await audit(t.db, { at: at(2), user: alice, action: 'update', entity: 'unit', entityId: 7, before: { name: 'A' }, after: { name: 'B' } });
  // Past the idle time: a new run.
  await read(2 * gap + 1, alice, [7]);
  // Bob's reads of the same unit, and Alice's of other units, are rows of their own.
  await read(1, bob, [7]);
  await read(1, alice, [7, 8]);
});
afterAll(() => undefined);

describe('GET /api/audit folding', () => {
  it('folds one user’s repeated exact reads of the same units into one row with count and first time', async () => {
    const { entries, number_matched } = await search();
    const reads = entries.filter((e) => e.action === 'read_exact');
    const aliceSeven = reads.filter((e) => e.user_email === alice.email && e.details?.unit_ids?.join() === '7');
    expect(aliceSeven.map((e) => e.count)).toEqual([1, 4]);
    expect(Date.parse(aliceSeven[1]!.first_at)).toBe(at(0).getTime());
    expect(Date.parse(aliceSeven[1]!.at)).toBe(at(gap).getTime());
    expect(reads.filter((e) => e.user_email === bob.email).map((e) => e.count)).toEqual([1]);
    expect(reads.filter((e) => e.details?.unit_ids?.join() === '7,8').map((e) => e.count)).toEqual([1]);
    // 2 runs of Alice's unit 7, Bob's, Alice's 7+8, and the update
    expect(number_matched).toBe(5);
    const update = entries.find((e) => e.action === 'update')!;
    expect(update.count).toBe(1);
    expect(update.first_at).toBe(update.at);
  });

  it('pages over the folded rows, newest first', async () => {
    const all = (await search()).entries.map((e) => e.id);
    const pages = [...(await search('&limit=2&offset=0')).entries, ...(await search('&limit=2&offset=2')).entries, ...(await search('&limit=2&offset=4')).entries];
    expect(pages.map((e) => e.id)).toEqual(all);
    const times = pages.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const past = await search('&limit=2&offset=10');
    expect(past).toMatchObject({ entries: [], number_matched: 5, number_returned: 0 });
  });

  it('refuses a range whose end is not after its start, naming `to`', async () => {
    for (const to of [FROM, '2031-02-28T00:00:00Z']) {
      const res = await t.request('admin', 'GET', `/api/audit?from=${FROM}&to=${to}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string; details: { issues: { path: string[]; code: string }[] } } };
      expect(body.error.details.issues).toContainEqual(expect.objectContaining({ path: ['to'], code: 'range_reversed' }));
      expect(body.error.message).toMatch(/to must be later than from/);
    }
  });
});
