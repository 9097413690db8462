/**
 * Address search over the imported OpenStreetMap addresses (base_addresses). The query
 * is parsed here into street, house number, postcode and town; the database finds the
 * streets by trigram similarity and ranks (sql/queries/address_search.sql).
 */
import { statement } from '../db/statements.js';
import { ADDRESS_LIMIT_DEFAULT, type AddressFeatureT } from '../schemas/addresses.js';
import type { RequestContext } from './context.js';

const search = statement('address_search', ['street', 'street_like', 'number', 'postcode', 'city', 'limit']);
const byPostcode = statement('address_by_postcode', ['postcode', 'limit']);
const anyAddress = statement('address_any', []);

/** What a typed address query says. */
export interface ParsedAddress {
  /** The street as base_addresses.street_key holds it (see {@link foldKey}), or null when only a postcode was typed. */
  street: string | null;
  /** The house number, lower-case without spaces ("1a"). */
  number: string | null;
  /** Five digits. */
  postcode: string | null;
  /** Lower-cased. */
  city: string | null;
}

/**
 * Lower-cases and folds the letters Swedish addresses are typed without: "Götaplatsen"
 * and "Gotaplatsen" compare equal. The same fold as the generated column street_key
 * (sql/migrations/0017_base_search.sql); keep the two in step.
 */
export function foldKey(s: string): string {
  const from = 'åäöéèüáàæø';
  const to = 'aaoeeuaaao';
  return [...s.toLowerCase()].map((ch) => {
    const i = from.indexOf(ch);
    return i < 0 ? ch : to[i]!;
  }).join('');
}

/**
 * Splits "Kungsportsavenyn 1A, 411 36 Göteborg" into its parts. The street is the words
 * before the first word that starts with a digit; that word is the house number (a lone
 * letter after it joins it: "1 A" is 1A); five digits, with or without the space after
 * the third, are the postcode; the remaining words are the town.
 */
export function parseAddressQuery(q: string): ParsedAddress {
  const text = q.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
  const [first = '', ...restParts] = text.split(',');
  let rest = restParts.join(' ');
  const words = first.trim().split(' ').filter(Boolean);
  const streetWords: string[] = [];
  let number: string | null = null;
  let i = 0;
  for (; i < words.length && !/^\d/.test(words[i]!); i++) streetWords.push(words[i]!);
  if (i < words.length && streetWords.length > 0) {
    const w = words[i]!;
    // "12 411 24": a number followed by a postcode is not a number of three digits.
    if (!/^\d{5}$/.test(w)) {
      number = w.toLowerCase();
      i++;
      if (i < words.length && /^[a-zA-ZåäöÅÄÖ]$/.test(words[i]!)) number += words[i++]!.toLowerCase();
    }
  }
  rest = [...words.slice(i), rest].join(' ');
  let postcode: string | null = null;
  const pc = /(?:^|\s)(\d{3})\s?(\d{2})(?=\s|$)/.exec(rest);
  if (pc) {
    postcode = pc[1]! + pc[2]!;
    rest = rest.slice(0, pc.index) + ' ' + rest.slice(pc.index + pc[0].length);
  }
  const city = rest.replace(/[^\p{L}\s-]/gu, ' ').replace(/\s+/g, ' ').trim().toLowerCase() || null;
  const street = streetWords.length ? foldKey(streetWords.join(' ')) : null;
  if (!street && !postcode && number === null && city) return { street: foldKey(city), number: null, postcode: null, city: null };
  return { street, number, postcode, city };
}

/** Escapes LIKE's wildcards, so a typed "_" or "%" is a character. */
const likePrefix = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

interface AddressRow {
  osm_type: string; osm_id: number; street: string; housenumber: string | null; postcode: string | null; city: string | null; lon: number; lat: number;
}

/** "Kungsportsavenyen 1, 411 36 Göteborg". */
export function addressLabel(a: { street: string; housenumber: string | null; postcode: string | null; city: string | null }): string {
  const line1 = [a.street, a.housenumber].filter(Boolean).join(' ');
  const pc = a.postcode && /^\d{5}$/.test(a.postcode) ? `${a.postcode.slice(0, 3)} ${a.postcode.slice(3)}` : a.postcode;
  const line2 = [pc, a.city].filter(Boolean).join(' ');
  return line2 ? `${line1}, ${line2}` : line1;
}

const toFeature = (r: AddressRow): AddressFeatureT => ({
  type: 'Feature',
  id: `osm:${r.osm_type}/${r.osm_id}`,
  geometry: { type: 'Point', coordinates: [Number(r.lon), Number(r.lat)] },
  properties: { street: r.street, housenumber: r.housenumber, postcode: r.postcode, city: r.city, label: addressLabel(r) },
});

/** The addresses matching a typed query, best first; `addresses_imported` false when there are none at all. */
export async function searchAddresses(ctx: RequestContext, q: string, limit = ADDRESS_LIMIT_DEFAULT) {
  const p = parseAddressQuery(q);
  let rows: AddressRow[] = [];
  if (p.street) {
    rows = await search.run<AddressRow>(ctx.reader, {
      street: p.street, street_like: likePrefix(p.street), number: p.number, postcode: p.postcode, city: p.city, limit,
    });
  } else if (p.postcode) {
    rows = await byPostcode.run<AddressRow>(ctx.reader, { postcode: p.postcode, limit });
  }
  const addresses_imported = rows.length > 0 || Boolean((await anyAddress.one<{ any: boolean }>(ctx.reader, {}))?.any);
  return { type: 'FeatureCollection' as const, features: rows.map(toFeature), addresses_imported };
}
