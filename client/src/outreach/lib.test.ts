import { describe, expect, it } from 'vitest';
import { activityBody, activityFieldKeys, formValuesOf, groupByUnit, parseOrganisations, sortImplementation, type ActivityFormValues } from './lib.js';

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

const values = (over: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  kind: 'observation', date: '2026-02-10', note: '  Klotter  ', organisations: 'Polisen, , Polisen', actor_ids: [3], child_place_ids: [],
  responsible_actor_id: '7', due_date: '2026-02-20', follow_up_status: 'open', lon: '11,99', lat: '57.68', ...over,
});

describe('activityBody', () => {
  it('sends every field of an observation, with a comma as decimal mark read as a point', () => {
    expect(activityBody(values())).toEqual({
      kind: 'observation', date: '2026-02-10', note: 'Klotter', organisations: ['Polisen'], actor_ids: [3], child_place_ids: [],
      location: { type: 'Point', coordinates: [11.99, 57.68] }, responsible_actor_id: 7, due_date: '2026-02-20', follow_up_status: 'open',
    });
  });

  it('sends a half-typed place as it is, so the server refuses it at the field', () => {
    expect(activityBody(values({ lon: '' })).location).toEqual({ type: 'Point', coordinates: [57.68] });
  });

  it('clears the follow-up fields of a kind without follow-up, and an empty note is null', () => {
    expect(activityBody(values({ kind: 'meeting', note: '  ' }))).toMatchObject({
      note: null, location: null, responsible_actor_id: null, due_date: null, follow_up_status: null,
    });
  });

  it('round-trips a stored activity through the form values', () => {
    const stored = {
      id: 1, unit_id: 2, unit_name: 'U', kind: 'safety_walk' as const, date: '2026-01-05', actors: [{ id: 9, name: 'B' }, { id: 4, name: 'A' }],
      child_places: [], organisations: ['Polisen', 'Stadsmissionen'], note: null, location: { type: 'Point' as const, coordinates: [12.01, 57.7] as [number, number] },
      responsible_actor: null, due_date: null, follow_up_status: null, overdue: false, recorded_by: null, version: 3, created_at: '', updated_at: '',
    };
    expect(activityBody(formValuesOf(stored))).toEqual({
      kind: 'safety_walk', date: '2026-01-05', note: null, organisations: ['Polisen', 'Stadsmissionen'], actor_ids: [4, 9], child_place_ids: [],
      location: { type: 'Point', coordinates: [12.01, 57.7] }, responsible_actor_id: null, due_date: null, follow_up_status: null,
    });
  });
});

describe('activityFieldKeys', () => {
  it('gathers the place\'s nested paths under location, first message wins', () => {
    expect(activityFieldKeys({ 'location.coordinates.1': 'a', location: 'b', due_date: 'c', 'actor_ids.0': 'd' })).toEqual({ location: 'a', due_date: 'c', actor_ids: 'd' });
  });
});
