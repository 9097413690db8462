import type { GeoJSONSource } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import type { LayerState } from '../layers.js';
import type { Actor, ChildPlace, Unit } from '../lib/apiTypes.js';
import { routeHref } from '../lib/route.js';
import { codeFilter, tileDotLayer, tileSymbolLayer } from '../lib/tiles.js';
import type { OverviewData } from '../views/overview/useOverviewData.js';
import { actorPopup, childPlacePopup, unitPopup } from './featurePopups.js';
import { useFeatureClick, useGeoJsonLayers, useLayerClick } from './hooks.js';
import { useMap } from './MapView.js';
import { closePopup, fitToPositions, flyToPoint, setLayerFilter, setLayersVisible } from './ops.js';
import {
  ACTOR_ICON, areaLayers, CHILD_ICON, PALETTE, PLACE_CLUSTER, PLACE_LAYER, placeClusterLayers, placePointLayers, placeSelectionFilter, placeSelectionLayer,
  POINT_LABEL, selectionFilter, selectionLayer, SLOT, UNIT_RING_SHIFT, unitLayers, type PlaceLayer,
} from './styles.js';
import { useVectorTileLayer } from './useTileLayers.js';
import { useFeatureFocus } from './useFeatureFocus.js';

const UNIT_LAYERS = [...unitLayers('units'), selectionLayer('units', null, 21, UNIT_RING_SHIFT)];
/** Actors and children's places share one clustered source, so their clusters never lie on each other. */
const PLACE_LAYERS = [
  ...placeClusterLayers('places'),
  ...placePointLayers('places', 'children', CHILD_ICON, SLOT.children),
  ...placePointLayers('places', 'actors', ACTOR_ICON, SLOT.actors),
  placeSelectionLayer('places', 'actors', 16),
  placeSelectionLayer('places', 'children', 16),
];
const AREA_LAYERS = areaLayers('areas');
/** Drawn instead of the GeoJSON layers when the view holds too many features (lib/tiles.ts). */
const ACTOR_TILE_LAYERS = [
  tileDotLayer('actors-tiles-dot', 'actors-tiles', 'actors', PALETTE.actor, { 'ps:slot': SLOT.actors }),
  tileSymbolLayer('actors-tiles-symbol', 'actors-tiles', 'actors', ACTOR_ICON, { 'ps:slot': SLOT.actors }, POINT_LABEL),
];
const CHILD_TILE_LAYERS = [
  tileDotLayer('children-tiles-dot', 'children-tiles', 'child-places', PALETTE.child, { 'ps:slot': SLOT.children }),
  tileSymbolLayer('children-tiles-symbol', 'children-tiles', 'child-places', CHILD_ICON, { 'ps:slot': SLOT.children }, POINT_LABEL),
];
const FOCUS = ['actors', 'children'] as const;

/**
 * The overview's map: units (the one in the address highlighted and brought into
 * view), and the switched-on actors, children's places and areas, clustered, or
 * from vector tiles when too many. All units are fitted into view at start.
 * Selecting a unit sets the address; a cluster click zooms in on it.
 */
