import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Actor, ChildPlace, Collection, Unit } from '../lib/apiTypes.js';
import { radiiOf, siteRings, type Lonlat, type Radii } from '../lib/siteAnalysis.js';
import { zoneLabelPoints } from '../lib/zones.js';
import type { Label, Site } from '../views/site/useSites.js';
import { useGeoJsonLayers } from './hooks.js';
import { useMap } from './MapView.js';
import { ACTOR_ICON, candidateRingLayers, CHILD_ICON, pointSymbolLayer, SLOT, unitLayers, zoneLabelLayer } from './styles.js';
import { useSiteMarkers } from './useSiteMarkers.js';

const RING_LAYERS = candidateRingLayers('site-rings');
const LABEL_LAYERS = [zoneLabelLayer('site-ring-labels')];
const UNIT_LAYERS = unitLayers('site-units');
const ACTOR_LAYERS = [pointSymbolLayer('site-actors', ACTOR_ICON, SLOT.actors)];
const CHILD_LAYERS = [pointSymbolLayer('site-children', CHILD_ICON, SLOT.children)];

/**
 * The site analysis map: a click places a site (with a crosshair cursor), each
 * site a draggable marker with its rings (the active one labelled), and the units,
 * actors and children's places the counts count, so the planner sees where they lie.
 */
export function useSiteMap({
  sites,
  active,
  radii,
  units,
  actors,
  children,
  onPlace,
  onActivate,
  onDrag,
  onDragEnd,
}: {
  sites: Site[];
  active: Label | null;
  radii: Radii | undefined;
  units: Unit[] | undefined;
  actors: Collection<Actor> | null | undefined;
  children: Collection<ChildPlace> | null | undefined;
  onPlace: (pos: Lonlat) => void;
  onActivate: (l: Label) => void;
  onDrag: (l: Label, pos: Lonlat) => void;
  onDragEnd: (l: Label, pos: Lonlat) => void;
}) {
  const { m } = useI18n();
  const { map } = useMap();
  const place = useRef(onPlace);
  place.current = onPlace;

  useEffect(() => {
    if (!map) return;
    const onClick = (e: MapMouseEvent) => {
      // A click on (or the end of a drag of) a marker reaches the map too; it is not a new site.
      if ((e.originalEvent.target as Element | null)?.closest?.('.site-marker')) return;
      place.current([e.lngLat.lng, e.lngLat.lat]);
    };
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [map]);
  useSiteMarkers(map, sites, active, m.site.markerLabel, { onActivate, onDrag, onDragEnd });

  const ringsFc = useMemo(() => {
    if (!radii) return null;
    return { type: 'FeatureCollection' as const, features: sites.flatMap((s) => siteRings(s.pos, s.server ? radiiOf(s.server, radii) : radii, { site: s.label, active: s.label === active })) };
  }, [sites, radii, active]);
  const labelsFc = useMemo(() => {
    const s = sites.find((x) => x.label === active);
    if (!s || !radii) return null;
    const r = s.server ? radiiOf(s.server, radii) : radii;
    return zoneLabelPoints(
      siteRings(s.pos, r).map((f) => ({ geometry: f.geometry, properties: f.properties as { ring: 'area'; radius_m: number } })),
      (ring, radius) => `${s.label}: ${m.ring[ring]} ${m.ringLabel(radius)}`,
    );
  }, [sites, radii, active, m]);
  const unitFc = useMemo(() => ({ type: 'FeatureCollection' as const, features: units ?? [] }), [units]);
  useGeoJsonLayers('site-units', unitFc, UNIT_LAYERS);
  useGeoJsonLayers('site-actors', actors, ACTOR_LAYERS);
  useGeoJsonLayers('site-children', children, CHILD_LAYERS);
  useGeoJsonLayers('site-rings', ringsFc, RING_LAYERS);
  useGeoJsonLayers('site-ring-labels', labelsFc, LABEL_LAYERS);
}
