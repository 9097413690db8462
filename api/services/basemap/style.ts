/**
 * The basemap's MapLibre style: Protomaps' light flavour with Swedish labels
 * (`name:sv`, then `name`), drawn from the product's own tiles and glyphs. Nothing in it
 * names another host. Protomaps' icons come from its sprite host, so the layers that are
 * only icons (road shields, one-way arrows) are left out and the rest keep their text:
 * the style has no sprite. The background is the land colour, so that a view without base
 * data, or beyond the imported extent, is a light map rather than grey.
 */
import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** The vector source's name in the style, and the zoom its tiles stop at (MapLibre over-zooms beyond). */
export const BASEMAP_SOURCE = 'protomaps';
export const BASEMAP_SOURCE_MAX_ZOOM = 15;
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
/** The font stacks glyphs are served for (api/basemap-assets/fonts/). */
export const BASEMAP_FONTS = ['Noto Sans Regular', 'Noto Sans Medium', 'Noto Sans Bold', 'Noto Sans Italic'] as const;

/** Layers that draw only an image from Protomaps' sprite. */
const ICON_ONLY_LAYERS = new Set(['roads_shields', 'roads_oneway']);

export interface StyleOptions {
  /** The origin users reach, e.g. https://platssamverkan.example.se. */
  origin: string;
  /** The tiles' version, part of the tile URL so that tiles can be cached for good. */
  version: string;
  /** Whether any OpenStreetMap data is shown (the attribution is shown only then). */
  hasData: boolean;
  lang: 'sv' | 'en';
}

/** Drops the layout properties that need a sprite image. */
function withoutIcons(layer: LayerSpecification): LayerSpecification {
  if (layer.type !== 'symbol' || !layer.layout) return layer;
  const layout = Object.fromEntries(Object.entries(layer.layout).filter(([key]) => !key.startsWith('icon-')));
  return { ...layer, layout } as LayerSpecification;
}

export function basemapStyle({ origin, version, hasData, lang }: StyleOptions): StyleSpecification {
  const flavor = namedFlavor('light');
  const base = (layers(BASEMAP_SOURCE, flavor, { lang }) as LayerSpecification[])
    .filter((l) => !ICON_ONLY_LAYERS.has(l.id))
    .map(withoutIcons)
    .map((l) => (l.type === 'background' ? { ...l, paint: { 'background-color': flavor.earth } } : l));
  return {
    version: 8,
    name: 'Platssamverkan',
    glyphs: `${origin}/api/basemap/fonts/{fontstack}/{range}.pbf`,
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'vector',
        tiles: [`${origin}/api/basemap/tiles/${version}/{z}/{x}/{y}.mvt`],
        minzoom: 0,
        maxzoom: BASEMAP_SOURCE_MAX_ZOOM,
        ...(hasData ? { attribution: OSM_ATTRIBUTION } : {}),
      },
    },
    layers: base,
  };
}
