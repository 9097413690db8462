/**
 * Compression: dynamic answers are brotli- or gzip-compressed by Accept-Encoding above
 * the threshold, decompress to exactly the uncompressed answer, and carry Vary; the
 * built client's files are sent precompressed, with long caching for hashed assets only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR } from '../app.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { TEST_USERS } from '../test/fixtures.js';
import { chooseEncoding, COMPRESSION_THRESHOLD_BYTES } from './compression.js';
import { precompressDir } from '../../scripts/precompress.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const get = (urlPath: string, acceptEncoding?: string) =>
  t.app.request(`http://localhost${urlPath}`, {
    headers: { authorization: `Bearer ${TEST_USERS.viewer.token}`, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
  });

const decode = (encoding: string | null, body: Buffer): string =>
  (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');

describe('chooseEncoding', () => {
  it('prefers brotli, honours q=0 and the wildcard', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0.2, br;q=0.1')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it('never picks a coding the header refuses', () => {
    const coding = fc.constantFrom('br', 'gzip', 'deflate', 'identity', '*', 'zstd');
    const part = fc.tuple(coding, fc.option(fc.constantFrom('0', '0.5', '1', '0.001'), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const header = parts.map(([c, q]) => (q === undefined ? c : `${c};q=${q}`)).join(', ');
        const chosen = chooseEncoding(header);
        if (chosen === null) return;
        const named = parts.filter(([c]) => c === chosen);
        const refused = named.length ? named.every(([, q]) => q === '0') : parts.filter(([c]) => c === '*').every(([, q]) => q === '0');
        expect(refused, header).toBe(false);
      }),
    );
  });
});

describe('dynamic answers', () => {
  it('compress a large JSON answer with brotli or gzip, to exactly the plain answer', async () => {
    const plain = await get('/api/information-needs?limit=200', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    for (const [header, expected] of [['br, gzip', 'br'], ['gzip', 'gzip']] as const) {
      const res = await get('/api/information-needs?limit=200', header);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(expected);
      expect(res.headers.get('vary') ?? '').toMatch(/accept-encoding/i);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length).toBeLessThan(text.length / 3);
      expect(JSON.parse(decode(expected, body))).toEqual(JSON.parse(text));
    }
  });

  it('leave small answers, HEAD and clients without an encoding alone', async () => {
    const health = await get('/api/health', 'br');
    expect(health.headers.get('content-encoding')).toBeNull();
    expect((await health.json()).status).toBe('ok');
    const none = await get('/api/units');
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(none.headers.get('vary') ?? '').toMatch(/accept-encoding/i);
  });

  it('compress CSV downloads too', async () => {
    const plain = Buffer.from(await (await get('/api/exports/actors?format=csv')).arrayBuffer()).toString('utf8');
    const csv = await get('/api/exports/actors?format=csv', 'gzip');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-encoding')).toBe('gzip');
    // Same rows and columns (a timestamp column may differ by the moment of the export).
    const lines = (text: string) => text.split('\r\n').map((l) => l.split(',').length);
    const decoded = decode('gzip', Buffer.from(await csv.arrayBuffer()));
    expect(decoded.split('\r\n')[0]).toBe(plain.split('\r\n')[0]);
    expect(lines(decoded)).toEqual(lines(plain));
  });
});

describe('the built client', () => {
  it('precompressDir writes smaller .br and .gz copies that decompress to the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-precompress-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      const js = 'export const a = "Platssamverkan";\n'.repeat(200);
      fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), js);
      fs.writeFileSync(path.join(dir, 'tiny.css'), 'a{}');
      fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096, 7));
      const { files } = precompressDir(dir);
      expect(files).toBe(1);
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'assets', 'index-abc.js.br'))).toString()).toBe(js);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(js);
      expect(fs.existsSync(path.join(dir, 'tiny.css.br'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'photo.png.br'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends the bundle precompressed, cached for good, and the page never cached for good', async () => {
    const assets = path.join(CLIENT_DIR, 'assets');
    if (!fs.existsSync(assets)) throw new Error('The client is not built: run "npm run build" (npm test does it first).');
    const script = fs.readdirSync(assets).find((f) => f.endsWith('.js') && fs.existsSync(path.join(assets, `${f}.br`)));
    expect(script, 'a .js file of the build with its .br copy').toBeDefined();
    const original = fs.readFileSync(path.join(assets, script!));
    const br = await get(`/assets/${script}`, 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toMatch(/immutable/);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(original)).toBe(true);
    const gz = await get(`/assets/${script}`, 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(original)).toBe(true);
    const plain = await get(`/assets/${script}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);

    const page = await get('/units/1', 'br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(decode(page.headers.get('content-encoding'), Buffer.from(await page.arrayBuffer()))).toMatch(/<div id="root">|<html/);
  });
});
