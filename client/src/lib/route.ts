/**
 * The client's URLs, parsed into a typed route and written back. Every view has a
 * shareable address: `/units/12?tab=children`, `/information-needs?priority=high`.
 */
import type { ChildPlaceKind, InformationStatus, Priority } from './apiTypes.js';
import { asCode, CHILD_PLACE_KINDS, PRIORITIES } from './codes.js';
import { needSortParam, parseNeedSort, parseStatuses, type NeedSort } from './needs.js';

export const UNIT_TABS = ['contacts', 'children', 'unit', 'activities', 'principles'] as const;
export type UnitTab = (typeof UNIT_TABS)[number];

/** The needs list's filters and order, as the address keeps them (`?status=overdue,not_informed&sort=-distance`). */
export interface NeedsFilters {
  /** Several at once (OR); none or all: every status. */
  status?: InformationStatus[];
  priority?: Priority;
  unit_id?: number;
  kind?: ChildPlaceKind;
  /** Left out for the default order (most urgent first). */
  sort?: NeedSort;
}

/**
 * What the activity form opens with when a view sends the user there to log
 * something (the contact card's "Logga kontakt": kind `contact` and the actor).
 */
export interface ActivityDraft {
  actorId?: number;
  childPlaceId?: number;
}

export type Route =
  | { name: 'overview'; unitId?: number }
  | { name: 'unit'; id: number; tab: UnitTab; draft?: ActivityDraft }
  | { name: 'newUnit' }
  | { name: 'sheet'; id: number }
  | { name: 'site'; sites?: readonly (readonly [number, number])[]; saved?: number }
  | { name: 'siteSheet'; sites?: readonly (readonly [number, number])[]; saved?: number }
  | { name: 'needs'; filters: NeedsFilters }
  | { name: 'search'; q: string }
  | { name: 'implementation' }
  | { name: 'followUps' }
  | { name: 'import' }
  | { name: 'admin' }
  | { name: 'tokens' }
  | { name: 'notFound' };

const positiveInt = (s: string | null | undefined): number | undefined => {
  if (!s || !/^[1-9]\d{0,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 2147483647 ? n : undefined;
};

/** Reads a route from a path and query string (`location.pathname`, `location.search`). */
export function parseRoute(pathname: string, search = ''): Route {
  const params = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') {
    const unitId = positiveInt(params.get('unit'));
    return unitId ? { name: 'overview', unitId } : { name: 'overview' };
  }
  if (path === '/site-analysis' || path === '/site-analysis/print') {
    const sites = parseSites(params.get('sites'));
    const saved = positiveInt(params.get('saved'));
    return { name: path === '/site-analysis' ? 'site' : 'siteSheet', ...(sites.length ? { sites } : {}), ...(saved ? { saved } : {}) };
  }
  if (path === '/units/new') return { name: 'newUnit' };
  if (path === '/implementation') return { name: 'implementation' };
  if (path === '/follow-ups') return { name: 'followUps' };
  if (path === '/import') return { name: 'import' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/tokens') return { name: 'tokens' };
  if (path === '/search') return { name: 'search', q: params.get('q') ?? '' };
  if (path === '/information-needs') {
    const filters: NeedsFilters = {};
    const status = parseStatuses(params.get('status'));
    const sort = parseNeedSort(params.get('sort'));
    const priority = asCode(PRIORITIES, params.get('priority'));
    const unitId = positiveInt(params.get('unit_id'));
    const kind = asCode(CHILD_PLACE_KINDS, params.get('kind'));
    if (status.length) filters.status = status;
    if (priority) filters.priority = priority;
    if (unitId) filters.unit_id = unitId;
    if (kind) filters.kind = kind;
    if (sort) filters.sort = sort;
    return { name: 'needs', filters };
  }
  const unit = /^\/units\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (unit) {
    const id = positiveInt(unit[1]);
    if (!id) return { name: 'notFound' };
    const sub = unit[2];
    if (sub === 'sheet') return { name: 'sheet', id };
    const tab = asCode(UNIT_TABS, sub ?? params.get('tab')) ?? (sub ? undefined : 'contacts');
    if (!tab) return { name: 'notFound' };
    const draft: ActivityDraft = {};
    const actorId = positiveInt(params.get('log_actor'));
    const childPlaceId = positiveInt(params.get('log_child_place'));
    if (actorId) draft.actorId = actorId;
    if (childPlaceId) draft.childPlaceId = childPlaceId;
    return tab === 'activities' && (actorId || childPlaceId) ? { name: 'unit', id, tab, draft } : { name: 'unit', id, tab };
  }
  return { name: 'notFound' };
}

/** The canonical address of a route. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'overview':
      return route.unitId ? `/?unit=${route.unitId}` : '/';
    case 'unit': {
      const draft = route.tab === 'activities' ? route.draft : undefined;
      const extra = (draft?.actorId ? `&log_actor=${draft.actorId}` : '') + (draft?.childPlaceId ? `&log_child_place=${draft.childPlaceId}` : '');
      return `/units/${route.id}?tab=${route.tab}${extra}`;
    }
    case 'newUnit':
      return '/units/new';
    case 'sheet':
      return `/units/${route.id}/sheet`;
    case 'site':
    case 'siteSheet': {
      const query = [route.sites?.length ? `sites=${formatSites(route.sites)}` : '', route.saved ? `saved=${route.saved}` : ''].filter(Boolean).join('&');
      return `/site-analysis${route.name === 'siteSheet' ? '/print' : ''}${query ? `?${query}` : ''}`;
    }
    case 'implementation':
      return '/implementation';
    case 'followUps':
      return '/follow-ups';
    case 'import':
      return '/import';
    case 'admin':
      return '/admin';
    case 'tokens':
      return '/tokens';
    case 'search':
      return route.q ? `/search?q=${encodeURIComponent(route.q)}` : '/search';
    case 'needs': {
      const { status, priority, unit_id, kind, sort } = route.filters;
      // Commas between statuses stay commas (`status=overdue,not_informed`): the codes need no escaping.
      const parts = [
        status?.length ? `status=${status.join(',')}` : '',
        priority ? `priority=${priority}` : '',
        unit_id ? `unit_id=${unit_id}` : '',
        kind ? `kind=${kind}` : '',
        needSortParam(sort) ? `sort=${needSortParam(sort)}` : '',
      ].filter(Boolean);
      return parts.length ? `/information-needs?${parts.join('&')}` : '/information-needs';
    }
    case 'notFound':
      return '/';
  }
}

/** Most candidate sites the site analysis compares (and so keeps in its address). */
export const MAX_SITES = 3;

/**
 * The candidate sites of a shared site-analysis link: `lon,lat` pairs separated by `;`,
 * five decimals (about a metre). Pairs that are not two finite numbers in range are
 * dropped, and at most MAX_SITES kept.
 */
export function parseSites(text: string | null): [number, number][] {
  if (!text) return [];
  const sites: [number, number][] = [];
  for (const pair of text.split(';')) {
    const parts = pair.split(',');
    if (parts.length !== 2 || parts.some((p) => !/^-?\d{1,3}(\.\d+)?$/.test(p.trim()))) continue;
    const [lon, lat] = parts.map(Number) as [number, number];
    if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) sites.push([lon, lat]);
    if (sites.length === MAX_SITES) break;
  }
  return sites;
}

export const formatSites = (sites: readonly (readonly [number, number])[]): string =>
  sites.map(([lon, lat]) => `${lon.toFixed(5)},${lat.toFixed(5)}`).join(';');
