/**
 * The Lighthouse benchmark's results as Markdown (bench/LIGHTHOUSE.md), with a verdict
 * per goal. Written by bench/lighthouse.ts; `npx tsx bench/lighthouseReport.ts` writes it
 * again from bench/lighthouse-results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Performance and best-practices scores (0–100) every view must reach; the unit view's LCP on a phone. */
export const LIGHTHOUSE_GOALS = { performance: 90, bestPractices: 100, unitLcpMs: 3000 } as const;

export interface ViewResult {
  view: string; path: string; performance: number; best_practices: number; accessibility: number;
  fcp_ms: number; lcp_ms: number; tbt_ms: number; cls: number; speed_index_ms: number; transfer_kb: number;
  /** Audits with weight that did not pass, by id (what to fix). */
  failed_best_practices: string[]; failed_performance: string[];
}
export interface LighthouseRun { at: string; cpus: number; load_average: number; runs: number; lighthouse: string; results: ViewResult[] }

const atLeast = (value: number, goal: number) => (value >= goal ? 'met' : `**missed by ${goal - value} points**`);
const atMost = (value: number, goal: number) => (value <= goal ? `met (${Math.round((value / goal) * 100)} % of the limit)` : `**missed by ${(value / goal).toFixed(2)}×**`);

export function lighthouseReport(run: LighthouseRun): string {
  const goals: string[] = [];
  for (const r of run.results) {
    goals.push(`| performance, ${r.view} | ≥ ${LIGHTHOUSE_GOALS.performance} | ${r.performance} | ${atLeast(r.performance, LIGHTHOUSE_GOALS.performance)} |`);
    goals.push(`| best practices, ${r.view} | ${LIGHTHOUSE_GOALS.bestPractices} | ${r.best_practices} | ${atLeast(r.best_practices, LIGHTHOUSE_GOALS.bestPractices)} |`);
  }
  const unit = run.results.find((r) => r.view === 'unit');
  if (unit) goals.push(`| unit view shown on a phone (LCP) | < ${LIGHTHOUSE_GOALS.unitLcpMs / 1000} s | ${(unit.lcp_ms / 1000).toFixed(2)} s | ${atMost(unit.lcp_ms, LIGHTHOUSE_GOALS.unitLcpMs)} |`);
  return [
    '# Lighthouse results',
    '',
    `Written by \`npx tsx bench/lighthouse.ts\` on ${run.at} (Lighthouse ${run.lighthouse}, mobile preset: simulated slow 4G and a 4× slower CPU; ${run.cpus} cores, load ${run.load_average}); do not edit by hand. The built product on the embedded database with the demo data, in Debian's Chromium; signed-in views as an administrator. Each view ran ${run.runs} times; the table keeps the median run by performance score.`,
    '',
    '| goal | target | measured | verdict |',
    '|---|---|---|---|',
    ...goals,
    '',
    '| view | path | performance | best practices | accessibility | FCP ms | LCP ms | TBT ms | CLS | speed index ms | transferred kB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...run.results.map((r) => `| ${r.view} | \`${r.path}\` | ${r.performance} | ${r.best_practices} | ${r.accessibility} | ${r.fcp_ms} | ${r.lcp_ms} | ${r.tbt_ms} | ${r.cls} | ${r.speed_index_ms} | ${r.transfer_kb} |`),
    '',
    'Audits with weight that did not pass (what would raise the scores):',
    '',
    ...run.results.map((r) => `- ${r.view}: performance ${r.failed_performance.map((a) => `\`${a}\``).join(', ') || 'none'}; best practices ${r.failed_best_practices.map((a) => `\`${a}\``).join(', ') || 'none'}`),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const run = JSON.parse(fs.readFileSync(path.join(HERE, 'lighthouse-results.json'), 'utf8')) as LighthouseRun;
  fs.writeFileSync(path.join(HERE, 'LIGHTHOUSE.md'), lighthouseReport(run));
}
