import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import { ACTOR_CATEGORIES, AREA_LEVELS, CHILD_PLACE_KINDS, RINGS, type Ring } from '../schemas/common.js';
import type {
  Contact, GlobalRadiiT, NearChildPlace, RadiiInputT, SiteAnalysisInputT, SiteAnalysisT, ZoneCollectionT,
} from '../schemas/proximity.js';
import { addressLabel } from './addresses.js';
import { audit } from './audit.js';
import { seesExact, writerOf, type RequestContext } from './context.js';
import { auditExactRead, type ShownUnit } from './exactReads.js';
import { judgedWalksFrom, metresIn, walkFieldsFrom, walkNetwork, walkSettings, WALK_DEFAULTS, type WalkFields } from './walking.js';
import { PRIORITY_OF_RING, ringByWalk } from './walkRules.js';
import type { LonLat } from '../walking/network.js';

const proxUnitQuery = statement('prox_unit', ['unit_id', 'need_to_know']);
const proxZones = statement('prox_zones', ['unit_id', 'need_to_know']);
const proxContacts = statement('prox_contacts', ['unit_id', 'need_to_know', 'rings', 'categories']);
const proxContactPersons = statement('prox_contact_persons', ['actor_ids']);
const proxLastContacted = statement('prox_last_contacted', ['actor_ids']);
const proxChildPlaces = statement('prox_child_places', ['unit_id', 'need_to_know', 'rings', 'kinds', 'priorities', 'statuses', 'now']);
const radiiGet = statement('prox_settings_radii_get', []);
const radiiPut = statement('prox_settings_radii_put', ['radii', 'now']);
const siteCounts = statement('site_counts', ['lon', 'lat', 'immediate', 'neighbourhood', 'area']);
const siteNearest = statement('site_nearest', ['lon', 'lat']);
const siteOverlapping = statement('site_overlapping', ['lon', 'lat', 'area', 'need_to_know']);
const siteAreas = statement('site_areas', ['lon', 'lat']);
const siteAddress = statement('site_address', ['lon', 'lat', 'max_m']);
/** How far the nearest street address may lie from a candidate site and still name it (metres). */
export const SITE_ADDRESS_MAX_M = 150;
const walkUnit = statement('walk_unit', ['unit_id', 'need_to_know']);
const walkSitePlaces = statement('walk_site_places', ['lon', 'lat', 'radius']);

/** The unit's location as the caller may see it (walks start there), or undefined when there is no such unit. */
export const walkStart = (ctx: RequestContext, db: Queryable, id: number): Promise<LonLat | undefined> =>
  walkUnit.one<LonLat>(db, { unit_id: id, need_to_know: seesExact(ctx) });

const pointOf = (g: Contact['geometry']): LonLat => ({ lon: g.coordinates[0], lat: g.coordinates[1] });

/** Orders of the unit lists: straight distance (as the SQL returns them), or walking distance with unknown walks last; ties by id. */
export type ListSort = 'distance_m' | 'walk_m' | 'walk_min';
function sortByWalk<T extends { id: number; properties: WalkFields & { distance_m: number } }>(items: T[], sort: ListSort | undefined): T[] {
  if (!sort || sort === 'distance_m') return items;
  const key = (x: T) => x.properties.walk_m ?? Infinity;
  return items.slice().sort((a, b) => key(a) - key(b) || a.properties.distance_m - b.properties.distance_m || a.id - b.id);
}

/** A comma list for the SQL files' `string_to_array($n, ',')` filters; NULL means no filter. */
const csv = (items: readonly string[] | undefined): string | null => (items && items.length ? items.join(',') : null);

export interface ProxUnit {
  id: number;
  name: string;
  status: string;
  r_immediate: number;
  r_neighbourhood: number;
  r_area: number;
  /** Whether the unit is restricted (its exact location is for need-to-know only). */
  restricted: boolean;
  /** True when the unit is seen from its coarse location (restricted, caller without need-to-know). */
  coarse: boolean;
}

/** The unit as the proximity queries see it, or undefined when there is no such unit. */
export async function proxUnit(ctx: RequestContext, id: number): Promise<ProxUnit | undefined> {
  return proxUnitQuery.one<ProxUnit>(ctx.reader, { unit_id: id, need_to_know: seesExact(ctx) });
}

/** The unit, or a 404. */
async function existingUnit(ctx: RequestContext, id: number): Promise<ProxUnit> {
  const unit = await proxUnit(ctx, id);
  if (!unit) throw notFound('unit', id);
  return unit;
}

