import { describe, expect, it } from 'vitest';
import { codeFilter, shouldUseTiles, TILE_THRESHOLD, tileSymbolLayer, vectorTileSource } from './tiles.js';

describe('tiles vs GeoJSON', () => {
  it('switches to tiles only above the threshold', () => {
    expect(shouldUseTiles(undefined)).toBe(false);
    expect(shouldUseTiles(null)).toBe(false);
    expect(shouldUseTiles(0)).toBe(false);
    expect(shouldUseTiles(TILE_THRESHOLD)).toBe(false);
    expect(shouldUseTiles(TILE_THRESHOLD + 1)).toBe(true);
    expect(shouldUseTiles(300_000)).toBe(true);
    expect(shouldUseTiles(50, 10)).toBe(true);
  });

  it('points the vector source at the API tile route of the layer', () => {
    expect(vectorTileSource('actors', 'https://plats.example.se').tiles).toEqual(['https://plats.example.se/api/tiles/actors/{z}/{x}/{y}.mvt']);
    expect(vectorTileSource('child-places', 'http://localhost:3000').tiles).toEqual(['http://localhost:3000/api/tiles/child-places/{z}/{x}/{y}.mvt']);
  });

  it('reads the MVT layer the API writes', () => {
    const layer = tileSymbolLayer('children-tiles', 'children-tiles', 'child-places', ['get', 'kind'], {});
    expect(layer).toMatchObject({ 'source-layer': 'child_places', source: 'children-tiles', type: 'symbol' });
  });

  it('filters on the switched-on categories', () => {
    expect(codeFilter('actors', { shop: true, police: true })).toBeNull();
    expect(codeFilter('actors', { shop: true, police: false })).toEqual(['in', ['get', 'category'], ['literal', ['shop']]]);
    expect(codeFilter('child-places', { school: false, preschool: false })).toEqual(['in', ['get', 'kind'], ['literal', []]]);
  });
});
