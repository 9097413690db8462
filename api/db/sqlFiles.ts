import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `sql/` folder, found relative to this file so it works from any cwd. */
export const SQL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sql');

const cache = new Map<string, string>();

/**
 * The text of `sql/queries/<name>.sql`: one statement with `$n` parameters, run
 * unchanged by both adapters. Read once, then cached.
 */
export function query(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(SQL_DIR, 'queries', `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
