import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { en } from './en.js';
import { sv } from './sv.js';

const SRC = join(import.meta.dirname, '..');

/**
 * The source files of the catalogues, for the wording tests: `i18n/sv.ts`, `i18n/en.ts` and every
 * `messages.ts` or `*Messages.ts` under `client/src` (found, not listed, so a new feature's file is checked too).
 */
export const CATALOGUE_FILES: string[] = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /(^|\/)(messages|\w+Messages)\.ts$/.test(f) || f === 'i18n/sv.ts' || f === 'i18n/en.ts')
  .map((f) => relative(process.cwd(), join(SRC, f)))
  .sort();

const SAMPLE_ARGS: unknown[][] = [[], ['X'], [1], [2], ['X', 'Y'], [1, 2], [2, 5, 9]];

/**
 * Every text a user can read in one language's catalogues: each string, and each function's answer to a few
 * sample arguments (the ones it throws on are skipped). Codes that are not prose (`locale`, map symbols) are left out.
 */
export function catalogueTexts(lang: 'sv' | 'en'): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') out.push({ key, text: v });
    else if (typeof v === 'function') {
      for (const args of SAMPLE_ARGS) {
        try {
          const r: unknown = (v as (...a: unknown[]) => unknown)(...args);
          if (typeof r === 'string') out.push({ key, text: r });
        } catch {
          // Needs arguments of another kind.
        }
      }
    } else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, key ? `${key}.${k}` : k);
  };
  const { locale: _l, ...rest } = lang === 'sv' ? sv : en;
  walk(rest, '');
  return out;
}
