import { length, lineString } from '@turf/turf';
import type { GeoJSONSource, IControl, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { mapToolsSv } from './messages.js';
import { ensureGeoJsonLayers, removeLayersAndSource } from './ops.js';
import { PALETTE, SLOT } from './styles.js';

const SOURCE = 'ps-measure';
const LAYERS = [
  {
    id: 'ps-measure-line',
    type: 'line' as const,
    source: SOURCE,
    metadata: { 'ps:slot': SLOT.selection },
    filter: ['==', ['geometry-type'], 'LineString'] as ['==', ['geometry-type'], string],
    layout: { 'line-cap': 'round' as const, 'line-join': 'round' as const },
    paint: { 'line-color': PALETTE.selection, 'line-width': 3, 'line-dasharray': [2, 1.5] },
  },
  {
    id: 'ps-measure-points',
    type: 'circle' as const,
    source: SOURCE,
    metadata: { 'ps:slot': SLOT.selection },
    filter: ['==', ['geometry-type'], 'Point'] as ['==', ['geometry-type'], string],
    paint: { 'circle-radius': 5, 'circle-color': PALETTE.selectionFill, 'circle-stroke-color': PALETTE.selection, 'circle-stroke-width': 2.5 },
  },
];

/** The length in metres of the line through `points` ([lon, lat]), by turf (geodesic on the WGS 84 sphere turf uses). */
export function measuredMetres(points: readonly [number, number][]): number {
  return points.length < 2 ? 0 : length(lineString(points.map((p) => [...p])), { units: 'kilometers' }) * 1000;
}

/**
 * A measured distance in the page's language: whole metres below 1 km (`850 m`), then
 * kilometres with two decimals below 10 km (`1,25 km` in Swedish, `1.25 km` in English)
 * and one above.
 */
export function formatMeasured(locale: string, metres: number): string {
  if (metres < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(metres);
  const digits = metres < 10_000 ? 2 : 1;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(metres / 1000);
}

/**
 * Measures a distance: the button starts it; each click on the map (or Enter on the
 * focused map, at the cross in its middle) adds a point and the running total shows
 * beside the button, read out by screen readers; Escape or the button ends it. While
 * measuring, the map container carries `data-measuring` so clicks open nothing else.
 */
export class MeasureControl implements IControl {
  private map: MlMap | null = null;
  private readonly box = document.createElement('div');
  private readonly button = document.createElement('button');
  private readonly output = document.createElement('p');
  private readonly cross = document.createElement('div');
  private points: [number, number][] = [];
  private active = false;

  constructor(
    private readonly texts: typeof mapToolsSv,
    private readonly format: (metres: number) => string,
  ) {}

  onAdd(map: MlMap): HTMLElement {
    this.map = map;
    this.box.className = 'maplibregl-ctrl maplibregl-ctrl-group ps-measure';
    this.button.type = 'button';
    this.button.className = 'ps-measure-button';
    this.button.setAttribute('aria-pressed', 'false');
    this.button.setAttribute('aria-label', this.texts.measure);
    this.button.title = this.texts.measure;
    this.button.append(rulerIcon());
    this.button.addEventListener('click', () => (this.active ? this.stop() : this.start()));
    this.output.className = 'ps-measure-output';
    this.output.setAttribute('role', 'status');
    this.output.setAttribute('aria-live', 'polite');
    this.cross.className = 'ps-measure-cross';
    this.cross.setAttribute('aria-hidden', 'true');
    this.cross.hidden = true;
    map.getContainer().appendChild(this.cross);
    this.box.append(this.button, this.output);
    return this.box;
  }

  onRemove(): void {
    this.stop(true);
    this.cross.remove();
    this.box.remove();
    this.map = null;
  }

  private readonly onClick = (e: MapMouseEvent) => this.add([e.lngLat.lng, e.lngLat.lat]);

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.stop();
      this.button.focus();
    } else if (e.key === 'Enter' && e.target === this.map?.getCanvas()) {
      e.preventDefault();
      const c = this.map.getCenter();
      this.add([c.lng, c.lat]);
    }
  };

  start(): void {
    const map = this.map;
    if (!map || this.active) return;
    this.active = true;
    this.points = [];
    ensureGeoJsonLayers(map, SOURCE, this.collection(), LAYERS);
    map.on('click', this.onClick);
    map.getContainer().addEventListener('keydown', this.onKey);
    map.getContainer().setAttribute('data-measuring', 'true');
    map.getCanvas().style.cursor = 'crosshair';
    this.cross.hidden = false;
    this.button.setAttribute('aria-pressed', 'true');
    this.button.setAttribute('aria-label', this.texts.measureStop);
    this.button.title = this.texts.measureStop;
    this.box.classList.add('is-active');
    this.show(this.texts.measureStart);
  }

  stop(silent = false): void {
    const map = this.map;
    if (!map || !this.active) return;
    this.active = false;
    map.off('click', this.onClick);
    map.getContainer().removeEventListener('keydown', this.onKey);
    map.getContainer().removeAttribute('data-measuring');
    map.getCanvas().style.cursor = '';
    this.cross.hidden = true;
    removeLayersAndSource(map, SOURCE, LAYERS.map((l) => l.id));
    this.button.setAttribute('aria-pressed', 'false');
    this.button.setAttribute('aria-label', this.texts.measure);
    this.button.title = this.texts.measure;
    this.box.classList.remove('is-active');
    const total = this.format(measuredMetres(this.points));
    this.show(silent || this.points.length < 2 ? '' : this.texts.measureEnded(total));
    this.points = [];
  }

  private add(p: [number, number]): void {
    if (!this.map) return;
    this.points.push(p);
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(this.collection());
    const metres = measuredMetres(this.points);
    this.output.dataset.metres = String(metres);
    this.show(this.texts.measureTotal(this.format(metres), this.points.length));
  }

  private show(text: string): void {
    // Kept in the page while empty (collapsed by CSS), so screen readers announce each new total.
    this.output.textContent = text;
  }

  private collection(): GeoJSON.FeatureCollection {
    const features: GeoJSON.Feature[] = this.points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
    if (this.points.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: this.points } });
    return { type: 'FeatureCollection', features };
  }
}

/** A ruler, drawn like MapLibre's own control icons. */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The ruler drawn on the button, built as elements (no markup parsed). */
function rulerIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: '22', height: '22', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const g = document.createElementNS(SVG_NS, 'g');
  for (const [k, v] of Object.entries({ fill: 'none', stroke: '#1f2328', 'stroke-width': '1.8', 'stroke-linejoin': 'round' })) g.setAttribute(k, v);
  for (const d of ['M3 15.5 15.5 3l5.5 5.5L8.5 21z', 'M7 11.5l2 2M9.5 9l1.5 1.5M12 6.5l2 2M14.5 4l1 1M4.5 14l1.5 1.5']) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    g.append(path);
  }
  svg.append(g);
  return svg;
}
