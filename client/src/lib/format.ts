/** Number, distance and date formatting per locale (Intl), shared by the catalogues and the views. */

export type Locale = 'sv-SE' | 'en-GB';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** An integer or decimal number: `1 200` in Swedish, `1,200` in English. */
export function formatNumber(locale: Locale, n: number, maximumFractionDigits = 0): string {
  return cached(`n:${locale}:${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(n);
}

/**
 * A distance in metres, whole metres below 10 km (`1 200 m`), otherwise kilometres
 * with one decimal (`12,5 km`). Distances from the API carry 0.1 m; a list of
 * contacts reads best in whole metres.
 */
export function formatDistance(locale: Locale, metres: number): string {
  if (!Number.isFinite(metres)) return '–';
  if (Math.abs(metres) < 10_000) {
    return cached(`m:${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 })).format(metres);
  }
  return cached(`km:${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 })).format(
    metres / 1000,
  );
}

/** A calendar date: `2025-03-14` in Swedish, `14 Mar 2025` in English. Empty input gives an en dash. */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '–';
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'sv-SE' ? '2-digit' : 'short', day: '2-digit', timeZone: 'Europe/Stockholm' })).format(d);
}

/** Date and time, for "printed at". */
export function formatDateTime(locale: Locale, d: Date): string {
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' })).format(d);
}

/** Digits and a leading + only, for `tel:` links (`031-123 45 67` → `tel:0311234567`). */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
