import type { FilterSpecification, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { vectorTileSource, type TiledLayer } from '../lib/tiles.js';
import { useMap } from './MapView.js';
import { ensureLayer, removeLayersAndSource, setLayerFilter } from './ops.js';

function alive(map: MlMap): boolean {
  try {
    return Boolean(map.getStyle());
  } catch {
    return false;
  }
}

/**
 * Draws `layer` from the API's vector tiles while `layer` is not null (see
 * lib/tiles.ts for when), with `filter` on every one of `layers`; removed again when
 * it becomes null or the view unmounts. The container's `data-tiles-<sourceId>`
 * says whether tiles are in use (for tests).
 */
export function useVectorTileLayer(sourceId: string, layer: TiledLayer | null, layers: LayerSpecification[], filter: FilterSpecification | null): void {
  const { map } = useMap();
  const filterKey = JSON.stringify(filter);
  const latest = useRef({ layers, filter });
  latest.current = { layers, filter };

  useEffect(() => {
    if (!map || !layer) return;
    const { layers: ls } = latest.current;
    if (!map.getSource(sourceId)) map.addSource(sourceId, vectorTileSource(layer, window.location.origin));
    for (const l of ls) ensureLayer(map, l);
    map.getContainer().setAttribute(`data-tiles-${sourceId}`, 'on');
    const ids = ls.map((l) => l.id);
    return () => {
      if (!alive(map)) return;
      removeLayersAndSource(map, sourceId, ids);
      map.getContainer().setAttribute(`data-tiles-${sourceId}`, 'off');
    };
  }, [map, sourceId, layer]);

  useEffect(() => {
    if (!map || !layer || !alive(map)) return;
    for (const l of latest.current.layers) setLayerFilter(map, l.id, latest.current.filter);
  }, [map, layer, filterKey]);
}
