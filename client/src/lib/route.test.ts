import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './route.js';

describe('parseRoute', () => {
  it('reads the overview, with an optional selected unit', () => {
    expect(parseRoute('/')).toEqual({ name: 'overview' });
    expect(parseRoute('/', '?unit=4')).toEqual({ name: 'overview', unitId: 4 });
    expect(parseRoute('/', '?unit=abc')).toEqual({ name: 'overview' });
  });
  it('reads the unit tab from the query or the path', () => {
    expect(parseRoute('/units/1')).toEqual({ name: 'unit', id: 1, tab: 'contacts' });
    expect(parseRoute('/units/1', '?tab=children')).toEqual({ name: 'unit', id: 1, tab: 'children' });
    expect(parseRoute('/units/1/contacts')).toEqual({ name: 'unit', id: 1, tab: 'contacts' });
    expect(parseRoute('/units/7/unit/')).toEqual({ name: 'unit', id: 7, tab: 'unit' });
  });
  it('falls back to the contacts tab for an unknown ?tab', () => {
    expect(parseRoute('/units/1', '?tab=bogus')).toEqual({ name: 'unit', id: 1, tab: 'contacts' });
  });
  it('rejects ids that are not positive integers', () => {
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999', '01']) expect(parseRoute(`/units/${id}`)).toEqual({ name: 'notFound' });
    expect(parseRoute('/units/1/nonsense')).toEqual({ name: 'notFound' });
  });
  it('reads the contact sheet', () => {
    expect(parseRoute('/units/3/sheet')).toEqual({ name: 'sheet', id: 3 });
  });
  it('keeps only valid need filters', () => {
    expect(parseRoute('/information-needs', '?priority=high&status=nope&kind=school&unit_id=2&sort=closest')).toEqual({
      name: 'needs',
      filters: { priority: 'high', kind: 'school', unit_id: 2 },
    });
    expect(parseRoute('/information-needs', '?status=not_informed,overdue,nope&sort=-distance')).toEqual({
      name: 'needs',
      filters: { status: ['overdue', 'not_informed'], sort: { key: 'distance', dir: 'desc' } },
    });
    expect(routeHref({ name: 'needs', filters: { status: ['overdue', 'not_informed'] } })).toBe('/information-needs?status=overdue,not_informed');
  });
  it('reads a search', () => {
    expect(parseRoute('/search', '?q=Kalleb%C3%A4ck')).toEqual({ name: 'search', q: 'Kallebäck' });
  });
});

describe('routeHref', () => {
  const routes: Route[] = [
    { name: 'overview' },
    { name: 'overview', unitId: 3 },
    { name: 'unit', id: 1, tab: 'contacts' },
    { name: 'unit', id: 12, tab: 'unit' },
    { name: 'sheet', id: 4 },
    { name: 'site' },
    { name: 'search', q: 'Smörkärnegatan 3A' },
    { name: 'needs', filters: {} },
    { name: 'needs', filters: { priority: 'high', unit_id: 1 } },
    { name: 'needs', filters: { status: ['overdue', 'due_soon'], kind: 'school', sort: { key: 'name', dir: 'desc' } } },
  ];
  it.each(routes)('round-trips %o', (route) => {
    const url = new URL(routeHref(route), 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
  });
});

describe('unit routes that carry work to do', () => {
  it('reads and writes the new-unit page', () => {
    expect(parseRoute('/units/new')).toEqual({ name: 'newUnit' });
    expect(routeHref({ name: 'newUnit' })).toBe('/units/new');
  });

  it('keeps an activity draft only on the activities tab, through the address and back', () => {
    const route = { name: 'unit', id: 4, tab: 'activities', draft: { actorId: 12 } } as const;
    expect(routeHref(route)).toBe('/units/4?tab=activities&log_actor=12');
    const [p, q] = routeHref(route).split('?');
    expect(parseRoute(p!, `?${q}`)).toEqual(route);
    expect(parseRoute('/units/4', '?tab=contacts&log_actor=12')).toEqual({ name: 'unit', id: 4, tab: 'contacts' });
    expect(parseRoute('/units/4', '?tab=activities&log_actor=x')).toEqual({ name: 'unit', id: 4, tab: 'activities' });
    expect(routeHref({ name: 'unit', id: 4, tab: 'contacts', draft: { actorId: 12 } })).toBe('/units/4?tab=contacts');
  });
});

describe('site analysis links', () => {
  it('keep the candidate sites, to about a metre, and read them back', () => {
    const route = { name: 'site', sites: [[11.97123, 57.70456], [12.0, 57.69]] } as const;
    const href = routeHref(route);
    expect(href).toBe('/site-analysis?sites=11.97123,57.70456;12.00000,57.69000');
    const [p, q] = href.split('?');
    expect(parseRoute(p!, `?${q}`)).toEqual({ name: 'site', sites: [[11.97123, 57.70456], [12, 57.69]] });
    expect(routeHref({ name: 'site', sites: [] })).toBe('/site-analysis');
  });

  it('keep the saved analysis open, and the printable comparison has its own path', () => {
    const href = routeHref({ name: 'site', sites: [[11.97, 57.7]], saved: 12 });
    expect(href).toBe('/site-analysis?sites=11.97000,57.70000&saved=12');
    expect(parseRoute('/site-analysis', '?sites=11.97000,57.70000&saved=12')).toEqual({ name: 'site', sites: [[11.97, 57.7]], saved: 12 });
    expect(routeHref({ name: 'siteSheet', sites: [[11.97, 57.7], [12, 57.69]] })).toBe('/site-analysis/print?sites=11.97000,57.70000;12.00000,57.69000');
    expect(parseRoute('/site-analysis/print', '?sites=11.97,57.7&saved=3')).toEqual({ name: 'siteSheet', sites: [[11.97, 57.7]], saved: 3 });
    expect(parseRoute('/site-analysis', '?saved=x')).toEqual({ name: 'site' });
    expect(routeHref({ name: 'site', saved: 5 })).toBe('/site-analysis?saved=5');
  });

  it('drop what is not a pair of numbers in range, and keep at most three', () => {
    expect(parseRoute('/site-analysis', '?sites=abc;11.9,57.7;200,10;11.9;1,2,3;-0.5,51.5;1,1;2,2')).toEqual({
      name: 'site', sites: [[11.9, 57.7], [-0.5, 51.5], [1, 1]],
    });
    expect(parseRoute('/site-analysis', '?sites=')).toEqual({ name: 'site' });
    expect(parseRoute('/site-analysis', '?sites=1e3,5')).toEqual({ name: 'site' });
  });
});
