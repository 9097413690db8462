/** What a real HTTP client sees on a real socket: a refused upload gets its 413 and a clean close. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.js';
import { startServer, type RunningServer } from './server.js';

const run = promisify(execFile);

/** curl as a second, independent HTTP client; CI installs it (`.ci/run`). */
const CURL = ['/usr/bin/curl', '/usr/local/bin/curl'].find((p) => fs.existsSync(p));
if (!CURL) {
  const message = 'curl is not installed: the curl half of the 413 test is SKIPPED. Install it with "apt-get install curl".';
  if (process.env.CI === 'true') throw new Error(`${message} CI requires it.`);
  console.warn(`\n!!! ${message}\n`);
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

interface Outcome {
  status: number;
  connection: string | undefined;
  body: string;
  /** How the socket ended: `closed` after the server's FIN, or the error the client saw. */
  ending: string;
}

/**
 * Sends a JSON body of `bytes` in small pieces, slower than the server takes to answer, and
 * stops sending once the answer has come (as curl and browsers do). A fresh socket per call.
 */
function slowUpload(bytes: number): Promise<Outcome> {
  const url = new URL('/api/auth/tokens', server.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: new http.Agent({ keepAlive: true }), headers: { 'content-type': 'application/json', 'content-length': String(bytes) } });
    let answered = false;
    let sent = 0;
    const piece = Buffer.alloc(16 * 1024, 'a');
    const pump = () => {
      if (answered || sent >= bytes) return;
      const n = Math.min(piece.length, bytes - sent);
      sent += n;
      req.write(piece.subarray(0, n));
      setTimeout(pump, 40);
    };
    req.once('error', reject);
    req.once('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('error', reject);
      res.once('end', () => {
        const outcome = { status: res.statusCode!, connection: res.headers.connection, body: Buffer.concat(chunks).toString() };
        const socket = req.socket!;
        if (socket.destroyed) return resolve({ ...outcome, ending: 'closed' });
        const timer = setTimeout(() => resolve({ ...outcome, ending: 'still open 3 s after the answer' }), 3_000);
        socket.once('error', (err) => resolve({ ...outcome, ending: `error ${(err as NodeJS.ErrnoException).code}` }));
        socket.once('close', () => {
          clearTimeout(timer);
          resolve({ ...outcome, ending: 'closed' });
        });
      });
    });
    pump();
  });
}

describe('413 on a real socket', () => {
  it('answers a too-large upload with 413 and Connection: close, and closes the connection cleanly', async () => {
    const outcome = await slowUpload(DEFAULTS.entityBodyLimitBytes * 4);
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body).error.code).toBe('payload_too_large');
    expect(outcome.connection).toBe('close');
    expect(outcome.ending).toBe('closed');
  });

  it('lets a client that reads the answer late finish sending: no reset, the answer whole, then the server\'s close', async () => {
    const { hostname, port } = new URL(server.baseUrl);
    const total = DEFAULTS.entityBodyLimitBytes * 4;
    const result = await new Promise<{ answer: string; error?: string; ended: boolean }>((resolve) => {
      const socket = net.connect(Number(port), hostname);
      const received: Buffer[] = [];
      let error: string | undefined;
      let ended = false;
      socket.on('data', (c: Buffer) => received.push(c));
      socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code));
      socket.on('end', () => (ended = true));
      socket.on('close', () => resolve({ answer: Buffer.concat(received).toString(), error, ended }));
      socket.write(`POST /api/auth/tokens HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`);
      let sent = 0;
      const piece = Buffer.alloc(32 * 1024, 'a');
      const pump = () => {
        if (socket.destroyed) return;
        if (sent >= total) return void socket.end();
        const n = Math.min(piece.length, total - sent);
        sent += n;
        socket.write(piece.subarray(0, n));
        setTimeout(pump, 60);
      };
      pump();
    });
    expect(result.error).toBeUndefined();
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(result.answer).toContain('payload_too_large');
    expect(result.ended).toBe(true);
  });

  it.skipIf(!CURL)('curl gets the 413 and exits without a transfer error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-413-'));
    try {
      const file = path.join(dir, 'big.json');
      fs.writeFileSync(file, `{"name":"${'a'.repeat(2 * 1024 * 1024)}"}`);
      const { stdout } = await run(CURL!, [
        '-sS', '-o', path.join(dir, 'out'), '-D', '-', '-w', '%{http_code}', '-H', 'content-type: application/json', '-H', 'Expect:',
        '--limit-rate', '1M', '--data-binary', `@${file}`, `${server.baseUrl}/api/auth/tokens`,
      ]);
      expect(stdout.trim().endsWith('413'), stdout).toBe(true);
      expect(stdout).toMatch(/^connection: close/im);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'out'), 'utf8')).error.code).toBe('payload_too_large');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps an ordinary connection alive', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () => new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
      http.get(new URL('/api/health', server.baseUrl), { agent }, (res) => {
        res.resume();
        res.once('end', () => resolve({ status: res.statusCode!, socket: res.socket }));
      }).once('error', reject);
    });
    const first = await get();
    const second = await get();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.socket).toBe(first.socket);
    agent.destroy();
  });
});
