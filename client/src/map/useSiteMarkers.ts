import { Marker, type Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';

/** What the markers need of a site: its letter and position. */
export interface MarkedSite<L extends string> {
  label: L;
  pos: [number, number];
}

/**
 * One draggable marker per site, kept in step with the list: created, moved and
 * removed as sites change; dragging reports each frame (`onDrag`) and the release
 * (`onDragEnd`), a click activates. `markerLabel` names each marker for screen readers.
 */
export function useSiteMarkers<L extends string>(
  map: MlMap | null,
  sites: MarkedSite<L>[],
  active: L | null,
  markerLabel: (l: L) => string,
  handlers: { onActivate: (l: L) => void; onDragEnd: (l: L, pos: [number, number]) => void; onDrag: (l: L, pos: [number, number]) => void },
) {
  const markers = useRef(new Map<L, Marker>());
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!map) return;
    const current = markers.current;
    for (const [label, marker] of current) {
      if (!sites.some((s) => s.label === label)) {
        marker.remove();
        current.delete(label);
      }
    }
    for (const s of sites) {
      let marker = current.get(s.label);
      if (!marker) {
        marker = addSiteMarker(map, s, latest);
        current.set(s.label, marker);
      } else {
        const p = marker.getLngLat();
        if (p.lng !== s.pos[0] || p.lat !== s.pos[1]) marker.setLngLat(s.pos);
      }
      const el = marker.getElement();
      el.setAttribute('aria-label', markerLabel(s.label));
      el.classList.toggle('active', s.label === active);
    }
  }, [map, sites, active, markerLabel]);

  useEffect(
    () => () => {
      for (const marker of markers.current.values()) marker.remove();
      markers.current.clear();
    },
    [map],
  );
}

function addSiteMarker<L extends string>(map: MlMap, s: MarkedSite<L>, handlers: { current: Parameters<typeof useSiteMarkers<L>>[4] }): Marker {
  const el = document.createElement('div');
  el.className = 'site-marker';
  el.textContent = s.label;
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    handlers.current.onActivate(s.label);
  });
  const marker = new Marker({ element: el, draggable: true, anchor: 'center' }).setLngLat(s.pos).addTo(map);
  let frame = 0;
  marker.on('drag', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const p = marker.getLngLat();
      handlers.current.onDrag(s.label, [p.lng, p.lat]);
    });
  });
  marker.on('dragend', () => {
    cancelAnimationFrame(frame);
    const p = marker.getLngLat();
    handlers.current.onActivate(s.label);
    handlers.current.onDragEnd(s.label, [p.lng, p.lat]);
  });
  return marker;
}
