/** A calendar date written `YYYY-MM-DD` that exists (no 30 February). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `text` moved by `days` calendar days, or null when `text` is not a date. */
export function stepIsoDate(text: string, days: number): string | null {
  if (!isIsoDate(text)) return null;
  const [y, mo, d] = text.trim().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}
