/** Grouping and text of a unit's contacts (pure; the Kontakter tab and the contact sheet use it). */
import type { ActorCategory, Contact, Ring } from './apiTypes.js';
import { RINGS } from './codes.js';

export interface ContactFilter {
  ring?: Ring;
  category?: ActorCategory;
}

export function filterContacts(contacts: Contact[], { ring, category }: ContactFilter): Contact[] {
  return contacts.filter((c) => (!ring || c.properties.ring === ring) && (!category || c.properties.category === category));
}

export interface CategoryGroup {
  category: ActorCategory;
  contacts: Contact[];
}
export interface RingGroup {
  ring: Ring;
  categories: CategoryGroup[];
  count: number;
}

/**
 * Contacts by ring (inner first), and within a ring by category, the category with
 * the nearest actor first; actors nearest first within their category. Rings
 * without contacts are left out.
 */
export function groupContacts(contacts: Contact[]): RingGroup[] {
  const sorted = [...contacts].sort((a, b) => a.properties.distance_m - b.properties.distance_m || a.id - b.id);
  const groups: RingGroup[] = [];
  for (const ring of RINGS) {
    const inRing = sorted.filter((c) => c.properties.ring === ring);
    if (!inRing.length) continue;
    const byCategory = new Map<ActorCategory, Contact[]>();
    for (const c of inRing) {
      const list = byCategory.get(c.properties.category);
      if (list) list.push(c);
      else byCategory.set(c.properties.category, [c]);
    }
    groups.push({ ring, count: inRing.length, categories: [...byCategory].map(([category, list]) => ({ category, contacts: list })) });
  }
  return groups;
}

/** The categories present, in the order of the code list (for the filter's options). */
export function categoriesPresent(contacts: Contact[], order: readonly ActorCategory[]): ActorCategory[] {
  const present = new Set(contacts.map((c) => c.properties.category));
  return order.filter((c) => present.has(c));
}

/** Plain-text contact details for the clipboard: actor, then each contact person. */
export function contactText(c: Contact, labels: { category: string; contactAbout: string }): string {
  const p = c.properties;
  const lines = [p.name, labels.category];
  if (p.organisation && p.organisation !== p.name) lines.push(p.organisation);
  if (p.address) lines.push(p.address);
  if (p.phone) lines.push(p.phone);
  if (p.email) lines.push(p.email);
  if (p.contact_about) lines.push(`${labels.contactAbout}: ${p.contact_about}`);
  for (const person of p.contact_persons) {
    lines.push('', [person.name, person.role].filter(Boolean).join(', '));
    if (person.phone) lines.push(person.phone);
    if (person.email) lines.push(person.email);
  }
  return lines.join('\n');
}
