/**
 * The basemap: the style the server names (`GET /api/client-config`), fetched once,
 * or a plain local style when it cannot be reached within a few seconds (no network,
 * a firewall, the style host down). Either way the data layers show. By default the
 * server names its own style (`/api/basemap/style.json`): tiles, glyphs and all from
 * this origin, so no map view asks another host.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { clientConfig } from '../lib/clientConfig.js';
import { fallbackStyle } from './styles.js';

/** How long to wait for another host's basemap style before drawing the local one. */
export const BASEMAP_TIMEOUT_MS = 4000;
/**
 * How long to wait for the client settings and our own style: the server that served this
 * page is there, only perhaps busy, and the local style would lose the streets for nothing.
 */
export const OWN_STYLE_TIMEOUT_MS = 15_000;

export interface Basemap {
  style: StyleSpecification;
  /** True when the local fallback is in use. */
  fallback: boolean;
}

/** Our own style needs the session (it is behind sign-in); another host's gets no credentials. */
async function fetchStyle(url: URL, signal: AbortSignal): Promise<StyleSpecification> {
  const own = url.origin === location.origin;
  const res = await fetch(url, { signal, credentials: own ? 'same-origin' : 'omit', mode: own ? 'same-origin' : 'cors' });
  if (!res.ok) throw new Error(`style answered ${res.status}`);
  const style = (await res.json()) as StyleSpecification;
  if (style?.version !== 8 || !Array.isArray(style.layers)) throw new Error('not a MapLibre style');
  return style;
}

/**
 * Fetches the configured style. Our own style keeps its glyphs (served here). Another
 * host's style loses its `glyphs` URL: MapLibre then draws every label locally, so our
 * labels need no font server of theirs.
 */
async function resolveBasemap(timeoutMs: number): Promise<Basemap> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), OWN_STYLE_TIMEOUT_MS);
  try {
    const { basemap_style_url } = await clientConfig(controller.signal);
    const url = new URL(basemap_style_url, location.href);
    if (url.origin !== location.origin) {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), timeoutMs);
    }
    const style = await fetchStyle(url, controller.signal);
    if (url.origin !== location.origin) delete style.glyphs;
    return { style, fallback: false };
  } catch {
    return { style: fallbackStyle(), fallback: true };
  } finally {
    clearTimeout(timer);
  }
}

let pending: Promise<Basemap> | null = null;

/** The basemap, resolved once per page load and shared by every map. */
export function basemap(timeoutMs = BASEMAP_TIMEOUT_MS): Promise<Basemap> {
  pending ??= resolveBasemap(timeoutMs);
  return pending;
}

/** The source of the product's own basemap in its style (api/services/basemap/style.ts). */
const OWN_SOURCE = 'protomaps';

/**
 * Says on the map's container what the own basemap drew once the map is idle: how many
 * water areas and street lines are rendered (`data-basemap-water`, `data-basemap-roads`)
 * and the place and street names whose labels were placed (`data-basemap-labels`, up to
 * 40, `|`-separated). Tests and tooling read these; the map does not.
 */
export function reportBasemap(map: import('maplibre-gl').Map): void {
  map.on('idle', () => {
    const layers = map.getStyle()?.layers ?? [];
    if (!map.getSource(OWN_SOURCE)) return;
    const ids = (pred: (l: (typeof layers)[number]) => boolean) => layers.filter((l) => 'source' in l && l.source === OWN_SOURCE && pred(l)).map((l) => l.id);
    const count = (layerIds: string[]) => (layerIds.length ? map.queryRenderedFeatures({ layers: layerIds }).length : 0);
    const el = map.getContainer();
    el.setAttribute('data-basemap-water', String(count(ids((l) => l.id === 'water'))));
    el.setAttribute('data-basemap-roads', String(count(ids((l) => l.type === 'line' && l.id.startsWith('roads_')))));
    const labels = ids((l) => l.type === 'symbol');
    const names = new Set<string>();
    for (const f of labels.length ? map.queryRenderedFeatures({ layers: labels }) : []) {
      const name = f.properties?.['name:sv'] ?? f.properties?.name;
      if (typeof name === 'string') names.add(name);
      if (names.size >= 40) break;
    }
    el.setAttribute('data-basemap-labels', [...names].join('|'));
  });
}
