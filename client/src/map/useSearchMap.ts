import { useEffect, useMemo, useRef } from 'react';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import type { Actor, ChildPlace, Unit } from '../lib/apiTypes.js';
import { routeHref } from '../lib/route.js';
import { actorPopup, childPlacePopup } from './featurePopups.js';
import { useFeatureClick, useGeoJsonLayers } from './hooks.js';
import { useMap } from './MapView.js';
import { fitToPositions } from './ops.js';
import { ACTOR_ICON, CHILD_ICON, pointLayers, selectionLayer, SLOT, unitLayers } from './styles.js';
import { useFeatureFocus } from './useFeatureFocus.js';

const UNIT_LAYERS = unitLayers('found-units');
const ACTOR_LAYERS = [...pointLayers('found-actors', ACTOR_ICON, SLOT.results), selectionLayer('found-actors', null, 16)];
const CHILD_LAYERS = [...pointLayers('found-children', CHILD_ICON, SLOT.results), selectionLayer('found-children', null, 16)];
const FOCUS = ['found-actors', 'found-children'] as const;

/**
 * The search view's map: the results of `query`, fitted into view once they have
 * loaded. A found unit on the map opens the unit; an actor or a place opens its popup.
 */
export function useSearchMap({ query, loaded, units, actors, children }: { query: string; loaded: boolean; units: Unit[]; actors: Actor[]; children: ChildPlace[] }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const { map } = useMap();
  useGeoJsonLayers('found-units', { type: 'FeatureCollection', features: units }, UNIT_LAYERS);
  useGeoJsonLayers('found-actors', { type: 'FeatureCollection', features: actors }, ACTOR_LAYERS);
  useGeoJsonLayers('found-children', { type: 'FeatureCollection', features: children }, CHILD_LAYERS);
  const focus = useFeatureFocus(map, FOCUS, [actors, children]);

  const positions = useMemo(() => [...units, ...actors, ...children].map((f) => f.geometry.coordinates as [number, number]), [units, actors, children]);
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !loaded || fittedFor.current === query || positions.length === 0) return;
    fittedFor.current = query;
    fitToPositions(map, positions, { padding: 50, maxZoom: 15 });
  }, [map, loaded, positions, query]);

  const openActor = (a: Actor, fly: boolean) => focus.focus('found-actors', a, actorPopup(m, a.properties), fly ? { flyTo: 15 } : {});
  const openChild = (c: ChildPlace, fly: boolean) => focus.focus('found-children', c, childPlacePopup(m, c.properties), fly ? { flyTo: 15 } : {});
  useFeatureClick('found-actors-symbol', actors, (a) => openActor(a, false));
  useFeatureClick('found-children-symbol', children, (c) => openChild(c, false));
  useFeatureClick('found-units-symbol', units, (u) => navigate(routeHref({ name: 'unit', id: u.id, tab: 'contacts' })));
  return { openActor, openChild, isSelected: focus.isSelected };
}
