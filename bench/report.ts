import fs from 'node:fs';
import path from 'node:path';
import type { Scale } from './generate.js';
import type { LoadResult } from './server.js';
import type { BenchRecord } from './workloads.js';

export interface BackendInfo {
  backend: 'pglite' | 'postgresql';
  /** Whether this backend's figures come from a --quick run, and when it ran. */
  quick: boolean;
  date: string;
  first_start_s: number;
  warm_start_s: number;
  server_ready_s: number;
  load_s: number;
  index_build_s: number;
  rss_after_start_mb: number;
  peak_rss_mb: number;
  load_tests: LoadResult[];
  /** The machine's 1-minute load average during this backend's run (sampled every 5 s): how busy it was besides the benchmark. */
  load_avg_1m?: { start: number; mean: number; max: number };
}

export interface RunInfo {
  scale: Scale;
  quick: boolean;
  date: string;
  duration_s: number;
  sizes: { units: number; actors: number; childPlaces: number };
  machine: { os: string; cpus: number; cpu_model: string; memory_gb: number; node: string };
  backends: BackendInfo[];
}

interface Goal {
  what: string;
  scale: Scale;
  backend: 'pglite' | 'postgresql';
  limit: number;
  unit: string;
  measure: (records: BenchRecord[], info: BackendInfo) => number | undefined;
}

const rec = (records: BenchRecord[], w: string) => records.find((r) => r.workload === w);
const load = (info: BackendInfo, target: string) => info.load_tests.find((l) => l.target.startsWith(target));

/** The performance goals, each checked against the run that can answer it. */
export const GOALS: Goal[] = [
  { what: 'W1 contacts p95', scale: 'national', backend: 'postgresql', limit: 10, unit: 'ms', measure: (r) => rec(r, 'W1')?.p95_ms },
  { what: 'W2 child places p95', scale: 'national', backend: 'postgresql', limit: 10, unit: 'ms', measure: (r) => rec(r, 'W2')?.p95_ms },
  { what: 'W4 site analysis p95', scale: 'national', backend: 'postgresql', limit: 20, unit: 'ms', measure: (r) => rec(r, 'W4')?.p95_ms },
  { what: 'W3 all information needs p95', scale: 'national', backend: 'postgresql', limit: 1000, unit: 'ms', measure: (r) => rec(r, 'W3')?.p95_ms },
  { what: 'API overhead W1 (÷ raw SQL, p50)', scale: 'national', backend: 'postgresql', limit: 1.5, unit: '×', measure: (r) => rec(r, 'W1')?.vs_raw_sql ?? undefined },
  { what: 'API overhead W2 (÷ raw SQL, p50)', scale: 'national', backend: 'postgresql', limit: 1.5, unit: '×', measure: (r) => rec(r, 'W2')?.vs_raw_sql ?? undefined },
  { what: 'API overhead W4 (÷ raw SQL, p50)', scale: 'national', backend: 'postgresql', limit: 1.5, unit: '×', measure: (r) => rec(r, 'W4')?.vs_raw_sql ?? undefined },
  { what: 'W1 vs naive scan (vs_naive)', scale: 'national', backend: 'postgresql', limit: 0.05, unit: '×', measure: (r) => rec(r, 'W1')?.vs_naive ?? undefined },
  { what: 'W1 vs in-memory index (vs_index)', scale: 'national', backend: 'postgresql', limit: 10, unit: '×', measure: (r) => rec(r, 'W1')?.vs_index ?? undefined },
  { what: 'Load W1, 50 connections: p99', scale: 'national', backend: 'postgresql', limit: 100, unit: 'ms', measure: (_, i) => load(i, 'W1')?.p99_ms },
  { what: 'Load W1, 50 connections: errors (incl. timeouts) + non-2xx', scale: 'national', backend: 'postgresql', limit: 0, unit: '', measure: (_, i) => { const l = load(i, 'W1'); return l && l.errors + l.non_2xx; } },
  { what: 'API peak RSS', scale: 'national', backend: 'postgresql', limit: 300, unit: 'MB', measure: (_, i) => i.peak_rss_mb },
  { what: 'Embedded W1 contacts p95', scale: 'city', backend: 'pglite', limit: 20, unit: 'ms', measure: (r) => rec(r, 'W1')?.p95_ms },
  { what: 'Embedded warm start', scale: 'city', backend: 'pglite', limit: 5, unit: 's', measure: (_, i) => i.warm_start_s },
];

const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x.toFixed(digits)).toString());

function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/**
 * Merges this run into bench/results.json (one record per workload, backend and
 * scale; records of other scales and of backends not in this run are kept) and bench/run-info.json, and rewrites bench/RESULTS.md
 * from both.
 */
export function writeReport(dir: string, scale: Scale, records: BenchRecord[], info: RunInfo): void {
  const resultsFile = path.join(dir, 'results.json');
  const infoFile = path.join(dir, 'run-info.json');
  const ran = new Set(info.backends.map((b) => b.backend));
  for (const r of records) ran.add(r.backend);
  const allRecords = [...readJson<BenchRecord[]>(resultsFile, []).filter((r) => r.scale !== scale || !ran.has(r.backend)), ...records];
  const infos = readJson<Partial<Record<Scale, RunInfo>>>(infoFile, {});
  const previous = infos[scale]?.backends.filter((b) => !ran.has(b.backend)) ?? [];
  const allInfo = { ...infos, [scale]: { ...info, backends: [...previous, ...info.backends] } };
  fs.writeFileSync(resultsFile, JSON.stringify(allRecords, null, 2) + '\n');
  fs.writeFileSync(infoFile, JSON.stringify(allInfo, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'RESULTS.md'), renderMarkdown(allRecords, allInfo));
}

