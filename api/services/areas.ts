import type { Feature, Geometry } from 'geojson';
import { statement } from '../db/statements.js';
import { rightHandRule } from '../geo/rightHandRule.js';
import { notFound } from '../errors.js';
import { seesExact, type RequestContext } from './context.js';

const areasList = statement('area_list', ['min_lon', 'min_lat', 'max_lon', 'max_lat', 'levels', 'q', 'limit', 'offset']);
const areaSummaryQuery = statement('area_summary', ['area_id', 'need_to_know', 'now']);

export interface AreaFilters {
  bbox?: [number, number, number, number];
  /** A comma list of levels, or undefined for all. */
  levels?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** A page of the city's areas, city areas first then by name, and how many match in all; polygons to RFC 7946's right-hand rule. */
export async function listAreas(ctx: RequestContext, f: AreaFilters): Promise<{ features: unknown[]; number_matched: number }> {
  const [min_lon, min_lat, max_lon, max_lat] = f.bbox ?? [null, null, null, null];
  const row = await areasList.one<{ number_matched: number; features: Feature<Geometry, unknown>[] }>(ctx.reader, {
    min_lon, min_lat, max_lon, max_lat, levels: f.levels ?? null, q: f.q ?? null, limit: f.limit, offset: f.offset,
  });
  return { features: (row?.features ?? []).map(rightHandRule), number_matched: row?.number_matched ?? 0 };
}

/**
 * What lies inside one area (404 when there is none), with information status at the
 * request's time; restricted units are counted at their coarse location for roles
 * without need-to-know, as everywhere.
 */
export async function areaSummary(ctx: RequestContext, id: number): Promise<Record<string, unknown>> {
  const row = await areaSummaryQuery.one(ctx.reader, { area_id: id, need_to_know: seesExact(ctx), now: ctx.now.toISOString() });
  if (!row) throw notFound('area', id);
  return row;
}
