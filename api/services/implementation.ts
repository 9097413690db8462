import { statement } from '../db/statements.js';
import { PRINCIPLES } from '../schemas/outreach.js';
import { seesExact, type RequestContext } from './context.js';
import type { PrincipleStatus } from './principles.js';

const implUnits = statement('implementation_units', ['need_to_know']);
const implAreas = statement('implementation_areas', ['need_to_know']);

interface UnitRow {
  id: number; name: string; kind: string; status: string; coarse: boolean;
  geometry: { type: 'Point'; coordinates: [number, number] };
  principles: PrincipleStatus[]; in_place: number; in_progress: number; not_started: number; area_names: string[];
}

export interface AreaRow { area_id: number; name: string; level: string; units: number; in_place: number; in_progress: number; not_started: number }

/**
 * How far the five principles are implemented: per unit (a GeoJSON feature with each
 * principle's status and the counts), per principle across units, and per area;
 * restricted units at their coarse location unless the caller has need-to-know.
 */
export async function implementationOverview(ctx: RequestContext) {
  const exact = seesExact(ctx);
  const rows = await implUnits.run<UnitRow>(ctx.reader, { need_to_know: exact });
  const areas = await implAreas.run<AreaRow>(ctx.reader, { need_to_know: exact });
  const features = rows.map((r) => ({
    type: 'Feature' as const,
    id: r.id,
    geometry: r.geometry,
    properties: {
      name: r.name, kind: r.kind, status: r.status, location_precision: r.coarse ? ('coarse' as const) : ('exact' as const),
      in_place: r.in_place, in_progress: r.in_progress, not_started: r.not_started, principles: r.principles, area_names: r.area_names,
    },
  }));
  const principles = PRINCIPLES.map((p, i) => {
    const count = (s: PrincipleStatus) => rows.filter((r) => r.principles[i] === s).length;
    return { ...p, in_place: count('in_place'), in_progress: count('in_progress'), not_started: count('not_started') };
  });
  return { units: { type: 'FeatureCollection' as const, features }, principles, areas };
}
