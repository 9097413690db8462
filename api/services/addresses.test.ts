import { describe, expect, it } from 'vitest';
import { addressLabel, foldKey, parseAddressQuery } from './addresses.js';

describe('parseAddressQuery', () => {
  it.each([
    ['Kungsportsavenyen 1', { street: 'kungsportsavenyen', number: '1', postcode: null, city: null }],
    ['  kungsportsaveny   1 ', { street: 'kungsportsaveny', number: '1', postcode: null, city: null }],
    ['Kungsportsavenyn 1A, Göteborg', { street: 'kungsportsavenyn', number: '1a', postcode: null, city: 'göteborg' }],
    ['Kungsportsavenyen 1 a', { street: 'kungsportsavenyen', number: '1a', postcode: null, city: null }],
    ['Vasagatan 12 411 24', { street: 'vasagatan', number: '12', postcode: '41124', city: null }],
    ['Vasagatan 12, 41124 Göteborg', { street: 'vasagatan', number: '12', postcode: '41124', city: 'göteborg' }],
    ['Vasagatan 41124', { street: 'vasagatan', number: null, postcode: '41124', city: null }],
    ['Östra Hamngatan 5', { street: 'ostra hamngatan', number: '5', postcode: null, city: null }],
    ['411 24', { street: null, number: null, postcode: '41124', city: null }],
    ['Götaplatsen', { street: 'gotaplatsen', number: null, postcode: null, city: null }],
  ])('%s', (q, expected) => {
    expect(parseAddressQuery(q)).toEqual(expected);
  });

  it('folds the letters as the generated column does', () => {
    expect(foldKey('ÅÄÖ éü Æø')).toBe('aao eu ao');
  });

  it('writes the label with the postcode spaced', () => {
    expect(addressLabel({ street: 'Vasagatan', housenumber: '12', postcode: '41124', city: 'Göteborg' })).toBe('Vasagatan 12, 411 24 Göteborg');
    expect(addressLabel({ street: 'Vasagatan', housenumber: null, postcode: null, city: null })).toBe('Vasagatan');
  });
});
