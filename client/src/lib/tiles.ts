/**
 * Vector tiles for the large layers. Below a few thousand features the map loads a
 * layer's viewport as GeoJSON (which also feeds the lists and clustering); above
 * that, the browser would parse megabytes of JSON on every pan, so the layer is drawn
 * from `/api/tiles/{layer}/{z}/{x}/{y}.mvt` instead (issue 8, docs/API.md "Vector tiles").
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';

/** The layers the API serves as tiles, with the MVT layer name inside each tile. */
export const TILE_LAYERS = {
  actors: { path: 'actors', sourceLayer: 'actors', codeField: 'category' },
  'child-places': { path: 'child-places', sourceLayer: 'child_places', codeField: 'kind' },
} as const;
export type TiledLayer = keyof typeof TILE_LAYERS;

/** A layer whose viewport matches more features than this is drawn from vector tiles. */
export const TILE_THRESHOLD = 5000;

/**
 * Tiles are requested up to this zoom and over-zoomed beyond it: at z16 one tile unit
 * is about 0.1 m, finer than any location in the data.
 */
export const TILE_SOURCE_MAXZOOM = 16;

/** Whether a layer with `numberMatched` features in view should be drawn from tiles. */
export function shouldUseTiles(numberMatched: number | null | undefined, threshold = TILE_THRESHOLD): boolean {
  return typeof numberMatched === 'number' && numberMatched > threshold;
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
 * expression, same stacking slot), read from the tile's MVT layer.
 */
export function tileSymbolLayer(id: string, source: string, layer: TiledLayer, icon: ExpressionSpecification, metadata: unknown): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    'source-layer': TILE_LAYERS[layer].sourceLayer,
    metadata,
    layout: {
      'icon-image': icon,
      'icon-allow-overlap': true,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.75, 14, 1],
    },
  };
}
