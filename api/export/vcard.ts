/**
 * vCard 3.0 (RFC 2426) for the contact lists, as phones and address books import them.
 *
 * Two kinds of card: a person's (FN, the name split into N's family and given names,
 * ORG the actor, TITLE the role) and an organisation's own (FN and ORG the
 * organisation's name, an empty `N:;;;;`, since splitting "Göteborgs Stad Park" into a
 * given and a family name would file it under "Park", and `X-ABShowAs:COMPANY`, which
 * Apple's and Google's contacts read as "this is a company"). Both carry the actor's
 * address as a work `ADR` when it is known.
 *
 * Lines are folded at 75 octets of UTF-8 as RFC 2425 §5.8.1 says (not 75 characters:
 * "Göteborgs" is 10 octets), never inside a multi-byte character, with CRLF and one
 * leading space on each continuation line.
 */

/** The longest line, in octets, CRLF not counted. */
export const VCARD_LINE_OCTETS = 75;

/** A card's content; empty fields are left out. */
export interface VCardFields {
  kind: 'person' | 'organisation';
  /** The person's or the organisation's name. */
  name: string;
  /** The organisation and, optionally, its unit (`ORG:Göteborgs Stad;Park och natur`). */
  org?: readonly (string | null | undefined)[];
  title?: string | null;
  tel?: string | null;
  email?: string | null;
  /** An address in the usual Swedish form, `Street 1, 412 63 Göteborg` (anything else goes in the street part). */
  address?: string | null;
  note?: string | null;
}

/** Text value escaping (RFC 2426 §4): backslash, comma, semicolon and line breaks. */
export const vEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * One content line folded at {@link VCARD_LINE_OCTETS} octets: the first segment up to
 * 75 octets, each further one a space and up to 74, split between code points only.
 */
export function foldLine(line: string): string {
  const segments: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    const limit = segments.length === 0 ? VCARD_LINE_OCTETS : VCARD_LINE_OCTETS - 1;
    if (size + n > limit) {
      segments.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  segments.push(current);
  return segments.join('\r\n ');
}

/**
 * The structured `ADR` value (post office box; extended; street; locality; region;
 * postal code; country) of a Swedish address `Street 1, 412 63 Göteborg`; an address in
 * another form is kept whole as the street.
 */
export function adrOf(address: string): string {
  const m = /^(.+?),\s*(\d{3}\s?\d{2})\s+(.+)$/.exec(address.trim());
  const [street, postal, locality] = m ? [m[1]!, m[2]!, m[3]!] : [address.trim(), '', ''];
  return ['', '', street, locality, '', postal, m ? 'Sverige' : ''].map(vEscape).join(';');
}

/** One card, its lines folded and ended by CRLF. */
export function vCard(f: VCardFields): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vEscape(f.name)}`];
  if (f.kind === 'person') {
    const [given, ...family] = f.name.trim().split(/\s+/);
    lines.push(`N:${vEscape(family.join(' '))};${vEscape(given ?? '')};;;`);
  } else {
    lines.push('N:;;;;', 'X-ABShowAs:COMPANY');
  }
  const org = (f.org ?? []).filter((x): x is string => !!x);
  if (org.length) lines.push(`ORG:${org.map(vEscape).join(';')}`);
  if (f.title) lines.push(`TITLE:${vEscape(f.title)}`);
  if (f.tel) lines.push(`TEL;TYPE=WORK,VOICE:${vEscape(f.tel)}`);
  if (f.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${vEscape(f.email)}`);
  if (f.address) lines.push(`ADR;TYPE=WORK:${adrOf(f.address)}`);
  if (f.note) lines.push(`NOTE:${vEscape(f.note)}`);
  lines.push('END:VCARD');
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
