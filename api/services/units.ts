import { query } from '../db/sqlFiles.js';
import type { Queryable } from '../db/types.js';
import type { Unit } from '../schemas/units.js';

interface UnitRow {
  id: number; name: string; kind: Unit['properties']['kind']; status: Unit['properties']['status'];
  address: string | null; places: number; operator: string | null; description: string | null;
  contact_name: string | null; contact_phone: string | null; contact_email: string | null; contact_hours: string | null;
  r_immediate: number; r_neighbourhood: number; r_area: number; radii_custom: boolean;
  sensitivity: Unit['properties']['sensitivity']; is_demo: boolean; external_id: string | null; version: number;
  created_at: string; updated_at: string; coarse: boolean; geometry: Unit['geometry'];
}

function toFeature(r: UnitRow): Unit {
  return {
    type: 'Feature',
    id: r.id,
    geometry: r.geometry,
    properties: {
      name: r.name, kind: r.kind, status: r.status, address: r.address, places: r.places,
      operator: r.operator, description: r.description,
      contact_name: r.contact_name, contact_phone: r.contact_phone, contact_email: r.contact_email, contact_hours: r.contact_hours,
      radii: { immediate: r.r_immediate, neighbourhood: r.r_neighbourhood, area: r.r_area },
      radii_custom: r.radii_custom,
      sensitivity: r.sensitivity,
      location_precision: r.coarse ? 'coarse' : 'exact',
      is_demo: r.is_demo, external_id: r.external_id, version: r.version,
      created_at: r.created_at, updated_at: r.updated_at,
    },
  };
}

/** Every unit; restricted units coarsened unless `exact` (the caller has need-to-know). */
export async function listUnits(db: Queryable, exact: boolean): Promise<Unit[]> {
  return (await db.query<UnitRow>(query('units_list'), [exact, null])).map(toFeature);
}

/** One unit, or undefined. */
export async function getUnit(db: Queryable, id: number, exact: boolean): Promise<Unit | undefined> {
  const [row] = await db.query<UnitRow>(query('units_list'), [exact, id]);
  return row && toFeature(row);
}
