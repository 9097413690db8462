/**
 * Map layer styles as typed data. Colours meet SECURITY.md's contrast marks on the
 * light basemaps (symbols, rings and outlines ≥ 3:1); categories differ by shape or
 * letter as well as colour. Every layer carries a `ps:slot` that fixes its place in
 * the stack, whatever order the views add them in.
 */
import type { CircleLayerSpecification, ExpressionSpecification, FilterSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Ring } from '../lib/apiTypes.js';

export const PALETTE = {
  unit: '#9b1c1c',
  actor: '#0e5f5c',
  child: '#5b2a86',
  halo: '#ffffff',
  ink: '#1f2328',
  selection: '#111827',
  selectionFill: '#fde047',
  area: '#4b5563',
  areaFill: 'rgba(75, 85, 99, 0.04)',
  ring: { immediate: '#9b1c1c', neighbourhood: '#9a3412', area: '#1e40af' } satisfies Record<Ring, string>,
  priority: { high: '#b91c1c', medium: '#b45309', low: '#4b5563' },
  candidate: '#1e3a8a',
  background: '#e2dfda',
} as const;

/** Line patterns of the rings: solid, dashed, dotted (told apart without colour). */
export const RING_DASH: Record<Ring, number[] | null> = { immediate: null, neighbourhood: [4, 2], area: [1, 1.6] };
export const RING_WIDTH: Record<Ring, number> = { immediate: 3, neighbourhood: 2.5, area: 2.5 };

/**
 * Stacking order of our layers, bottom to top. MapLibre places symbols from the top
 * layer down, so the upper layers win the collision checks: zone labels first, then
 * the units' houses and the places' symbols (invisible copies, `unitReserve` and
 * `reserve`), then the units' names on the first free side of the house (over a
 * place's symbol only when no side is free), then the labels of actors and children's
 * places, left out where they do not fit. Clusters lie under the units' houses, and
 * single places above them: a school next to a unit covers only the foot of its house.
 */
export const SLOT = {
  areas: 10,
  zones: 20,
  needsHalo: 26,
  clusters: 28,
  units: 30,
  children: 34,
  actors: 40,
  results: 45,
  selection: 60,
  labels: 70,
  unitLabels: 72,
  reserve: 73,
  unitReserve: 74,
  zoneLabels: 75,
} as const;
export type Slot = (typeof SLOT)[keyof typeof SLOT];

const slot = (n: Slot) => ({ 'ps:slot': n });

/** The local text renderer draws any font name with the system's sans-serif. */
const FONT = ['Noto Sans Regular'];
const FONT_BOLD = ['Noto Sans Bold'];

const textHalo = { 'text-color': PALETTE.ink, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 } as const;

type SymbolLayout = NonNullable<SymbolLayerSpecification['layout']>;

/** The unit's image by its status: open, planned (hollow, dashed), closed (grey, struck through). */
export const UNIT_ICON: ExpressionSpecification = ['match', ['get', 'status'], 'planned', 'ps-unit-planned', 'closed', 'ps-unit-closed', 'ps-unit'];
const UNIT_ICON_SIZE: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 9, 0.8, 13, 1];
/** Open units are placed (and labelled) before planned ones, planned before closed. */
const UNIT_SORT: ExpressionSpecification = ['match', ['get', 'status'], 'open', 0, 'planned', 1, 2];

/**
 * Units: a house standing on its point (anchored at its foot, so a place at the same
 * spot, drawn above it, leaves the house visible), with the name beside it from
 * zoom 10. `-reserve`, an invisible copy of the houses high in the stack, claims their
 * place before any label is placed, so no name is put over a house; `-label`, above
 * every other data layer but the zone labels, puts the name on a free side. Views about other things draw the units
 * underneath theirs, for orientation only (`labels: false`).
 */
