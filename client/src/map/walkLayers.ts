/**
 * The walk zones on a map: one outline per band in teal, told apart from the straight
 * rings by colour and from each other by line pattern (solid, dashed, dotted) and
 * width, the innermost band lightly filled.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { SLOT } from './styles.js';

export const WALK_COLOUR = '#0f766e';
/** Line patterns of the bands, innermost first (a fourth and later band repeat the last). */
export const WALK_DASH: (number[] | null)[] = [null, [3, 1.5], [0.8, 1.4]];
export const WALK_WIDTH = [3.5, 3, 3];

const BAND_MAX = 6;

/** The layers of a walk-zone source whose features have `minutes`; bands are styled by their order. */
export function walkZoneLayers(source: string, minutes: readonly number[]): LayerSpecification[] {
  const meta = { 'ps:slot': SLOT.zones };
  const layers: LayerSpecification[] = [];
  if (minutes.length > 0) {
    layers.push({
      id: `${source}-fill`, type: 'fill', source, metadata: meta,
      filter: ['==', ['get', 'minutes'], minutes[0]!],
      paint: { 'fill-color': WALK_COLOUR, 'fill-opacity': 0.08 },
    });
  }
  minutes.slice(0, BAND_MAX).forEach((min, i) => {
    const dash = WALK_DASH[Math.min(i, WALK_DASH.length - 1)];
    layers.push({
      id: `${source}-line-${i}`, type: 'line', source, metadata: meta,
      filter: ['==', ['get', 'minutes'], min],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': WALK_COLOUR, 'line-width': WALK_WIDTH[Math.min(i, WALK_WIDTH.length - 1)]!, ...(dash ? { 'line-dasharray': dash } : {}) },
    });
  });
  return layers;
}

/** Ids of the straight zones' layers (map/styles.ts zoneLayers('zones') and the labels), to show or hide them. */
export const STRAIGHT_ZONE_LAYER_IDS = ['zones-fill', 'zones-line-area', 'zones-line-neighbourhood', 'zones-line-immediate', 'zone-labels-labels'];
