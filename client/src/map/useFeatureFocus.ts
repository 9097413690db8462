import type { FilterSpecification, Map as MlMap } from 'maplibre-gl';
import { useCallback, useEffect, useState } from 'react';
import { closePopup, flyToPoint, setLayerFilter, showPopup } from './ops.js';
import { selectionFilter } from './styles.js';

/** A point feature that can be focused: its id is the one the map's source holds. */
export interface Focusable {
  id: number | string;
  geometry: { coordinates: number[] };
}

/** How a focus moves the page: fly to the feature (no closer than `flyTo`), scroll its list entry into view. */
export interface FocusOptions {
  flyTo?: number;
  /** CSS selector of the list entry to bring into view. */
  scrollTo?: string;
}

/** Scrolls the element `selector` names into view once the page has drawn. */
export function scrollIntoViewSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector(selector)?.scrollIntoView({ block: 'nearest' }));
}

/**
 * The one selected feature of a view across several point layers, kept in step on
 * the map (each layer's `<layer>-selected` highlight), in the one popup and in the
 * list beside it. `redraw` names what re-adds the layers (their data), so the
 * highlight is set again after; `filterOf` picks the highlighted feature where layers
 * share a source (by default, by its id alone). The popup closes when the view goes.
 */
export function useFeatureFocus<L extends string>(
  map: MlMap | null,
  layers: readonly L[],
  redraw: readonly unknown[] = [],
  filterOf: (layer: L, id: number | string | null) => FilterSpecification = (_, id) => selectionFilter(id),
) {
  const [selected, setSelected] = useState<{ layer: L; id: number | string } | null>(null);
  const key = layers.join('|');

  useEffect(() => {
    if (!map) return;
    for (const layer of key.split('|') as L[]) setLayerFilter(map, `${layer}-selected`, filterOf(layer, selected?.layer === layer ? selected.id : null));
  }, [map, key, selected, ...redraw]);
  useEffect(() => () => closePopup(), []);

  /** Shows `content` in the popup at a feature, without selecting it. */
  const popup = useCallback(
    (feature: Focusable, content: HTMLElement, options: FocusOptions = {}) => {
      const position = feature.geometry.coordinates as [number, number];
      if (map) {
        if (options.flyTo !== undefined) flyToPoint(map, position, options.flyTo);
        showPopup(map, position, content);
      }
      if (options.scrollTo) scrollIntoViewSoon(options.scrollTo);
    },
    [map],
  );

  /** Selects a feature of `layer` and shows `content` in the popup at it. */
  const focus = useCallback(
    (layer: L, feature: Focusable, content: HTMLElement, options: FocusOptions = {}) => {
      setSelected({ layer, id: feature.id });
      popup(feature, content, options);
    },
    [popup],
  );

  const isSelected = (layer: L, id: number | string) => selected?.layer === layer && selected.id === id;
  const selectedIn = (layer: L) => (selected?.layer === layer ? selected.id : null);
  const clear = useCallback(() => setSelected(null), []);
  return { selected, focus, popup, clear, isSelected, selectedIn };
}