/** How an answer about a unit's surroundings showed the unit, for the exact-read audit. */
const shown = (u: ProxUnit): ShownUnit => ({ id: u.id, restricted: u.restricted, exact: !u.coarse });

/** The three ring polygons of a unit (geodesic buffers), innermost first; an exact read of a restricted unit is audited. */
export async function unitZones(ctx: RequestContext, id: number, via: string): Promise<ZoneCollectionT> {
  const unit = await existingUnit(ctx, id);
  const rows = await proxZones.run<{ ring: Ring; radius_m: number; geometry: ZoneCollectionT['features'][number]['geometry'] }>(
    ctx.reader, { unit_id: id, need_to_know: seesExact(ctx) },
  );
  await auditExactRead(ctx, [shown(unit)], via);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', id: r.ring, geometry: r.geometry, properties: { ring: r.ring, radius_m: r.radius_m } })),
  };
}

type Row<P> = P & { id: number; geometry: Contact['geometry'] };

export interface ContactFilters { rings?: string[]; categories?: string[]; sort?: ListSort }

type ContactPersonRow = Contact['properties']['contact_persons'][number] & { actor_id: number };

/** The actors inside a unit's outer ring, nearest first, each with its active contact persons. */
async function contactsOf(ctx: RequestContext, db: Queryable, id: number, f: ContactFilters): Promise<Contact[]> {
  const [rows, start] = await Promise.all([
    proxContacts.run<Row<Omit<Contact['properties'], 'contact_persons' | 'walk_m' | 'walk_min'>>>(db, {
      unit_id: id, need_to_know: seesExact(ctx), rings: csv(f.rings), categories: csv(f.categories),
    }),
    walkStart(ctx, db, id),
  ]);
  const walks = await walkFieldsFrom(ctx, start, rows.map((r) => pointOf(r.geometry)));
  const persons = new Map<number, Contact['properties']['contact_persons']>();
  const lastContacted = new Map<number, string>();
  if (rows.length > 0) {
    const actorIds = rows.map((r) => r.id).join(',');
    const [found, contacted] = await Promise.all([
      proxContactPersons.run<ContactPersonRow>(db, { actor_ids: actorIds }),
      proxLastContacted.run<{ actor_id: number; last_contacted_at: string }>(db, { actor_ids: actorIds }),
    ]);
    for (const c of contacted) lastContacted.set(c.actor_id, c.last_contacted_at);
    for (const { actor_id, ...person } of found) {
      const list = persons.get(actor_id);
      if (list) list.push(person);
      else persons.set(actor_id, [person]);
    }
  }
  return sortByWalk(rows.map(({ id: actorId, geometry, ...properties }, i) => ({
    type: 'Feature' as const, id: actorId, geometry,
    properties: { ...properties, ...walks[i]!, contact_persons: persons.get(actorId) ?? [], last_contacted_at: lastContacted.get(actorId) ?? null },
  })), f.sort);
}

/** Who to contact around a unit (404 when there is none); an exact read of a restricted unit is audited. */
export async function unitContacts(ctx: RequestContext, id: number, f: ContactFilters, via: string): Promise<Contact[]> {
  // The unit check and the contacts in parallel: both are reads, and an unknown unit
  // simply has no contacts, so nothing is wasted but a query on a 404.
  const [unit, contacts] = await Promise.all([proxUnit(ctx, id), contactsOf(ctx, ctx.reader, id, f)]);
  if (!unit) throw notFound('unit', id);
  await auditExactRead(ctx, [shown(unit)], via);
  return contacts;
}

/**
 * A unit's whole contact list for a download (404 when there is none), read on the
 * primary and audited as an export of contact data (who took which list matters more
 * than a second of replica lag would).
 */
export async function exportUnitContacts(ctx: RequestContext, id: number, format: string): Promise<{ unit: ProxUnit; contacts: Contact[] }> {
  const unit = await proxUnitQuery.one<ProxUnit>(ctx.db, { unit_id: id, need_to_know: seesExact(ctx) });
  if (!unit) throw notFound('unit', id);
  const contacts = await contactsOf(ctx, ctx.db, id, {});
  const persons = contacts.reduce((n, a) => n + a.properties.contact_persons.length, 0);
  await audit(ctx.db, {
    at: ctx.now, user: ctx.user, action: 'export', entity: 'contact_person', entityId: null,
    details: { unit_id: id, format, actors: contacts.length, contact_persons: persons },
  });
  return { unit, contacts };
}

