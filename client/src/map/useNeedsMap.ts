import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import type { InformationNeed, Unit } from '../lib/apiTypes.js';
import { childPlacePopup } from './featurePopups.js';
import { useFeatureClick, useGeoJsonLayers } from './hooks.js';
import { useMap } from './MapView.js';
import { fitToPositions } from './ops.js';
import { CHILD_ICON, pointLayers, priorityHaloLayer, selectionLayer, SLOT, unitLayers } from './styles.js';
import { useFeatureFocus } from './useFeatureFocus.js';

const UNIT_LAYERS = unitLayers('needs-units', { slot: SLOT.zones, labels: false });
const NEED_LAYERS = [priorityHaloLayer('needs'), ...pointLayers('needs', CHILD_ICON, SLOT.children), selectionLayer('needs', null, 19)];
const FOCUS = ['needs'] as const;

/**
 * The needs view's map: the loaded needs with their priority halo, and the units
 * they belong to for orientation. The view fits to each new first page once;
 * selecting a need opens its popup (and, from the table, flies to it).
 */
export function useNeedsMap({ key, firstPage, loaded, units }: { key: string; firstPage: InformationNeed[] | undefined; loaded: InformationNeed[]; units: Unit[] }) {
  const { m } = useI18n();
  const { map } = useMap();
  const loadedFc = useMemo(() => (firstPage ? { type: 'FeatureCollection' as const, features: loaded } : undefined), [firstPage, loaded]);
  const unitFc = useMemo(() => ({ type: 'FeatureCollection' as const, features: units }), [units]);
  useGeoJsonLayers('needs', loadedFc, NEED_LAYERS);
  useGeoJsonLayers('needs-units', unitFc, UNIT_LAYERS);
  const focus = useFeatureFocus(map, FOCUS, [firstPage]);

  const lastFit = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !firstPage || lastFit.current === key) return;
    lastFit.current = key;
    fitToPositions(map, firstPage.map((f) => f.geometry.coordinates as [number, number]), { padding: 40, maxZoom: 15 });
  }, [map, firstPage, key]);

  const select = useCallback(
    (n: InformationNeed, from: 'table' | 'map') => {
      const p = n.properties;
      const content = childPlacePopup(m, p, [
        { label: m.needs.unit, text: p.unit_name },
        { label: m.needs.distance, text: m.distance(p.distance_m) },
        { label: m.needs.priority, text: m.priority[p.priority] },
        { label: m.needs.status, text: m.infoStatus[p.information.status] },
      ]);
      focus.focus('needs', n, content, from === 'map' ? { scrollTo: `[id="need-${n.id}"]` } : { flyTo: 14 });
    },
    [focus.focus, m],
  );
  useFeatureClick('needs-symbol', loaded, (n) => select(n, 'map'));
  return { select, selected: focus.selectedIn('needs'), clear: focus.clear };
}
