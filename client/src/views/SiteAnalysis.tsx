import { useEffect, useState } from 'react';
import { Link, useRouter } from '../hooks/useRoute.js';
import { ErrorMessage } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { Actor, ChildPlace, Collection } from '../lib/apiTypes.js';
import { previewSiteAnalysis, type Lonlat, type Radii } from '../lib/siteAnalysis.js';
import { useMap } from '../map/MapView.js';
import { useFetchBox } from '../map/useFetchBox.js';
import { useSiteMap } from '../map/useSiteMap.js';
import { routeHref } from '../lib/route.js';
import { useUnits } from '../units.js';
import { AddressField } from '../placement/AddressField.js';
import { CompareTable } from './site/CompareTable.js';
import { SavedAnalyses } from './site/SavedAnalyses.js';
import { savedApi } from './site/savedApi.js';
import { SiteWarnings } from './site/SiteWarnings.js';
import { LABELS, useSites } from './site/useSites.js';

/** Refetch only when the view leaves the area fetched last. */
const FETCH_RULE = { margin: 1 };

/**
 * Site analysis for planners: up to three candidate sites, placed by clicking the
 * map (or at the map centre from the keyboard) and moved by dragging. Rings and
 * counts show at once from the features in the browser; the server's answer
 * replaces them. A site can also be added by address (and is then named by it). A
 * site in water or off the imported land is warned about, and analysed all the same.
 * The sites are kept in the address (a link to share, a reload that keeps them), with
 * the saved analysis open (`saved`); leaving the view clears them. Analyses are saved per
 * user with a name, and the comparison prints as an A4 sheet (SiteSheet).
 */
export function SiteAnalysis({ initialSites, saved }: { initialSites?: readonly (readonly [number, number])[]; saved?: number }) {
  const { m } = useI18n();
  const { map } = useMap();
  const units = useUnits();
  const radiiState = useAsync((signal) => api.zoneRadii(signal), []);
  const radii: Radii | undefined = radiiState.data;
  const { sites, active, setActive, add, remove, clear, replace, nameAt, analyse, drag } = useSites(initialSites);
  const [current, setCurrent] = useState<number | undefined>(saved);
  const { navigate } = useRouter();
  const placed = routeHref({ name: 'site', sites: sites.map((s) => s.pos), saved: current });
  useEffect(() => {
    // Written when the sites rest (not on every step of a drag).
    const timer = window.setTimeout(() => {
      if (`${location.pathname}${location.search}` !== placed) navigate(placed, { replace: true });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [placed, navigate]);
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    // A reloaded or shared link to a saved analysis of one's own: its sites keep the addresses they were added by.
    if (!saved) return;
    const controller = new AbortController();
    // From the list (one's own only), so a colleague's link asks for nothing it would be refused.
    savedApi.list(controller.signal).then(
      (list) => nameAt((list.find((a) => a.id === saved)?.sites ?? []).flatMap((s) => (s.name ? [{ label: s.label, pos: [s.lon, s.lat] as Lonlat, name: s.name }] : []))),
      () => {},
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    document.title = `${m.site.title} – ${m.app.name}`;
  }, [m]);

  const { fetchBox } = useFetchBox(FETCH_RULE);
  const fetchKey = fetchBox?.join(',');
  const actors = useAsync<Collection<Actor> | null>((signal) => (fetchBox ? api.actors({ bbox: fetchBox, limit: 10000, signal }) : Promise.resolve(null)), [fetchKey]);
  const children = useAsync<Collection<ChildPlace> | null>((signal) => (fetchBox ? api.childPlaces({ bbox: fetchBox, limit: 10000, signal }) : Promise.resolve(null)), [fetchKey]);

  const place = (pos: Lonlat, name?: string) => {
    const label = add(pos, name);
    setAnnounce(label ? m.site.placed(label) : m.site.full);
    // At city scale the rings are specks: come closer to the first site.
    if (label && map && map.getZoom() < 12.5) map.easeTo({ center: pos, zoom: 13.2, duration: 500 });
  };
  useSiteMap({
    sites,
    active,
    radii,
    units: units.data,
    actors: actors.data,
    children: children.data,
    onPlace: place,
    onActivate: setActive,
    onDrag: drag,
    onDragEnd: analyse,
  });

  const preview = (pos: Lonlat) => (radii ? previewSiteAnalysis(pos, radii, actors.data?.features ?? [], children.data?.features ?? [], units.data ?? []) : undefined);
  const columns = sites.map((s) => ({ site: s, analysis: s.server ?? preview(s.pos), isPreview: !s.server }));

  return (
    <div className="view site-view">
      <h1 tabIndex={-1}>{m.site.title}</h1>
      <p>{m.site.intro}</p>
      <p className="muted small">{m.site.keyboardIntro}</p>
      {sites.length ? <p className="muted small">{m.site.share}</p> : null}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!map || sites.length >= LABELS.length} onClick={() => map && place([map.getCenter().lng, map.getCenter().lat])}>
          {m.site.placeAtCentre}
        </button>
        {sites.length ? (
          <button type="button" className="button" onClick={() => { clear(); setCurrent(undefined); }}>
            {m.site.clear}
          </button>
        ) : null}
        {sites.length ? (
          <Link className="button" href={routeHref({ name: 'siteSheet', sites: sites.map((s) => s.pos), saved: current })}>
            {m.siteSaved.printCompare}
          </Link>
        ) : null}
      </div>
      {sites.length < LABELS.length ? (
        <AddressField
          label={m.baseData.siteByAddress}
          onChoose={(a) => {
            place([a.geometry.coordinates[0], a.geometry.coordinates[1]], a.properties.label);
            map?.easeTo({ center: a.geometry.coordinates, zoom: Math.max(map.getZoom(), 13.2), duration: 500 });
          }}
        />
      ) : null}
      <SiteWarnings sites={sites} />
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {sites.length >= LABELS.length ? <p className="muted small">{m.site.full}</p> : null}
      {radiiState.status === 'error' ? <ErrorMessage error={radiiState.error} onRetry={radiiState.retry} /> : null}
      {actors.status === 'error' ? <ErrorMessage error={actors.error} onRetry={actors.retry} /> : null}

      <SavedAnalyses
        sites={sites}
        current={current}
        onCurrent={setCurrent}
        announce={setAnnounce}
        onOpen={(a) => {
          setCurrent(a.id);
          replace(a.sites.map((s) => ({ label: s.label, pos: [s.lon, s.lat], name: s.name ?? undefined })));
          if (map && a.sites.length) map.easeTo({ center: [a.sites[0]!.lon, a.sites[0]!.lat], zoom: Math.max(map.getZoom(), 13.2), duration: 500 });
        }}
      />
      <h2>{m.site.compare}</h2>
      {sites.length === 0 ? <p className="muted">{m.site.empty}</p> : <CompareTable columns={columns} active={active} radii={radii} onActivate={setActive} onRemove={remove} />}
    </div>
  );
}
