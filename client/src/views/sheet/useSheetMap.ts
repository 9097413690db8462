import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n/index.js';
import type { Unit, ZoneCollection } from '../../lib/apiTypes.js';
import type { SheetNumbers } from '../../lib/sheet.js';
import { outerRingPositions, zoneLabelPoints } from '../../lib/zones.js';
import { useGeoJsonLayers } from '../../map/hooks.js';
import { useMap } from '../../map/MapView.js';
import { fitToPositions } from '../../map/ops.js';
import { SHEET_LABELS, SHEET_NUMBERS, SHEET_UNIT, SHEET_ZONES } from './sheetLayers.js';

/**
 * Binds the sheet's map: zones with their labels, the unit and every contact and child place
 * by its table number, fitted once to the outer ring (the sheet does not pan).
 */
export function useSheetMap(unit: Unit, zones: ZoneCollection, numbers: SheetNumbers): void {
  const { m } = useI18n();
  const { map } = useMap();
  const labels = useMemo(() => zoneLabelPoints(zones.features, (r, radius) => `${m.ring[r]} ${m.ringLabel(radius)}`), [zones, m]);
  useGeoJsonLayers('sheet-zones', zones, SHEET_ZONES);
  useGeoJsonLayers('sheet-zone-labels', labels, SHEET_LABELS);
  useGeoJsonLayers('sheet-numbers', numbers.points, SHEET_NUMBERS);
  useGeoJsonLayers('sheet-unit', { type: 'FeatureCollection', features: [unit] }, SHEET_UNIT);
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current) return;
    fitted.current = true;
    map.resize();
    fitToPositions(map, outerRingPositions(zones.features), { padding: 18, maxZoom: 16, animate: false });
  }, [map, zones]);
}
