import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plural, pluralForm } from '../lib/plural.js';
import { en } from './en.js';
import { sv } from './sv.js';
import { CATALOGUE_FILES, catalogueTexts } from './catalogueTexts.js';

/** Noun (and participle) forms as pairs [one, other]; only pairs whose two forms differ can be told apart. */
const PAIRS: Record<'sv' | 'en', [string, string][]> = {
  sv: [
    ['rad', 'rader'], ['post', 'poster'], ['plats', 'platser'], ['aktör', 'aktörer'], ['enhet', 'enheter'], ['träff', 'träffar'],
    ['aktivitet', 'aktiviteter'], ['adress', 'adresser'], ['gång', 'gånger'], ['sida', 'sidor'], ['inloggning', 'inloggningar'],
    ['nyckel', 'nycklar'], ['API-nyckel', 'API-nycklar'], ['minut', 'minuter'], ['sekund', 'sekunder'], ['väg', 'vägar'], ['yta', 'ytor'],
    ['informationstillfälle', 'informationstillfällen'], ['uppföljning', 'uppföljningar'], ['avslutad', 'avslutade'], ['informerad', 'informerade'],
    ['försenad', 'försenade'], ['ny', 'nya'], ['ändrad', 'ändrade'], ['avvisad', 'avvisade'], ['oförändrad', 'oförändrade'], ['annan', 'andra'],
    ['öppen', 'öppna'], ['markerad', 'markerade'], ['iakttagelse', 'iakttagelser'], ['zon', 'zoner'], ['person', 'personer'],
  ],
  en: [
    ['row', 'rows'], ['entry', 'entries'], ['place', 'places'], ['actor', 'actors'], ['unit', 'units'], ['result', 'results'],
    ['activity', 'activities'], ['address', 'addresses'], ['time', 'times'], ['page', 'pages'], ['user', 'users'], ['need', 'needs'],
    ['field', 'fields'], ['minute', 'minutes'], ['second', 'seconds'], ['character', 'characters'], ['token', 'tokens'], ['sign-in', 'sign-ins'],
    ['item', 'items'], ['way', 'ways'], ['area', 'areas'], ['record', 'records'], ['follow-up', 'follow-ups'], ['name', 'names'],
    ['point', 'points'], ['observation', 'observations'], ['zone', 'zones'], ['person', 'persons'], ['place name', 'place names'],
  ],
};

/** Two-word nouns, read as one ("place names" is plural although "place" is not). */
const COMPOUNDS = new Set([...PAIRS.sv, ...PAIRS.en].flat().filter((w) => w.includes(' ')));

/** Stands for every argument: a number where one is compared or formatted, and the same number for any property read of it. */
function anything(n: number): unknown {
  return new Proxy(Object.create(null) as object, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => n : key === 'toString' || key === 'valueOf' ? () => String(n) : n),
  });
}

/** Every text a catalogue's functions give when each argument is the count `n` (as a plain number, then as a stand-in object). */
function countTexts(catalogue: unknown, n: number): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'function') {
      for (const arg of [n, anything(n)]) {
        try {
          const r: unknown = (v as (...a: unknown[]) => unknown)(...Array.from({ length: Math.max(1, v.length) }, () => arg));
          if (typeof r === 'string') out.push(r);
        } catch {
          // An argument of another kind (a list, a date): not a count text.
        }
      }
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(catalogue);
  return out;
}

const WORD = String.raw`[\p{L}][\p{L}'’-]*`;
/** Words that stand between a count and its noun ("1 barns plats", "2 other sign-ins", "1 ej informerad"). */
const MODIFIERS = new Set(['barns', 'ej', 'annan', 'andra', 'öppen', 'öppna', "children's", 'other', 'api', 'open', 'information', 'not']);

/** "1 rader", "2 rad": the count `n` standing alone before a word (or a modifier and a word) in the form the count must not take. */
function wrongForms(texts: string[], n: number, lang: 'sv' | 'en'): string[] {
  const wrong = new Set(PAIRS[lang].map(([one, other]) => (n === 1 ? other : one)).map((w) => w.toLowerCase()));
  const re = new RegExp(String.raw`(?<![\p{N}.,:\u00a0\u202f–-])${n} (${WORD})(?: (${WORD}))?`, 'gu');
  const bad: string[] = [];
  for (const t of texts) {
    for (const [, first = '', second] of t.matchAll(re)) {
      const pair = `${first} ${second ?? ''}`.toLowerCase();
      const word = COMPOUNDS.has(pair) ? pair : MODIFIERS.has(first.toLowerCase()) && second ? second : first;
      if (wrong.has(word.toLowerCase()) || (MODIFIERS.has(first.toLowerCase()) && wrong.has(first.toLowerCase()))) bad.push(t);
    }
  }
  return bad;
}

