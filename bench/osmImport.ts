/**
 * `npx tsx bench/osmImport.ts [--scale city|district] [--backend pglite|postgresql|both]`:
 * how long the OpenStreetMap base data import takes on the generated Göteborg extract
 * (api/test/osmFixture.ts; 'city' is about a city's size), on a fresh embedded database
 * and, when BENCH_DATABASE_URL or DATABASE_URL names a PostgreSQL server, on a fresh
 * database there. Prints the time of each phase (read the PBF, map, write each table)
 * and the total. A figure, not a test: nothing fails on a slow machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createDatabase, dropDatabase, withDatabase } from '../api/db/databases.js';
import { migrate } from '../api/db/migrate.js';
import { openPglite } from '../api/db/pglite.js';
import { openPostgres } from '../api/db/postgres.js';
import type { Database } from '../api/db/types.js';
import { importBaseData } from '../api/services/baseData.js';
import { buildOsmFixture, writeOsmPbf } from '../api/test/osmFixture.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] ?? fallback : fallback;
};
const scale = arg('scale', 'city') as 'city' | 'district';
const backend = arg('backend', 'both');
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osm-bench-'));
let t = performance.now();
const fx = buildOsmFixture({ scale });
const counts = { nodes: 0, ways: 0, relations: 0 };
for (const e of fx.overpass.elements) counts[`${e.type}s` as keyof typeof counts]++;
console.log(`fixture '${scale}': ${counts.nodes} nodes, ${counts.ways} ways, ${counts.relations} relations, built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const file = path.join(dir, `goteborg-${scale}.osm.pbf`);
t = performance.now();
await writeOsmPbf(fx, file);
const bytes = new Uint8Array(fs.readFileSync(file));
console.log(`PBF (osmium): ${(bytes.length / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

async function run(name: string, db: Database) {
  await migrate(db);
  const phases = new Map<string, number>();
  let phase = '';
  let at = performance.now();
  const start = at;
  const summary = await importBaseData({ db, reader: db, user: undefined, now: new Date() }, { name: path.basename(file), bytes }, (p) => {
    const name = p.phase.startsWith('write:') || p.phase === 'read' || p.phase === 'map' ? p.phase : p.phase;
    if (name !== phase) {
      const now = performance.now();
      if (phase) phases.set(phase, (phases.get(phase) ?? 0) + (now - at));
      phase = name;
      at = now;
    }
  });
  const total = (performance.now() - start) / 1000;
  const c = summary.counts;
  console.log(`\n${name}: ${total.toFixed(1)} s in all (${c.ways} ways, ${c.areas} areas, ${c.addresses} addresses, ${c.pois} POIs, ${c.places} places)`);
  for (const [p, ms] of phases) console.log(`  ${p.padEnd(16)} ${(ms / 1000).toFixed(1)} s`);
  console.log(`  commit and rest   ${(total - [...phases.values()].reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`);
}

if (backend !== 'postgresql') {
  const dataDir = path.join(dir, 'pglite');
  const db = await openPglite(dataDir);
  try { await run('PGlite', db); } finally { await db.close(); }
}
if (backend !== 'pglite') {
  if (!serverUrl) console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or DATABASE_URL).');
  else {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `ps_osm_bench_${Date.now()}`;
    await createDatabase(admin, name);
    const db = await openPostgres(withDatabase(serverUrl, name));
    try {
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      await run('PostgreSQL', db);
    } finally {
      await db.close();
      await dropDatabase(admin, name);
      await admin.end();
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });
