/**
 * Address search at national scale: p50/p95 of GET /api/addresses's statements (through
 * the service, so the parse and the ranking are included) on a generated address set,
 * on each engine.
 *
 *   npx tsx bench/addressSearch.ts [--n 500000] [--engine pglite|postgresql|both] [--runs 40]
 *
 * PostgreSQL needs TEST_DATABASE_URL (a fresh database is created and dropped). The set:
 * about 12 000 Swedish-looking street names (prefix × middle × suffix) in 300 towns with
 * house numbers 1–120 (some with a letter) and a five-digit postcode per street and town,
 * plus the real Kungsportsavenyen 1 the queries look for.
 */
import os from 'node:os';
import { migrate } from '../api/db/migrate.js';
import type { Database } from '../api/db/types.js';
import { searchAddresses } from '../api/services/addresses.js';
import type { RequestContext } from '../api/services/context.js';
import { openScratchDatabase } from './scratchDatabase.js';
import { percentile, r3 } from './stats.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const N = Number(arg('n', '500000'));
const RUNS = Number(arg('runs', '40'));
const ENGINE = arg('engine', 'both');

const PREFIX = ['Kungs', 'Drottning', 'Vasa', 'Stor', 'Lill', 'Öster', 'Väster', 'Norr', 'Söder', 'Björk', 'Ek', 'Lind', 'Tall', 'Gran', 'Sjö', 'Berg', 'Dal', 'Äng', 'Kvarn', 'Hamn',
  'Skol', 'Kyrk', 'Torg', 'Bruks', 'Smed', 'Mölle', 'Sol', 'Ros', 'Hassel', 'Alm', 'Ask', 'Asp', 'Lönn', 'Rönn', 'Hav', 'Strand', 'Skogs', 'Fjäll', 'Ström', 'Bro'];
const MIDDLE = ['', 'ports', 'hamns', 'backs', 'gårds', 'hems', 'tegs', 'viks', 'näs', 'holms', 'lunds', 'hags', 'bergs', 'dals', 'ängs', 'sjö', 'kulle', 'mads', 'ryds', 'torps',
  'slätts', 'stens', 'hults', 'mosse', 'fors'];
const SUFFIX = ['gatan', 'vägen', 'allén', 'gränd', 'stigen', 'backen', 'platsen', 'torget', 'leden', 'avenyen', 'plan', 'slingan'];

async function load(db: Database): Promise<void> {
  const streets: string[] = [];
  for (const p of PREFIX) for (const m of MIDDLE) for (const s of SUFFIX) streets.push(p + m + s);
  const towns = Array.from({ length: 300 }, (_, i) => `Ort ${i + 1}`);
  const t0 = performance.now();
  // Set-based, in chunks: one statement per chunk keeps PGlite's memory flat.
  const chunk = 50_000;
  for (let from = 1; from <= N; from += chunk) {
    const to = Math.min(N, from + chunk - 1);
    await db.query(
      `INSERT INTO base_addresses (osm_type, osm_id, street, housenumber, postcode, city, search, geom)
       SELECT 'node', g, st, hn, pc, town, lower(st || ' ' || hn), ST_SetSRID(ST_MakePoint(11 + (g % 9973) / 9973.0 * 12, 55.5 + (g % 7919) / 7919.0 * 13), 4326)
       FROM (
         SELECT g,
                ($1::text[])[1 + (g * 7919) % array_length($1::text[], 1)] AS st,
                (1 + (g * 31) % 120)::text || CASE WHEN g % 11 = 0 THEN 'A' ELSE '' END AS hn,
                lpad((10000 + ((g * 7919) % array_length($1::text[], 1) * 37 + (g % 300)) % 89999)::text, 5, '0') AS pc,
                ($2::text[])[1 + (g % 300)] AS town
         FROM generate_series($3::bigint, $4::bigint) g
       ) x`,
      [streets, towns, from, to],
    );
  }
  await db.query(`INSERT INTO base_addresses (osm_type, osm_id, street, housenumber, postcode, city, search, geom)
    VALUES ('node', 0, 'Kungsportsavenyen', '1', '41136', 'Göteborg', 'kungsportsavenyen 1', ST_SetSRID(ST_MakePoint(11.9725, 57.7026), 4326))`);
  await db.query('ANALYZE base_addresses');
  console.log(`  loaded ${N + 1} addresses (${streets.length} street names) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const QUERIES = {
  exact: 'Kungsportsavenyen 1',
  lower_case: 'kungsportsavenyen 1',
  misspelt: 'Kungsprotsavenyen 1',
  prefix: 'Kungsports 1',
  with_postcode: 'Kungsportsavenyen 1 411 36',
  with_town: 'Kungsportsavenyn 1A, Göteborg',
  common_street: 'Storgatan 12',
  postcode_only: '411 36',
  no_match: 'Zyxwvutsgränd 4',
};

async function run(engine: 'pglite' | 'postgresql') {
  console.log(`${engine}:`);
  const { db, drop } = await openScratchDatabase(engine, 'addr');
  try {
    await migrate(db);
    await load(db);
    const ctx: RequestContext = { db, reader: db, user: undefined, now: new Date() };
    const out: Record<string, { p50_ms: number; p95_ms: number; first: string | null }> = {};
    for (const [name, q] of Object.entries(QUERIES)) {
      const times: number[] = [];
      let first: string | null = null;
      for (let i = 0; i < RUNS + 3; i++) {
        const t0 = performance.now();
        const r = await searchAddresses(ctx, q, 10);
        const ms = performance.now() - t0;
        if (i >= 3) times.push(ms); // the first runs warm the cache and the plan
        first = r.features[0]?.properties.label ?? null;
      }
      out[name] = { p50_ms: r3(percentile(times, 50)), p95_ms: r3(percentile(times, 95)), first };
      console.log(`  ${name.padEnd(14)} p50 ${out[name].p50_ms.toFixed(1).padStart(7)} ms  p95 ${out[name].p95_ms.toFixed(1).padStart(7)} ms  first: ${first ?? '–'}`);
    }
    return out;
  } finally {
    await drop();
  }
}

const engines = ENGINE === 'both' ? (['pglite', 'postgresql'] as const) : [ENGINE as 'pglite' | 'postgresql'];
const results: Record<string, unknown> = { n: N + 1, runs: RUNS, date: new Date().toISOString(), cpus: os.cpus().length };
for (const e of engines) results[e] = await run(e);
console.log(JSON.stringify(results));
