/**
 * `npx tsx bench/lighthouse.ts [--runs N]`: Lighthouse (mobile preset: a mid-range phone
 * on a slow 4G connection, simulated) against the built product on the embedded database
 * with the demo data, in Debian's Chromium. Views: the sign-in page, and signed in as an
 * administrator the overview, a unit's contacts and the information needs. Each view is run N
 * times (default 3) and the median run by performance score is kept, as Lighthouse's own
 * advice for variance says. Goals: performance ≥ 90 and best practices 100 on every view,
 * the unit view's largest contentful paint under 3 s. Writes bench/lighthouse-results.json
 * and bench/LIGHTHOUSE.md and prints a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from './server.js';
import { lighthouseReport, type LighthouseRun, type ViewResult } from './lighthouseReport.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EMAIL = 'lighthouse@example.se';
const PASSWORD = 'Fjord-Lantern-77';

const log = (m: string) => console.log(m);

if (!fs.existsSync(path.join(REPO, 'dist/client/index.html'))) throw new Error('No built client in dist/client: run `npm run build` first.');
if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-lighthouse-'));
const server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'true', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD } as Record<string, string>, log);
const origin = `http://127.0.0.1:${server.port}`;
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
try {
  const signIn = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`Sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const units = (await (await fetch(`${origin}/api/units`, { headers: { cookie } })).json()) as { features: { id: number; properties: { name: string } }[] };
  const unit = units.features.find((f) => /Kallebäck/.test(f.properties.name)) ?? units.features[0]!;

  const views: { name: string; path: string; signedIn: boolean }[] = [
    { name: 'sign-in', path: '/', signedIn: false },
    { name: 'overview', path: '/', signedIn: true },
    { name: 'unit', path: `/units/${unit.id}`, signedIn: true },
    { name: 'needs', path: '/information-needs', signedIn: true },
  ];
  const results: ViewResult[] = [];
  for (const view of views) {
    const attempts: ViewResult[] = [];
    for (let i = 0; i < runs; i++) {
      const answer = await lighthouse(`${origin}${view.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'best-practices', 'accessibility'],
        ...(view.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      if (!answer) throw new Error(`Lighthouse gave no result for ${view.name}`);
      const { categories, audits, runtimeError } = answer.lhr;
      if (runtimeError) throw new Error(`Lighthouse failed on ${view.name}: ${runtimeError.code} ${runtimeError.message}`);
      const num = (id: string) => audits[id]?.numericValue ?? Number.NaN;
      const failed = (category: string) =>
        (answer.lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id);
      attempts.push({
        view: view.name, path: view.path,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        best_practices: Math.round((categories['best-practices']?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        fcp_ms: Math.round(num('first-contentful-paint')),
        lcp_ms: Math.round(num('largest-contentful-paint')),
        tbt_ms: Math.round(num('total-blocking-time')),
        cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
        speed_index_ms: Math.round(num('speed-index')),
        transfer_kb: Math.round(num('total-byte-weight') / 1024),
        failed_best_practices: failed('best-practices'),
        failed_performance: failed('performance'),
      });
    }
    attempts.sort((a, b) => a.performance - b.performance);
    const median = attempts[Math.floor(attempts.length / 2)]!;
    log(`  ${view.name}: performance ${attempts.map((a) => a.performance).join(', ')} (median ${median.performance}), LCP ${median.lcp_ms} ms`);
    results.push(median);
  }
  const run: LighthouseRun = { at: new Date().toISOString(), cpus: os.cpus().length, load_average: Math.round(os.loadavg()[0]! * 100) / 100, runs, lighthouse: '12.2.3', results };
  fs.writeFileSync(path.join(HERE, 'lighthouse-results.json'), `${JSON.stringify(run, null, 2)}\n`);
  const md = lighthouseReport(run);
  fs.writeFileSync(path.join(HERE, 'LIGHTHOUSE.md'), md);
  console.log(md);
} finally {
  await chrome.kill();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