export function unitLayers(source: string, options: { slot?: Slot; labels?: boolean } = {}): LayerSpecification[] {
  const { slot: slotNo = SLOT.units, labels = true } = options;
  return [
    {
      id: `${source}-symbol`,
      type: 'symbol',
      source,
      metadata: slot(slotNo),
      layout: {
        'icon-image': UNIT_ICON,
        'icon-anchor': 'bottom',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': UNIT_ICON_SIZE,
        'symbol-sort-key': UNIT_SORT,
      },
    },
    {
      id: `${source}-reserve`,
      type: 'symbol',
      source,
      metadata: slot(SLOT.unitReserve),
      // 'never': a name may not be put over it even when it must cover a place's symbol.
      layout: { 'icon-image': UNIT_ICON, 'icon-anchor': 'bottom', 'icon-overlap': 'never', 'icon-size': UNIT_ICON_SIZE },
      paint: { 'icon-opacity': 0 },
    },
    ...(labels
      ? [
          {
            id: `${source}-label`,
            type: 'symbol',
            source,
            metadata: slot(SLOT.unitLabels),
            minzoom: 10,
            layout: {
              'symbol-sort-key': UNIT_SORT,
              'text-field': ['get', 'name'],
              'text-font': FONT_BOLD,
              'text-size': 12,
              // Right of the house, else left, above or below it: the first side where it covers
              // nothing (a house, another unit's name, a zone label, from zoom 14 a place's symbol);
              // from zoom 14, where every side has a place's symbol, over it ('cooperative': never
              // over a house or a zone label; below 14 the places do not compete, and two
              // units' names never overlap). The offsets (em) keep the name clear of its own house.
              'text-variable-anchor-offset': ['left', [1.65, -1.25], 'right', [-1.65, -1.25], 'bottom', [0, -3.4], 'top', [0, 0.8], 'bottom-left', [1.2, -2.6], 'bottom-right', [-1.2, -2.6], 'top-left', [1.2, 0.1], 'top-right', [-1.2, 0.1]],
              'text-justify': 'auto',
              'text-overlap': ['step', ['zoom'], 'never', 14, 'cooperative'],
              'text-max-width': 10,
              'text-padding': 2,
            },
            paint: { ...textHalo, 'text-color': ['match', ['get', 'status'], 'closed', '#374151', PALETTE.unit] },
          } satisfies LayerSpecification,
        ]
      : []),
  ];
}

/**
 * The name of an actor or a children's place beside its symbol from zoom 13, on
 * whichever side has room, or not at all (the symbol always shows).
 */
const POINT_ICON_SIZE: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 10, 0.75, 14, 1];

export const POINT_LABEL: SymbolLayout = {
  'text-field': ['step', ['zoom'], '', 13, ['get', 'name']],
  'text-font': FONT,
  'text-size': 11,
  'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
  // Clear of the symbol's own box (12 px half width and 2 px padding at 11 px text): the reserve layer holds it.
  'text-radial-offset': 1.5,
  'text-justify': 'auto',
  'text-max-width': 9,
  'text-optional': true,
  'text-padding': 2,
};

/** Where the ring around a selected unit goes: round its house, which stands above the point. */
export const UNIT_RING_SHIFT: [number, number] = [0, -14];

/** A ring around the selected feature, drawn below its symbol's label. */
export function selectionLayer(source: string, id: number | string | null, radius = 19, translate?: [number, number]): LayerSpecification {
  return {
    id: `${source}-selected`,
    type: 'circle',
    source,
    metadata: slot(SLOT.selection),
    filter: selectionFilter(id),
    paint: {
      'circle-radius': radius,
      'circle-color': 'rgba(253, 224, 71, 0.35)',
      'circle-stroke-color': PALETTE.selection,
      'circle-stroke-width': 3,
      ...(translate ? { 'circle-translate': translate } : {}),
    },
  };
}

export function selectionFilter(id: number | string | null): FilterSpecification {
  return id === null ? ['==', ['id'], -1] : ['==', ['id'], id];
}

/** The property of a feature in a shared place source (`placeFeatures`) that says which layer it belongs to. */
export const PLACE_LAYER = 'ps_layer';
export type PlaceLayer = 'actors' | 'children';

/**
 * The GeoJSON options of the one clustered source of actors and children's places:
 * one source, so a cluster of the one never lies on a cluster of the other, with each
 * cluster's count split by layer (`actors`, `children`).
 */
export const PLACE_CLUSTER = {
  cluster: true,
  clusterRadius: 42,
  clusterMaxZoom: 14,
  clusterProperties: {
    actors: ['+', ['case', ['==', ['get', PLACE_LAYER], 'actors'], 1, 0]],
    children: ['+', ['case', ['==', ['get', PLACE_LAYER], 'children'], 1, 0]],
  },
} satisfies Record<string, unknown>;

/** The share of a cluster disc's width its counts take (the middle that names keep clear of). */
export const CLUSTER_COUNT_SHARE = 0.45;

const isLayer = (layer: PlaceLayer): ExpressionSpecification => ['==', ['get', PLACE_LAYER], layer];

/**
 * The clusters of a shared place source: white discs under the units, ringed in the
 * colour of what they hold (split in two when both), with the count of actors over
 * the count of children's places, each in its layer's colour, so a planner sees both
 * at once without two discs covering each other.
 */
