/**
 * The sanity check of a place against the OpenStreetMap base data: a unit or candidate
 * site in the river, at sea, or outside the land the base data covers is most likely a
 * slip of the hand. These are warnings: the caller shows them; nothing is refused.
 */
import { statement } from '../db/statements.js';
import type { PlaceCheckT } from '../schemas/addresses.js';
import type { RequestContext } from './context.js';

const check = statement('place_check', ['lon', 'lat']);

interface Row { imported: boolean; inside_import: boolean | null; in_water: boolean; water_name: string | null; has_land: boolean; on_land: boolean }

/** What the base data says about the point at lon/lat (WGS 84). */
export async function checkPlace(ctx: RequestContext, lon: number, lat: number): Promise<PlaceCheckT> {
  const r = (await check.one<Row>(ctx.reader, { lon, lat }))!;
  const warnings: PlaceCheckT['warnings'] = [];
  if (!r.imported) warnings.push({ code: 'no_base_data' });
  if (r.in_water) warnings.push({ code: 'in_water', name: r.water_name });
  if (r.imported && r.inside_import === false) warnings.push({ code: 'outside_imported_area' });
  else if (r.has_land && !r.on_land && !r.in_water) warnings.push({ code: 'outside_land' });
  return { in_water: r.in_water, water_name: r.in_water ? r.water_name : null, warnings };
}
