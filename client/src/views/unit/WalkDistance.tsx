import { useI18n } from '../../i18n/index.js';

/** More than this many times the straight line on foot, a place is marked as a detour. */
export const DETOUR_FACTOR = 2;

export const isDetour = (walk: number | null | undefined, straight: number): boolean =>
  walk !== null && walk !== undefined && straight > 0 && walk > DETOUR_FACTOR * straight;

/**
 * A place's walking distance beside its straight one: "1 200 m till fots, 400 m
 * fågelvägen · 15 min", marked (text and symbol, not colour alone) when the walk is more
 * than twice the straight line; nothing when there is no walking network at all.
 */
export function WalkDistance({ walk, minutes, straight }: { walk: number | null | undefined; minutes: number | null | undefined; straight: number }) {
  const { m } = useI18n();
  const w = m.walk;
  if (walk === undefined) return null;
  if (walk === null) return <span className="cell-sub walk-distance">{w.unknown}</span>;
  const detour = isDetour(walk, straight);
  return (
    <span className={`cell-sub walk-distance${detour ? ' walk-detour' : ''}`}>
      {detour ? <span aria-hidden="true">⚠ </span> : null}
      {w.both(walk, straight)}
      {minutes !== null && minutes !== undefined ? ` · ${w.minutes(minutes)}` : null}
      {detour ? <span className="visually-hidden"> ({w.detour})</span> : null}
    </span>
  );
}
