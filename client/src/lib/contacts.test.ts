import { destination, distance } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { sv } from '../i18n/sv.js';
import type { ActorCategory, Contact, Ring } from './apiTypes.js';
import { ACTOR_CATEGORIES, RINGS } from './codes.js';
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

describe('the order the contacts tab promises ("per zon och kategori, närmast först")', () => {
  const unit: [number, number] = [11.9866, 57.6969];
  const radii = { immediate: 250, neighbourhood: 500, area: 1000 };
  const ringOf = (d: number): Ring => (d <= radii.immediate ? 'immediate' : d <= radii.neighbourhood ? 'neighbourhood' : 'area');

  it('holds for any actors around a unit, with distances by turf', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bearing: fc.double({ min: -180, max: 180, noNaN: true }), metres: fc.double({ min: 1, max: 999, noNaN: true }), category: fc.constantFrom(...ACTOR_CATEGORIES) }), { minLength: 1, maxLength: 30 }),
        (specs) => {
          const list = specs.map((s, i) => {
            const at = destination(unit, s.metres / 1000, s.bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];
            const c = contact(`A${i}`, s.category, 'area', 0);
            const d = distance(unit, at, { units: 'kilometers' }) * 1000;
            return { ...c, geometry: { type: 'Point' as const, coordinates: at }, properties: { ...c.properties, distance_m: d, ring: ringOf(d) } };
          });
          const turfM = new Map(list.map((c) => [c.id, distance(unit, c.geometry.coordinates, { units: 'kilometers' }) * 1000]));
          const groups = groupContacts(list);
          const ringOrder = groups.map((g) => RINGS.indexOf(g.ring));
          expect(ringOrder).toEqual([...ringOrder].sort((a, b) => a - b));
          for (const g of groups) {
            const nearestOfCategory = g.categories.map((cg) => Math.min(...cg.contacts.map((c) => turfM.get(c.id)!)));
            expect(nearestOfCategory).toEqual([...nearestOfCategory].sort((a, b) => a - b));
            for (const cg of g.categories) {
              const ds = cg.contacts.map((c) => turfM.get(c.id)!);
              expect(ds).toEqual([...ds].sort((a, b) => a - b));
              for (const c of cg.contacts) expect(ringOf(turfM.get(c.id)!)).toBe(g.ring);
            }
          }
        },
      ),
    );
  });

  it('is not one nearest-first list, so the intro says how it is grouped (both languages)', () => {
    const list = [contact('Police 1', 'police', 'immediate', 100), contact('Police 2', 'police', 'immediate', 209), contact('Shop', 'shop', 'immediate', 143)];
    const flat = groupContacts(list).flatMap((g) => g.categories.flatMap((cg) => cg.contacts.map((c) => c.properties.distance_m)));
    expect(flat).toEqual([100, 209, 143]);
    expect(sv.contacts.intro).toMatch(/per zon och kategori/);
    expect(en.contacts.intro).toMatch(/by zone and category/);
  });
});
