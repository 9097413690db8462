/**
 * No lost updates (SECURITY.md): 200 pairs of concurrent conflicting edits, each pair
 * sending the same If-Match version of one unit, give exactly 200 successes and 200
 * conflicts (412), and every unit ends at exactly one change with one audit entry.
 */
import { expect, it } from 'vitest';
import { createTestContext } from './harness.js';

const t = await createTestContext();
const PAIRS = 200;

it(`${PAIRS} concurrent conflicting edit pairs: exactly ${PAIRS} successes and ${PAIRS} conflicts`, { timeout: 300_000 }, async () => {
  const ids = (await t.db.query<{ id: number }>(`
    INSERT INTO units (name, kind, places, location)
    SELECT 'Samtidighet ' || g, 'supported_housing', 4, ST_SetSRID(ST_MakePoint(11.9 + g * 0.0005, 57.70), 4326)::geography
    FROM generate_series(1, $1::int) AS g
    RETURNING id`, [PAIRS])).map((r) => r.id);
  expect(ids).toHaveLength(PAIRS);
  const etags = await Promise.all(ids.map(async (id) => (await t.request('editor', 'GET', `/api/units/${id}`)).headers.get('etag')!));
  const requests = ids.flatMap((id, i) => ['A', 'B'].map((who) =>
    t.request(who === 'A' ? 'editor' : 'admin', 'PATCH', `/api/units/${id}`, { properties: { places: who === 'A' ? 10 : 20, operator: `Operatör ${who}` } }, { 'if-match': etags[i]! })));
  const statuses = await Promise.all(requests.map(async (p) => {
    const res = await p;
    await res.arrayBuffer();
    return res.status;
  }));
  const count = (s: number) => statuses.filter((x) => x === s).length;
  expect({ ok: count(200), conflict: count(412), other: statuses.filter((s) => s !== 200 && s !== 412) }).toEqual({ ok: PAIRS, conflict: PAIRS, other: [] });
  for (let i = 0; i < PAIRS; i++) expect(statuses[2 * i]! + statuses[2 * i + 1]!, `pair ${i}`).toBe(612);
  const rows = await t.db.query<{ version: number; places: number; operator: string }>('SELECT version, places, operator FROM units WHERE id = ANY($1::int[])', [ids]);
  for (const r of rows) {
    expect(r.version).toBe(2);
    expect([[10, 'Operatör A'], [20, 'Operatör B']]).toContainEqual([r.places, r.operator]);
  }
  const [audits] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'unit' AND action = 'update' AND entity_id = ANY($1::text[])", [ids.map(String)]);
  expect(audits!.n).toBe(PAIRS);
});
