/**
 * Builds the client when `dist/client` is missing or older than its sources, so that
 * `npm start` on a fresh clone works without a separate build step, and later starts
 * stay fast.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'dist/client/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'client'), path.join(root, 'api/schemas')].filter((d) => fs.existsSync(d));
const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
if (built < Math.max(...sources.map(newestMtime))) {
  console.log('Building the web client (first start or changed sources)…');
  execSync('npx vite build --config client/vite.config.ts --logLevel warn', { cwd: root, stdio: 'inherit' });
}
