/**
 * A unit's walk zones: one polygon per band of minutes, from the unit's location as the
 * caller may see it. A restricted unit seen without need-to-know starts from its coarse
 * location (250 m grid), exactly as its straight zones are centred there, so the zones
 * are the same wherever in its cell the unit lies; an exact read is audited.
 */
import { notFound } from '../errors.js';
import type { WalkZoneCollectionT } from '../schemas/proximity.js';
import type { RequestContext } from './context.js';
import { auditExactRead } from './exactReads.js';
import { proxUnit, walkStart } from './proximity.js';
import { walkZonesFrom } from './walking.js';

export async function unitWalkZones(ctx: RequestContext, id: number, minutes: readonly number[], via: string): Promise<WalkZoneCollectionT> {
  const [unit, start] = await Promise.all([
    proxUnit(ctx, id),
    walkStart(ctx, ctx.reader, id),
  ]);
  if (!unit || !start) throw notFound('unit', id);
  const z = await walkZonesFrom(ctx, start, minutes);
  await auditExactRead(ctx, [{ id: unit.id, restricted: unit.restricted, exact: !unit.coarse }], via);
  return {
    type: 'FeatureCollection',
    features: z.bands.filter((b) => b.ring !== null).map((b) => ({
      type: 'Feature', id: b.minutes,
      geometry: { type: 'Polygon', coordinates: [b.ring!] },
      properties: { minutes: b.minutes, limit_m: Math.round(b.limit_m * 10) / 10, reached_nodes: b.reached_nodes },
    })),
    walking: { network_version: z.version, speed_kmh: z.speed_kmh, snap_distance_m: z.snap_distance_m },
  };
}