interface NeedRow {
  id: number;
  geometry: Contact['geometry'];
  info_status: NearChildPlace['properties']['information']['status'];
  last_informed_at: string | null;
  due_at: string | null;
}

function childPlaceProperties<R extends NeedRow>(r: R) {
  const { id: _id, geometry: _g, info_status, last_informed_at, due_at, ...rest } = r;
  return { ...rest, information: { status: info_status, last_informed_at, due_at } };
}

export interface ChildPlaceFilters { rings?: string[]; kinds?: string[]; priorities?: string[]; statuses?: string[]; sort?: ListSort }

/**
 * The child places inside a unit's outer ring, nearest first, with priority and
 * information status at the request's time (404 when there is no unit); an exact read
 * of a restricted unit is audited.
 */
export async function unitChildPlaces(ctx: RequestContext, id: number, f: ChildPlaceFilters, via: string): Promise<NearChildPlace[]> {
  type R = NeedRow & Omit<NearChildPlace['properties'], 'information' | 'walk_m' | 'walk_min' | 'ring_basis'>;
  const settings = await walkSettings(ctx);
  const byWalk = settings.information_distance === 'walking';
  // by walk, ring and priority are known only after the walk: filter on them here, not in SQL
  const [unit, rows, start] = await Promise.all([
    proxUnit(ctx, id),
    proxChildPlaces.run<R>(ctx.reader, {
      unit_id: id, need_to_know: seesExact(ctx), rings: byWalk ? null : csv(f.rings), kinds: csv(f.kinds), priorities: byWalk ? null : csv(f.priorities),
      statuses: csv(f.statuses), now: ctx.now.toISOString(),
    }),
    walkStart(ctx, ctx.reader, id),
  ]);
  if (!unit) throw notFound('unit', id);
  await auditExactRead(ctx, [shown(unit)], via);
  const walks = await judgedWalksFrom(ctx, start, rows.map((r) => pointOf(r.geometry)));
  let places = rows.map((r, i) => {
    const { on_network: _, ...walk } = walks[i]!;
    const props = { ...childPlaceProperties(r), ...walk, ring_basis: (byWalk ? 'walking' : 'straight') as 'walking' | 'straight' };
    if (byWalk) {
      props.ring = ringByWalk(walks[i]!, unit) ?? r.ring;
      props.priority = PRIORITY_OF_RING[props.ring];
    }
    return { type: 'Feature' as const, id: r.id, geometry: r.geometry, properties: props };
  });
  if (byWalk) {
    places = places.filter((p) => (!f.rings || f.rings.includes(p.properties.ring)) && (!f.priorities || f.priorities.includes(p.properties.priority)));
  }
  return sortByWalk(places, f.sort);
}

/** The global zone radii. */
async function readGlobalRadii(db: Queryable): Promise<GlobalRadiiT> {
  const row = await radiiGet.one<GlobalRadiiT>(db, {});
  if (!row) throw new Error('The zone_radii setting is missing from the settings table.');
  return row;
}

/** The global zone radii, read on the primary (an administrator reads them to change them). */
export const getGlobalRadii = (ctx: RequestContext): Promise<GlobalRadiiT> => readGlobalRadii(ctx.db);

/** Replaces the global zone radii; the change and its audit entry (before and after) in one transaction. */
export async function setGlobalRadii(ctx: RequestContext, radii: RadiiInputT): Promise<GlobalRadiiT> {
  const user = writerOf(ctx);
  const three = (r: RadiiInputT) => ({ immediate: r.immediate, neighbourhood: r.neighbourhood, area: r.area });
  return ctx.db.transaction(async (tx) => {
    const before = await readGlobalRadii(tx);
    const next = await radiiPut.one<GlobalRadiiT>(tx, { radii: JSON.stringify(three(radii)), now: ctx.now.toISOString() });
    if (!next) throw new Error('The zone_radii setting is missing from the settings table.');
    await audit(tx, { at: ctx.now, user, action: 'update', entity: 'setting', entityId: 'zone_radii', before: three(before), after: three(next) });
    return next;
  });
}

const zeros = <T extends string>(codes: readonly T[]) => Object.fromEntries(codes.map((c) => [c, 0])) as Record<T, number>;

/**
 * Site analysis of a candidate point: counts per ring annulus, the nearest school,
 * preschool and playground, the nearest street address within SITE_ADDRESS_MAX_M, the areas it lies in, and the units whose outer rings overlap this one's (radii
 * default to the global ones). Overlapping restricted units measured exactly are an
 * exact read, audited; their sensitivity comes with them, so that costs no query.
 */
