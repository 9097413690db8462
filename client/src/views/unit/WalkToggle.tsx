import { useEffect, useMemo, useState } from 'react';
import { useAsync } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { request } from '../../lib/api.js';
import type { WalkZoneCollectionT } from '../../../../api/schemas/proximity.js';
import { useGeoJsonLayers } from '../../map/hooks.js';
import { useMap } from '../../map/MapView.js';
import { setLayersVisible } from '../../map/ops.js';
import { STRAIGHT_ZONE_LAYER_IDS, WALK_COLOUR, WALK_DASH, WALK_WIDTH, walkZoneLayers } from '../../map/walkLayers.js';

const MINUTES = [5, 10, 15];

/** A sample of a band's line as drawn on the map. */
function BandSample({ index }: { index: number }) {
  const dash = WALK_DASH[Math.min(index, WALK_DASH.length - 1)];
  const w = WALK_WIDTH[Math.min(index, WALK_WIDTH.length - 1)]!;
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false" className="ring-sample">
      <line x1="2" y1="6" x2="32" y2="6" stroke={WALK_COLOUR} strokeWidth={w} strokeLinecap="round" strokeDasharray={dash ? dash.map((d) => d * w).join(' ') : undefined} />
    </svg>
  );
}

/**
 * The unit view's choice of zones: "Fågelvägen" (the straight rings) and "Gångavstånd"
 * (walk zones of 5, 10 and 15 minutes along the street network), either or both drawn,
 * with a legend of the walk bands. The walk zones are fetched when first asked for.
 */
export function WalkToggle({ unitId, revision }: { unitId: number; revision: number }) {
  const { m } = useI18n();
  const w = m.walk;
  const { map } = useMap();
  const [straight, setStraight] = useState(true);
  const [walking, setWalking] = useState(false);
  const zones = useAsync(
    (signal) => (walking ? request<WalkZoneCollectionT>(`/api/units/${unitId}/walk-zones?minutes=${MINUTES.join(',')}`, { signal }) : Promise.resolve(undefined)),
    [unitId, revision, walking],
  );
  const data = walking ? zones.data : undefined;
  const layers = useMemo(() => walkZoneLayers('walk-zones', MINUTES), []);
  const empty = useMemo(() => ({ type: 'FeatureCollection' as const, features: [] }), []);
  useGeoJsonLayers('walk-zones', data ?? empty, layers);
  useEffect(() => {
    if (map) setLayersVisible(map, STRAIGHT_ZONE_LAYER_IDS, straight);
  }, [map, straight, data]);

  const note = !walking || !data ? null : data.walking.network_version === null ? w.noNetwork : data.features.length === 0 ? w.offNetwork : null;
  return (
    <div className="walk-toggle">
      <fieldset className="walk-choice">
        <legend className="visually-hidden">{w.toggleLabel}</legend>
        <label>
          <input type="checkbox" checked={straight} onChange={(e) => setStraight(e.target.checked)} /> {w.straight}
        </label>
        <label>
          <input type="checkbox" checked={walking} onChange={(e) => setWalking(e.target.checked)} /> {w.walking}
        </label>
      </fieldset>
      <div aria-live="polite">
        {walking && zones.status === 'loading' ? <p className="muted small">{w.loading}</p> : null}
        {note ? <p className="muted small">{note}</p> : null}
        {data && data.features.length > 0 ? (
          <>
            <ul className="legend-list" aria-label={w.bandsLabel}>
              {data.features.map((f, i) => (
                <li key={f.id}>
                  <BandSample index={i} />
                  {w.band(f.properties.minutes)}
                </li>
              ))}
            </ul>
            <p className="muted small">{w.speed(data.walking.speed_kmh)}</p>
          </>
        ) : null}
      </div>
    </div>
  );
}
