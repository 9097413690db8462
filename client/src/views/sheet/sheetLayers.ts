import type { LayerSpecification } from 'maplibre-gl';
import { unitLayers, zoneLabelLayer, zoneLayers } from '../../map/styles.js';

export const SHEET_ZONES = zoneLayers('sheet-zones');
export const SHEET_LABELS = [zoneLabelLayer('sheet-zone-labels')];
// No name on the unit's symbol: the sheet's heading names it, and a label would cover the nearest numbers.
export const SHEET_UNIT = unitLayers('sheet-unit', { labels: false });

/** Colours of the numbered markers: actors dark on light text, children's places light on dark text (both ≥ 4.5:1). */
export const ACTOR_FILL = '#1d4e89';
export const CHILD_FILL = '#ffffff';
export const CHILD_STROKE = '#9a3412';

/**
 * The numbered markers: a disc per place with its table number, every number drawn
 * (allow-overlap) because a missing number would leave a table row without its point.
 */
export const SHEET_NUMBERS: LayerSpecification[] = [
  {
    id: 'sheet-numbers-disc',
    type: 'circle',
    source: 'sheet-numbers',
    metadata: { 'ps:slot': 40 },
    paint: {
      'circle-radius': 9,
      'circle-color': ['match', ['get', 'what'], 'actor', ACTOR_FILL, CHILD_FILL],
      'circle-stroke-color': ['match', ['get', 'what'], 'actor', '#ffffff', CHILD_STROKE],
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'sheet-numbers-text',
    type: 'symbol',
    source: 'sheet-numbers',
    metadata: { 'ps:slot': 45 },
    layout: {
      'text-field': ['get', 'n'],
      'text-font': ['Noto Sans Bold'],
      'text-size': 10,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': ['match', ['get', 'what'], 'actor', '#ffffff', CHILD_STROKE] },
  },
];
