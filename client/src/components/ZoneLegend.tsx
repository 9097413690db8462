import { useI18n } from '../i18n/index.js';
import type { Ring } from '../lib/apiTypes.js';
import { RINGS } from '../lib/codes.js';
import { PALETTE, RING_DASH, RING_WIDTH } from '../map/styles.js';

/** A sample of a ring's line (solid, dashed, dotted) as drawn on the map. */
export function RingSample({ ring }: { ring: Ring }) {
  const dash = RING_DASH[ring];
  const w = RING_WIDTH[ring];
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false" className="ring-sample">
      <line
        x1="1"
        y1="6"
        x2="33"
        y2="6"
        stroke={PALETTE.ring[ring]}
        strokeWidth={w}
        strokeDasharray={dash ? dash.map((d) => d * w).join(' ') : undefined}
        strokeLinecap={ring === 'area' ? 'round' : 'butt'}
      />
    </svg>
  );
}

/** The three zones with their radii, as a legend. */
export function ZoneLegend({ radii }: { radii: Record<Ring, number> }) {
  const { m } = useI18n();
  return (
    <ul className="legend-list" aria-label={m.unit.zones}>
      {RINGS.map((r) => (
        <li key={r}>
          <RingSample ring={r} />
          {m.ringWithRadius(m.ring[r], radii[r])}
        </li>
      ))}
    </ul>
  );
}
