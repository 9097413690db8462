import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueTexts } from './catalogueTexts.js';
import { en } from './en.js';
import { sv } from './sv.js';

/** The "Avoid" table of docs/GLOSSARY.md: language, pattern, what to write instead. */
function avoided(): { lang: 'sv' | 'en'; pattern: RegExp; instead: string }[] {
  const doc = readFileSync('docs/GLOSSARY.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Avoid'));
  return [...section.matchAll(/^\| (sv|en) \| `\/(.+)\/([a-z]*)` \| (.+) \|$/gm)].map(([, lang, source, flags, instead]) => ({
    lang: lang as 'sv' | 'en',
    pattern: new RegExp(source!, flags),
    instead: instead!,
  }));
}

describe('the glossary', () => {
  const rules = avoided();

  it('is read from docs/GLOSSARY.md (both languages)', () => {
    expect(rules.filter((r) => r.lang === 'sv').length).toBeGreaterThanOrEqual(8);
    expect(rules.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(4);
  });

  it.each(['sv', 'en'] as const)('no %s catalogue text uses a word the glossary says to avoid', (lang) => {
    const texts = catalogueTexts(lang);
    const hits = rules
      .filter((r) => r.lang === lang)
      .flatMap((r) => texts.filter((t) => r.pattern.test(t.text)).map((t) => `${t.key}: "${t.text}" (write ${r.instead})`));
    expect([...new Set(hits)]).toEqual([]);
  });

  it('would catch the old variants', () => {
    const hit = (lang: 'sv' | 'en', text: string) => rules.some((r) => r.lang === lang && r.pattern.test(text));
    expect(['Barnverksamheter', 'redigerare', 'Barn och skolor', 'enhetens yttre ring', 'Lägg till barnverksamhet'].every((t) => hit('sv', t))).toBe(true);
    expect(['Child places', 'Children and schools', "the unit's outer ring"].every((t) => hit('en', t))).toBe(true);
    expect(['Barns platser', 'redaktör', 'Polygonens ring är inte sluten.'].some((t) => hit('sv', t))).toBe(false);
  });

  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('gives the children\'s places one name everywhere (%s)', (_, m) => {
    const names = [m.layers.childPlaces, m.unit.tabChildren, m.children.title, m.search.childPlaces, m.outreach.childPlaces, m.import.layers['child-places']];
    expect(new Set(names).size).toBe(1);
    expect(m.admin.entities.child_place!.toLowerCase()).toBe(m.site.childPlacesInRing('X').split(',')[0]!.toLowerCase().replace(/places$|platser$/, (s) => (s === 'places' ? 'place' : 'plats')));
  });

  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('gives each role one name everywhere (%s)', (_, m) => {
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const names = [m.role[role], m.admin.roles[role], m.forms.values[role]].map((s) => s!.toLowerCase());
      expect(new Set(names).size, role).toBe(1);
    }
  });
});

/** The catalogue keys that head table columns (the `<th scope="col">` of the views and the contact sheet). */
const COLUMN_HEADERS = (m: typeof sv) => ({
  'needs.place': m.needs.place, 'needs.unit': m.needs.unit, 'needs.distance': m.needs.distance, 'needs.priority': m.needs.priority, 'needs.status': m.needs.status, 'needs.due': m.needs.due,
  'children.name': m.children.name, 'children.kind': m.children.kind, 'children.distance': m.children.distance, 'children.ring': m.children.ring,
  'children.priority': m.children.priority, 'children.status': m.children.status, 'children.due': m.children.due, 'children.priorityAndStatus': m.children.priorityAndStatus,
  ...Object.fromEntries(Object.entries(m.table).map(([k, v]) => [`table.${k}`, v])),
  'sheet.reach': m.sheet.reach, 'sheet.number': m.sheet.number,
  'outreach.unit': m.outreach.unit, 'outreach.kindColumn': m.outreach.kindColumn, 'outreach.date': m.outreach.date, 'outreach.dueColumn': m.outreach.dueColumn,
  'outreach.responsible': m.outreach.responsible, 'outreach.noteColumn': m.outreach.noteColumn, 'outreach.followUpColumn': m.outreach.followUpColumn, 'outreach.principle': m.outreach.principle,
  'outreach.inPlace': m.outreach.inPlace, 'outreach.inProgress': m.outreach.inProgress, 'outreach.notStarted': m.outreach.notStarted, 'outreach.perArea': m.outreach.perArea, 'outreach.units': m.outreach.units,
  'admin.name': m.admin.name, 'admin.email': m.admin.email, 'admin.role': m.admin.role, 'admin.active': m.admin.active, 'admin.lastUsed': m.admin.lastUsed,
  'import.row': m.import.row, 'import.fieldCol': m.import.fieldCol, 'import.reason': m.import.reason, 'records.actions': m.records.actions,
});

describe('column headers', () => {
  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('are short nouns, not form labels with hints or questions (%s)', (_, m) => {
    const bad = Object.entries(COLUMN_HEADERS(m)).filter(([, text]) => /[?()]/.test(text) || text.split(/\s+/).length > 3 || /\b(senast|by)$/i.test(text));
    expect(bad).toEqual([]);
  });

  it('the follow-ups table heads its columns with nouns, not the form\'s labels', () => {
    expect(sv.outreach.kindColumn).not.toBe(sv.outreach.filterKind);
    expect(sv.outreach.dueColumn).not.toBe(sv.outreach.dueDate);
    expect(sv.outreach.noteColumn).not.toBe(sv.outreach.note);
  });
});
