import { describe, expect, it } from 'vitest';
import { bboxContains, byEnabled, growBbox, inBbox, matchesQuery, nextFetchBox, sortByName } from './features.js';

const pt = (id: number, name: string, lon = 12, lat = 57.7, category = 'shop') => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [lon, lat] },
  properties: { name, category },
});

describe('bbox helpers', () => {
  it('tests points against a bbox, edges included', () => {
    expect(inBbox([12, 57.7], [11.9, 57.6, 12.1, 57.8])).toBe(true);
    expect(inBbox([12.1, 57.8], [11.9, 57.6, 12.1, 57.8])).toBe(true);
    expect(inBbox([12.2, 57.7], [11.9, 57.6, 12.1, 57.8])).toBe(false);
  });
  it('grows a bbox and checks containment', () => {
    const grown = growBbox([0, 0, 10, 10], 0.5);
    expect(grown).toEqual([-5, -5, 15, 15]);
    expect(bboxContains(grown, [0, 0, 10, 10])).toBe(true);
    expect(bboxContains([0, 0, 10, 10], grown)).toBe(false);
  });
});

describe('byEnabled', () => {
  it('keeps features whose code is on', () => {
    const features = [pt(1, 'A', 12, 57, 'shop'), pt(2, 'B', 12, 57, 'police')];
    expect(byEnabled(features, (p) => p.category as 'shop' | 'police', { shop: false, police: true }).map((f) => f.id)).toEqual([2]);
  });
});

describe('sortByName', () => {
  it('puts å, ä, ö after z in Swedish', () => {
    const sorted = sortByName([pt(1, 'Örgryte'), pt(2, 'Angered'), pt(3, 'Ängen'), pt(4, 'Zenit'), pt(5, 'Åby')], 'sv-SE');
    expect(sorted.map((f) => f.properties.name)).toEqual(['Angered', 'Zenit', 'Åby', 'Ängen', 'Örgryte']);
  });
  it('orders numbers naturally and breaks ties by id', () => {
    const sorted = sortByName([pt(3, 'Hus 10'), pt(2, 'Hus 2'), pt(1, 'Hus 2')], 'sv-SE');
    expect(sorted.map((f) => f.id)).toEqual([1, 2, 3]);
  });
});

describe('matchesQuery', () => {
  it('ignores case and accents, in name or address', () => {
    expect(matchesQuery('kalleback', 'Kallebäcks vård- och omsorgsboende')).toBe(true);
    expect(matchesQuery('SMÖRKÄRNE', 'Något', 'Smörkärnegatan 3A')).toBe(true);
    expect(matchesQuery('biskops', 'Angered', null)).toBe(false);
  });
  it('matches nothing for an empty query', () => {
    expect(matchesQuery('  ', 'Anything')).toBe(false);
  });
});

describe('nextFetchBox', () => {
  const view = [11, 57, 12, 58] as const;
  it('grows a first view by the margin', () => {
    expect(nextFetchBox(null, view, { margin: 0.5 })).toEqual([10.5, 56.5, 12.5, 58.5]);
  });
  it('keeps the last area while it holds the view', () => {
    const prev = [10, 56, 13, 59] as const;
    expect(nextFetchBox(prev, [11.5, 57.5, 12, 58], { margin: 1 })).toBe(prev);
  });
  it('fetches again when the view leaves the last area', () => {
    expect(nextFetchBox([10, 56, 12, 58], [11.5, 57, 12.5, 58], { margin: 1 })).toEqual([10.5, 56, 13.5, 59]);
  });
  it('with maxZoomOut, fetches again when the view zoomed in too far inside it', () => {
    const prev = [10, 56, 13, 59] as const;
    expect(nextFetchBox(prev, [11, 57, 12, 58], { margin: 0.5, maxZoomOut: 3 })).toEqual([10.5, 56.5, 12.5, 58.5]);
    expect(nextFetchBox(prev, [10.5, 57, 12, 58], { margin: 0.5, maxZoomOut: 3 })).toBe(prev);
  });
});
