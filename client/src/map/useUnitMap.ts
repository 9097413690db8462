import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Messages } from '../i18n/sv.js';
import type { Contact, NearChildPlace, NearChildPlaceCollection, Unit, ZoneCollection } from '../lib/apiTypes.js';
import { outerRingPositions, zoneLabelPoints } from '../lib/zones.js';
import { formatDate } from '../lib/format.js';
import type { ActivityT } from '../outreach/api.js';
import { actorPopup, childPlacePopup } from './featurePopups.js';
import type { SymbolSpec } from './icons.js';
import { popupContent } from './popup.js';
import { useFeatureClick, useGeoJsonLayers } from './hooks.js';
import { useMap } from './MapView.js';
import { ensureImages, fitToPositions, flyToPoint, setLayersVisible, showPopup } from './ops.js';
import { ACTOR_ICON, CHILD_ICON, PALETTE, pointLayers, pointSymbolLayer, selectionLayer, SLOT, unitLayers, zoneLabelLayer, zoneLayers } from './styles.js';
import { useFeatureFocus } from './useFeatureFocus.js';

const ZONE_LAYERS = zoneLayers('zones');
const ZONE_LABEL_LAYERS = [zoneLabelLayer('zone-labels')];
const FOCUS_LAYERS = unitLayers('unit-focus');
const CONTACT_LAYERS = [...pointLayers('contacts', ACTOR_ICON, SLOT.actors), selectionLayer('contacts', null, 16)];
const NEAR_CHILD_LAYERS = [...pointLayers('near-children', CHILD_ICON, SLOT.children), selectionLayer('near-children', null, 16)];
const FOCUS = ['contacts', 'near-children'] as const;

/** Where a selection came from: a map click also opens the list that shows it. */
export type SelectedFrom = 'list' | 'map';

/**
 * The unit view's map: the unit, its zones with labels, the shown contacts and the
 * children's places near it (each shown while its tab is open), fitted to the outer
 * zone once. Selecting a contact or a place highlights it and opens its popup; from
 * the map, `onMapSelect` opens its tab.
 */
export function useUnitMap({
  unit,
  zones,
  contacts,
  children,
  showContacts,
  showChildren,
  onMapSelect,
}: {
  unit: Unit | undefined;
  zones: ZoneCollection | undefined;
  contacts: Contact[];
  children: NearChildPlaceCollection | undefined;
  showContacts: boolean;
  showChildren: boolean;
  onMapSelect: (tab: 'contacts' | 'children') => void;
}) {
  const { m } = useI18n();
  const { map } = useMap();
  const labels = useMemo(
    () => (zones ? zoneLabelPoints(zones.features, (r, radius) => `${m.ring[r]} ${m.ringLabel(radius)}`) : null),
    [zones, m],
  );
  const unitFc = useMemo(() => (unit ? { type: 'FeatureCollection' as const, features: [unit] } : null), [unit]);
  const contactFc = useMemo(() => ({ type: 'FeatureCollection' as const, features: contacts }), [contacts]);

  useGeoJsonLayers('zones', zones, ZONE_LAYERS);
  useGeoJsonLayers('zone-labels', labels, ZONE_LABEL_LAYERS);
  useGeoJsonLayers('near-children', children, NEAR_CHILD_LAYERS);
  useGeoJsonLayers('contacts', contactFc, CONTACT_LAYERS);
  useGeoJsonLayers('unit-focus', unitFc, FOCUS_LAYERS);
  const focus = useFeatureFocus(map, FOCUS, [showContacts, showChildren, contacts, children]);

  useEffect(() => {
    if (!map) return;
    setLayersVisible(map, CONTACT_LAYERS.map((l) => l.id), showContacts);
    setLayersVisible(map, NEAR_CHILD_LAYERS.map((l) => l.id), showChildren);
  }, [map, showContacts, showChildren, contacts, children]);

  const fitted = useRef(false);
  useEffect(() => {
    if (!map || !zones || fitted.current) return;
    fitted.current = true;
    fitToPositions(map, outerRingPositions(zones.features), { padding: 24, maxZoom: 16 });
  }, [map, zones]);

  const mapSelect = useRef(onMapSelect);
  mapSelect.current = onMapSelect;
  const selectContact = useCallback(
    (c: Contact, from: SelectedFrom) => {
      focus.focus('contacts', c, actorPopup(m, c.properties, c.properties.distance_m), from === 'map' ? { scrollTo: `#contact-${c.id}` } : {});
      if (from === 'map') mapSelect.current('contacts');
    },
    [focus.focus, m],
  );
  const selectChild = useCallback(
    (c: NearChildPlace, from: SelectedFrom) => {
      const lines = [
        { label: m.children.distance, text: m.distance(c.properties.distance_m) },
        { label: m.children.status, text: m.infoStatus[c.properties.information.status] },
      ];
      focus.focus('near-children', c, childPlacePopup(m, c.properties, lines), from === 'map' ? { scrollTo: `#child-${c.id}` } : {});
      if (from === 'map') mapSelect.current('children');
    },
    [focus.focus, m],
  );
  // While an observation's place is being picked, a click on a symbol sets the place and opens nothing.
  useFeatureClick('contacts-symbol', contacts, (c) => !isPicking(map) && selectContact(c, 'map'));
  useFeatureClick('near-children-symbol', children?.features, (c) => !isPicking(map) && selectChild(c, 'map'));

  return { selectContact, selectChild, selectedIn: focus.selectedIn };
}

