import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import { notFound } from '../errors.js';
import type { InformationNeedCollectionT, NeedSortKey } from '../schemas/proximity.js';
import { audit } from './audit.js';
import { seesExact, type RequestContext } from './context.js';
import { toCsv, type CsvDialect } from './csv.js';
import { auditExactRead, shownUnitsOf } from './exactReads.js';
import { proxUnit } from './proximity.js';
import { walkJudge, walkSettings } from './walking.js';
import { ringByWalk } from './walkRules.js';

const needsList = statement('information_need_list', [
  'need_to_know', 'unit_id', 'kinds', 'priorities', 'statuses', 'area_id', 'now', 'limit', 'offset', 'sort_key', 'descending', 'walk_rings',
]);
const areaExists = statement('area_exists', ['area_id']);
const walkPairs = statement('information_need_walk_pairs', ['need_to_know', 'unit_id', 'kinds', 'area_id']);

/** Filters and order of the information needs (the list and its export); lists are OR-ed codes, undefined means any. */
export interface NeedsFilters {
  unitId?: number;
  kinds?: string[];
  priorities?: string[];
  statuses?: string[];
  areaId?: number;
  /** The order: a key of NEED_SORT_KEYS, reversed with a leading `-`; `urgency` when left out. */
  sort?: NeedSortKey | `-${NeedSortKey}`;
}

/** A page of the list. */
export interface NeedsPaging {
  limit?: number;
  offset?: number;
}

/** A comma list for the SQL file's `string_to_array($n, ',')` filters; NULL means no filter. */
const csv = (items: readonly string[] | undefined): string | null => (items && items.length ? items.join(',') : null);

type NeedsPage = Omit<InformationNeedCollectionT, 'type' | 'number_returned'>;

interface WalkPair { unit_id: number; unit_lon: number; unit_lat: number; r_immediate: number; r_neighbourhood: number; child_place_id: number; lon: number; lat: number }

/**
 * With the information distance by walking, the ring (and the walk) of every pair whose
 * walk can be judged, as the list's JSON parameter (one search per unit, from where the caller may
 * see it); null by the straight line. The same rule as a unit's own list (walkRules.ts).
 */
async function walkRings(ctx: RequestContext, f: NeedsFilters, exact: boolean): Promise<string | null> {
  const settings = await walkSettings(ctx);
  if (settings.information_distance !== 'walking') return null;
  const [pairs, judge] = await Promise.all([
    walkPairs.run<WalkPair>(ctx.reader, { need_to_know: exact, unit_id: f.unitId ?? null, kinds: csv(f.kinds), area_id: f.areaId ?? null }),
    walkJudge(ctx, settings),
  ]);
  const rings: { unit_id: number; child_place_id: number; ring: string; walk_m: number | null }[] = [];
  for (let i = 0, j = 0; i < pairs.length; i = j) {
    const first = pairs[i]!;
    while (j < pairs.length && pairs[j]!.unit_id === first.unit_id) j++;
    const group = pairs.slice(i, j);
    const walks = judge({ lon: first.unit_lon, lat: first.unit_lat }, group.map((p) => ({ lon: p.lon, lat: p.lat })));
    group.forEach((p, k) => {
      const ring = ringByWalk(walks[k]!, first);
      if (ring) rings.push({ unit_id: p.unit_id, child_place_id: p.child_place_id, ring, walk_m: walks[k]!.walk_m });
    });
  }
  return JSON.stringify(rings);
}

async function readNeeds(ctx: RequestContext, f: NeedsFilters, limit: number | null, offset: number): Promise<NeedsPage> {
  const exact = seesExact(ctx);
  if (f.unitId !== undefined && !(await proxUnit(ctx, f.unitId))) throw notFound('unit', f.unitId);
  if (f.areaId !== undefined && !(await areaExists.one<{ found: boolean }>(ctx.reader, { area_id: f.areaId }))?.found) throw notFound('area', f.areaId);
  const sort = f.sort ?? 'urgency';
  const descending = sort.startsWith('-');
  const walk_rings = await walkRings(ctx, f, exact);
  const row = await needsList.one<NeedsPage>(ctx.reader, {
    need_to_know: exact, unit_id: f.unitId ?? null, kinds: csv(f.kinds), priorities: csv(f.priorities), statuses: csv(f.statuses),
    area_id: f.areaId ?? null, now: ctx.now.toISOString(), limit, offset,
    sort_key: descending ? sort.slice(1) : sort, descending, walk_rings,
  });
  return row!;
}

