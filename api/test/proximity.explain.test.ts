/**
 * The contacts query is answered by the GiST index on actors.location (ST_DWithin on
 * geography), not a scan. Sequential scans are switched off so the planner shows the
 * index path even on small tables; a query that could not use the index would still
 * show a Seq Scan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../db/sqlFiles.js';
import { createTestContext, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

async function plan(sql: string, params: unknown[], settings: string[] = []): Promise<string> {
  return t.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    for (const s of settings) await tx.query(`SET LOCAL ${s} = off`);
    const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('query plans', () => {
  it('the contacts query uses actors_location_gix', async () => {
    const [unit] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE name LIKE 'Kallebäcks%'");
    const text = await plan(query('prox_contacts'), [unit!.id, true, null, null]);
    if (process.env.SHOW_PLANS) console.log(`${t.db.kind}:\n${text}`);
    expect(text).toMatch(/actors_location_gix/);
    expect(text).not.toMatch(/Seq Scan on actors/);
  });

  it('the information-needs join uses child_places_location_gix', async () => {
    const text = await plan(query('information_need_list'), [true, null, null, null, null, null, new Date().toISOString(), 1000, 0, 'urgency', false, null]);
    if (process.env.SHOW_PLANS) console.log(`${t.db.kind}:\n${text}`);
    expect(text).toMatch(/child_places_location_gix/);
  });

  // On a table this small the planner would rather sort a few rows than walk the index;
  // with sorting switched off it shows the index-ordered (KNN) path it takes at scale.
  it('the nearest-place lookup of site analysis can walk child_places_location_gix in distance order (KNN)', async () => {
    const text = await plan(query('site_nearest'), [12.006, 57.683], ['enable_sort', 'enable_bitmapscan']);
    if (process.env.SHOW_PLANS) console.log(`${t.db.kind}:\n${text}`);
    expect(text).toMatch(/Index Scan using child_places_location_gix/);
    expect(text).toMatch(/Order By: \(location <-> /);
  });

  it('the layer bbox filter uses the lon/lat expression index', async () => {
    const text = await plan(query('layer_actors'), [11.9, 57.6, 12.1, 57.8, null, null, 10, 0]);
    expect(text).toMatch(/actors_location_geom_gix/);
  });
});