describe('plural', () => {
  it('takes the singular for 1 only, in both languages, and formats the number', () => {
    expect([0, 1, 2].map((n) => plural('sv-SE', n, 'rad', 'rader'))).toEqual(['0 rader', '1 rad', '2 rader']);
    expect([0, 1, 2].map((n) => plural('en-GB', n, 'row', 'rows'))).toEqual(['0 rows', '1 row', '2 rows']);
    expect(plural('sv-SE', 1200, 'rad', 'rader')).toBe('1\u00a0200 rader');
    expect(plural('en-GB', 1200, 'row', 'rows')).toBe('1,200 rows');
    expect(pluralForm('sv-SE', 1, 'informerad', 'informerade')).toBe('informerad');
  });
});

describe('count texts of the catalogues', () => {
  it.each([
    ['units.count', sv.units.count, en.units.count, ['0 enheter', '1 enhet', '2 enheter'], ['0 units', '1 unit', '2 units']],
    ['contacts.count', sv.contacts.count, en.contacts.count, ['0 aktörer', '1 aktör', '2 aktörer'], ['0 actors', '1 actor', '2 actors']],
    ['search.count', sv.search.count, en.search.count, ['0 träffar', '1 träff', '2 träffar'], ['0 results', '1 result', '2 results']],
    ['outreach.activitiesCount', sv.outreach.activitiesCount, en.outreach.activitiesCount, ['0 aktiviteter', '1 aktivitet', '2 aktiviteter'], ['0 activities', '1 activity', '2 activities']],
    ['admin.userCount', sv.admin.userCount, en.admin.userCount, ['0 användare', '1 användare', '2 användare'], ['0 users', '1 user', '2 users']],
    ['baseData.addressCount', sv.baseData.addressCount, en.baseData.addressCount, ['0 adresser', '1 adress', '2 adresser'], ['0 addresses', '1 address', '2 addresses']],
  ])('%s for 0, 1 and 2', (_, svFn, enFn, svWant, enWant) => {
    expect([0, 1, 2].map((n) => svFn(n))).toEqual(svWant);
    expect([0, 1, 2].map((n) => enFn(n))).toEqual(enWant);
  });

  it('the import report says "1 rad" and "1 row"', () => {
    const one = { total: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 };
    expect(sv.import.counts(one)).toBe('1 rad: 1 ny, 0 ändrade, 0 oförändrade, 0 avvisade.');
    expect(en.import.counts(one)).toBe('1 row: 1 new, 0 changed, 0 unchanged, 0 rejected.');
    expect(sv.import.counts({ total: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 })).toBe('2 rader: 2 nya, 0 ändrade, 0 oförändrade, 0 avvisade.');
  });

  it('the needs summary and the audit log count with the right form', () => {
    expect([0, 1, 2].map((n) => sv.statusCount('not_informed', n))).toEqual(['0 ej informerade', '1 ej informerad', '2 ej informerade']);
    expect(sv.admin.entries(1, 1, 1)).toBe('Visar 1–1 av 1 post.');
    expect(en.admin.entries(1, 2, 2)).toBe('Showing 1–2 of 2 entries.');
    expect(sv.outreach.markedInformed(1)).toBe('1 plats markerad som informerad.');
    expect(sv.outreach.markInformedCount(2)).toBe('Markera 2 som informerade');
  });

  it.each([0, 1, 2])('no function of either catalogue puts %i before a noun in the wrong form', (n) => {
    const svTexts = countTexts(sv, n);
    const enTexts = countTexts(en, n);
    expect(svTexts.length).toBeGreaterThan(200);
    expect(wrongForms(svTexts, n, 'sv')).toEqual([]);
    expect(wrongForms(enTexts, n, 'en')).toEqual([]);
  });

  it('the check finds a count written without the helper', () => {
    const bare = { rows: (c: number) => `${c} rader`, rowsEn: (c: number) => `${c} rows` };
    expect(wrongForms(countTexts({ a: bare.rows }, 1), 1, 'sv')).toEqual(['1 rader', '1 rader']);
    expect(wrongForms(countTexts({ a: bare.rowsEn }, 1), 1, 'en')).toEqual(['1 rows', '1 rows']);
    expect(wrongForms(countTexts({ a: (c: number) => (c === 1 ? '1 rad' : `${c} rader`) }, 1), 1, 'sv')).toEqual(['1 rader']);
  });

  it('no catalogue source puts an interpolated number straight before a noun that has a plural form', () => {
    const nouns = [...PAIRS.sv, ...PAIRS.en].flat();
    const bare = new RegExp(String.raw`\$\{[^{}]*\} (?:${nouns.join('|')})\b`, 'gu');
    const found = CATALOGUE_FILES.flatMap((file) => (readFileSync(file, 'utf8').match(bare) ?? []).map((m) => `${file}: ${m}`));
    expect(found).toEqual([]);
    expect(catalogueTexts('sv').length).toBeGreaterThan(500);
  });
});
