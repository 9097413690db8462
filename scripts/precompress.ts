import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a brotli (`.br`, level 11) and a gzip (`.gz`, level 9) copy beside each
 * compressible file of the built client, once at build time, so that the server sends
 * them as they are (`serveStatic({ precompressed: true })`) instead of compressing the
 * same bundle on every request. A copy that would not be smaller is not written.
 */
export const PRECOMPRESSED_EXTENSIONS = ['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.map'];

/** Files smaller than this are sent as they are (the server's threshold for answers too). */
const MIN_BYTES = 1024;

export function precompressDir(dir: string): { files: number; bytes: number; brotliBytes: number } {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !PRECOMPRESSED_EXTENSIONS.includes(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const body = fs.readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gz = zlib.gzipSync(body, { level: 9 });
    if (br.length < body.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz);
    files += 1;
    bytes += body.length;
    brotliBytes += Math.min(br.length, body.length);
  }
  return { files, bytes, brotliBytes };
}

/** The Vite plugin: precompresses the output folder after the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'platssamverkan-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const { files, bytes, brotliBytes } = precompressDir(outDir);
      console.log(`precompressed ${files} files: ${(bytes / 1024).toFixed(0)} kB, ${(brotliBytes / 1024).toFixed(0)} kB with brotli`);
    },
  };
}
