import './site/site.css';
import type { LayerSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { SiteAnalysis as Analysis } from '../lib/apiTypes.js';
import { RINGS } from '../lib/codes.js';
import { formatDateTime } from '../lib/format.js';
import { routeHref } from '../lib/route.js';
import { siteRings, type Lonlat, type Radii } from '../lib/siteAnalysis.js';
import { useGeoJsonLayers } from '../map/hooks.js';
import { MapView, useMap } from '../map/MapView.js';
import { fitToPositions } from '../map/ops.js';
import { useMe } from '../session.js';
import { CompareTable, type SiteColumn } from './site/CompareTable.js';
import { savedApi } from './site/savedApi.js';
import { LABELS, type Label, type Site } from './site/useSites.js';

/** The colour of a site's marker and ring on the sheet (white letters on it: 8.6:1). */
const SITE_FILL = '#5b2a86';

const RING_LAYERS: LayerSpecification[] = [
  {
    id: 'site-sheet-rings-line', type: 'line', source: 'site-sheet-rings', metadata: { 'ps:slot': 30 },
    paint: { 'line-color': SITE_FILL, 'line-width': ['match', ['get', 'ring'], 'area', 2, 1], 'line-dasharray': ['match', ['get', 'ring'], 'area', ['literal', [1, 0]], ['literal', [2, 2]]] },
  },
  { id: 'site-sheet-rings-fill', type: 'fill', source: 'site-sheet-rings', metadata: { 'ps:slot': 29 }, paint: { 'fill-color': SITE_FILL, 'fill-opacity': 0.05 } },
];
const MARKER_LAYERS: LayerSpecification[] = [
  {
    id: 'site-sheet-marker', type: 'circle', source: 'site-sheet-markers', metadata: { 'ps:slot': 40 },
    paint: { 'circle-radius': 11, 'circle-color': SITE_FILL, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  },
  {
    id: 'site-sheet-letter', type: 'symbol', source: 'site-sheet-markers', metadata: { 'ps:slot': 45 },
    layout: { 'text-field': ['get', 'label'], 'text-font': ['Noto Sans Bold'], 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': true },
    paint: { 'text-color': '#ffffff' },
  },
];

/**
 * The printable A4 comparison of candidate sites: title (the saved analysis's name, if
 * one is open), who made it and when, a map of the lettered sites with their rings, the
 * comparison table and the radii it used. Each site is analysed afresh here, so the
 * answers follow the reader's need-to-know as in the view.
 */
export function SiteSheet({ sites: positions = [], saved }: { sites?: readonly (readonly [number, number])[]; saved?: number }) {
  const { m } = useI18n();
  const t = m.siteSaved;
  const me = useMe();
  const [printedAt] = useState(() => new Date());
  const key = positions.map((p) => p.join(',')).join(';');
  const radii = useAsync((signal) => api.zoneRadii(signal), []);
  // From the list of one's own: a colleague's shared link prints the sites without the owner's name for them.
  const savedState = useAsync((signal) => (saved ? savedApi.list(signal).then((list) => list.find((a) => a.id === saved) ?? null) : Promise.resolve(null)), [saved]);
  const analyses = useAsync((signal) => Promise.all(positions.slice(0, LABELS.length).map((p) => api.siteAnalysis(p[0], p[1], signal))), [key]);
  const savedAnalysis = savedState.data ?? undefined;

  const columns: SiteColumn[] | undefined = useMemo(() => {
    if (!analyses.data) return undefined;
    return analyses.data.map((server: Analysis, i) => {
      const pos: Lonlat = [positions[i]![0], positions[i]![1]];
      const label = LABELS[i]! as Label;
      // The address a site was added by, when the saved analysis holds this very point.
      const stored = savedAnalysis?.sites.find((s) => s.label === label && Math.abs(s.lon - pos[0]) < 1e-5 && Math.abs(s.lat - pos[1]) < 1e-5);
      const site: Site = { label, pos, name: stored?.name ?? undefined, server, status: 'server' };
      return { site, analysis: server, isPreview: false };
    });
  }, [analyses.data, savedAnalysis]);

  const title = savedAnalysis ? t.sheetTitleNamed(savedAnalysis.name) : t.sheetTitle;
  useEffect(() => {
    document.title = `${title} – ${m.app.name}`;
  }, [title, m]);

  const ready = Boolean(columns && radii.data && savedState.status !== 'loading');
  const failed = [radii, analyses].find((s) => s.status === 'error');
  const r = radii.data;

  return (
    <div className="sheet-page">
      <header className="sheet-toolbar no-print" aria-label={t.sheetToolbar}>
        <Link href={routeHref({ name: 'site', sites: positions, saved })}>
          <span aria-hidden="true">← </span>
          {t.sheetBack}
        </Link>
        <span className="toolbar-end">
          <LanguageSwitch />
          <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!ready}>
            {t.sheetPrint}
          </button>
        </span>
      </header>
      <main id="main" className="sheet site-sheet" data-ready={ready ? 'true' : 'false'}>
        <header className="sheet-header">
          <h1>{title}</h1>
          <p className="small">{t.sheetMade(me.name || me.email, formatDateTime(m.locale, printedAt))}</p>
        </header>
        {failed ? <ErrorMessage error={failed.error} onRetry={failed.retry} /> : null}
        {positions.length === 0 ? <p>{t.sheetNoSites}</p> : null}
        {positions.length && r ? (
          <section className="sheet-map-section" aria-labelledby="site-sheet-map-h">
            <h2 id="site-sheet-map-h">{t.sheetMap}</h2>
            <MapView interactive={false} preserveDrawingBuffer controls={false} className="sheet-map-wrap" label={t.sheetMapLabel}>
              <SheetSites positions={positions} radii={r} />
            </MapView>
            <p className="small">{t.sheetMapKey}</p>
          </section>
        ) : null}
        {columns && r ? (
          <section aria-labelledby="site-sheet-table-h">
            <h2 id="site-sheet-table-h">{m.site.compare}</h2>
            <CompareTable columns={columns} active={null} radii={r} printable />
            <p className="small">{t.sheetRadii(RINGS.map((ring) => m.ringWithRadius(m.ring[ring], r[ring])).join(', '))}</p>
          </section>
        ) : positions.length && !failed ? (
          <Skeleton lines={8} />
        ) : null}
        <p className="sheet-footer small">{t.sheetFooter}</p>
      </main>
    </div>
  );
}

/** Inside MapView: the sites' rings and lettered markers, fitted once to the outer rings. */
function SheetSites({ positions, radii }: { positions: readonly (readonly [number, number])[]; radii: Radii }) {
  const { map } = useMap();
  const rings = useMemo(
    () => ({ type: 'FeatureCollection' as const, features: positions.slice(0, LABELS.length).flatMap((p, i) => siteRings([p[0], p[1]], radii, { label: LABELS[i] })) }),
    [positions, radii],
  );
  const markers = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: positions.slice(0, LABELS.length).map((p, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [p[0], p[1]] }, properties: { label: LABELS[i] } })),
    }),
    [positions],
  );
  useGeoJsonLayers('site-sheet-rings', rings, RING_LAYERS);
  useGeoJsonLayers('site-sheet-markers', markers, MARKER_LAYERS);
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current) return;
    fitted.current = true;
    map.resize();
    const outer = rings.features.filter((f) => f.properties?.ring === 'area').flatMap((f) => f.geometry.coordinates[0] as [number, number][]);
    fitToPositions(map, outer, { padding: 18, maxZoom: 16, animate: false });
  }, [map, rings]);
  return null;
}
