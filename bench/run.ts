/**
 * `npm run bench -- [--scale city|national] [--quick]`: the performance benchmark.
 * Generates a deterministic data set, loads it into a fresh embedded database
 * (and a fresh PostgreSQL database when BENCH_DATABASE_URL or DATABASE_URL is set),
 * runs W1–W6 with their baselines, starts the real server for load tests and memory,
 * and writes bench/results.json, bench/run-info.json and bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { redactUrl } from '../api/config.js';
import { createDatabase, dropDatabase, withDatabase } from '../api/db/databases.js';
import { migrate } from '../api/db/migrate.js';
import { openPglite } from '../api/db/pglite.js';
import { openPostgres } from '../api/db/postgres.js';
import type { Database } from '../api/db/types.js';
import { generate, SCALES, type Scale } from './generate.js';
import { benchUser, loadDataset } from './load.js';
import { writeReport, type RunInfo, type BackendInfo } from './report.js';
import { load, startServer, type LoadResult } from './server.js';
import { runImportWorkload, runWorkloads, viewport, type BenchRecord, type Iterations } from './workloads.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const log = (m: string) => console.log(m);

type BackendChoice = 'pglite' | 'postgresql' | 'both';

function parseArgs(argv: string[]): { scale: Scale; quick: boolean; backend: BackendChoice } {
  let scale: Scale = 'city';
  let quick = false;
  let backend: BackendChoice = 'both';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') quick = true;
    else if (a === '--scale' || a.startsWith('--scale=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v !== 'city' && v !== 'national') throw new Error(`--scale must be city or national, got "${v}"`);
      scale = v;
    } else if (a === '--backend' || a.startsWith('--backend=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v !== 'pglite' && v !== 'postgresql' && v !== 'both') throw new Error(`--backend must be pglite, postgresql or both, got "${v}"`);
      backend = v;
    } else throw new Error(`Unknown argument "${a}". Usage: npm run bench -- [--scale city|national] [--quick] [--backend pglite|postgresql|both]`);
  }
  return { scale, quick, backend };
}

function iterations(scale: Scale, quick: boolean): Iterations {
  const national = scale === 'national';
  return {
    point: quick ? 30 : 200,
    all: quick ? 2 : national ? 3 : 30,
    tiles: quick ? 5 : national ? 10 : 30,
    naive: quick ? (national ? 3 : 10) : national ? 5 : 50,
    importActors: quick ? 10_000 : 100_000,
  };
}

/** A database name for this run on the server: fresh, and dropped at the end. */
const benchDbName = () => `ps_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;

async function benchBackend(
  backend: 'pglite' | 'postgresql', scale: Scale, quick: boolean, serverUrl: string | undefined,
): Promise<{ records: BenchRecord[]; info: BackendInfo }> {
  const it = iterations(scale, quick);
  const data = generate(scale);
  const info: Partial<BackendInfo> = { backend, quick, date: new Date().toISOString() };
  let dataDir: string | undefined;
  let dbUrl: string | undefined;
  let admin: postgres.Sql | undefined;
  let dbName: string | undefined;

  const open = async (): Promise<Database> => (backend === 'pglite' ? openPglite(dataDir!) : openPostgres(dbUrl!));
  const loadSamples = [os.loadavg()[0]!];
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 5000);
  const loadAverage = () => ({
    start: loadSamples[0]!, max: Math.max(...loadSamples), mean: loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length,
  });
  try {
    if (backend === 'pglite') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-'));
    } else {
      dbName = benchDbName();
      admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await createDatabase(admin, dbName);
      dbUrl = withDatabase(serverUrl!, dbName);
      log(`  fresh database ${dbName} on ${redactUrl(serverUrl!)}`);
    }
    let t0 = performance.now();
    let db = await open();
    await migrate(db);
    info.first_start_s = (performance.now() - t0) / 1000;
    log(`  ${backend}: first start (create + migrate) ${info.first_start_s.toFixed(1)} s`);

    info.load_s = await loadDataset(db, data);
    const token = await benchUser(db);
    log(`  ${backend}: loaded ${data.units.length} units, ${data.actors.length} actors, ${data.childPlaces.length} child places in ${info.load_s.toFixed(1)} s`);

    const { records, indexBuildSeconds, sampleUnits } = await runWorkloads({ db, data, token, backend, it, log });
    info.index_build_s = indexBuildSeconds;
    await db.close();

    t0 = performance.now();
    db = await open();
    await migrate(db);
    info.warm_start_s = (performance.now() - t0) / 1000;
    await db.close();
    log(`  ${backend}: warm start (open + migrate check) ${info.warm_start_s.toFixed(1)} s`);

    const server = await startServer(backend === 'pglite' ? { DATA_DIR: dataDir } : { DATABASE_URL: dbUrl }, log);
    info.server_ready_s = server.readySeconds;
    info.rss_after_start_mb = server.peakRssMb();
    const duration = quick ? 5 : 30;
    const w1Paths = sampleUnits.slice(0, 20).map((u) => `/api/units/${u.id}/contacts`);
    const w5Paths = sampleUnits.slice(0, 20).map((u) => `/api/actors?bbox=${viewport(u.lon, u.lat, 15).map((v) => v.toFixed(6)).join(',')}`);
    const loads: LoadResult[] = [];
    for (const [target, paths] of [['W1 contacts', w1Paths], ['W5 actors z15 view', w5Paths]] as const) {
      const r = await load(server, target, [...paths], token, duration);
      loads.push(r);
      log(`  ${backend} load ${target}: ${r.requests_per_s} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, errors ${r.errors}, non-2xx ${r.non_2xx}`);
    }
    info.load_tests = loads;
    info.peak_rss_mb = server.peakRssMb();
    await server.stop();
    log(`  ${backend}: API peak RSS ${info.peak_rss_mb.toFixed(0)} MB`);

    db = await open();
    records.push(await runImportWorkload({ db, backend, scale, n: it.importActors, perFile: 50_000, log }));
    await db.close();
    info.load_avg_1m = loadAverage();
    log(`  ${backend}: load average (1 min) start ${info.load_avg_1m.start.toFixed(1)}, mean ${info.load_avg_1m.mean.toFixed(1)}, max ${info.load_avg_1m.max.toFixed(1)}`);
    return { records, info: info as BackendInfo };
  } finally {
    clearInterval(sampler);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin && dbName) {
      await dropDatabase(admin, dbName);
      await admin.end();
    }
  }
}

async function main() {
  const { scale, quick, backend: choice } = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const backends = (serverUrl ? ['pglite', 'postgresql'] as const : ['pglite'] as const).filter((b) => choice === 'both' || b === choice);
  if (backends.length === 0) throw new Error('--backend postgresql needs BENCH_DATABASE_URL or DATABASE_URL.');
  if (!serverUrl) console.warn('!!! BENCH_DATABASE_URL / DATABASE_URL not set: measuring the embedded database only, not PostgreSQL.');
  const size = SCALES[scale];
  log(`Benchmark, scale ${scale} (${size.units} units, ${size.actors} actors, ${size.childPlaces} child places)${quick ? ', quick' : ''}; backends: ${backends.join(', ')}`);
  const started = Date.now();
  const records: BenchRecord[] = [];
  const backendInfo: BackendInfo[] = [];
  const machine = {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10, node: process.version,
  };
  let failed = false;
  for (const backend of backends) {
    log(`\n${backend}:`);
    try {
      const r = await benchBackend(backend, scale, quick, serverUrl);
      records.push(...r.records);
      backendInfo.push(r.info);
    } catch (err) {
      failed = true;
      console.error(`!!! ${backend} failed:`, err);
    }
    // Written after each backend, so a long run that fails later keeps what it measured.
    writeReport(HERE, scale, records, {
      scale, quick, date: new Date().toISOString(), duration_s: Math.round((Date.now() - started) / 1000), sizes: size, machine, backends: backendInfo,
    });
  }
  if (failed) throw new Error('A backend failed; the report holds what was measured.');
  const info: RunInfo = {
    scale, quick, date: new Date().toISOString(), duration_s: Math.round((Date.now() - started) / 1000),
    sizes: size,
    machine,
    backends: backendInfo,
  };
  writeReport(HERE, scale, records, info);
  log(`\nWrote bench/results.json, bench/run-info.json and bench/RESULTS.md (${info.duration_s} s).`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
