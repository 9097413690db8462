import { Marker, type Map as MlMap, type MapMouseEvent } from 'maplibre-gl';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { siteRings } from '../lib/siteAnalysis.js';
import { useGeoJsonLayers } from '../map/hooks.js';
import { GOTEBORG_VIEW, MapView, useMap } from '../map/MapView.js';
import { unitLayers, zoneLayers } from '../map/styles.js';
import { displacement, formatBoth, isArrow, keyStep, metresBetween, moveBy, parseCoordinates, zoomToFit, type CoordSystem, type LonLat, type ParseError } from './coords.js';
import { AddressField } from './AddressField.js';
import { PlaceWarning } from './PlaceWarning.js';
import './placement.css';

export interface LocationPickerProps {
  /** [lon, lat] in WGS 84, or null before the user has placed it. */
  value: readonly [number, number] | null;
  onChange: (lonLat: [number, number]) => void;
  /** Rings to preview around the point while placing (a unit's radii, metres). */
  rings?: { immediate: number; neighbourhood: number; area: number } | null;
  /** Other things shown for context (the unit when placing an actor), points with a name. */
  context?: GeoJSON.Feature<GeoJSON.Point, { name: string }>[];
  /** Where the map starts when value is null ([lon, lat]). */
  center?: readonly [number, number];
  /** Accessible name of the picker, e.g. "Enhetens läge". */
  label: string;
  /** id of an element describing an error at this field, for aria-describedby. */
  errorId?: string;
  /** Zoom the map starts at (15 with a value, 13 without, unless given). */
  zoom?: number;
}

/** The zoom a placed point is shown at: streets and house numbers readable. */
const PLACED_ZOOM = 15;


/**
 * Places one point: a click in the map, dragging the marker, the arrow keys on the
 * focused marker (a step that follows the zoom, Shift for ten), "place at map centre",
 * typed coordinates in WGS 84 or SWEREF 99 TM, or an address chosen from the imported
 * ones, so the map is never the only way. A point in water or off the imported land is
 * warned about (never refused).
 * The position is shown in both systems, a polite live region says how far it has
 * moved from where it started, and `rings` are drawn live around it (turf circles,
 * geodesic like the server's `ST_Buffer(geography)`).
 */
