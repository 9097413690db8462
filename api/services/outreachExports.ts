/**
 * The outreach CSV downloads: open follow-ups and the implementation overview, written
 * by the one CSV writer (api/services/csv.ts) in the dialect the request names. The follow-ups name responsible actors and notes,
 * so their export is audited here, in the service, like every other export.
 */
import { PRINCIPLES } from '../schemas/outreach.js';
import { listActivities } from './activities.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';
import { toCsvIn, type CsvDialect } from './csv.js';
import { implementationOverview } from './implementation.js';

/** The largest number of rows a follow-up export carries. */
export const FOLLOW_UP_EXPORT_MAX_ROWS = 10_000;

const FOLLOW_UP_FIELDS = ['id', 'unit_id', 'unit_name', 'kind', 'date', 'due_date', 'follow_up_status', 'overdue', 'responsible_actor', 'lon', 'lat', 'note', 'recorded_by'];

/** The filters of the follow-up list, as the query names them. */
export interface FollowUpExportFilters {
  unit_id?: number | null;
  status?: string | null;
  overdue?: string | null;
}

/** The follow-ups matching `q` (at most {@link FOLLOW_UP_EXPORT_MAX_ROWS}), earliest due first, as CSV; the export is audited. */
export async function exportFollowUps(ctx: RequestContext, q: FollowUpExportFilters, dialect: CsvDialect): Promise<{ csv: string; rows: number }> {
  const { activities } = await listActivities(ctx, {
    unitId: q.unit_id, followUps: true, followUpStatus: q.status, overdueOnly: q.overdue === 'true', limit: FOLLOW_UP_EXPORT_MAX_ROWS, offset: 0,
  });
  await audit(ctx.db, { at: ctx.now, user: ctx.user, action: 'export', entity: 'follow_up', details: { format: 'csv', dialect, filters: q, rows: activities.length } });
  const rows = activities.map((a) => [
    a.id, a.unit_id, a.unit_name, a.kind, a.date, a.due_date, a.follow_up_status, a.overdue ? 'yes' : 'no',
    a.responsible_actor?.name ?? '', a.location?.coordinates[0] ?? '', a.location?.coordinates[1] ?? '', a.note ?? '', a.recorded_by ?? '',
  ]);
  return { csv: toCsvIn(dialect, FOLLOW_UP_FIELDS, rows), rows: rows.length };
}

/** The implementation overview per unit as CSV: counts per status and each principle's status (principle_1 … principle_5). */
export async function exportImplementation(ctx: RequestContext, dialect: CsvDialect): Promise<{ csv: string; rows: number }> {
  const { units } = await implementationOverview(ctx);
  const fields = ['unit_id', 'unit_name', 'kind', 'status', 'in_place', 'in_progress', 'not_started', ...PRINCIPLES.map((p) => `principle_${p.principle}`), 'areas'];
  const rows = units.features.map((f) => [
    f.id, f.properties.name, f.properties.kind, f.properties.status, f.properties.in_place, f.properties.in_progress, f.properties.not_started,
    ...f.properties.principles, f.properties.area_names.join(', '),
  ]);
  return { csv: toCsvIn(dialect, fields, rows), rows: rows.length };
}
