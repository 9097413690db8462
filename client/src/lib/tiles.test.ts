import { describe, expect, it } from 'vitest';
import { codeFilter, shouldUseTiles, tileDotLayer, tileSymbolLayer, vectorTileSource } from './tiles.js';

const page = (returned: number, matched?: number) => ({ features: Array.from({ length: returned }, (_, i) => i), number_matched: matched });

describe('tiles vs GeoJSON', () => {
  it('switches to tiles exactly when the GeoJSON page could not hold every match', () => {
    expect(shouldUseTiles(undefined)).toBe(false);
    expect(shouldUseTiles(null)).toBe(false);
    expect(shouldUseTiles(page(0, 0))).toBe(false);
    expect(shouldUseTiles(page(2000, 2000))).toBe(false);
    expect(shouldUseTiles(page(2000, 2001))).toBe(true);
    expect(shouldUseTiles(page(25, 300_000))).toBe(true);
    expect(shouldUseTiles(page(10))).toBe(false);
  });

  it('points the vector source at the API tile route of the layer', () => {
    expect(vectorTileSource('actors', 'https://plats.example.se').tiles).toEqual(['https://plats.example.se/api/tiles/actors/{z}/{x}/{y}.mvt']);
    expect(vectorTileSource('child-places', 'http://localhost:3000').tiles).toEqual(['http://localhost:3000/api/tiles/child-places/{z}/{x}/{y}.mvt']);
  });

  it('reads the MVT layer the API writes', () => {
    const layer = tileSymbolLayer('children-tiles', 'children-tiles', 'child-places', ['get', 'kind'], {});
    expect(layer).toMatchObject({ 'source-layer': 'child_places', source: 'children-tiles', type: 'symbol' });
    expect(tileDotLayer('actors-dot', 'actors-tiles', 'actors', '#0e5f5c', {})).toMatchObject({ 'source-layer': 'actors', source: 'actors-tiles', type: 'circle' });
  });

  it('leaves out symbols that would overlap (tiles have no clusters) and marks every feature with a dot', () => {
    const symbol = tileSymbolLayer('a', 'actors-tiles', 'actors', ['get', 'category'], {}) as { layout: Record<string, unknown> };
    expect(symbol.layout['icon-allow-overlap']).toBe(false);
    const dot = tileDotLayer('d', 'actors-tiles', 'actors', '#0e5f5c', {}) as { paint: Record<string, unknown>; filter?: unknown };
    expect(dot.paint['circle-color']).toBe('#0e5f5c');
    expect(dot.filter).toBeUndefined();
  });

  it('filters on the switched-on categories', () => {
    expect(codeFilter('actors', { shop: true, police: true })).toBeNull();
    expect(codeFilter('actors', { shop: true, police: false })).toEqual(['in', ['get', 'category'], ['literal', ['shop']]]);
    expect(codeFilter('child-places', { school: false, preschool: false })).toEqual(['in', ['get', 'kind'], ['literal', []]]);
  });
});
