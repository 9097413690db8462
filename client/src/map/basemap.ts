/**
 * The basemap: the style the server names (`GET /api/client-config`), fetched once,
 * or a plain local style when it cannot be reached within a few seconds (no network,
 * a firewall, the style host down). Either way the data layers show.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { clientConfig } from '../lib/clientConfig.js';
import { fallbackStyle } from './styles.js';

/** How long to wait for the basemap style before drawing the local one. */
export const BASEMAP_TIMEOUT_MS = 4000;

export interface Basemap {
  style: StyleSpecification;
  /** True when the local fallback is in use. */
  fallback: boolean;
}

async function fetchStyle(url: string, signal: AbortSignal): Promise<StyleSpecification> {
  const res = await fetch(url, { signal, credentials: 'omit', mode: 'cors' });
  if (!res.ok) throw new Error(`style answered ${res.status}`);
  const style = (await res.json()) as StyleSpecification;
  if (style?.version !== 8 || !Array.isArray(style.layers)) throw new Error('not a MapLibre style');
  return style;
}

/**
 * Fetches the configured style. Its `glyphs` URL is dropped: MapLibre then draws
 * every label locally, so our labels need no font server and look the same online
 * and offline.
 */
async function resolveBasemap(timeoutMs: number): Promise<Basemap> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const { basemap_style_url } = await clientConfig(controller.signal);
    const style = await fetchStyle(new URL(basemap_style_url, location.href).href, controller.signal);
    delete style.glyphs;
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
