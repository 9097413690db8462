/**
 * Imperative MapLibre calls, each wrapped in a named function that is safe to call
 * twice (add-if-missing, remove-if-present), so React effects can run them freely.
 */
import {
  LngLatBounds,
  Popup,
  type FilterSpecification,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type LayerSpecification,
  type LngLatLike,
  type Map as MlMap,
} from 'maplibre-gl';
import { closeOnEscape } from './popup.js';
import type { FeatureCollection, Geometry } from 'geojson';
import { drawSymbol, type SymbolSpec } from './icons.js';

export type AnyCollection = FeatureCollection<Geometry, object | null>;

export const EMPTY: AnyCollection = { type: 'FeatureCollection', features: [] };

/** Adds a GeoJSON source, or replaces its data when it exists. */
export function ensureGeoJsonSource(
  map: MlMap,
  id: string,
  data: AnyCollection,
  options: Omit<GeoJSONSourceSpecification, 'type' | 'data'> = {},
): void {
  // What each source holds, readable from the page (tests compare it with the lists).
  map.getContainer().setAttribute(`data-features-${id}`, String(data.features.length));
  const source = map.getSource(id);
  if (source && source.type === 'geojson') {
    (source as GeoJSONSource).setData(data as GeoJSON.GeoJSON);
    return;
  }
  map.addSource(id, { type: 'geojson', data: data as GeoJSON.GeoJSON, ...options });
}

function slotOf(layer: { metadata?: unknown } | undefined): number {
  const m = layer?.metadata as Record<string, unknown> | undefined;
  return typeof m?.['ps:slot'] === 'number' ? (m['ps:slot'] as number) : -1;
}

/**
 * Adds a layer unless present, placed below the first of our layers with a higher
 * `ps:slot` (basemap layers have none and stay underneath).
 */
export function ensureLayer(map: MlMap, spec: LayerSpecification): void {
  if (map.getLayer(spec.id)) return;
  const mine = slotOf(spec);
  const before = map
    .getStyle()
    .layers.find((l) => slotOf(l) > mine);
  map.addLayer(spec, before?.id);
}

/** Adds a source and its layers; an existing source gets the new data. */
export function ensureGeoJsonLayers(
  map: MlMap,
  id: string,
  data: AnyCollection,
  layers: LayerSpecification[],
  options?: Omit<GeoJSONSourceSpecification, 'type' | 'data'>,
): void {
  ensureGeoJsonSource(map, id, data, options);
  for (const layer of layers) ensureLayer(map, layer);
}

/** Removes layers and then their source; missing ones are skipped. */
export function removeLayersAndSource(map: MlMap, sourceId: string, layerIds: string[]): void {
  if (!map.getStyle()) return;
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(sourceId)) map.removeSource(sourceId);
}

export function setLayersVisible(map: MlMap, layerIds: string[], visible: boolean): void {
  for (const id of layerIds) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

export function setLayerFilter(map: MlMap, layerId: string, filter: FilterSpecification | null): void {
  if (map.getLayer(layerId)) map.setFilter(layerId, filter);
}

/** Adds the symbol images, replacing those already there (a language switch changes letters). */
export function ensureImages(map: MlMap, symbols: Record<string, SymbolSpec>): void {
  const pixelRatio = Math.max(2, Math.ceil(window.devicePixelRatio || 1));
  for (const [id, spec] of Object.entries(symbols)) {
    const canvas = drawSymbol(spec, pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    if (map.hasImage(id)) map.updateImage(id, image);
    else map.addImage(id, image, { pixelRatio });
  }
}

/** Fits the view to a set of positions, or centres on one. */
export function fitToPositions(map: MlMap, positions: [number, number][], options: { padding?: number; maxZoom?: number; animate?: boolean } = {}): void {
  if (positions.length === 0) return;
  const { padding = 40, maxZoom = 15, animate = true } = options;
  if (positions.length === 1) {
    map.easeTo({ center: positions[0] as LngLatLike, zoom: Math.max(map.getZoom(), Math.min(maxZoom, 14)), duration: animate ? 600 : 0 });
    return;
  }
  const bounds = new LngLatBounds(positions[0], positions[0]);
  for (const p of positions) bounds.extend(p);
  const canvas = map.getCanvas();
  const pad = Math.max(0, Math.min(padding, canvas.clientWidth / 4, canvas.clientHeight / 4));
  map.fitBounds(bounds, { padding: pad, maxZoom, duration: animate ? 600 : 0 });
}

/** Moves to a point without zooming out. */
export function flyToPoint(map: MlMap, position: [number, number], minZoom = 14): void {
  map.easeTo({ center: position, zoom: Math.max(map.getZoom(), minZoom), duration: 500 });
}

let popup: Popup | null = null;

/** Shows the one popup with DOM content (never HTML from data). */
export function showPopup(map: MlMap, position: [number, number], content: HTMLElement): Popup {
  popup?.remove();
  popup = new Popup({ closeButton: true, closeOnClick: true, maxWidth: '280px', focusAfterOpen: false, offset: 14 })
    .setLngLat(position)
    .setDOMContent(content)
    .addTo(map);
  closeOnEscape(popup, map);
  return popup;
}

export function closePopup(): void {
  popup?.remove();
  popup = null;
}

/** The visible map extent as `[minLon, minLat, maxLon, maxLat]`. */
export function viewBbox(map: MlMap): [number, number, number, number] {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}
