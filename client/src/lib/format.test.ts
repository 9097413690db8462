import { describe, expect, it } from 'vitest';
import { formatDate, formatDistance, formatNumber, telHref } from './format.js';

const NBSP = '\u00a0';

describe('formatDistance', () => {
  it('groups thousands with a no-break space in Swedish', () => {
    expect(formatDistance('sv-SE', 1200).replace(/\s/g, ' ')).toBe('1 200 m');
    expect(formatDistance('sv-SE', 1200)).toContain(NBSP);
  });
  it('uses a comma group separator in English', () => {
    expect(formatDistance('en-GB', 1200)).toBe('1,200 m');
  });
  it('rounds to whole metres', () => {
    expect(formatDistance('en-GB', 249.96)).toBe('250 m');
    expect(formatDistance('en-GB', 0.04)).toBe('0 m');
  });
  it('switches to kilometres from 10 km', () => {
    expect(formatDistance('sv-SE', 12_540).replace(/\s/g, ' ')).toBe('12,5 km');
    expect(formatDistance('en-GB', 12_540)).toBe('12.5 km');
  });
  it('shows a dash for a missing distance', () => {
    expect(formatDistance('sv-SE', Number.NaN)).toBe('–');
  });
});

describe('formatNumber', () => {
  it('formats per locale', () => {
    expect(formatNumber('sv-SE', 72)).toBe('72');
    expect(formatNumber('en-GB', 12345)).toBe('12,345');
  });
});

describe('formatDate', () => {
  it('writes ISO-like dates in Swedish', () => {
    expect(formatDate('sv-SE', '2025-03-14T10:00:00Z')).toBe('2025-03-14');
  });
  it('handles missing and invalid dates', () => {
    expect(formatDate('sv-SE', null)).toBe('–');
    expect(formatDate('en-GB', 'not a date')).toBe('–');
  });
});

describe('telHref', () => {
  it('keeps digits only', () => {
    expect(telHref('031-123 45 67')).toBe('tel:0311234567');
  });
  it('keeps a leading plus', () => {
    expect(telHref(' +46 31 123 45 67')).toBe('tel:+46311234567');
  });
});
