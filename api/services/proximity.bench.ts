/**
 * Benchmark of the proximity queries: prints the median and p95 time of the contacts,
 * child places and information-needs queries over the demo data, and the plan of the
 * contacts query. A program that prints figures, not a test.
 *
 *   npx tsx api/services/proximity.bench.ts                       # embedded database in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx api/services/proximity.bench.ts   # a PostgreSQL server (migrated and seeded if empty)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { isEmpty, seedDemo } from '../db/seed.js';
import { query } from '../db/sqlFiles.js';
import type { RequestContext } from './context.js';
import { informationNeeds } from './informationNeeds.js';
import { unitChildPlaces, unitContacts } from './proximity.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const config = loadConfig();
const tmp = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-'));
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: tmp ?? config.dataDir }, () => {});
try {
  await migrate(db);
  if (await isEmpty(db)) await seedDemo(db);
  const units = await db.query<{ id: number }>('SELECT id FROM units ORDER BY id');
  // No caller: restricted units are measured from their coarse location, so the bench
  // writes no exact-read audit entries into the database it measures.
  const ctx: RequestContext = { db, reader: db, user: undefined, now: new Date() };

  async function time(label: string, fn: () => Promise<unknown>) {
    for (let i = 0; i < 5; i++) await fn();
    const ms: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await fn();
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
    console.log(`${label.padEnd(40)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   (${ROUNDS} rounds)`);
  }

  let u = 0;
  const nextUnit = () => units[u++ % units.length]!.id;
  console.log(`database: ${db.kind}; ${units.length} units`);
  await time('contacts of one unit (all rings)', () => unitContacts(ctx, nextUnit(), {}, 'bench'));
  await time('child places of one unit', () => unitChildPlaces(ctx, nextUnit(), {}, 'bench'));
  await time('information needs (all units)', () => informationNeeds(ctx, {}, 'bench'));
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${query('prox_contacts')}`, [units[0]!.id, true, null, null]);
  console.log(`\nEXPLAIN ANALYZE prox_contacts (unit ${units[0]!.id}):\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
} finally {
  await db.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