export function placeClusterLayers(source: string): LayerSpecification[] {
  const actors: ExpressionSpecification = ['get', 'actors'];
  const children: ExpressionSpecification = ['get', 'children'];
  const image: ExpressionSpecification = ['case', ['==', children, 0], 'ps-cluster-actors', ['==', actors, 0], 'ps-cluster-children', 'ps-cluster-mixed'];
  const size: ExpressionSpecification = ['step', ['get', 'point_count'], 0.9, 10, 1, 30, 1.2];
  const drawn: LayerSpecification = {
    id: `${source}-clusters`,
    type: 'symbol',
    source,
    metadata: slot(SLOT.clusters),
    filter: ['has', 'point_count'],
    layout: {
      'icon-image': image,
      'icon-size': size,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'text-field': [
        'case',
        ['==', children, 0], ['format', ['to-string', actors], { 'text-color': PALETTE.actor }],
        ['==', actors, 0], ['format', ['to-string', children], { 'text-color': PALETTE.child }],
        ['format', ['to-string', actors], { 'text-color': PALETTE.actor }, '\n', {}, ['to-string', children], { 'text-color': PALETTE.child }],
      ],
      'text-font': FONT_BOLD,
      'text-size': ['case', ['all', ['>', actors, 0], ['>', children, 0]], 10, 12],
      'text-line-height': 1.05,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': PALETTE.ink },
  };
  // An invisible copy of each disc's middle, high in the stack, claims the counts' place
  // before the units' names are placed: a name goes to a side of its house where it covers
  // no count, else is left out (the house, the list and the popup still name it). Only the
  // middle: a name may cross a disc's ring, or in a dense town most names would find no side.
  const reserve: LayerSpecification = {
    id: `${source}-clusters-reserve`,
    type: 'symbol',
    source,
    metadata: slot(SLOT.reserve),
    filter: ['has', 'point_count'],
    layout: { 'icon-image': image, 'icon-size': ['*', CLUSTER_COUNT_SHARE, size], 'icon-allow-overlap': true },
    paint: { 'icon-opacity': 0 },
  };
  return [drawn, reserve];
}

/**
 * The single points of one layer of a shared place source, drawn and named like any
 * other point layer (`pointLayers`), under that layer's own ids (`actors-symbol`, …).
 */
export function placePointLayers(source: string, layer: PlaceLayer, icon: ExpressionSpecification, slotNo: Slot): LayerSpecification[] {
  return pointLayers(source, icon, slotNo, { id: layer, filter: isLayer(layer) });
}

/**
 * The selection ring of one layer of a shared place source. Its features keep their
 * own ids, so an actor and a children's place may share one: the layer tells them apart.
 */
export function placeSelectionLayer(source: string, layer: PlaceLayer, radius: number): LayerSpecification {
  return { ...(selectionLayer(source, null, radius) as CircleLayerSpecification), id: `${layer}-selected`, filter: placeSelectionFilter(layer, null) };
}
export function placeSelectionFilter(layer: PlaceLayer, id: number | string | null): FilterSpecification {
  return id === null ? ['==', ['id'], -1] : ['all', isLayer(layer), ['==', ['id'], id]];
}

/** Single points drawn with their symbol (always, overlapping if need be), without labels. */
export function pointSymbolLayer(source: string, icon: ExpressionSpecification, slotNo: Slot): LayerSpecification {
  return {
    id: `${source}-symbol`,
    type: 'symbol',
    source,
    metadata: slot(slotNo),
    filter: ['!', ['has', 'point_count']],
    layout: {
      'icon-image': icon,
      'icon-allow-overlap': true,
      'icon-size': POINT_ICON_SIZE,
    },
  };
}

/**
 * Single points with their name where it fits. Two layers: `-reserve`, high in the
 * stack and invisible, claims each symbol's place (from zoom 14) before the units' labels are placed
 * (so a unit's name goes to a side where it covers no place, while there is one);
 * `-symbol`, in the point's own slot, draws the symbol (always) and the name beside
 * it (only where nothing else is).
 */
export function pointLayers(source: string, icon: ExpressionSpecification, slotNo: Slot, only?: { id: string; filter: ExpressionSpecification }): LayerSpecification[] {
  const id = only?.id ?? source;
  const single: FilterSpecification = only ? ['all', ['!', ['has', 'point_count']], only.filter] : ['!', ['has', 'point_count']];
  return [
    {
      id: `${id}-reserve`,
      type: 'symbol',
      source,
      metadata: slot(SLOT.reserve),
      // Below zoom 14 the symbols are small and many: the units' names go first there.
      minzoom: 14,
      filter: single,
      layout: { 'icon-image': icon, 'icon-allow-overlap': true, 'icon-size': POINT_ICON_SIZE },
      paint: { 'icon-opacity': 0 },
    },
    {
      id: `${id}-symbol`,
      type: 'symbol',
      source,
      metadata: slot(slotNo),
      filter: single,
      layout: {
        'icon-image': icon,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': POINT_ICON_SIZE,
        ...POINT_LABEL,
      },
      paint: { ...textHalo, 'text-color': '#111827' },
    },
  ];
}

export const ACTOR_ICON: ExpressionSpecification = ['concat', 'ps-actor-', ['get', 'category']];
export const CHILD_ICON: ExpressionSpecification = ['concat', 'ps-child-', ['get', 'kind']];

/** Priority shown as a disc under the symbol: larger and darker for higher priority. */
export function priorityHaloLayer(source: string): LayerSpecification {
  return {
    id: `${source}-priority`,
    type: 'circle',
    source,
    metadata: slot(SLOT.needsHalo),
    paint: {
      'circle-radius': ['match', ['get', 'priority'], 'high', 16, 'medium', 13, 10],
      'circle-color': 'rgba(255,255,255,0.7)',
      'circle-stroke-width': ['match', ['get', 'priority'], 'high', 4, 'medium', 3, 2],
      'circle-stroke-color': ['match', ['get', 'priority'], 'high', PALETTE.priority.high, 'medium', PALETTE.priority.medium, PALETTE.priority.low],
    },
  };
}

/** The three zone rings: solid, dashed and dotted lines, the inner one lightly filled. */
export function zoneLayers(source: string): LayerSpecification[] {
  const rings: Ring[] = ['area', 'neighbourhood', 'immediate'];
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      metadata: slot(SLOT.zones),
      filter: ['==', ['get', 'ring'], 'immediate'],
      paint: { 'fill-color': PALETTE.ring.immediate, 'fill-opacity': 0.06 },
    },
    ...rings.map(
      (ring): LayerSpecification => ({
        id: `${source}-line-${ring}`,
        type: 'line',
        source,
        metadata: slot(SLOT.zones),
        filter: ['==', ['get', 'ring'], ring],
        layout: { 'line-cap': ring === 'area' ? 'round' : 'butt', 'line-join': 'round' },
        paint: {
          'line-color': PALETTE.ring[ring],
          'line-width': RING_WIDTH[ring],
          ...(RING_DASH[ring] ? { 'line-dasharray': RING_DASH[ring]! } : {}),
        },
      }),
    ),
  ];
}

