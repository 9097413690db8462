import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditRange, changedFields, dayStart, formatAuditTime, nextDay, valueText } from './auditView.js';

describe('audit times in Swedish local time', () => {
  it('shows winter times as CET (UTC+1) and summer times as CEST (UTC+2)', () => {
    expect(formatAuditTime('2026-12-01T15:04:12Z')).toBe('2026-12-01 16:04:12 CET');
    expect(formatAuditTime('2026-07-01T23:30:00Z')).toBe('2026-07-02 01:30:00 CEST');
  });

  it('starts a local day at the right instant, DST change days included', () => {
    expect(dayStart('2026-12-01')).toBe('2026-11-30T23:00:00.000Z');
    expect(dayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    // Sweden moves to summer time on 29 March 2026 at 02:00 and back on 25 October at 03:00; midnight is before both.
    expect(dayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStart('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
  });

  it('every local day start formats back as 00:00:00 of that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (n) => {
        const day = new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        expect(formatAuditTime(dayStart(day)).slice(0, 19)).toBe(`${day} 00:00:00`);
        expect(nextDay(day) > day).toBe(true);
      }),
    );
  });

  it('turns picked days into an inclusive range, and refuses a last day before the first', () => {
    expect(auditRange('2026-12-01', '2026-12-01')).toEqual({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-01T23:00:00.000Z' });
    expect(auditRange('', '2026-12-31')).toEqual({ to: '2026-12-31T23:00:00.000Z' });
    expect(auditRange('', '')).toEqual({});
    expect(auditRange('2026-12-02', '2026-12-01')).toEqual({ reversed: true });
  });
});

describe('what an entry changed', () => {
  it('lists the fields that differ, not bookkeeping, for records and GeoJSON features', () => {
    expect(changedFields({ name: 'A', phone: '1', version: 1 }, { name: 'B', phone: '1', version: 2 })).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
    const feature = (name: string, lon: number) => ({ type: 'Feature', properties: { name, places: 72 }, geometry: { type: 'Point', coordinates: [lon, 57.68] } });
    expect(changedFields(feature('K', 12), feature('K', 12.001)).map((c) => c.field)).toEqual(['geometry']);
    expect(changedFields(null, { name: 'Ny' })).toEqual([{ field: 'name', before: undefined, after: 'Ny' }]);
    expect(changedFields({ name: 'Gammal' }, null)).toEqual([{ field: 'name', before: 'Gammal', after: undefined }]);
  });

  it('writes values as a reader expects', () => {
    expect(valueText(null)).toBe('–');
    expect(valueText('Smörkärnegatan 3A')).toBe('Smörkärnegatan 3A');
    expect(valueText({ type: 'Point', coordinates: [12.006, 57.683] })).toBe('12.00600, 57.68300');
    expect(valueText(['a', 'b'])).toBe('["a","b"]');
  });
});