export function renderMarkdown(records: BenchRecord[], infos: Partial<Record<Scale, RunInfo>>): string {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push('Written by `npm run bench` (bench/run.ts); do not edit by hand. Times are milliseconds unless marked. ' +
    'Ratios are this workload\'s p50 ÷ the baseline\'s p50 in the same run: `vs_naive` a JavaScript scan of every point with turf.distance, ' +
    '`vs_index` an in-memory kdbush/geokdbush index, `vs_raw_sql` the same SQL without HTTP (the API\'s overhead). ' +
    'Below 1 the API is faster than the baseline.', '');

  out.push('## Goals', '');
  out.push('| goal | scale, backend | target | measured | verdict |', '|---|---|---|---|---|');
  for (const g of GOALS) {
    const run = infos[g.scale];
    const b = run?.backends.find((x) => x.backend === g.backend);
    const m = b ? g.measure(records.filter((r) => r.scale === g.scale && r.backend === g.backend), b) : undefined;
    let verdict = 'not measured in these runs';
    if (m !== undefined && !Number.isNaN(m)) {
      if (m <= g.limit) verdict = g.limit > 0 ? `met (${fmt((m / g.limit) * 100, 0)} % of the limit)` : 'met';
      else verdict = g.limit > 0 ? `**missed by ${fmt(m / g.limit, 2)}×** (${fmt(m - g.limit)} ${g.unit} over)` : `**missed** (${m})`;
      if (b?.quick) verdict += ', quick run';
    }
    out.push(`| ${g.what} | ${g.scale}, ${g.backend} | ≤ ${g.limit} ${g.unit} | ${m === undefined ? '–' : `${fmt(m)} ${g.unit}`} | ${verdict} |`);
  }
  out.push('');

  for (const scale of ['city', 'national'] as const) {
    const run = infos[scale];
    if (!run) continue;
    out.push(`## Scale ${scale}: ${run.sizes.units} units, ${run.sizes.actors} actors, ${run.sizes.childPlaces} child places`, '');
    out.push(`Run ${run.date}, ${run.duration_s} s. Machine: ${run.machine.os}, ${run.machine.cpus} × ${run.machine.cpu_model}, ` +
      `${run.machine.memory_gb} GB, Node ${run.machine.node}. The load column below says how busy the machine was during each backend's run ` +
      `(1-minute load average; above the number of cores, work queued for a CPU and times grow).`, '');
    out.push('| workload | backend | p50 | p95 | p99 | rows | vs_naive | vs_index | vs_raw_sql | naive p50 | index p50 | raw SQL p50 | n | note |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of records.filter((x) => x.scale === scale)) {
      out.push(`| ${r.workload} | ${r.backend} | ${fmt(r.p50_ms)} | ${fmt(r.p95_ms)} | ${fmt(r.p99_ms)} | ${r.rows} | ${fmt(r.vs_naive, 4)} | ${fmt(r.vs_index, 2)} | ${fmt(r.vs_raw_sql, 2)} | ${fmt(r.naive_p50_ms)} | ${fmt(r.index_p50_ms)} | ${fmt(r.raw_sql_p50_ms)} | ${r.iterations} | ${r.note ?? ''} |`);
    }
    out.push('');
    out.push('| backend | run | first start | warm start | server ready | data load | index build (baseline) | RSS after start | API peak RSS | load avg (start / mean / max) |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const b of run.backends) {
      const la = b.load_avg_1m ? `${fmt(b.load_avg_1m.start, 1)} / ${fmt(b.load_avg_1m.mean, 1)} / ${fmt(b.load_avg_1m.max, 1)}` : '–';
      out.push(`| ${b.backend} | ${b.date}${b.quick ? ' (quick)' : ''} | ${fmt(b.first_start_s, 1)} s | ${fmt(b.warm_start_s, 1)} s | ${fmt(b.server_ready_s, 1)} s | ${fmt(b.load_s, 1)} s | ${fmt(b.index_build_s, 2)} s | ${fmt(b.rss_after_start_mb, 0)} MB | ${fmt(b.peak_rss_mb, 0)} MB | ${la} |`);
    }
    out.push('');
    out.push('HTTP load (autocannon on 127.0.0.1 against `api/server.ts`):', '');
    out.push('| backend | target | connections | duration | req/s | p50 | p99 | requests | errors (incl. timeouts) | timeouts | non-2xx |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const b of run.backends) {
      for (const l of b.load_tests) {
        out.push(`| ${b.backend} | ${l.target} | ${l.connections} | ${l.duration_s} s | ${l.requests_per_s} | ${l.p50_ms} | ${l.p99_ms} | ${l.requests} | ${l.errors} | ${l.timeouts} | ${l.non_2xx} |`);
      }
    }
    out.push('');
  }
  out.push('## How to read this', '');
  out.push('- **first start** creates the database and runs the migrations (on the embedded database this includes creating PostGIS); ' +
    '**warm start** opens the loaded database again and checks the migrations; **server ready** is from spawning `api/server.ts` to its first 200 on `/api/health`.');
  out.push('- **API peak RSS** is the server process\'s VmHWM after the load tests; with the embedded database the database lives in that process too.');
  out.push('- W5 rows are features returned (GeoJSON pages stop at 10,000 per layer); W5 tiles rows are tiles fetched for the view (3 layers).');
  out.push('- W6 runs once: the product importer against a bulk `INSERT … SELECT FROM jsonb_to_recordset` of the same rows (vs_raw_sql).');
  out.push('- See docs/ARCHITECTURE.md ("Scale-out" and "Performance findings") for why a goal is missed and what would fix it.', '');
  return out.join('\n');
}
