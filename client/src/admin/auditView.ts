/**
 * What the audit log page makes of the API's entries: times in Swedish local time with
 * the zone named (the log is kept in UTC), the day range a user picks as the instants
 * the API filters on, and the fields an entry changed.
 */
/** The product's time zone: Göteborg's. Every date a user picks or reads on this page is in it. */
export const AUDIT_TIME_ZONE = 'Europe/Stockholm';

const localTime = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: AUDIT_TIME_ZONE, timeZoneName: 'short', hour12: false });

/**
 * "2026-12-01 16:04:12 CET": the local time and the zone's short name (CET in winter,
 * CEST in summer), one form in both languages, sortable and unambiguous.
 */
export function formatAuditTime(iso: string): string {
  const parts = Object.fromEntries(localTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${zoneName(parts.timeZoneName ?? '', new Date(iso))}`;
}

/** sv-SE calls the zones "CET"/"CEST" or "GMT+1"/"GMT+2" depending on the engine; say CET/CEST either way. */
function zoneName(name: string, at: Date): string {
  if (name === 'CET' || name === 'CEST') return name;
  return offsetMinutes(at) === 120 ? 'CEST' : 'CET';
}

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: AUDIT_TIME_ZONE, timeZoneName: 'longOffset' });

/** The zone's offset from UTC at an instant, in minutes (60 or 120 for Stockholm). */
export function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The instant a local day (YYYY-MM-DD) begins in Stockholm, as ISO 8601 in UTC. */
export function dayStart(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The offset at local midnight: try the offset of the instant itself, then correct once (DST days).
  let offset = offsetMinutes(new Date(utcMidnight));
  offset = offsetMinutes(new Date(utcMidnight - offset * 60_000));
  return new Date(utcMidnight - offset * 60_000).toISOString();
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The filter instants for the days a user picked, both inclusive: `to` is the start of
 * the day after the last day. A last day before the first is refused here, so the user
 * is told before a request is made.
 */
export function auditRange(fromDay: string, toDay: string): { from?: string; to?: string } | { reversed: true } {
  if (fromDay && toDay && toDay < fromDay) return { reversed: true };
  return { ...(fromDay ? { from: dayStart(fromDay) } : {}), ...(toDay ? { to: dayStart(nextDay(toDay)) } : {}) };
}

/** One field an entry changed: its value before and after (undefined when absent on that side). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A GeoJSON Feature's properties with its geometry as one more field; any other object as it is. */
function fieldsOf(doc: unknown): Record<string, unknown> {
  if (!isObject(doc)) return {};
  if (doc.type === 'Feature' && isObject(doc.properties)) return { ...doc.properties, ...(doc.geometry ? { geometry: doc.geometry } : {}) };
  return doc;
}

/** Fields that tell nothing to a reader of the log: bookkeeping every write changes. */
const BOOKKEEPING = new Set(['version', 'updated_at', 'created_at']);

/** The fields whose values differ between before and after, in the order they first appear. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !BOOKKEEPING.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

/** A value as one line of text: strings as they are, null/absent as a dash, the rest as compact JSON. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '–';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v) && v.type === 'Point' && Array.isArray(v.coordinates)) return (v.coordinates as number[]).map((c) => c.toFixed(5)).join(', ');
  return JSON.stringify(v);
}