/**
 * The symbol of an observation or safety-walk finding with a place: a brown warning
 * triangle with "!", told apart from the schools' plain purple triangle by its letter.
 */
export const OBSERVATION_SYMBOL: SymbolSpec = { shape: 'triangle', fill: '#92400e', size: 28, letter: '!' };
const OBSERVATION_IMAGE = 'ps-observation';
const OBSERVATION_LAYERS = [
  pointSymbolLayer('observations', ['literal', OBSERVATION_IMAGE], SLOT.results),
  selectionLayer('observations', null, 18),
];
const PICK_LAYERS = [
  {
    id: 'activity-pick-point',
    type: 'circle' as const,
    source: 'activity-pick',
    metadata: { 'ps:slot': SLOT.selection },
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(253, 224, 71, 0.6)', 'circle-stroke-color': PALETTE.selection, 'circle-stroke-width': 3 },
  },
];

/** The popup of an observation: kind, date, follow-up status, due date, note. */
export function observationPopup(m: Messages, a: ActivityT): HTMLElement {
  const o = m.outreach;
  return popupContent(o.kind[a.kind], formatDate(m.locale, a.date), [
    { label: o.followUp, text: a.follow_up_status ? o.followUpStatus[a.follow_up_status] + (a.overdue ? ` (${o.overdue})` : '') : '' },
    { label: o.dueDate, text: a.due_date ? formatDate(m.locale, a.due_date) : '' },
    { label: o.responsible, text: a.responsible_actor?.name ?? '' },
    { text: a.note ?? '' },
  ]);
}

/**
 * The unit's observations and safety-walk findings that have a place, on the unit map
 * while the calling tab is mounted; a click opens the popup. Returns `show(a)`, which
 * flies to one and opens its popup (the list's "Visa på kartan").
 */
export function useObservationLayer(activities: readonly ActivityT[]): { show: (a: ActivityT) => void } {
  const { m } = useI18n();
  const { map } = useMap();
  const located = useMemo(
    () => activities.filter((a): a is ActivityT & { location: NonNullable<ActivityT['location']> } => a.location !== null),
    [activities],
  );
  const fc = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: located.map((a) => ({ type: 'Feature' as const, id: a.id, geometry: a.location, properties: { kind: a.kind } })),
    }),
    [located],
  );
  useEffect(() => {
    if (map) ensureImages(map, { [OBSERVATION_IMAGE]: OBSERVATION_SYMBOL });
  }, [map]);
  useGeoJsonLayers('observations', fc, OBSERVATION_LAYERS);
  const focus = useFeatureFocus(map, ['observations'] as const, [fc]);
  const show = useCallback(
    (a: ActivityT, fly = true) => {
      if (!a.location) return;
      const feature = { id: a.id, geometry: a.location };
      focus.focus('observations', feature, observationPopup(m, a), fly ? { flyTo: 15 } : {});
      // On a phone the map sits above the list: bring it into view.
      const box = map?.getContainer().closest('.map-box');
      if (fly && box && box.getBoundingClientRect().bottom < 0) box.scrollIntoView({ block: 'start' });
    },
    [focus.focus, m, map],
  );
  useFeatureClick('observations-symbol', located, (a) => !isPicking(map) && show(a, false));
  return { show };
}

/** Maps on which a place is being picked, and when the last pick landed (a symbol's click handler runs after it). */
const picking = new WeakMap<MlMap, { active: boolean; at: number }>();

function isPicking(map: MlMap | null): boolean {
  const p = map ? picking.get(map) : undefined;
  return !!p && (p.active || performance.now() - p.at < 400);
}

/**
 * Picking a place on the unit map: while `active`, the cursor is a crosshair and the
 * next click anywhere (on a symbol too) calls `onPick([lon, lat])`. `value` is drawn as
 * a highlighted point while the form that owns it is open.
 */
export function useMapPick(active: boolean, onPick: (lonLat: [number, number]) => void, value: readonly [number, number] | null): void {
  const { map } = useMap();
  const handler = useRef(onPick);
  handler.current = onPick;
  const fc = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: value ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [value[0], value[1]] }, properties: {} }] : [],
    }),
    [value?.[0], value?.[1]],
  );
  useGeoJsonLayers('activity-pick', fc, PICK_LAYERS);
  useEffect(() => {
    if (!map || !active) return;
    picking.set(map, { active: true, at: 0 });
    const canvas = map.getCanvas();
    canvas.style.cursor = 'crosshair';
    const click = (e: MapMouseEvent) => {
      picking.set(map, { active: false, at: performance.now() });
      handler.current([Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))]);
    };
    map.on('click', click);
    return () => {
      map.off('click', click);
      const p = picking.get(map);
      picking.set(map, { active: false, at: p?.at ?? 0 });
      canvas.style.cursor = '';
    };
  }, [map, active]);
}

/** Flies the unit map to a place (after typing coordinates, to show where they are). */
export function useFlyTo(): (lonLat: [number, number]) => void {
  const { map } = useMap();
  return useCallback((lonLat: [number, number]) => map && flyToPoint(map, lonLat, 15), [map]);
}