/**
 * A page of the information needs at the request's time: each (open or planned unit,
 * child place in its outer ring) pair with ring, priority and information status, in
 * the order asked for (by default what needs doing first: overdue, not informed, due
 * soon, informed; then priority; then distance). The spatial join and the information
 * rules run once, set-based (sql/queries/information_need_list.sql); `number_matched` counts every
 * matching pair, `by_status` every pair passing the filters but the status filter and
 * `by_priority` every pair passing the filters but the priority filter, so a filter's
 * choices show their counts over the whole set. An unknown unit or area filter is a 404;
 * a page measured from the exact location of restricted units is an exact read, audited.
 */
export async function informationNeeds(ctx: RequestContext, f: NeedsFilters & NeedsPaging, via: string): Promise<InformationNeedCollectionT> {
  const { features, number_matched, by_status, by_priority } = await readNeeds(ctx, f, f.limit ?? DEFAULTS.listLimit, f.offset ?? 0);
  await auditExactRead(ctx, await shownUnitsOf(ctx, features.map((x) => x.properties.unit_id), seesExact(ctx)), via);
  return { type: 'FeatureCollection', features, number_matched, number_returned: features.length, by_status, by_priority };
}

/** The column headers of the export: the field names (for programs), or a person's words in Swedish or English. */
export const NEEDS_CSV_HEADER_LANGUAGES = ['sv', 'en'] as const;
export type NeedsCsvLanguage = (typeof NEEDS_CSV_HEADER_LANGUAGES)[number];

/** The export's columns in order, with their Swedish and English headers. */
const COLUMNS = [
  ['unit_id', 'Enhetens id', 'Unit id'],
  ['unit_name', 'Enhet', 'Unit'],
  ['child_place_id', 'Platsens id', 'Place id'],
  ['child_place_name', 'Plats', 'Place'],
  ['kind', 'Typ', 'Kind'],
  ['stages', 'Stadier', 'Stages'],
  ['address', 'Adress', 'Address'],
  ['contact_name', 'Kontaktperson', 'Contact person'],
  ['contact_role', 'Roll', 'Role'],
  ['contact_phone', 'Telefon', 'Phone'],
  ['contact_email', 'E-post', 'E-mail'],
  ['distance_m', 'Avstånd (m)', 'Distance (m)'],
  ['ring', 'Zon', 'Zone'],
  ['priority', 'Prioritet', 'Priority'],
  ['status', 'Status', 'Status'],
  ['last_informed_at', 'Senast informerad', 'Last informed'],
  ['due_at', 'Informeras senast', 'Due'],
] as const;

/** The date part (YYYY-MM-DD) of an ISO timestamp in UTC; information dates are whole days. */
const day = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);

/**
 * Every need matching `f`, in the list's order (every page), as CSV: `excel_sv` is
 * what Excel with Swedish regional settings opens as is (UTF-8 with BOM, `;`, CRLF,
 * decimal comma), `standard` is RFC 4180 (`,`, CRLF, decimal point, no BOM). Dates
 * are YYYY-MM-DD. Holds contact data, so the export is audited, and reads of exact
 * locations of restricted units too.
 */
export async function exportInformationNeeds(
  ctx: RequestContext, f: NeedsFilters, dialect: CsvDialect, headers: NeedsCsvLanguage | undefined, via: string,
): Promise<{ csv: string; rows: number }> {
  const { features } = await readNeeds({ ...ctx, reader: ctx.db }, f, null, 0);
  await audit(ctx.db, { at: ctx.now, user: ctx.user, action: 'export', entity: 'information_need', details: { format: 'csv', dialect, filters: f, rows: features.length } });
  await auditExactRead(ctx, await shownUnitsOf(ctx, features.map((x) => x.properties.unit_id), seesExact(ctx)), via);
  const excel = dialect === 'excel_sv';
  const decimal = (v: number) => (excel ? String(v).replace('.', ',') : v);
  const rows = features.map(({ properties: p }) => [
    p.unit_id, p.unit_name, p.child_place_id, p.name, p.kind, (p.stages ?? []).join(' '), p.address, p.contact_name, p.contact_role,
    p.contact_phone, p.contact_email, decimal(p.distance_m), p.ring, p.priority, p.information.status,
    day(p.information.last_informed_at), day(p.information.due_at),
  ]);
  const names = COLUMNS.map(([name, sv, en]) => (headers === 'sv' ? sv : headers === 'en' ? en : name));
  return { csv: toCsv(names, rows, excel ? ';' : ',', { bom: excel }), rows: features.length };
}
