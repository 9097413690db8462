import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/**
 * Compression of dynamic answers (API JSON, CSV, GeoJSON, vector tiles, the page),
 * honouring `Accept-Encoding`: brotli when the client takes it, else gzip. The built
 * client's files are compressed once at build time (scripts/precompress.ts) and served
 * as they are; this middleware leaves any answer that already has a `Content-Encoding`
 * alone.
 */

/** Answers smaller than this go out as they are: below a packet, compressing only costs time. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Brotli level for answers made per request. Level 11 (the default) is for files
 * compressed once; level 5 compresses JSON nearly as well at a small fraction of the time.
 */
const DYNAMIC_BROTLI_QUALITY = 5;

/** Media types worth compressing; images and archives are compressed already. */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|geo\+json|problem\+json|javascript|xml|vnd\.oai\.openapi|x-protobuf|vnd\.mapbox-vector-tile)|image\/svg\+xml)/i;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from an `Accept-Encoding` header (RFC 9110 §12.5.3):
 * `q=0` refuses a coding, `*` stands for any not named; brotli wins a tie.
 */
export function chooseEncoding(header: string | undefined | null): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (coding: Encoding) => q.get(coding) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gzip = Math.max(weight('gzip'), q.get('x-gzip') ?? 0);
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compresses `body` for `encoding` at the level for answers made per request. */
export function compressBody(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzip(body, { level: 6 });
}

/** The middleware: compresses answers of compressible types at or above the threshold. */
export const compressAnswers = (): MiddlewareHandler => async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding')) return;
  if (res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return;
  if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
  if (/\bno-transform\b/i.test(res.headers.get('Cache-Control') ?? '')) return;
  // Whatever the coding chosen, a cache must key the answer on the request's Accept-Encoding.
  const vary = res.headers.get('Vary');
  if (!vary || !/accept-encoding/i.test(vary)) res.headers.append('Vary', 'Accept-Encoding');
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
  if (!encoding) return;
  const length = Number(res.headers.get('Content-Length'));
  if (Number.isFinite(length) && length > 0 && length < COMPRESSION_THRESHOLD_BYTES) return;
  const body = Buffer.from(await res.arrayBuffer());
  const small = body.length < COMPRESSION_THRESHOLD_BYTES;
  // Hono copies the old answer's headers onto a new one; the length and coding are set after.
  c.res = new Response(new Uint8Array(small ? body : await compressBody(body, encoding)), res);
  if (small) return;
  c.res.headers.delete('Content-Length');
  c.res.headers.set('Content-Encoding', encoding);
};
