import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Contact, NearChildPlace, NearChildPlaceCollection, Unit, ZoneCollection } from '../lib/apiTypes.js';
import { outerRingPositions, zoneLabelPoints } from '../lib/zones.js';
import { actorPopup, childPlacePopup } from './featurePopups.js';
import { useFeatureClick, useGeoJsonLayers } from './hooks.js';
import { useMap } from './MapView.js';
import { fitToPositions, setLayersVisible } from './ops.js';
import { ACTOR_ICON, CHILD_ICON, pointSymbolLayer, selectionLayer, SLOT, unitLayers, zoneLabelLayer, zoneLayers } from './styles.js';
import { useFeatureFocus } from './useFeatureFocus.js';

const ZONE_LAYERS = zoneLayers('zones');
const ZONE_LABEL_LAYERS = [zoneLabelLayer('zone-labels')];
const FOCUS_LAYERS = unitLayers('unit-focus');
const CONTACT_LAYERS = [pointSymbolLayer('contacts', ACTOR_ICON, SLOT.actors), selectionLayer('contacts', null, 16)];
const NEAR_CHILD_LAYERS = [pointSymbolLayer('near-children', CHILD_ICON, SLOT.children), selectionLayer('near-children', null, 16)];
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
  useFeatureClick('contacts-symbol', contacts, (c) => selectContact(c, 'map'));
  useFeatureClick('near-children-symbol', children?.features, (c) => selectChild(c, 'map'));

  return { selectContact, selectChild, selectedIn: focus.selectedIn };
}
