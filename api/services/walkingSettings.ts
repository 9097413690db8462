/**
 * The walking settings as an administrator reads and changes them: the speed and what
 * the information rules follow. A change and its audit entry (before and after) are
 * written in one transaction; every walk computed after it uses the new values (they
 * are read per request, never cached).
 */
import { statement } from '../db/statements.js';
import type { WalkingSettingsInputT, WalkingSettingsT } from '../schemas/walkingSettings.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { readWalkSettings } from './walking.js';

const settingsPut = statement('walk_settings_put', ['speed_kmh', 'information_distance', 'now']);

const shown = (s: Awaited<ReturnType<typeof readWalkSettings>>): WalkingSettingsT =>
  ({ walking_speed_kmh: s.speed_kmh, information_distance: s.information_distance, updated_at: s.updated_at });

/** The walking settings, read on the primary (an administrator reads them to change them). */
export const getWalkingSettings = async (ctx: RequestContext): Promise<WalkingSettingsT> => shown(await readWalkSettings(ctx.db));

export async function setWalkingSettings(ctx: RequestContext, input: WalkingSettingsInputT): Promise<WalkingSettingsT> {
  const user = writerOf(ctx);
  const values = (s: WalkingSettingsT | WalkingSettingsInputT) => ({ walking_speed_kmh: s.walking_speed_kmh, information_distance: s.information_distance });
  return ctx.db.transaction(async (tx) => {
    const before = shown(await readWalkSettings(tx));
    const changed = await settingsPut.one<{ n: number }>(tx, { speed_kmh: input.walking_speed_kmh, information_distance: input.information_distance, now: ctx.now.toISOString() });
    if (changed?.n !== 2) throw new Error('The walking settings are missing from the settings table.');
    const after = shown(await readWalkSettings(tx));
    await audit(tx, { at: ctx.now, user, action: 'update', entity: 'setting', entityId: 'walking', before: values(before), after: values(after) });
    return after;
  });
}
