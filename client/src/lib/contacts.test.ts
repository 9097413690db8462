import { describe, expect, it } from 'vitest';
import type { ActorCategory, Contact, Ring } from './apiTypes.js';
import { ACTOR_CATEGORIES } from './codes.js';
import { categoriesPresent, contactText, filterContacts, groupContacts } from './contacts.js';

let nextId = 1;
function contact(name: string, category: ActorCategory, ring: Ring, distance: number, persons: Contact['properties']['contact_persons'] = []): Contact {
  return {
    type: 'Feature',
    id: nextId++,
    geometry: { type: 'Point', coordinates: [12, 57.7] },
    properties: {
      name,
      category,
      organisation: null,
      contact_about: null,
      address: null,
      phone: null,
      email: null,
      website: null,
      walk_m: null,
      walk_min: null,
      external_id: null,
      version: 1,
      contact_persons: persons,
      distance_m: distance,
      ring,
      last_contacted_at: null,
    },
  };
}

describe('groupContacts', () => {
  const list = [
    contact('Far shop', 'shop', 'area', 900),
    contact('Police', 'police', 'neighbourhood', 300),
    contact('Near owner', 'property_owner', 'immediate', 40),
    contact('Second owner', 'property_owner', 'immediate', 200),
    contact('Café', 'restaurant', 'immediate', 120),
  ];

  it('orders rings inside out and leaves out empty ones', () => {
    const groups = groupContacts(list);
    expect(groups.map((g) => g.ring)).toEqual(['immediate', 'neighbourhood', 'area']);
    expect(groupContacts(list.filter((c) => c.properties.ring !== 'neighbourhood')).map((g) => g.ring)).toEqual(['immediate', 'area']);
  });

  it('puts the category with the nearest actor first, actors nearest first', () => {
    const [immediate] = groupContacts(list);
    expect(immediate!.categories.map((c) => c.category)).toEqual(['property_owner', 'restaurant']);
    expect(immediate!.categories[0]!.contacts.map((c) => c.properties.name)).toEqual(['Near owner', 'Second owner']);
    expect(immediate!.count).toBe(3);
  });

  it('keeps every contact exactly once', () => {
    const ids = groupContacts(list).flatMap((g) => g.categories.flatMap((c) => c.contacts.map((x) => x.id)));
    expect(ids.sort()).toEqual(list.map((c) => c.id).sort());
  });
});

describe('filterContacts and categoriesPresent', () => {
  const list = [contact('A', 'shop', 'area', 900), contact('B', 'police', 'immediate', 10), contact('C', 'shop', 'immediate', 20)];
  it('filters by ring and category together', () => {
    expect(filterContacts(list, { ring: 'immediate', category: 'shop' }).map((c) => c.properties.name)).toEqual(['C']);
    expect(filterContacts(list, {}).length).toBe(3);
  });
  it('lists the categories present in code order', () => {
    expect(categoriesPresent(list, ACTOR_CATEGORIES)).toEqual(['shop', 'police']);
  });
});

describe('contactText', () => {
  it('writes the actor and each contact person on their own lines', () => {
    const c = contact('Fastighets AB "Kallebäck"', 'property_owner', 'immediate', 10, [
      { id: 1, name: 'Yasmin Karlsson', role: 'Förvaltare', phone: '070-174 06 96', email: 'yasmin@example.se' },
    ]);
    c.properties.phone = '031-390 06 97';
    c.properties.contact_about = 'Snöröjning';
    expect(contactText(c, { category: 'Fastighetsägare', contactAbout: 'Kontakta om' })).toBe(
      'Fastighets AB "Kallebäck"\nFastighetsägare\n031-390 06 97\nKontakta om: Snöröjning\n\nYasmin Karlsson, Förvaltare\n070-174 06 96\nyasmin@example.se',
    );
  });
});
