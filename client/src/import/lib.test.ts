import { describe, expect, it } from 'vitest';
import { ACCEPT, FORMATS, mappingKeys, setRef, showRef, toBase64 } from './lib.js';

describe('import page helpers', () => {
  it('offers automatic recognition first and accepts every format the server reads', () => {
    expect(FORMATS[0]).toBe('auto');
    expect([...FORMATS].sort()).toEqual(['auto', 'csv', 'geojson', 'geopackage', 'kml', 'kmz', 'overpass', 'shapefile', 'xlsx']);
    for (const ext of ['.gpkg', '.zip', '.kml', '.kmz', '.xlsx', '.geojson', '.csv']) expect(ACCEPT.split(',')).toContain(ext);
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
  it('offers coordinate columns only for CSV and Excel point layers', () => {
    expect(mappingKeys('child-places', 'csv')).toContain('x');
    expect(mappingKeys('child-places', 'xlsx')).toContain('lon');
    expect(mappingKeys('child-places', 'geopackage')).not.toContain('x');
    expect(mappingKeys('child-places', 'geojson')).not.toContain('x');
    expect(mappingKeys('areas', 'geojson')).toEqual(['name', 'id', 'code', 'parent', 'level']);
  });
});
