import { describe, expect, it } from 'vitest';
import type { Contact, NearChildPlace } from './apiTypes.js';
import { numberSheet } from './sheet.js';

const at = (id: number, distance_m: number, lon = 11.97) =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, 57.7] }, properties: { distance_m } }) as unknown;

describe('numberSheet', () => {
  it('numbers actors nearest first, then the children\'s places nearest first, once each', () => {
    const contacts = [at(7, 300), at(3, 120), at(9, 120.0)] as Contact[];
    const places = [at(1, 50), at(2, 900)] as NearChildPlace[];
    const n = numberSheet(contacts, places);
    expect([...n.actors.entries()]).toEqual([[3, 1], [9, 2], [7, 3]]);
    expect([...n.childPlaces.entries()]).toEqual([[1, 4], [2, 5]]);
    expect(n.points.features.map((f) => [f.properties.n, f.properties.what])).toEqual([
      ['1', 'actor'], ['2', 'actor'], ['3', 'actor'], ['4', 'child'], ['5', 'child'],
    ]);
  });

  it('puts each number at its place', () => {
    const n = numberSheet([at(5, 10, 12.01)] as Contact[], [at(6, 20, 11.9)] as NearChildPlace[]);
    expect(n.points.features.map((f) => f.geometry.coordinates[0])).toEqual([12.01, 11.9]);
  });
});
