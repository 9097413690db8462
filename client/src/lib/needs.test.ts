import { describe, expect, it } from 'vitest';
import type { InformationNeed } from './apiTypes.js';
import { countByStatus, sortNeeds } from './needs.js';

function need(
  id: string,
  name: string,
  priority: 'high' | 'medium' | 'low',
  distance: number,
  status: 'not_informed' | 'informed' | 'due_soon' | 'overdue',
  due: string | null = null,
  unit = 'Enhet',
): InformationNeed {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [12, 57.7] },
    properties: {
      name,
      kind: 'school',
      stages: [],
      operator: null,
      address: null,
      external_id: null,
      contact_name: null,
      contact_role: null,
      contact_phone: null,
      contact_email: null,
      version: 1,
      unit_id: 1,
      unit_name: unit,
      child_place_id: Number(id.split(':')[1]),
      distance_m: distance,
      ring: priority === 'high' ? 'immediate' : priority === 'medium' ? 'neighbourhood' : 'area',
      priority,
      information: { status, last_informed_at: null, due_at: due },
    },
  };
}

const list = [
  need('1:1', 'Östra skolan', 'low', 900, 'informed', '2026-05-01'),
  need('1:2', 'Ängens förskola', 'high', 100, 'not_informed'),
  need('1:3', 'Almskolan', 'medium', 400, 'overdue', '2025-01-01'),
  need('1:4', 'Björkens lekplats', 'high', 50, 'due_soon', '2025-12-01'),
];

const names = (xs: InformationNeed[]) => xs.map((x) => x.properties.name);

describe('sortNeeds', () => {
  it('sorts by priority, then distance', () => {
    expect(names(sortNeeds(list, 'priority', 'asc', 'sv-SE'))).toEqual(['Björkens lekplats', 'Ängens förskola', 'Almskolan', 'Östra skolan']);
  });
  it('sorts names in Swedish order, both ways', () => {
    expect(names(sortNeeds(list, 'name', 'asc', 'sv-SE'))).toEqual(['Almskolan', 'Björkens lekplats', 'Ängens förskola', 'Östra skolan']);
    expect(names(sortNeeds(list, 'name', 'desc', 'sv-SE'))).toEqual(['Östra skolan', 'Ängens förskola', 'Björkens lekplats', 'Almskolan']);
  });
  it('puts the most urgent status first', () => {
    expect(names(sortNeeds(list, 'status', 'asc', 'sv-SE'))).toEqual(['Almskolan', 'Ängens förskola', 'Björkens lekplats', 'Östra skolan']);
  });
  it('puts missing due dates last', () => {
    expect(names(sortNeeds(list, 'due', 'asc', 'sv-SE'))).toEqual(['Almskolan', 'Björkens lekplats', 'Östra skolan', 'Ängens förskola']);
  });
  it('does not change its input', () => {
    const copy = [...list];
    sortNeeds(list, 'distance', 'desc', 'sv-SE');
    expect(list).toEqual(copy);
  });
});

describe('countByStatus', () => {
  it('orders the counts by urgency and leaves out zeros', () => {
    expect(countByStatus({ informed: 1, not_informed: 1, due_soon: 1, overdue: 2 })).toEqual([
      ['overdue', 2],
      ['not_informed', 1],
      ['due_soon', 1],
      ['informed', 1],
    ]);
    expect(countByStatus({ informed: 3, not_informed: 0, due_soon: 0, overdue: 0 })).toEqual([['informed', 3]]);
    expect(countByStatus({})).toEqual([]);
  });
});
