/**
 * Starts the real server (`api/server.ts`) as a child process on a free loopback
 * port, on its own copy of the test template database, for tests that need a real
 * HTTP client such as GDAL's `ogrinfo`.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.js';
import postgres from 'postgres';
import { backend } from './harness.js';
import { createDatabase, dropDatabase, withDatabase } from '../db/databases.js';
import { pgliteTemplateDir, pgTemplateDb } from './templates.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The server on a fresh copy of the template (a folder for PGlite, a database on the PostgreSQL
 * server), with `settings` added to its environment (PUBLIC_URL, TRUST_PROXY…).
 */
export async function startServer(settings: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', BASEMAP_STYLE_URL: 'http://127.0.0.1:9/style.json', ...settings };
  let cleanup: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-server-'));
    fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
    env.DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `ps_srv_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await createDatabase(admin, name, pgTemplateDb());
    env.DATABASE_URL = withDatabase(serverUrl, name);
    cleanup = async () => {
      await dropDatabase(admin, name);
      await admin.end();
    };
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'api/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 90 s:\n${log.join('')}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.push(chunk.toString());
      if (log.join('').includes('Open http://')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${log.join('')}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      await cleanup();
    },
  };
}