export function useOverviewMap({ units, unitsById, unitId, layers, data }: { units: Unit[] | undefined; unitsById: Map<number, Unit>; unitId?: number; layers: LayerState; data: OverviewData }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const { map } = useMap();
  const { actorFeatures, childFeatures, actorTiles, childTiles } = data;
  const unitFc = useMemo(() => ({ type: 'FeatureCollection' as const, features: units ?? [] }), [units]);

  useGeoJsonLayers('areas', data.showAreas ? data.areas.data : null, AREA_LAYERS);
  useVectorTileLayer('actors-tiles', actorTiles ? 'actors' : null, ACTOR_TILE_LAYERS, codeFilter('actors', layers.actors));
  useVectorTileLayer('children-tiles', childTiles ? 'child-places' : null, CHILD_TILE_LAYERS, codeFilter('child-places', layers.children));
  const placeFc = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: [...placeFeatures('actors', actorTiles ? [] : actorFeatures), ...placeFeatures('children', childTiles ? [] : childFeatures)],
    }),
    [actorFeatures, childFeatures, actorTiles, childTiles],
  );
  useGeoJsonLayers('places', placeFc, PLACE_LAYERS, PLACE_CLUSTER);
  useEffect(() => {
    // What each layer holds of the shared source, readable from the page like a source's own count (ops.ts).
    map?.getContainer().setAttribute('data-features-actors', String(actorTiles ? 0 : actorFeatures.length));
    map?.getContainer().setAttribute('data-features-children', String(childTiles ? 0 : childFeatures.length));
  }, [map, placeFc]);
  useGeoJsonLayers('units', unitFc, UNIT_LAYERS);
  const focus = useFeatureFocus(map, FOCUS, [layers.units, unitId, placeFc], placeSelectionFilter);

  useEffect(() => {
    if (!map) return;
    setLayersVisible(map, UNIT_LAYERS.map((l) => l.id), layers.units);
    setLayerFilter(map, 'units-selected', selectionFilter(unitId ?? null));
  }, [map, layers.units, unitId, actorFeatures, childFeatures]);

  // A unit chosen from a shared link: bring it into view once the map is there.
  const shownFromUrl = useRef(false);
  useEffect(() => {
    if (!map || !unitId || shownFromUrl.current) return;
    const u = unitsById.get(unitId);
    if (!u) return;
    shownFromUrl.current = true;
    flyToPoint(map, u.geometry.coordinates as [number, number], 13);
  }, [map, unitId, unitsById]);

  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current || unitId || !units?.length) return;
    fitted.current = true;
    fitToPositions(map, units.map((u) => u.geometry.coordinates as [number, number]), { padding: 50, maxZoom: 12, animate: false });
  }, [map, units, unitId]);

  const selectUnit = useCallback(
    (u: Unit, from: 'list' | 'map') => {
      if (from === 'list' && u.id === unitId) {
        navigate(routeHref({ name: 'overview' }), { replace: true });
        closePopup();
        return;
      }
      navigate(routeHref({ name: 'overview', unitId: u.id }), { replace: true });
      focus.clear();
      focus.popup(u, unitPopup(m, u), from === 'list' ? { flyTo: 13 } : { scrollTo: `.unit-list [data-unit-id="${u.id}"]` });
    },
    [focus.clear, focus.popup, m, navigate, unitId],
  );
  const openActor = (a: Actor, fly: boolean) => focus.focus('actors', a, actorPopup(m, a.properties), fly ? { flyTo: 15 } : {});
  const openChild = (c: ChildPlace, fly: boolean) => focus.focus('children', c, childPlacePopup(m, c.properties), fly ? { flyTo: 15 } : {});

  useFeatureClick('units-symbol', units, (u) => selectUnit(u, 'map'));
  useFeatureClick('actors-symbol', actorFeatures, (a) => openActor(a, false));
  useFeatureClick('children-symbol', childFeatures, (c) => openChild(c, false));
  useLayerClick(['places-clusters'], (e) => {
    const f = e.features?.[0];
    if (!map || !f) return;
    const source = map.getSource(f.source) as GeoJSONSource | undefined;
    const clusterId = f.properties?.cluster_id as number | undefined;
    if (!source || clusterId === undefined) return;
    source.getClusterExpansionZoom(clusterId).then((zoom) => {
      map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.2 });
    });
  });

  return { selectUnit, openActor, openChild, isSelected: focus.isSelected };
}

/** The features of one layer for the shared place source, each marked with its layer (`PLACE_LAYER`). */
function placeFeatures<F extends { properties: object }>(layer: PlaceLayer, features: readonly F[]): F[] {
  return features.map((f) => ({ ...f, properties: { ...f.properties, [PLACE_LAYER]: layer } }));
}
