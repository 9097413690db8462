import { useEffect } from 'react';
import { LayerPanel } from '../components/LayerPanel.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useI18n } from '../i18n/index.js';
import { useLayers } from '../layers.js';
import { useMap } from '../map/MapView.js';
import { useFetchBox } from '../map/useFetchBox.js';
import { useOverviewMap } from '../map/useOverviewMap.js';
import { useUnits } from '../units.js';
import { InViewPanel } from './overview/InViewPanel.js';
import { UnitList } from './overview/UnitList.js';
import { useOverviewData } from './overview/useOverviewData.js';

/** Refetch only when the view leaves the area fetched last, or zooms far into it. */
const FETCH_RULE = { margin: 0.5, maxZoomOut: 3 };

/**
 * The start view: the units on the map and in a list beside it; selecting
 * in either selects in both. With the layer switches, actors, children's places and
 * areas join the map, and everything drawn is listed under "In the map view".
 */
export function Overview({ unitId }: { unitId?: number }) {
  const { m } = useI18n();
  const units = useUnits();
  const { fallback } = useMap();
  const [layers] = useLayers();
  const { view, fetchBox } = useFetchBox(FETCH_RULE);
  const data = useOverviewData(layers, fetchBox);
  const focus = useOverviewMap({ units: units.data, unitsById: units.byId, unitId, layers, data });

  useEffect(() => {
    document.title = `${m.units.title} – ${m.app.name}`;
  }, [m]);

  return (
    <div className="view overview">
      <h1>{m.units.title}</h1>
      {units.status === 'loading' && !units.data ? <Skeleton lines={6} /> : null}
      {units.status === 'error' ? <ErrorMessage error={units.error} onRetry={units.retry} /> : null}
      {units.data ? <UnitList units={units.data} selectedId={unitId} onSelect={(u) => focus.selectUnit(u, 'list')} /> : null}
      <LayerPanel defaultOpen={fallback} />
      <InViewPanel data={data} view={view} isSelected={focus.isSelected} onActor={(a) => focus.openActor(a, true)} onChild={(c) => focus.openChild(c, true)} />
    </div>
  );
}
