import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** Seconds from spawn to the first 200 from /api/health. */
  readySeconds: number;
  /** Peak resident set size so far (Linux VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** VmHWM (peak RSS) of a process from /proc, in MB; NaN where /proc is missing. */
function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts the real API server (`api/server.ts`, one node process with the tsx loader so
 * its RSS is the API's own) on a free loopback port, on the given database.
 */
export async function startServer(env: { DATA_DIR?: string; DATABASE_URL?: string }, log: (m: string) => void): Promise<RunningServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', ...env };
  delete childEnv.DATABASE_READ_URL;
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], { cwd: REPO, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API server did not answer within 180 s:\n${output}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readySeconds = (performance.now() - started) / 1000;
  log(`  API server ready on port ${port} in ${readySeconds.toFixed(1)} s`);
  return {
    child, port, readySeconds,
    peakRssMb: () => vmHwmMb(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  target: string;
  connections: number;
  duration_s: number;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
}

/** autocannon on loopback: `connections` connections for `duration` s, cycling through `paths`. */
export async function load(server: RunningServer, target: string, paths: string[], token: string, duration: number, connections = 50): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration,
    headers: { authorization: `Bearer ${token}` },
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  });
  return {
    target, connections, duration_s: duration,
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
  };
}
