import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { adrOf, foldLine, vCard } from './vcard.js';

/** Debian's python3 with python3-vobject (an independent vCard parser); CI installs it (.ci/run). */
const PYTHON = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => {
  try {
    return fs.existsSync(p) && execFileSync(p, ['-c', 'import vobject'], { stdio: 'ignore' }) !== undefined;
  } catch {
    return false;
  }
});
if (!PYTHON) {
  if (process.env.CI === 'true') throw new Error('python3-vobject is missing; CI must parse the vCard export with it.');
  console.warn('\n*** SKIPPING the vobject checks of the vCard export: apt-get install python3-vobject ***\n');
}

/** The cards of a vCard file as vobject reads them (unfolded, unescaped, structured). */
function vobjectRead(text: string): any[] {
  const script = `
import sys, json, vobject
out = []
for card in vobject.readComponents(sys.stdin.read()):
    c = card.contents
    one = lambda k: c[k][0].value if k in c else None
    n = one('n'); adr = one('adr'); org = one('org')
    out.append({
        'fn': one('fn'),
        'n': None if n is None else {'family': n.family, 'given': n.given},
        'org': org, 'title': one('title'), 'tel': one('tel'), 'email': one('email'), 'note': one('note'),
        'adr': None if adr is None else {'street': adr.street, 'city': adr.city, 'code': adr.code, 'country': adr.country},
        'show_as': one('x-abshowas'),
    })
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PYTHON!, ['-c', script], { input: text, encoding: 'utf8' }));
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('vCard lines fold at 75 octets', () => {
  it('never longer than 75 octets, never inside a character, and unfolding gives the line back', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'å', 'Ö', '€', '😀', ' ', ';', 'x'), maxLength: 400 }), (s) => {
      const folded = foldLine(`NOTE:${s}`);
      const parts = folded.split('\r\n');
      for (const [i, p] of parts.entries()) {
        expect(octets(p)).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        expect(p).not.toMatch(/[\uD800-\uDBFF]$/); // no surrogate pair split
      }
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(`NOTE:${s}`);
      // fold as late as the rule allows: a segment ends early only when the next character would not fit
      for (const [i, p] of parts.slice(0, -1).entries()) expect(octets(p) + octets([...parts[i + 1]!.slice(1)][0]!)).toBeGreaterThan(75);
    }), { numRuns: 1000 });
  });

  it('a Swedish address as the structured ADR, anything else kept whole as the street', () => {
    expect(adrOf('Smörkärnegatan 3A, 416 79 Göteborg')).toBe(';;Smörkärnegatan 3A;Göteborg;;416 79;Sverige');
    expect(adrOf('Hackspettsgatan 10')).toBe(';;Hackspettsgatan 10;;;;');
    expect(adrOf('Box 1; plan 2')).toBe(';;Box 1\\; plan 2;;;;');
  });

  it.skipIf(!PYTHON)('an organisation card has FN and ORG and no split name; a person card has N split; vobject reads both', () => {
    const name = 'Göteborgs Stad Park- och naturförvaltningen, område Örgryte–Härlanda (ärenden åäö)';
    const text = vCard({ kind: 'organisation', name, org: ['Göteborgs Stad', name], tel: '+46 31 365 00 00', address: 'Box 123, 404 82 Göteborg', note: 'å'.repeat(100) }) +
      vCard({ kind: 'person', name: 'Åsa Öberg Lind', org: ['Göteborgs Stad'], title: 'Områdesförvaltare' });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const [org, person] = vobjectRead(text);
    expect(org).toMatchObject({ fn: name, n: { family: '', given: '' }, org: ['Göteborgs Stad', name], tel: '+46 31 365 00 00', note: 'å'.repeat(100), show_as: 'COMPANY' });
    expect(org.adr).toEqual({ street: 'Box 123', city: 'Göteborg', code: '404 82', country: 'Sverige' });
    expect(person).toMatchObject({ fn: 'Åsa Öberg Lind', n: { family: 'Öberg Lind', given: 'Åsa' }, org: ['Göteborgs Stad'], title: 'Områdesförvaltare' });
  });
});

describe.skipIf(!PYTHON)("GET /api/units/{id}/contacts/export?format=vcf read by vobject", () => {
  let t: TestContext;
  let unitId: number;
  const LONG = 'Göteborgs Stad Park- och naturförvaltningen, Örgryte–Härlanda: ärenden om gångvägar, lekplatser och belysning';
  beforeAll(async () => {
    t = await createTestContext();
    [{ id: unitId }] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE name LIKE 'Kallebäcks%'") as [{ id: number }];
    const contacts = await t.getJson('viewer', `/api/units/${unitId}/contacts`);
    const actor = contacts.features.find((f: any) => f.properties.phone && f.properties.contact_persons.length > 0);
    await t.db.query('UPDATE actors SET name = $1, organisation = $2, address = $3 WHERE id = $4', [LONG, 'Göteborgs Stad', 'Skånegatan 1, 412 51 Göteborg', actor.id]);
  });

  it('every line at most 75 octets, CRLF; the organisation card with ORG/FN and an empty N, ADR, Swedish characters intact across folds', async () => {
    const res = await t.request('viewer', 'GET', `/api/units/${unitId}/contacts/export?format=vcf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    const text = new TextDecoder().decode(await res.arrayBuffer());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n [^\r]*/); // folding happened
    const cards = vobjectRead(text);
    const contacts = await t.getJson('viewer', `/api/units/${unitId}/contacts`);
    const persons = contacts.features.flatMap((f: any) => f.properties.contact_persons);
    const orgs = contacts.features.filter((f: any) => f.properties.phone || f.properties.email);
    expect(cards).toHaveLength(persons.length + orgs.length);
    const own = cards.find((c) => c.fn === LONG && c.show_as === 'COMPANY');
    expect(own).toMatchObject({ n: { family: '', given: '' }, org: ['Göteborgs Stad', LONG] });
    expect(own.adr).toEqual({ street: 'Skånegatan 1', city: 'Göteborg', code: '412 51', country: 'Sverige' });
    for (const c of cards.filter((x) => x.org?.[1] === LONG && x.show_as !== 'COMPANY')) {
      const p = persons.find((x: any) => x.name === c.fn);
      expect(p, c.fn).toBeDefined();
      expect(`${c.n.given} ${c.n.family}`.trim()).toBe(p.name.trim().split(/\s+/).join(' '));
      expect(c.adr.street).toBe('Skånegatan 1');
    }
    for (const c of cards.filter((x) => x.show_as === 'COMPANY')) expect(c.n).toEqual({ family: '', given: '' });
    expect(cards.filter((c) => c.show_as !== 'COMPANY').every((c) => c.n.given !== '')).toBe(true);
    // The note is Swedish as a phone shows it: the zone by its name, whole metres, no codes.
    const ownActor = contacts.features.find((f: any) => f.properties.name === LONG);
    const metres = `${Math.round(ownActor.properties.distance_m).toLocaleString('sv-SE')} m`;
    const zone = ({ immediate: 'Närmast', neighbourhood: 'Grannskapet', area: 'Området' } as Record<string, string>)[ownActor.properties.ring];
    expect(own.note).toMatch(new RegExp(`^${zone}, ${metres} från Kallebäcks`));
    for (const c of cards) expect(c.note, c.fn).not.toMatch(/\b(immediate|neighbourhood|area)\b|\d\.\d m/);
  });
});
