import { formatNumber, type Locale } from './format.js';

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * The noun form a count takes: `one` where the language's plural rules say "one" (1 in Swedish and
 * English), `other` for every other count, 0 included ("0 rader", "0 rows").
 */
export function pluralForm(locale: Locale, count: number, one: string, other: string): string {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r.select(count) === 'one' ? one : other;
}

/**
 * A formatted count and its noun: `plural('sv-SE', 1, 'rad', 'rader')` is "1 rad", with 1 200 it is
 * "1 200 rader". Every count text in the catalogues goes through this (the guard test in
 * `client/src/i18n/wording.test.ts` finds a number followed by a bare plural noun).
 */
export function plural(locale: Locale, count: number, one: string, other: string): string {
  return `${formatNumber(locale, count)} ${pluralForm(locale, count, one, other)}`;
}
