import { FullscreenControl, GeolocateControl, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { basemap, reportBasemap } from './basemap.js';
import { mapSymbols } from './icons.js';
import { formatMeasured, MeasureControl } from './MeasureControl.js';
import { ensureImages } from './ops.js';

setWorkerUrl(workerUrl);

/** Göteborg, the whole municipality in view. */
export const GOTEBORG_VIEW = { center: [11.975, 57.715] as [number, number], zoom: 10.4 };

export interface MapState {
  map: MlMap | null;
  /** The local fallback basemap is in use. */
  fallback: boolean;
}

const MapContext = createContext<MapState>({ map: null, fallback: false });

/** The map the surrounding `<MapView>` made, once its style has loaded (null before). */
export function useMap(): MapState {
  return useContext(MapContext);
}

interface MapViewProps {
  /** Views rendered inside get the map through `useMap()`. */
  children?: ReactNode;
  /** Content outside the map box that still needs the map (the side panel). */
  panel?: ReactNode;
  /** Class of the wrapper around the panel and the map box. */
  className?: string;
  interactive?: boolean;
  /** Keep the drawing so it can be printed or copied to an image. */
  preserveDrawingBuffer?: boolean;
  /**
   * Unless false: the scale bar (bottom left, metres switching to kilometres), and on an
   * interactive map zoom, full screen, locate me and measure a distance (top right).
   */
  controls?: boolean;
  overlay?: ReactNode;
  /**
   * The map canvas's name (MapLibre's "Karta" by default). The map box around it, with
   * the controls, is a region landmark named after it, since every part of a page
   * belongs to a landmark; two maps on one page need different names.
   */
  label?: string;
}

/**
 * A MapLibre map with Swedish or English control labels (it is rebuilt on a
 * language switch, since MapLibre reads its locale once), the basemap or its local
 * fallback, and our symbols registered. The canvas is the named, focusable map
 * region; arrow keys pan, + and − zoom, Tab leaves it.
 */
export function MapView({ children, panel, className, interactive = true, preserveDrawingBuffer = false, controls = true, overlay, label }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const { m, lang } = useI18n();
  const [state, setState] = useState<MapState>({ map: null, fallback: false });
  const helpId = useId();
  const messages = useRef(m);
  messages.current = m;

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | undefined;
    basemap().then(({ style, fallback }) => {
      if (cancelled || !container.current) return;
      const msgs = messages.current;
      const created = new MlMap({
        container: container.current,
        style: structuredClone(style),
        center: GOTEBORG_VIEW.center,
        zoom: GOTEBORG_VIEW.zoom,
        locale: msgs.maplibre,
        interactive,
        attributionControl: { compact: true },
        canvasContextAttributes: { preserveDrawingBuffer },
        dragRotate: false,
        pitchWithRotate: false,
        fadeDuration: 0,
      });
      map = created;
      reportBasemap(created);
      created.touchZoomRotate.disableRotation();
      if (controls) {
        if (interactive) {
          created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
          created.addControl(new FullscreenControl({ container: container.current.closest<HTMLElement>('.map-box') ?? undefined }), 'top-right');
          const locate = new GeolocateControl({ positionOptions: { enableHighAccuracy: true }, fitBoundsOptions: { maxZoom: 15 }, trackUserLocation: false });
          locate.on('error', () => console.warn('Map: position not available'));
          created.addControl(locate, 'top-right');
          created.addControl(new MeasureControl(msgs.mapTools, (metres) => formatMeasured(msgs.locale, metres)), 'top-right');
        }
        created.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
      }
      created.getCanvas().setAttribute('aria-describedby', helpId);
      if (label) created.getCanvas().setAttribute('aria-label', label);
      created.on('error', (e) => {
        // Tiles and sprites of an unreachable basemap fail here; the data layers are unaffected.
        console.warn('Map:', e.error?.message ?? e);
      });
      // Tests read the placed symbols through the map (queryRenderedFeatures); nothing else uses it.
      Object.defineProperty(created.getContainer(), 'psMap', { value: created, configurable: true });
      // Lets tests and assistive tooling know when the view has settled.
      created.on('movestart', () => created.getContainer().parentElement?.setAttribute('data-map-moving', 'true'));
      created.on('idle', () => created.getContainer().parentElement?.setAttribute('data-map-moving', 'false'));
      const ready = created;
      ready.once('load', () => {
        if (cancelled) return;
        ensureImages(ready, mapSymbols());
        setState({ map: ready, fallback });
      });
    });
    return () => {
      cancelled = true;
      setState({ map: null, fallback: false });
      map?.remove();
    };
  }, [lang, interactive, preserveDrawingBuffer, controls, helpId, label]);

  return (
    <MapContext.Provider value={state}>
      <div className={className}>
        {panel}
        <section className="map-box" aria-label={m.map.regionLabel(label ?? m.maplibre['Map.Title'])} data-map-ready={state.map ? 'true' : 'false'} data-basemap={state.fallback ? 'fallback' : 'online'}>
          <div ref={container} className="map-canvas" />
          <p id={helpId} className="visually-hidden">
            {m.map.keyboardHelp}
          </p>
          {state.fallback && interactive ? <p className="map-notice">{m.map.basemapFallback}</p> : null}
          {overlay}
          {children}
        </section>
      </div>
    </MapContext.Provider>
  );
}