export function LocationPicker({ value, onChange, rings, context, center, label, errorId, zoom }: LocationPickerProps) {
  const { m, lang } = useI18n();
  const p = m.placement;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [map, setMap] = useState<MlMap | null>(null);
  /** The position while dragging (before onChange), else the value. */
  const [dragging, setDragging] = useState<LonLat | null>(null);
  const shown: readonly [number, number] | null = dragging ?? value;
  const origin = useRef<readonly [number, number] | null>(value);
  const [announcement, setAnnouncement] = useState('');
  const [text, setText] = useState('');
  const [system, setSystem] = useState<CoordSystem | 'auto'>('auto');
  const [error, setError] = useState<ParseError | null>(null);
  /** With rings, the whole outer ring in view; else streets readable at a placed point, the district otherwise. */
  const startZoom = zoom ?? (value ? (rings ? zoomToFit(rings.area, value[1]) : PLACED_ZOOM) : 13);
  const [zoomNow, setZoomNow] = useState(startZoom);
  const markerRef = useRef<HTMLButtonElement | null>(null);

  const ids = { help: `${uid}-help`, coords: `${uid}-coords`, hint: `${uid}-hint`, error: `${uid}-error`, system: `${uid}-system`, step: `${uid}-step` };

  const place = (next: LonLat, how: 'click' | 'key' | 'typed' | 'centre' | 'drag') => {
    const first = !origin.current;
    if (!origin.current) origin.current = next;
    onChange(next);
    const d = displacement(origin.current, next);
    const moved = first ? '' : p.moved(d.metres, d.direction);
    setAnnouncement(how === 'key' || how === 'drag' ? moved : `${p.placed(formatBoth(next, lang).wgs84)} ${moved}`.trim());
  };
  const latest = useRef({ place, value, zoomNow });
  latest.current = { place, value, zoomNow };

  const onMarkerKey = (e: KeyboardEvent | ReactKeyboardEvent) => {
    if (!isArrow(e.key)) return;
    e.preventDefault();
    e.stopPropagation();
    const { value: v, zoomNow: z } = latest.current;
    if (!v) return;
    latest.current.place(moveBy(v, e.key, keyStep(z, v[1], e.shiftKey)), 'key');
  };

  const centreOfMap = (): LonLat | null => {
    if (!map) return null;
    const c = map.getCenter();
    return [Math.round(c.lng * 1e7) / 1e7, Math.round(c.lat * 1e7) / 1e7];
  };

  const applyTyped = () => {
    const r = parseCoordinates(text, system);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    place(r.lonLat, 'typed');
  };

  const ringsFc = useMemo(() => (shown && rings ? { type: 'FeatureCollection' as const, features: siteRings([shown[0], shown[1]], rings) } : null), [shown, rings]);
  const contextFc = useMemo(() => (context?.length ? { type: 'FeatureCollection' as const, features: context } : null), [context]);
  const both = shown ? formatBoth(shown, lang) : null;
  const step = shown ? keyStep(zoomNow, shown[1]) : null;

  return (
    <fieldset className="picker" aria-describedby={[ids.help, errorId].filter(Boolean).join(' ')}>
      <legend>{label}</legend>
      <p id={ids.help} className="muted small picker-help">
        {p.help}
      </p>
      <MapView className="picker-map" label={m.map.pickerLabel}>
        <PickerBinding
          uid={uid}
          label={label}
          shown={shown}
          ringsFc={ringsFc}
          contextFc={contextFc}
          start={value ?? center ?? GOTEBORG_VIEW.center}
          startZoom={startZoom}
          markerLabel={p.markerLabel(label)}
          mapLabel={p.mapLabel(label)}
          markerRef={markerRef}
          onMap={setMap}
          onZoom={setZoomNow}
          onClickMap={(pos) => latest.current.place(pos, 'click')}
          onDrag={setDragging}
          onDragEnd={(pos) => {
            setDragging(null);
            latest.current.place(pos, 'drag');
          }}
          onKey={onMarkerKey}
        />
      </MapView>
      <div className="picker-tools">
        <button
          type="button"
          className="button button-small"
          disabled={!map}
          onClick={() => {
            const c = centreOfMap();
            if (!c) return;
            place(c, 'centre');
            // The marker now sits at the centre; give it focus so the arrow keys move it on.
            requestAnimationFrame(() => markerRef.current?.focus());
          }}
        >
          {p.centre}
        </button>
        {step ? (
          <span id={ids.step} className="muted small">
            {p.step(step)}
          </span>
        ) : null}
      </div>
      <AddressField
        onChoose={(a) => {
          const pos: LonLat = [a.geometry.coordinates[0], a.geometry.coordinates[1]];
          place(pos, 'typed');
          map?.easeTo({ center: pos, zoom: Math.max(map.getZoom(), PLACED_ZOOM), duration: 400 });
        }}
      />
      <div className="picker-coords">
        <div className="field">
          <label htmlFor={ids.system}>{p.system}</label>
          <select id={ids.system} value={system} onChange={(e) => setSystem(e.target.value as CoordSystem | 'auto')}>
            {(['auto', 'wgs84', 'sweref99tm'] as const).map((s) => (
              <option key={s} value={s}>
                {p.systems[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field picker-coords-text">
          <label htmlFor={ids.coords}>{p.coordinates}</label>
          <input
            id={ids.coords}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={[ids.hint, error ? ids.error : null].filter(Boolean).join(' ')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Inside a form, Enter uses the coordinates instead of submitting the form.
              if (e.key === 'Enter') {
                e.preventDefault();
                applyTyped();
              }
            }}
          />
          <span id={ids.hint} className="muted small">
            {p.coordinatesHint}
          </span>
        </div>
        <button type="button" className="button" onClick={applyTyped}>
          {p.use}
        </button>
      </div>
      {error ? (
        <p id={ids.error} className="error-text picker-error" role="alert">
          {p.errors[error]}
        </p>
      ) : null}
      <dl className="picker-readout" data-lonlat={shown ? `${shown[0]},${shown[1]}` : ''}>
        <dt>{p.wgs84}</dt>
        <dd>{both ? both.wgs84 : p.notPlaced}</dd>
        <dt>{p.sweref}</dt>
        <dd>{both ? both.sweref : p.notPlaced}</dd>
        {shown && context?.length
          ? context.map((f, i) => (
              <dd key={f.id ?? i} className="picker-context">
                {p.contextDistance(f.properties.name, metresBetween(shown, f.geometry.coordinates as [number, number]))}
              </dd>
            ))
          : null}
      </dl>
      <PlaceWarning position={value} />
      <p className="picker-live small" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </fieldset>
  );
}

interface BindingProps {
  uid: string;
  label: string;
  shown: readonly [number, number] | null;
  ringsFc: GeoJSON.FeatureCollection | null;
  contextFc: GeoJSON.FeatureCollection | null;
  start: readonly [number, number];
  startZoom: number;
  markerLabel: string;
  mapLabel: string;
  markerRef: React.MutableRefObject<HTMLButtonElement | null>;
  onMap: (map: MlMap | null) => void;
  onZoom: (z: number) => void;
  onClickMap: (pos: LonLat) => void;
  onDrag: (pos: LonLat) => void;
  onDragEnd: (pos: LonLat) => void;
  onKey: (e: KeyboardEvent) => void;
}

/** The picker's MapLibre side: start view, click to place, the draggable marker, rings and context layers. */
function PickerBinding({ uid, shown, ringsFc, contextFc, start, startZoom, markerLabel, mapLabel, markerRef, onMap, onZoom, onClickMap, onDrag, onDragEnd, onKey }: BindingProps) {
  const { map } = useMap();
  const handlers = useRef({ onClickMap, onDrag, onDragEnd, onKey, onZoom });
  handlers.current = { onClickMap, onDrag, onDragEnd, onKey, onZoom };
  const marker = useRef<Marker | null>(null);
  const startRef = useRef({ start, startZoom });

  useEffect(() => {
    onMap(map);
    if (!map) return;
    map.jumpTo({ center: [startRef.current.start[0], startRef.current.start[1]], zoom: startRef.current.startZoom });
    handlers.current.onZoom(map.getZoom());
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', mapLabel);
    canvas.style.cursor = 'crosshair';
    const click = (e: MapMouseEvent) => {
      if ((e.originalEvent.target as Element | null)?.closest?.('.picker-marker')) return;
      handlers.current.onClickMap([Math.round(e.lngLat.lng * 1e7) / 1e7, Math.round(e.lngLat.lat * 1e7) / 1e7]);
    };
    const zoomEnd = () => handlers.current.onZoom(map.getZoom());
    map.on('click', click);
    map.on('zoomend', zoomEnd);
    return () => {
      map.off('click', click);
      map.off('zoomend', zoomEnd);
      marker.current?.remove();
      marker.current = null;
      markerRef.current = null;
      onMap(null);
    };
  }, [map, onMap, mapLabel, markerRef]);

  useEffect(() => {
    if (!map) return;
    if (!shown) {
      marker.current?.remove();
      marker.current = null;
      markerRef.current = null;
      return;
    }
    if (!marker.current) {
      const el = document.createElement('button');
      el.type = 'button';
      el.className = 'picker-marker';
      el.addEventListener('keydown', (e) => handlers.current.onKey(e));
      const mk = new Marker({ element: el, draggable: true, anchor: 'bottom' }).setLngLat([shown[0], shown[1]]).addTo(map);
      let frame = 0;
      mk.on('drag', () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          const q = mk.getLngLat();
          handlers.current.onDrag([q.lng, q.lat]);
        });
      });
      mk.on('dragend', () => {
        cancelAnimationFrame(frame);
        const q = mk.getLngLat();
        handlers.current.onDragEnd([Math.round(q.lng * 1e7) / 1e7, Math.round(q.lat * 1e7) / 1e7]);
      });
      marker.current = mk;
      markerRef.current = el;
    } else {
      const q = marker.current.getLngLat();
      if (q.lng !== shown[0] || q.lat !== shown[1]) marker.current.setLngLat([shown[0], shown[1]]);
    }
    marker.current.getElement().setAttribute('aria-label', markerLabel);
    // Keep the point in view when it is moved by keys or typed in.
    if (!map.getBounds().contains([shown[0], shown[1]])) map.easeTo({ center: [shown[0], shown[1]], duration: 300 });
  }, [map, shown, markerLabel, markerRef]);

  useGeoJsonLayers(`picker-rings-${uid}`, ringsFc, useMemo(() => zoneLayers(`picker-rings-${uid}`), [uid]));
  useGeoJsonLayers(`picker-context-${uid}`, contextFc, useMemo(() => unitLayers(`picker-context-${uid}`), [uid]));
  return null;
}
