/**
 * `npx tsx bench/walking.ts [--backend pglite|postgresql|both] [--runs N]`: the walking
 * distances at city scale (the OSM fixture's city extract). Measures, per engine: the
 * network's load time (ways read from base_ways and built) and memory; walk zones of one
 * unit, three bands (5, 10, 15 min), p50/p95 over random units; and a unit's contacts
 * with walk_m against the same straight-line contacts in the same run (the straight
 * list timed before any base data exists, so it is the list without walking). Goals:
 * walk zones ≤ 30 ms p95, contacts with walking ≤ 1.5× the straight list. Writes
 * bench/walking-results.json and bench/WALKING.md and prints a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createDatabase, dropDatabase, withDatabase } from '../api/db/databases.js';
import { migrate } from '../api/db/migrate.js';
import { openPglite } from '../api/db/pglite.js';
import { openPostgres } from '../api/db/postgres.js';
import type { Database } from '../api/db/types.js';
import type { RequestContext } from '../api/services/context.js';
import { unitContacts } from '../api/services/proximity.js';
import { unitWalkZones } from '../api/services/walkZones.js';
import { walkNetwork } from '../api/services/walking.js';
import { buildOsmFixture } from '../api/test/osmFixture.js';
import { writeBaseWays } from '../api/walking/testBaseData.js';
import { writeWalkingReport } from './walkingReport.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : fallback; };
const backendArg = arg('--backend', process.env.BENCH_DATABASE_URL ? 'both' : 'pglite');
const runs = Number(arg('--runs', '200'));
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
const round = (x: number) => Math.round(x * 100) / 100;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same places. */
function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> { const t0 = performance.now(); const r = await fn(); return [performance.now() - t0, r]; }
/** This process's CPU milliseconds (user + system): on a shared machine, wall time also counts waiting for a core. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function benchOne(backend: 'pglite' | 'postgresql') {
  const fx = buildOsmFixture({ scale: 'city' });
  let db: Database, cleanup: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-walk-bench-'));
    db = await openPglite(dir);
    cleanup = async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  } else {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `ps_walk_bench_${Date.now()}`;
    await createDatabase(admin, name);
    db = await openPostgres(withDatabase(serverUrl, name));
    cleanup = async () => { await db.close(); await dropDatabase(admin, name); await admin.end(); };
  }
  try {
    await migrate(db);
    // places on the fixture's streets: units, and actors around them (about 60 within each outer ring)
    const streetNodes = fx.landmarks.streets.map((s) => s.from);
    const r = rng(7);
    const pick = () => streetNodes[Math.floor(r() * streetNodes.length)]!;
    const units = Array.from({ length: 40 }, pick);
    const actors = units.flatMap((u) => Array.from({ length: 60 }, () => [u[0] + (r() - 0.5) * 0.03, u[1] + (r() - 0.5) * 0.016] as [number, number]));
    await db.query(
      `INSERT INTO units (name, kind, location) SELECT 'Bench ' || i, 'supported_housing', ST_SetSRID(ST_MakePoint((p->>0)::float8, (p->>1)::float8), 4326)::geography
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(p, i)`, [JSON.stringify(units)]);
    await db.query(
      `INSERT INTO actors (name, category, location) SELECT 'Aktör ' || i, 'shop', ST_SetSRID(ST_MakePoint((p->>0)::float8, (p->>1)::float8), 4326)::geography
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(p, i)`, [JSON.stringify(actors)]);
    const unitIds = (await db.query<{ id: number }>("SELECT id FROM units WHERE name LIKE 'Bench %' ORDER BY id")).map((u) => u.id);
    const ctx = (): RequestContext => ({ db, reader: db, user: undefined, now: new Date() });

    // straight-line contacts: no base data yet, so the list is the straight one (walk fields null)
    for (const id of unitIds.slice(0, 5)) await unitContacts(ctx(), id, {}, 'bench');
    const straight: number[] = [];
    for (let i = 0; i < runs; i++) straight.push((await time(() => unitContacts(ctx(), unitIds[i % unitIds.length]!, {}, 'bench')))[0]);

    await writeBaseWays(db, fx.overpass);
    const ways = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM base_ways"))[0]!.n;
    const [loadMs, net] = await time(() => walkNetwork(ctx()));
    const g = net!.network.graph;
    // the network's typed arrays (graph, snapping index, search scratch): what a version holds in memory
    const arrays = [g.lon, g.lat, g.segA, g.segB, g.segLen, g.offsets, g.targets, g.lengths, g.segOf];
    const heapMb = (arrays.reduce((n, a) => n + a.byteLength, 0) + g.nodeCount * (8 + 8 + 8 + 1) + g.nodeCount * 8 * 2) / 2 ** 20;

    const withWalk: number[] = [];
    let counted = 0, walked = 0;
    for (let i = 0; i < runs; i++) {
      const [ms, list] = await time(() => unitContacts(ctx(), unitIds[i % unitIds.length]!, {}, 'bench'));
      withWalk.push(ms);
      counted += list.length; walked += list.filter((c) => c.properties.walk_m !== null).length;
    }
    const zones: number[] = [], zonesCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = cpuMs();
      zones.push((await time(() => unitWalkZones(ctx(), unitIds[i % unitIds.length]!, [5, 10, 15], 'bench')))[0]);
      zonesCpu.push(cpuMs() - c0);
    }

    const out = {
      backend, ways, nodes: g.nodeCount, segments: g.segCount,
      network_load_ms: round(loadMs), network_arrays_mb: round(heapMb),
      walk_zones_ms: { p50: round(pct(zones, 50)), p95: round(pct(zones, 95)) },
      walk_zones_cpu_ms: { p50: round(pct(zonesCpu, 50)), p95: round(pct(zonesCpu, 95)) },
      load_average: os.loadavg()[0] ?? 0,
      contacts_straight_ms: { p50: round(pct(straight, 50)), p95: round(pct(straight, 95)) },
      contacts_walk_ms: { p50: round(pct(withWalk, 50)), p95: round(pct(withWalk, 95)) },
      contacts_ratio_p95: round(pct(withWalk, 95) / pct(straight, 95)),
      contacts_per_list: round(counted / runs), with_walk_share: round(walked / Math.max(1, counted)),
      runs,
    };
    console.log(JSON.stringify(out));
    return out;
  } finally {
    await cleanup();
  }
}

const backends = backendArg === 'both' ? (['pglite', 'postgresql'] as const) : [backendArg as 'pglite' | 'postgresql'];
const results = [];
for (const b of backends) results.push(await benchOne(b));
const run = { at: new Date().toISOString(), cpus: os.cpus().length, results };
fs.writeFileSync(path.join(HERE, 'walking-results.json'), JSON.stringify(run, null, 2) + '\n');
writeWalkingReport(run);
console.table(results.map((r) => ({
  backend: r.backend, nodes: r.nodes, 'load ms': r.network_load_ms, 'arrays MB': r.network_arrays_mb,
  'zones p95': r.walk_zones_ms.p95, 'zones cpu p95': r.walk_zones_cpu_ms.p95, 'straight p95': r.contacts_straight_ms.p95, 'walk p95': r.contacts_walk_ms.p95, ratio: r.contacts_ratio_p95,
})));
