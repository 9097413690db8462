import { describe, expect, it } from 'vitest';
import { guessFormat, mappingKeys, setRef, showRef, toBase64 } from './lib.js';

describe('import page helpers', () => {
  it('guesses the format from the name and the content', () => {
    expect(guessFormat('forskolor.csv', 'X;Y')).toBe('csv');
    expect(guessFormat('lekplatser.json', '{\n "elements": [')).toBe('overpass');
    expect(guessFormat('areas.geojson', '{"type":"FeatureCollection"')).toBe('geojson');
  });
  it('encodes bytes as base64 like Node does, also beyond one chunk', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
  it('round-trips mapping lists through the select value and removes cleared keys', () => {
    const m = setRef({}, 'name', 'Firmabenämning | Företagsnamn');
    expect(m.name).toEqual(['Firmabenämning', 'Företagsnamn']);
    expect(showRef(m.name)).toBe('Firmabenämning | Företagsnamn');
    expect(setRef(m, 'name', '')).toEqual({});
  });
  it('offers coordinate columns only for CSV point layers', () => {
    expect(mappingKeys('child-places', 'csv')).toContain('x');
    expect(mappingKeys('child-places', 'geojson')).not.toContain('x');
    expect(mappingKeys('areas', 'geojson')).toEqual(['name', 'id', 'code', 'parent', 'level']);
  });
});
