import type { GeoJSONSourceSpecification, LayerSpecification, Map as MlMap, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from './MapView.js';
import { EMPTY, ensureGeoJsonLayers, ensureGeoJsonSource, removeLayersAndSource, type AnyCollection } from './ops.js';

type SourceOptions = Omit<GeoJSONSourceSpecification, 'type' | 'data'>;

/** Whether a map is still usable (a language switch removes it before its users' cleanups run). */
function alive(map: MlMap): boolean {
  try {
    return Boolean(map.getStyle());
  } catch {
    return false;
  }
}

/**
 * Shows a GeoJSON source with its layers while the calling view is mounted: added
 * when the map is ready, updated when `data` changes, removed on unmount.
 */
export function useGeoJsonLayers(id: string, data: AnyCollection | null | undefined, layers: LayerSpecification[], options?: SourceOptions): void {
  const { map } = useMap();
  const key = JSON.stringify([layers, options ?? null]);
  const latest = useRef({ data, layers, options });
  latest.current = { data, layers, options };

  useEffect(() => {
    if (!map) return;
    const { data: d, layers: ls, options: o } = latest.current;
    ensureGeoJsonLayers(map, id, d ?? EMPTY, ls, o);
    const ids = ls.map((l) => l.id);
    return () => {
      if (alive(map)) removeLayersAndSource(map, id, ids);
    };
  }, [map, id, key]);

  useEffect(() => {
    if (map && alive(map) && map.getSource(id)) ensureGeoJsonSource(map, id, data ?? EMPTY);
  }, [map, id, data]);
}

/** Calls `onClick` for clicks on the given layers and shows a pointer over them (not while a distance is measured). */
export function useLayerClick(layerIds: string[], onClick: (e: MapLayerMouseEvent) => void): void {
  const { map } = useMap();
  const handler = useRef(onClick);
  handler.current = onClick;
  const key = layerIds.join('|');
  useEffect(() => {
    if (!map) return;
    const ids = key.split('|').filter(Boolean);
    const measuring = () => map.getContainer().hasAttribute('data-measuring');
    const click = (e: MapLayerMouseEvent) => {
      if (!measuring()) handler.current(e);
    };
    const enter = () => {
      if (measuring()) return;
      map.getCanvas().style.cursor = 'pointer';
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
    };
    for (const id of ids) {
      map.on('click', id, click);
      map.on('mouseenter', id, enter);
      map.on('mouseleave', id, leave);
    }
    return () => {
      for (const id of ids) {
        map.off('click', id, click);
        map.off('mouseenter', id, enter);
        map.off('mouseleave', id, leave);
      }
    };
  }, [map, key]);
}

/** Calls `onMove` with the map after each pan or zoom ends, and once at start. */
export function useMapMoveEnd(onMove: (map: MlMap) => void): void {
  const { map } = useMap();
  const handler = useRef(onMove);
  handler.current = onMove;
  useEffect(() => {
    if (!map) return;
    const fire = () => handler.current(map);
    map.on('moveend', fire);
    fire();
    return () => {
      map.off('moveend', fire);
    };
  }, [map]);
}

/**
 * Calls `onHit` with the feature of `features` that was clicked on `layerId`
 * (matched by id, whether the source keeps it as a number or a string).
 */
export function useFeatureClick<F extends { id: number | string }>(layerId: string, features: readonly F[] | undefined, onHit: (feature: F) => void): void {
  const byId = useMemo(() => new Map((features ?? []).map((f) => [String(f.id), f])), [features]);
  useLayerClick([layerId], (e) => {
    const f = byId.get(String(e.features?.[0]?.id));
    if (f) onHit(f);
  });
}
