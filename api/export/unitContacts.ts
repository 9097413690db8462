/**
 * A unit's contact list as a file: CSV (one row per contact person, or one per actor
 * without any) or vCard (a card per contact person and one per actor with its own phone
 * or e-mail). Read and audited as a bulk export of contact data by
 * {@link exportUnitContacts}.
 */
import { pointOnFeature } from '@turf/point-on-feature';
import type { RequestContext } from '../services/context.js';
import { toCsvIn, type CsvDialect } from '../services/csv.js';
import { exportUnitContacts } from '../services/proximity.js';
import { positionIn, SWEREF99TM } from './crs.js';
import type { ExportFile } from './layers.js';
import { vCard } from './vcard.js';

/** The formats of GET /api/units/{id}/contacts/export. */
export const CONTACT_FORMATS = ['csv', 'vcf'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

const CSV_COLUMNS = [
  'actor_id', 'actor', 'category', 'ring', 'distance_m', 'organisation', 'actor_phone', 'actor_email', 'person', 'role', 'person_phone',
  'person_email', 'address', 'contact_about', 'lon', 'lat', 'x_sweref99tm', 'y_sweref99tm',
] as const;

/**
 * The zone ring and the distance in a card's note, in Swedish as the phone shows it
 * (the note is free text a contacts app does not translate): "Närmast, 78 m från …".
 */
const RING_SV = { immediate: 'Närmast', neighbourhood: 'Grannskapet', area: 'Området' } as const;
const metresSv = (m: number) => `${Math.round(m).toLocaleString('sv-SE')} m`;

/** An ASCII file-name part of a unit's name: `Kallebäcks vård- och omsorgsboende` → `kallebacks-vard-och-omsorgsboende`. */
const slugOf = (name: string, id: number) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || `unit-${id}`;

function coordinates(g: GeoJSON.Geometry) {
  const [lon, lat] = g.type === 'Point' ? g.coordinates : pointOnFeature(g as GeoJSON.MultiPolygon).geometry.coordinates;
  const [x, y] = positionIn(SWEREF99TM, [lon!, lat!]);
  return { lon: lon!, lat: lat!, x_sweref99tm: Math.round(x * 100) / 100, y_sweref99tm: Math.round(y * 100) / 100 };
}

/** The unit's contacts as a file in `format` (CSV in `dialect`). */
export async function unitContactsFile(ctx: RequestContext, id: number, format: ContactFormat, dialect: CsvDialect): Promise<ExportFile> {
  const { unit, contacts } = await exportUnitContacts(ctx, id, format);
  const unitName = (unit as { name?: string }).name ?? `unit ${id}`;
  const slug = slugOf(unitName, id);
  if (format === 'vcf') {
    const cards: string[] = [];
    for (const a of contacts) {
      const p = a.properties;
      const note = `${RING_SV[p.ring as keyof typeof RING_SV] ?? p.ring}, ${metresSv(p.distance_m)} från ${unitName}${p.contact_about ? `. Kontakta om: ${p.contact_about}` : ''}`;
      const org = p.organisation && p.organisation !== p.name ? [p.organisation, p.name] : [p.name];
      if (p.phone || p.email) cards.push(vCard({ kind: 'organisation', name: p.name, org, tel: p.phone, email: p.email, address: p.address, note }));
      for (const person of p.contact_persons) {
        cards.push(vCard({ kind: 'person', name: person.name, org, title: person.role, tel: person.phone, email: person.email, address: p.address, note }));
      }
    }
    return { body: cards.join(''), type: 'text/vcard; charset=utf-8', filename: `kontakter-${slug}.vcf` };
  }
  const rows = contacts.flatMap((a) => {
    const p = a.properties;
    const base = {
      actor_id: a.id, actor: p.name, category: p.category, ring: p.ring, distance_m: p.distance_m, organisation: p.organisation,
      actor_phone: p.phone, actor_email: p.email, address: p.address, contact_about: p.contact_about, ...coordinates(a.geometry),
    };
    const people = p.contact_persons.length ? p.contact_persons : [undefined];
    return people.map((person) => ({ ...base, person: person?.name, role: person?.role, person_phone: person?.phone, person_email: person?.email }));
  });
  return { body: toCsvIn(dialect, CSV_COLUMNS, rows), type: 'text/csv; charset=utf-8', filename: `kontakter-${slug}.csv` };
}
