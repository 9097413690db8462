/**
 * Behind a real TLS-terminating reverse proxy: Debian's nginx with a certificate made for this
 * run, in front of the real server started with PUBLIC_URL and TRUST_PROXY. Sign-in, a write,
 * the cookie's flags, HSTS and the OGC links, as a browser on https sees them.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';
import { freePort } from './freePort.js';
import { startServer, type RunningServer } from './server.js';

const run = promisify(execFile);

/** nginx and openssl, which CI installs (`.ci/run`); missing here, the test is skipped loudly, and fails under CI. */
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((p) => fs.existsSync(p));
const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((p) => fs.existsSync(p));
if (!NGINX || !OPENSSL) {
  const message = `${NGINX ? 'openssl' : 'nginx'} is not installed: the test behind a TLS reverse proxy is SKIPPED. Install it with "apt-get install nginx openssl".`;
  if (process.env.CI === 'true') throw new Error(`${message} CI requires it.`);
  console.warn(`\n!!! ${message}\n`);
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe.skipIf(!NGINX || !OPENSSL)('behind nginx with TLS', () => {
  let dir: string;
  let server: RunningServer;
  let nginx: ChildProcess;
  let origin: string;
  let ca: Buffer;
  const nginxLog: string[] = [];

  /** One https request through the proxy, trusting only this run's certificate. */
  const request = (method: string, urlPath: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(new URL(urlPath, origin), {
        method, ca, agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...headers },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(payload);
    });

  const signIn = async () => {
    const res = await request('POST', '/api/auth/login', { origin }, { email: TEST_USERS.editor.email, password: TEST_PASSWORD });
    expect(res.status, res.body).toBe(200);
    return res;
  };
  const cookieOf = (res: Answer) => String((res.headers['set-cookie'] as string[])[0]).split(';')[0]!;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-tls-'));
    // nginx's workers run as nobody when the tests run as root; they must reach their temp folders.
    fs.chmodSync(dir, 0o755);
    await run(OPENSSL!, [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ]);
    ca = fs.readFileSync(path.join(dir, 'cert.pem'));
    const port = await freePort();
    origin = `https://localhost:${port}`;
    server = await startServer({ PUBLIC_URL: origin, TRUST_PROXY: 'true' });
    const upstream = new URL(server.baseUrl).host;
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    client_max_body_size 60m;
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`);
    nginx = spawn(NGINX!, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout!.on('data', (c: Buffer) => nginxLog.push(c.toString()));
    nginx.stderr!.on('data', (c: Buffer) => nginxLog.push(c.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${nginxLog.join('')}`);
      try {
        if ((await request('GET', '/api/health')).status === 200) break;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin} within 20 s (${(err as Error).message}):\n${nginxLog.join('')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, 180_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (nginx.exitCode === null) nginx.kill('SIGKILL');
    }
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with the browser\'s https Origin and sets __Host-ps_session with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
    const res = await signIn();
    const set = (res.headers['set-cookie'] as string[]).join('\n');
    expect(set).toMatch(/^__Host-ps_session=[^;]+;/);
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//]) expect(set).toMatch(flag);
    expect(set).not.toMatch(/Domain=/i);
    const me = await request('GET', '/api/auth/me', { cookie: cookieOf(res) });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).email).toBe(TEST_USERS.editor.email);
  });

  it('sends HSTS for a year and the Permissions-Policy', async () => {
    const res = await request('GET', '/api/health');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it('accepts a write from its own https origin and refuses a foreign or plain-http one', async () => {
    const cookie = cookieOf(await signIn());
    const ok = await request('POST', '/api/auth/tokens', { cookie, origin }, { name: 'through the proxy' });
    expect(ok.status, ok.body).toBe(201);
    for (const foreign of ['https://evil.example', origin.replace('https:', 'http:')]) {
      const refused = await request('POST', '/api/auth/tokens', { cookie, origin: foreign }, { name: 'forged' });
      expect(refused.status, foreign).toBe(403);
    }
  });

  it('OGC links say https and the public host and port', async () => {
    const auth = { authorization: `Bearer ${TEST_USERS.viewer.token}` };
    const landing = JSON.parse((await request('GET', '/ogc', auth)).body);
    for (const link of landing.links) expect(link.href.startsWith(`${origin}/`), link.href).toBe(true);
    const page = JSON.parse((await request('GET', '/ogc/collections/units/items?limit=1', auth)).body);
    const rels = Object.fromEntries(page.links.map((l: { rel: string; href: string }) => [l.rel, l.href]));
    expect(rels.self).toBe(`${origin}/ogc/collections/units/items?limit=1&offset=0`);
    expect(rels.next).toBe(`${origin}/ogc/collections/units/items?limit=1&offset=1`);
    expect(rels.collection).toBe(`${origin}/ogc/collections/units`);
  });

  it('a session cookie over the proxy is not taken under the plain-http name', async () => {
    const token = cookieOf(await signIn()).split('=')[1]!;
    expect((await request('GET', '/api/auth/me', { cookie: `ps_session=${token}` })).status).toBe(401);
  });
});
