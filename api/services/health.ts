import { statement } from '../db/statements.js';
import type { DatabaseKind } from '../db/types.js';
import type { RequestContext } from './context.js';

const postgisVersion = statement('health_postgis', []);

/** Which database answers and its PostGIS version; asks the primary, since that is the one writes need. */
export async function health(ctx: RequestContext): Promise<{ database: DatabaseKind; postgis: string }> {
  const row = await postgisVersion.one<{ v: string }>(ctx.db, {});
  return { database: ctx.db.kind, postgis: row?.v ?? 'unknown' };
}
