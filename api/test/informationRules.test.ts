/**
 * The information rules live in the settings table only (migration 0014): the validity,
 * the due-soon window and the move that reopens a need are read from there by both the
 * single-pair and the set form, and a missing setting is an error, not a silent default.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './harness.js';

let t: TestContext;
let unitId: number;
let childPlaceId: number;
beforeAll(async () => {
  t = await createTestContext();
  // A unit and a preschool 300 m east of it, on a SWEREF 99 TM grid (metres, no spheroid guess).
  const at = (dx: number) => `ST_Transform(ST_SetSRID(ST_MakePoint(${319_000 + dx}, 6401000), 3006), 4326)::geography`;
  [{ id: unitId }] = (await t.db.query<{ id: number }>(
    `INSERT INTO units (name, kind, places, location) VALUES ('Regeltest', 'supported_housing', 6, ${at(0)}) RETURNING id`,
  )) as [{ id: number }];
  [{ id: childPlaceId }] = (await t.db.query<{ id: number }>(
    `INSERT INTO child_places (name, kind, location, created_at) VALUES ('Regeltest förskola', 'preschool', ${at(300)}, now() - interval '1 year') RETURNING id`,
  )) as [{ id: number }];
  const date = new Date().toISOString().slice(0, 10);
  const info = await t.request('editor', 'POST', `/api/units/${unitId}/activities`, { kind: 'information', date, child_place_ids: [childPlaceId] });
  expect(info.status, await info.clone().text()).toBe(201);
  // Move the unit 70 m west: beyond the default 50 m.
  await t.db.query(`UPDATE units SET location = ${at(-70)} WHERE id = $1`, [unitId]);
});

/** The status of the pair in both forms, which must agree. */
async function statuses(): Promise<string> {
  const [one] = await t.db.query<{ status: string }>('SELECT status FROM ps_information($1, $2, now())', [unitId, childPlaceId]);
  const [set] = await t.db.query<{ status: string }>(
    'SELECT status FROM ps_information_set(now()) WHERE unit_id = $1 AND child_place_id = $2', [unitId, childPlaceId]);
  expect(set?.status).toBe(one?.status);
  return one!.status;
}

async function setSetting(key: string, value: string | null) {
  if (value === null) await t.db.query('DELETE FROM settings WHERE key = $1', [key]);
  else await t.db.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
}

describe('the information rules from settings', () => {
  it('reopen a need after a move beyond information_reopen_move_m, whatever it is set to', async () => {
    try {
      expect(await statuses()).toBe('not_informed');
      await setSetting('information_reopen_move_m', '100');
      expect(await statuses()).toBe('informed');
      await setSetting('information_reopen_move_m', '60');
      expect(await statuses()).toBe('not_informed');
    } finally {
      await setSetting('information_reopen_move_m', '50');
    }
  });

  it('refuse to answer, naming the setting, when one is missing or not a number', async () => {
    for (const [key, value] of [['information_validity_months', '12'], ['information_due_soon_days', '30'], ['information_reopen_move_m', '50']] as const) {
      try {
        await setSetting(key, null);
        await expect(t.db.query('SELECT * FROM ps_information_rules()')).rejects.toThrow(new RegExp(`setting ${key} is missing`));
        await setSetting(key, '"tolv"');
        await expect(t.db.query('SELECT status FROM ps_information($1, $2, now())', [unitId, childPlaceId])).rejects.toThrow(new RegExp(key));
      } finally {
        await setSetting(key, value);
      }
    }
    expect(await statuses()).toBe('not_informed');
  });
});