/** Ring labels at the top of each ring (`label` property, see lib/zones.ts). */
export function zoneLabelLayer(source: string): LayerSpecification {
  return {
    id: `${source}-labels`,
    type: 'symbol',
    source,
    metadata: slot(SLOT.zoneLabels),
    minzoom: 12.5,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': FONT_BOLD,
      'text-size': 12,
      'text-anchor': 'bottom',
      'text-offset': [0, -0.2],
      // Placed first of all; 'never' keeps the units' names off them.
      'text-overlap': 'never',
    },
    paint: {
      'text-color': ['match', ['get', 'ring'], 'immediate', PALETTE.ring.immediate, 'neighbourhood', PALETTE.ring.neighbourhood, PALETTE.ring.area],
      'text-halo-color': PALETTE.halo,
      'text-halo-width': 2,
    },
  };
}

/** City and primary areas: thin outlines, names from zoom 11. */
export function areaLayers(source: string): LayerSpecification[] {
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      metadata: slot(SLOT.areas),
      paint: { 'fill-color': PALETTE.areaFill },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      metadata: slot(SLOT.areas),
      paint: { 'line-color': PALETTE.area, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
    {
      id: `${source}-label`,
      type: 'symbol',
      source,
      metadata: slot(SLOT.labels),
      minzoom: 11,
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12, 'symbol-placement': 'point' },
      paint: { ...textHalo, 'text-color': PALETTE.area },
    },
  ];
}

/** Candidate sites' rings in site analysis (labels come from `zoneLabelLayer`). */
export function candidateRingLayers(source: string): LayerSpecification[] {
  return [
    {
      id: `${source}-line`,
      type: 'line',
      source,
      metadata: slot(SLOT.zones),
      paint: {
        'line-color': ['match', ['get', 'ring'], 'immediate', PALETTE.ring.immediate, 'neighbourhood', PALETTE.ring.neighbourhood, PALETTE.ring.area],
        'line-width': ['case', ['get', 'active'], 2.5, 1.5],
        'line-opacity': ['case', ['get', 'active'], 1, 0.7],
      },
    },
  ];
}

/**
 * A plain style for when the basemap cannot be reached: the own basemap's land colour
 * (Protomaps light), so the map looks the same minus streets; the data layers (areas with
 * their names among them) do the rest.
 */
export function fallbackStyle(): import('maplibre-gl').StyleSpecification {
  return {
    version: 8,
    name: 'Platssamverkan, offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }],
  };
}
