/**
 * End-to-end harness: the real built product (API + client) on a copy of the
 * test template database, driven by Debian's Chromium through playwright-core.
 * Every page records console errors, uncaught exceptions and CSP violations;
 * `expectClean(page)` fails the test on any of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../api/test/freePort.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { TEST_PASSWORD, TEST_USERS, type TestRole } from '../api/test/fixtures.js';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, dropDatabase, withDatabase } from '../api/db/databases.js';
import { pgliteTemplateDir, pgTemplateDb, testDatabaseName } from '../api/test/templates.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT_INDEX = path.join(ROOT, 'dist/client/index.html');

/** Whether the browser tests can run here; without Chromium they are skipped loudly, and fail under CI. */
export const hasChromium = (() => {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM}: the browser end-to-end tests are SKIPPED. Install it with "apt-get install chromium".`;
  if (process.env.CI === 'true') throw new Error(`${message} CI requires them.`);
  console.warn(`\n!!! ${message}\n`);
  return false;
})();

export { TEST_PASSWORD, TEST_USERS };

export interface Product {
  baseUrl: string;
  /** Origin of the configured basemap style, unreachable on purpose (no network in tests). */
  basemapOrigin: string;
  browser: Browser;
  /** A new browser context and page; signed in as `role` unless `role` is null. */
  open(options?: OpenOptions): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

export interface OpenOptions {
  role?: TestRole | null;
  lang?: 'sv' | 'en';
  viewport?: { width: number; height: number };
  /** Reach the product as http://localhost:PORT rather than 127.0.0.1: WebAuthn takes no IP address as its relying party. */
  localhost?: boolean;
}

export type Backend = 'pglite' | 'postgresql';

/**
 * The databases the journeys that write run on: the embedded one always, and the
 * PostgreSQL server when TEST_DATABASE_URL names one (without it the global setup has
 * already said so loudly, and failed the run under CI).
 */
export const E2E_BACKENDS: readonly Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export interface StartOptions {
  /** The database the product runs on: a copy of the test template on either engine (default `pglite`). */
  backend?: Backend;
  /**
   * `offline` (default): the basemap URL points at a closed local port, as when there is no
   * network. `online`: a local server answers with `ONLINE_STYLE`, standing in for the real host.
   */
  basemap?: 'offline' | 'online';
  /** More environment for the server (settings such as TILE_THRESHOLD). */
  env?: Record<string, string>;
}

/** The style the stand-in basemap host serves: one background colour, easy to find in a screenshot. */
export const ONLINE_STYLE = {
  version: 8,
  name: 'e2e stand-in basemap',
  sources: {},
  layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#c8e6f0' } }],
} as const;

function serveStyle(): Promise<{ origin: string; close: () => void }> {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      res.writeHead(req.url === '/style.json' ? 200 : 404, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(req.url === '/style.json' ? JSON.stringify(ONLINE_STYLE) : '{}');
    });
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => srv.close() });
    });
  });
}

/**
 * Starts the product before the tests of the describe block it is called in and
 * stops it after them; the answer stands for the started product inside tests and
 * later hooks.
 */
export function useProduct(options?: StartOptions): Product {
  let started: Product | undefined;
  beforeAll(async () => {
    started = await startProduct(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as Product, {
    get(_target, key) {
      if (!started) throw new Error('The product is not started yet: use it inside a test or a later hook.');
      return started[key as keyof Product];
    },
  });
}

/** Starts the server on a fresh database copy and launches Chromium. */
export async function startProduct({ basemap = 'offline', env = {}, backend = 'pglite' }: StartOptions = {}): Promise<Product> {
  if (!fs.existsSync(CLIENT_INDEX)) throw new Error('The client is not built: run "npm run build" (npm test does it first).');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-e2e-'));
  const database = backend === 'postgresql' ? await serverDatabase() : null;
  if (!database) fs.cpSync(pgliteTemplateDir(), dataDir, { recursive: true });
  // env.PORT: a test that must know the address before the start (an OpenID provider's redirect URI) chooses it
  const port = env.PORT ? Number(env.PORT) : await freePort();
  // Offline: a port nothing listens on, so the basemap fails at once and the fallback style shows.
  const styleServer = basemap === 'online' ? await serveStyle() : null;
  const basemapOrigin = styleServer?.origin ?? `http://127.0.0.1:${await freePort()}`;
  const server = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'api/server.ts'], {
    cwd: ROOT,
    env: {
      ...withoutDatabaseUrl(process.env),
      PORT: String(port),
      DATA_DIR: dataDir,
      BASEMAP_STYLE_URL: `${basemapOrigin}/style.json`,
      HOST: '127.0.0.1',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  await waitForStart(server, log);
  const baseUrl = `http://127.0.0.1:${port}`;
  // The journeys are worth running twice only if the second run really is on the server.
  const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { database?: string };
  if (health.database !== backend) throw new Error(`The product runs on ${health.database}, not on ${backend}.`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl,
    basemapOrigin,
    browser,
    async open({ role = 'viewer', lang = 'sv', viewport = { width: 1280, height: 800 }, localhost = false } = {}) {
      const origin = localhost ? baseUrl.replace('127.0.0.1', 'localhost') : baseUrl;
      const context = await browser.newContext({ viewport, baseURL: origin, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
      await context.addInitScript((l: string) => {
        if (l === 'en' && !localStorage.getItem('platssamverkan.lang')) localStorage.setItem('platssamverkan.lang', 'en');
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
        });
      }, lang);
      if (role) {
        const res = await context.request.post(`${origin}/api/auth/login`, {
          data: { email: TEST_USERS[role].email, password: TEST_PASSWORD },
          headers: { Origin: origin },
        });
        if (res.status() !== 200) throw new Error(`Sign-in as ${role} failed: ${res.status()} ${await res.text()}`);
      }
      const page = await context.newPage();
      watch(page, basemapOrigin);
      return { context, page };
    },
    async stop() {
      await browser.close().catch(() => {});
      styleServer?.close();
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(null)));
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

/** A copy of the PostgreSQL test template for one product, dropped when it stops. */
async function serverDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('A PostgreSQL journey needs TEST_DATABASE_URL.');
  const name = testDatabaseName(`e2e_${crypto.randomBytes(4).toString('hex')}`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await createDatabase(admin, name, pgTemplateDb());
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

/** The environment without a DATABASE_URL of the shell, so that a PGlite journey stays on PGlite. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

function waitForStart(server: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 90 s:\n${log.join('')}`)), 90_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (log.join('').includes('Open http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${log.join('')}`));
    });
  });
}

const problems = new WeakMap<Page, string[]>();

/** Records what must not happen on a page; the unreachable basemap's failed loads are expected. */
function watch(page: Page, basemapOrigin: string): void {
  const list: string[] = [];
  problems.set(page, list);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (where.startsWith(basemapOrigin) && /Failed to load resource/.test(msg.text())) return;
    list.push(`console.error: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => list.push(`uncaught: ${err.message}`));
}

/**
 * Fails on any console error, uncaught exception or CSP violation seen on the page
 * so far. `allow` names expected ones, such as the browser's log line for the 401
 * of `/api/auth/me` before signing in.
 */
export function expectClean(page: Page, allow: RegExp[] = []): void {
  const seen = (problems.get(page) ?? []).filter((p) => !allow.some((re) => re.test(p)));
  expect(seen, 'console errors, exceptions or CSP violations').toEqual([]);
}

/** Options for `expect.poll`: vitest's default (1 s) is short for a browser on a busy machine. */
export const POLL = { timeout: 15_000, interval: 100 } as const;

/** Saves a screenshot to test-results/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Waits until the map has loaded its style and drawn (`data-map-ready` on the map box). */
export async function waitForMap(page: Page): Promise<void> {
  await page.locator('.map-box[data-map-ready="true"]').first().waitFor({ timeout: 20_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Waits until the map has stopped moving and drawn everything (`idle`). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForTimeout(50);
  await page.locator('.map-box:not([data-map-moving="true"])').first().waitFor({ timeout: 10_000 });
}

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core with the WCAG 2.0/2.1 A and AA rules and its best practices (landmarks,
 * unique landmark names, headings), and fails on any violation of any impact, moderate
 * and minor included.
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // The page's CSP (script-src 'self') blocks an injected <script> (addScriptTag); evaluating through
  // the DevTools protocol is not subject to it, so the scan leaves the page's CSP intact.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations;
  }) as AxeViolation[];
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(summary, `axe violations on ${view}`).toEqual([]);
}