export async function analyseSite(ctx: RequestContext, input: SiteAnalysisInputT, via: string): Promise<SiteAnalysisT> {
  const db = ctx.reader;
  const exact = seesExact(ctx);
  const { lon, lat } = input;
  const radii = input.radii ?? (await readGlobalRadii(db));
  const [counts, nearest, overlapping, areas, walking, address] = await Promise.all([
    siteCounts.run<{ what: 'actor' | 'child_place'; code: string; ring: Ring; n: number }>(db, {
      lon, lat, immediate: radii.immediate, neighbourhood: radii.neighbourhood, area: radii.area,
    }),
    siteNearest.run<{ kind: 'school' | 'preschool' | 'playground'; id: number | null; name: string | null; distance_m: number | null }>(db, { lon, lat }),
    siteOverlapping.run<{ id: number; name: string; distance_m: number; restricted: boolean }>(db, { lon, lat, area: radii.area, need_to_know: exact }),
    siteAreas.run<{ id: number; name: string; level: (typeof AREA_LEVELS)[number] }>(db, { lon, lat }),
    siteWalking(ctx, { lon, lat }, radii.area),
    siteAddress.one<{ street: string; housenumber: string | null; postcode: string | null; city: string | null; distance_m: number }>(db, { lon, lat, max_m: SITE_ADDRESS_MAX_M }),
  ]);
  const rings = RINGS.map((ring) => ({ ring, radius_m: radii[ring], actors: zeros(ACTOR_CATEGORIES), child_places: zeros(CHILD_PLACE_KINDS) }));
  for (const c of counts) {
    const r = rings.find((x) => x.ring === c.ring)!;
    if (c.what === 'actor') r.actors[c.code as (typeof ACTOR_CATEGORIES)[number]] = c.n;
    else r.child_places[c.code as (typeof CHILD_PLACE_KINDS)[number]] = c.n;
  }
  const near = (kind: 'school' | 'preschool' | 'playground') => {
    const row = nearest.find((n) => n.kind === kind);
    return row && row.id !== null ? { id: row.id, name: row.name!, distance_m: row.distance_m! } : null;
  };
  await auditExactRead(ctx, overlapping.map((o) => ({ id: o.id, restricted: o.restricted, exact })), via);
  return {
    rings,
    nearest: { school: near('school'), preschool: near('preschool'), playground: near('playground') },
    overlapping_units: overlapping.map((o) => ({ id: o.id, name: o.name, distance_m: o.distance_m })),
    walking,
    address: address ? { label: addressLabel(address), distance_m: address.distance_m } : null,
    areas,
  };
}

/**
 * The places inside a site's outer ring counted by walking band (WALK_DEFAULTS.minutes):
 * each place in the first band its walk fits; the rest (farther, or without a walk) as
 * beyond. Null without base data or when the site is off the network.
 */
async function siteWalking(ctx: RequestContext, site: LonLat, area: number): Promise<SiteAnalysisT['walking']> {
  const [net, settings] = await Promise.all([walkNetwork(ctx), walkSettings(ctx)]);
  if (!net || !net.network.snap(site, WALK_DEFAULTS.maxSnapM)) return null;
  const places = await walkSitePlaces.run<{ what: 'actor' | 'child_place'; code: string; lon: number; lat: number }>(ctx.reader, { lon: site.lon, lat: site.lat, radius: area });
  const bands = WALK_DEFAULTS.minutes.map((minutes) => ({
    minutes, limit_m: metresIn(minutes, settings.speed_kmh), actors: zeros(ACTOR_CATEGORIES), child_places: zeros(CHILD_PLACE_KINDS),
  }));
  const beyond = { actors: 0, child_places: 0 };
  const walks = net.network.distances(site, places, { maxSnapM: WALK_DEFAULTS.maxSnapM, limitM: bands[bands.length - 1]!.limit_m });
  places.forEach((p, i) => {
    const w = walks[i];
    const band = w === null || w === undefined ? undefined : bands.find((b) => w <= b.limit_m);
    if (!band) { if (p.what === 'actor') beyond.actors++; else beyond.child_places++; return; }
    if (p.what === 'actor') band.actors[p.code as (typeof ACTOR_CATEGORIES)[number]]++;
    else band.child_places[p.code as (typeof CHILD_PLACE_KINDS)[number]]++;
  });
  return { speed_kmh: settings.speed_kmh, bands, beyond };
}
