import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, RINGS, type Ring } from '../schemas/common.js';
import { auditExactReads } from './privacy.js';
import type {
  Contact, GlobalRadiiT, NearChildPlace, RadiiInputT, SiteAnalysisT, ZoneCollectionT,
} from '../schemas/proximity.js';

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
export async function proxUnit(db: Queryable, id: number, exact: boolean): Promise<ProxUnit | undefined> {
  const [row] = await db.query<ProxUnit>(query('prox_unit'), [id, exact]);
  return row;
}

/** The three ring polygons of a unit (geodesic buffers), innermost first. */
export async function unitZones(db: Queryable, id: number, exact: boolean): Promise<ZoneCollectionT> {
  const rows = await db.query<{ ring: Ring; radius_m: number; geometry: ZoneCollectionT['features'][number]['geometry'] }>(
    query('prox_zones'), [id, exact],
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', id: r.ring, geometry: r.geometry, properties: { ring: r.ring, radius_m: r.radius_m } })),
  };
}

type Row<P> = P & { id: number; geometry: Contact['geometry'] };

export interface ContactFilters { rings?: string[]; categories?: string[] }

type ContactPersonRow = Contact['properties']['contact_persons'][number] & { actor_id: number };

/** The actors inside a unit's outer ring, nearest first, each with its active contact persons. */
export async function unitContacts(db: Queryable, id: number, exact: boolean, f: ContactFilters): Promise<Contact[]> {
  const rows = await db.query<Row<Omit<Contact['properties'], 'contact_persons'>>>(query('prox_contacts'), [id, exact, csv(f.rings), csv(f.categories)]);
  const persons = new Map<number, Contact['properties']['contact_persons']>();
  if (rows.length > 0) {
    const found = await db.query<ContactPersonRow>(query('prox_contact_persons'), [rows.map((r) => r.id).join(',')]);
    for (const { actor_id, ...person } of found) {
      const list = persons.get(actor_id);
      if (list) list.push(person);
      else persons.set(actor_id, [person]);
    }
  }
  return rows.map(({ id: actorId, geometry, ...properties }) => ({
    type: 'Feature', id: actorId, geometry, properties: { ...properties, contact_persons: persons.get(actorId) ?? [] },
  }));
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

export interface ChildPlaceFilters { rings?: string[]; kinds?: string[]; priorities?: string[]; statuses?: string[] }

/** The child places inside a unit's outer ring, nearest first, with priority and information status at `now`. */
export async function unitChildPlaces(db: Queryable, id: number, exact: boolean, f: ChildPlaceFilters, now: Date): Promise<NearChildPlace[]> {
  type R = NeedRow & Omit<NearChildPlace['properties'], 'information'>;
  const rows = await db.query<R>(query('prox_child_places'), [
    id, exact, csv(f.rings), csv(f.kinds), csv(f.priorities), csv(f.statuses), now.toISOString(),
  ]);
  return rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.geometry, properties: childPlaceProperties(r) }));
}

/** Whether an area with this id exists. */
export async function areaExists(db: Queryable, id: number): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(query('needs_area_exists'), [id]);
  return !!row?.found;
}

/** The global zone radii. */
export async function getGlobalRadii(db: Queryable): Promise<GlobalRadiiT> {
  const [row] = await db.query<GlobalRadiiT>(query('prox_settings_radii_get'));
  if (!row) throw new Error('The zone_radii setting is missing from the settings table.');
  return row;
}

/** Replaces the global zone radii (inside the caller's transaction). */
export async function putGlobalRadii(tx: Queryable, radii: RadiiInputT, now: Date): Promise<GlobalRadiiT> {
  const [row] = await tx.query<GlobalRadiiT>(query('prox_settings_radii_put'), [JSON.stringify(radii), now.toISOString()]);
  if (!row) throw new Error('The zone_radii setting is missing from the settings table.');
  return row;
}

const zeros = <T extends string>(codes: readonly T[]) => Object.fromEntries(codes.map((c) => [c, 0])) as Record<T, number>;

/**
 * Site analysis of a candidate point: counts per ring annulus, the nearest school,
 * preschool and playground, and the units whose outer rings overlap this one's.
 */
export async function siteAnalysis(
  db: Queryable, lon: number, lat: number, radii: RadiiInputT, exact: boolean,
): Promise<SiteAnalysisT & { restrictedUnitIds: number[] }> {
  const [counts, nearest, overlapping] = await Promise.all([
    db.query<{ what: 'actor' | 'child_place'; code: string; ring: Ring; n: number }>(query('site_counts'), [
      lon, lat, radii.immediate, radii.neighbourhood, radii.area,
    ]),
    db.query<{ kind: 'school' | 'preschool' | 'playground'; id: number | null; name: string | null; distance_m: number | null }>(
      query('site_nearest'), [lon, lat],
    ),
    db.query<{ id: number; name: string; distance_m: number; restricted: boolean }>(query('site_overlapping'), [lon, lat, radii.area, exact]),
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
  return {
    rings,
    nearest: { school: near('school'), preschool: near('preschool'), playground: near('playground') },
    overlapping_units: overlapping.map((o) => ({ id: o.id, name: o.name, distance_m: o.distance_m })),
    restrictedUnitIds: overlapping.filter((o) => o.restricted).map((o) => o.id),
  };
}

/**
 * Audits an exact read of one unit's surroundings already looked up with proxUnit():
 * like auditExactProximity() without asking the database again whether the unit is
 * restricted, so an ordinary unit's read costs no extra query.
 */
export async function auditExactUnitRead(
  primary: Queryable, user: CurrentUser | undefined, exact: boolean, now: Date, unit: ProxUnit, via: string,
): Promise<void> {
  if (!exact || !unit.restricted) return;
  await auditExactReads(primary, user, now, [{ id: unit.id, properties: { sensitivity: 'restricted', location_precision: 'exact' } }], via);
}

/**
 * Audits, on the primary database, that the caller saw proximity answers computed from
 * the exact location of restricted units (SECURITY.md: such reads are logged). Does
 * nothing for callers without need-to-know, who only ever see coarse locations.
 */
export async function auditExactProximity(
  primary: Queryable, user: CurrentUser | undefined, exact: boolean, now: Date, unitIds: readonly number[], via: string,
): Promise<void> {
  if (!exact || unitIds.length === 0) return;
  const rows = await primary.query<{ id: number }>(query('prox_restricted_units'), [[...new Set(unitIds)].join(',')]);
  const units = rows.map((r) => ({ id: r.id, properties: { sensitivity: 'restricted', location_precision: 'exact' } }));
  await auditExactReads(primary, user, now, units, via);
}
