/**
 * Vector tiles for the large layers. Below a few thousand features the map loads a
 * layer's viewport as GeoJSON (which also feeds the lists and clustering); above
 * that, the browser would parse megabytes of JSON on every pan, so the layer is drawn
 * from `/api/tiles/{layer}/{z}/{x}/{y}.mvt` instead (docs/API.md "Vector tiles").
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SymbolLayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { clientConfig } from './clientConfig.js';

/** The layers the API serves as tiles, with the MVT layer name inside each tile. */
export const TILE_LAYERS = {
  actors: { path: 'actors', sourceLayer: 'actors', codeField: 'category' },
  'child-places': { path: 'child-places', sourceLayer: 'child_places', codeField: 'kind' },
} as const;
export type TiledLayer = keyof typeof TILE_LAYERS;

/**
 * Whether a layer's view should be drawn from tiles: when its GeoJSON page could not
 * hold every feature that matched. The page size is the server's `tile_threshold`
 * (GET /api/client-config, TILE_THRESHOLD), so the map never shows a truncated layer.
 */
export function shouldUseTiles(page: { number_matched?: number; features: readonly unknown[] } | null | undefined): boolean {
  return !!page && typeof page.number_matched === 'number' && page.number_matched > page.features.length;
}

/**
 * Tiles are requested up to this zoom and over-zoomed beyond it: at z16 one tile unit
 * is about 0.1 m, finer than any location in the data.
 */
export const TILE_SOURCE_MAXZOOM = 16;

/** The most features of a layer the map loads as GeoJSON (the server's TILE_THRESHOLD). */
export function tileThreshold(signal?: AbortSignal): Promise<number> {
  return clientConfig(signal).then((c) => c.tile_threshold);
}

/** The MapLibre vector source of a layer's tiles (same origin: the session cookie goes with each request). */
export function vectorTileSource(layer: TiledLayer, origin: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/api/tiles/${TILE_LAYERS[layer].path}/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: TILE_SOURCE_MAXZOOM,
  };
}

/**
 * A filter keeping the features whose category (actors) or kind (child places) is
 * switched on; null when all are on. `none` when none are.
 */
export function codeFilter(layer: TiledLayer, enabled: Record<string, boolean>): FilterSpecification | null {
  const on = Object.entries(enabled).filter(([, v]) => v).map(([k]) => k);
  if (on.length === Object.keys(enabled).length) return null;
  return ['in', ['get', TILE_LAYERS[layer].codeField], ['literal', on]];
}

/**
 * The tiled layer's symbols, drawn like the GeoJSON layer's single points (same icon
 * expression, same stacking slot), read from the tile's MVT layer. Tiles have no
 * clusters, so a symbol that would overlap another is left out (collision detection)
 * and `tileDotLayer` below marks every feature: a dense town reads as dots with the
 * symbols that fit, not as a carpet of overlapping icons. `label` names a symbol
 * where its name fits, as on the GeoJSON layer (the tiles carry `name`).
 */
export function tileSymbolLayer(
  id: string,
  source: string,
  layer: TiledLayer,
  icon: ExpressionSpecification,
  metadata: unknown,
  label?: SymbolLayerSpecification['layout'],
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    'source-layer': TILE_LAYERS[layer].sourceLayer,
    metadata,
    layout: {
      'icon-image': icon,
      'icon-allow-overlap': false,
      'icon-padding': 1,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.75, 14, 1],
      ...label,
    },
    ...(label ? { paint: { 'text-color': '#111827', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } } : {}),
  };
}

/** A small dot in the layer's colour under every tiled feature, so none disappears when its symbol does not fit. */
export function tileDotLayer(id: string, source: string, layer: TiledLayer, colour: string, metadata: unknown): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    'source-layer': TILE_LAYERS[layer].sourceLayer,
    metadata,
    paint: {
      'circle-color': colour,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3.5],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 0.5,
    },
  };
}
