import { describe, expect, it } from 'vitest';
import { groupByUnit, parseOrganisations, sortImplementation } from './lib.js';

const unit = (id: number, name: string, in_place: number) => ({
  type: 'Feature' as const, id, geometry: { type: 'Point' as const, coordinates: [12, 57.7] as [number, number] },
  properties: { name, kind: 'care_home' as const, status: 'open' as const, location_precision: 'exact' as const,
    in_place, in_progress: 0, not_started: 5 - in_place, principles: [], area_names: [] },
});

describe('sortImplementation', () => {
  const units = [unit(1, 'Östra', 2), unit(2, 'Alfa', 2), unit(3, 'Beta', 5)];
  it('sorts by a count, ties by name in Swedish order', () => {
    expect(sortImplementation(units, 'in_place', true, 'sv').map((u) => u.id)).toEqual([3, 2, 1]);
    expect(sortImplementation(units, 'in_place', false, 'sv').map((u) => u.id)).toEqual([2, 1, 3]);
  });
  it('sorts by name with å, ä, ö after z', () => {
    expect(sortImplementation([unit(1, 'Ö', 0), unit(2, 'Z', 0)], 'name', false, 'sv').map((u) => u.id)).toEqual([2, 1]);
  });
});

describe('parseOrganisations', () => {
  it('trims, drops empty parts and duplicates', () => {
    expect(parseOrganisations(' Polisen, ,Bostadsbolaget,Polisen ')).toEqual(['Polisen', 'Bostadsbolaget']);
    expect(parseOrganisations('')).toEqual([]);
  });
});

describe('groupByUnit', () => {
  it('groups the selected rows per unit, without duplicates, in order', () => {
    expect(groupByUnit([{ unitId: 2, childPlaceId: 9 }, { unitId: 1, childPlaceId: 5 }, { unitId: 2, childPlaceId: 3 }, { unitId: 2, childPlaceId: 9 }]))
      .toEqual([[1, [5]], [2, [3, 9]]]);
    expect(groupByUnit([])).toEqual([]);
  });
});
