/**
 * The walking settings: the speed that turns walking distances into minutes (the walk
 * zones' bands, `walk_min`, the site analysis' bands), and what the information rules'
 * ring and priority follow (`straight` or `walking`).
 */
import { z } from '@hono/zod-openapi';

/** Walking speeds an administrator may set, in km/h: from a small child's pace to a brisk adult's. */
export const WALKING_SPEED_MIN_KMH = 2;
export const WALKING_SPEED_MAX_KMH = 7;
export const INFORMATION_DISTANCES = ['straight', 'walking'] as const;

export const WalkingSettingsInput = z
  .strictObject({
    walking_speed_kmh: z
      .number({ error: `walking_speed_kmh must be a number of km/h from ${WALKING_SPEED_MIN_KMH} to ${WALKING_SPEED_MAX_KMH}` })
      .min(WALKING_SPEED_MIN_KMH, { error: `walking_speed_kmh must be at least ${WALKING_SPEED_MIN_KMH} km/h` })
      .max(WALKING_SPEED_MAX_KMH, { error: `walking_speed_kmh must be at most ${WALKING_SPEED_MAX_KMH} km/h` }),
    information_distance: z.enum(INFORMATION_DISTANCES, { error: `information_distance must be one of: ${INFORMATION_DISTANCES.join(', ')}` }),
  })
  .openapi('WalkingSettingsInput', {
    description: `The walking speed (${WALKING_SPEED_MIN_KMH}–${WALKING_SPEED_MAX_KMH} km/h) and what the information rules follow: \`straight\` (the straight-line distance) or \`walking\` (the walking distance on the OpenStreetMap street network, where there is base data).`,
    example: { walking_speed_kmh: 5, information_distance: 'straight' },
  });
export type WalkingSettingsInputT = z.infer<typeof WalkingSettingsInput>;

export const WalkingSettings = z
  .object({
    walking_speed_kmh: z.number(),
    information_distance: z.enum(INFORMATION_DISTANCES),
    updated_at: z.string().openapi({ description: 'When either setting was last changed (ISO 8601).' }),
  })
  .openapi('WalkingSettings', { description: 'The walking settings in force.' });
export type WalkingSettingsT = z.infer<typeof WalkingSettings>;
