import { Marker, type Map as MlMap, type MapMouseEvent } from 'maplibre-gl';
import { TableWrap } from '../components/TableWrap.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorMessage } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n, type Messages } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { Actor, ChildPlace, Collection, SiteAnalysis as Analysis } from '../lib/apiTypes.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, RINGS } from '../lib/codes.js';
import { bboxContains, growBbox, type Bbox } from '../lib/features.js';
import { routeHref } from '../lib/route.js';
import { previewSiteAnalysis, siteRings, total, type Lonlat, type Radii } from '../lib/siteAnalysis.js';
import { zoneLabelPoints } from '../lib/zones.js';
import { useGeoJsonLayers, useMapMoveEnd } from '../map/hooks.js';
import { useMap } from '../map/MapView.js';
import { viewBbox } from '../map/ops.js';
import { ACTOR_ICON, candidateRingLayers, CHILD_ICON, pointSymbolLayer, SLOT, unitLayers, zoneLabelLayer } from '../map/styles.js';
import { useUnits } from '../units.js';

const LABELS = ['A', 'B', 'C'] as const;
type Label = (typeof LABELS)[number];

interface Site {
  label: Label;
  pos: Lonlat;
  server?: Analysis;
  status: 'loading' | 'server' | 'error';
}

const RING_LAYERS = candidateRingLayers('site-rings');
const LABEL_LAYERS = [zoneLabelLayer('site-ring-labels')];
const UNIT_LAYERS = unitLayers('site-units');
const ACTOR_LAYERS = [pointSymbolLayer('site-actors', ACTOR_ICON, SLOT.actors)];
const CHILD_LAYERS = [pointSymbolLayer('site-children', CHILD_ICON, SLOT.children)];

/**
 * Site analysis for planners: up to three candidate sites, placed by clicking the
 * map (or at the map centre from the keyboard) and moved by dragging. Rings and
 * counts show at once from the features in the browser; the server's answer
 * replaces them. Leaving the view clears everything.
 */
export function SiteAnalysis() {
  const { m } = useI18n();
  const { map } = useMap();
  const units = useUnits();
  const radiiState = useAsync((signal) => api.zoneRadii(signal), []);
  const radii: Radii | undefined = radiiState.data;
  const [sites, setSites] = useState<Site[]>([]);
  const [active, setActive] = useState<Label | null>(null);
  const [announce, setAnnounce] = useState('');
  const [fetchBox, setFetchBox] = useState<Bbox | null>(null);
  const requests = useRef(new Map<Label, AbortController>());

  useEffect(() => {
    document.title = `${m.site.title} – ${m.app.name}`;
  }, [m]);

  useMapMoveEnd(
    useCallback((mp: MlMap) => {
      const b = viewBbox(mp);
      setFetchBox((prev) => (prev && bboxContains(prev, b) ? prev : growBbox(b, 1)));
    }, []),
  );
  const fetchKey = fetchBox?.join(',');
  const actors = useAsync<Collection<Actor> | null>(
    (signal) => (fetchBox ? api.actors({ bbox: fetchBox, limit: 10000, signal }) : Promise.resolve(null)),
    [fetchKey],
  );
  const children = useAsync<Collection<ChildPlace> | null>(
    (signal) => (fetchBox ? api.childPlaces({ bbox: fetchBox, limit: 10000, signal }) : Promise.resolve(null)),
    [fetchKey],
  );

  const analyse = useCallback((label: Label, pos: Lonlat) => {
    requests.current.get(label)?.abort();
    const controller = new AbortController();
    requests.current.set(label, controller);
    setSites((list) => list.map((s) => (s.label === label ? { ...s, pos, server: undefined, status: 'loading' } : s)));
    api.siteAnalysis(pos[0], pos[1], controller.signal).then(
      (server) => {
        if (!controller.signal.aborted) setSites((list) => list.map((s) => (s.label === label ? { ...s, server, status: 'server' } : s)));
      },
      () => {
        if (!controller.signal.aborted) setSites((list) => list.map((s) => (s.label === label ? { ...s, status: 'error' } : s)));
      },
    );
  }, []);

  const place = useCallback(
    (pos: Lonlat) => {
      const free = LABELS.find((l) => !sites.some((s) => s.label === l));
      if (!free) {
        setAnnounce(m.site.full);
        return;
      }
      setSites((list) => [...list, { label: free, pos, status: 'loading' as const }].sort((a, b) => a.label.localeCompare(b.label)));
      setActive(free);
      setAnnounce(m.site.placed(free));
      analyse(free, pos);
      // At city scale the rings are specks: come closer to the first site.
      if (map && map.getZoom() < 12.5) map.easeTo({ center: pos, zoom: 13.2, duration: 500 });
    },
    [sites, analyse, m, map],
  );

  const remove = (label: Label) => {
    requests.current.get(label)?.abort();
    setSites((list) => list.filter((s) => s.label !== label));
    setActive((a) => (a === label ? null : a));
  };
  const clear = () => {
    for (const c of requests.current.values()) c.abort();
    setSites([]);
    setActive(null);
  };
  useEffect(() => () => requests.current.forEach((c) => c.abort()), []);

  // Clicks on the map place a site (markers stop their own clicks).
  useEffect(() => {
    if (!map) return;
    const onClick = (e: MapMouseEvent) => {
      // A click on (or the end of a drag of) a marker reaches the map too; it is not a new site.
      if ((e.originalEvent.target as Element | null)?.closest?.('.site-marker')) return;
      place([e.lngLat.lng, e.lngLat.lat]);
    };
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [map, place]);

  useSiteMarkers(map, sites, active, m, setActive, analyse, (label, pos) =>
    setSites((list) => list.map((s) => (s.label === label ? { ...s, pos, server: undefined } : s))),
  );

  const preview = useCallback(
    (pos: Lonlat) => (radii ? previewSiteAnalysis(pos, radii, actors.data?.features ?? [], children.data?.features ?? [], units.data ?? []) : undefined),
    [radii, actors.data, children.data, units.data],
  );

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
  const unitFc = useMemo(() => ({ type: 'FeatureCollection' as const, features: units.data ?? [] }), [units.data]);
  useGeoJsonLayers('site-units', unitFc, UNIT_LAYERS);
  // What the counts count, so the planner sees where it lies.
  useGeoJsonLayers('site-actors', actors.data, ACTOR_LAYERS);
  useGeoJsonLayers('site-children', children.data, CHILD_LAYERS);
  useGeoJsonLayers('site-rings', ringsFc, RING_LAYERS);
  useGeoJsonLayers('site-ring-labels', labelsFc, LABEL_LAYERS);

  const columns = sites.map((s) => ({ site: s, analysis: s.server ?? preview(s.pos), isPreview: !s.server }));

  return (
    <div className="view site-view">
      <h1 tabIndex={-1}>{m.site.title}</h1>
      <p>{m.site.intro}</p>
      <p className="muted small">{m.site.keyboardIntro}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!map || sites.length >= LABELS.length} onClick={() => map && place([map.getCenter().lng, map.getCenter().lat])}>
          {m.site.placeAtCentre}
        </button>
        {sites.length ? (
          <button type="button" className="button" onClick={clear}>
            {m.site.clear}
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {sites.length >= LABELS.length ? <p className="muted small">{m.site.full}</p> : null}
      {radiiState.status === 'error' ? <ErrorMessage error={radiiState.error} onRetry={radiiState.retry} /> : null}
      {actors.status === 'error' ? <ErrorMessage error={actors.error} onRetry={actors.retry} /> : null}

      <h2>{m.site.compare}</h2>
      {sites.length === 0 ? (
        <p className="muted">{m.site.empty}</p>
      ) : (
        <TableWrap label={m.site.compareCaption}>
          <table className="data-table compare-table">
            <caption className="visually-hidden">{m.site.compareCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.site.measure}</th>
                {columns.map(({ site }) => (
                  <th scope="col" key={site.label} className={site.label === active ? 'active-site' : undefined}>
                    <span className="site-head">
                      <button type="button" className="link-button" aria-pressed={site.label === active} onClick={() => setActive(site.label)}>
                        {m.site.site(site.label)}
                      </button>
                      <button type="button" className="button button-small" aria-label={m.site.remove(site.label)} onClick={() => remove(site.label)}>
                        ×
                      </button>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{m.site.coordinates}</th>
                {columns.map(({ site, isPreview }) => (
                  <td key={site.label}>
                    {site.pos[1].toFixed(5)}, {site.pos[0].toFixed(5)}
                    <span className={`cell-sub source-${isPreview ? 'preview' : 'server'}`} data-testid={`site-${site.label}-source`}>
                      {site.status === 'loading' ? m.site.analysing : isPreview ? m.site.preview : m.site.server}
                    </span>
                  </td>
                ))}
              </tr>
              {RINGS.map((ring) => (
                <tr key={`a-${ring}`}>
                  <th scope="row">{m.site.actorsInRing(m.ringWithRadius(m.ring[ring], radii?.[ring] ?? 0))}</th>
                  {columns.map(({ site, analysis }) => (
                    <CountCell key={site.label} m={m} counts={analysis?.rings.find((r) => r.ring === ring)?.actors} kind="actors" />
                  ))}
                </tr>
              ))}
              {RINGS.map((ring) => (
                <tr key={`c-${ring}`}>
                  <th scope="row">{m.site.childPlacesInRing(m.ringWithRadius(m.ring[ring], radii?.[ring] ?? 0))}</th>
                  {columns.map(({ site, analysis }) => (
                    <CountCell key={site.label} m={m} counts={analysis?.rings.find((r) => r.ring === ring)?.child_places} kind="children" />
                  ))}
                </tr>
              ))}
              {(['school', 'preschool', 'playground'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">{m.site.nearest(m.childPlaceKindDefinite[k])}</th>
                  {columns.map(({ site, analysis }) => {
                    const n = analysis?.nearest[k];
                    return (
                      <td key={site.label}>
                        {n ? (
                          <>
                            {n.name}
                            <span className="cell-sub">{m.distance(n.distance_m)}</span>
                          </>
                        ) : (
                          m.site.none
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">{m.site.overlapping}</th>
                {columns.map(({ site, analysis }) => (
                  <td key={site.label}>
                    {analysis?.overlapping_units.length ? (
                      <ul className="plain-list">
                        {analysis.overlapping_units.map((u) => (
                          <li key={u.id}>
                            <Link href={routeHref({ name: 'unit', id: u.id, tab: 'contacts' })}>{u.name}</Link>
                            <span className="cell-sub">{m.distance(u.distance_m)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      m.site.noOverlap
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

function radiiOf(a: Analysis, fallback: Radii): Radii {
  const r = { ...fallback };
  for (const ring of a.rings) r[ring.ring] = ring.radius_m;
  return r;
}

function CountCell({ m, counts, kind }: { m: Messages; counts: Record<string, number> | undefined; kind: 'actors' | 'children' }) {
  if (!counts) return <td>–</td>;
  const parts =
    kind === 'actors'
      ? ACTOR_CATEGORIES.filter((c) => counts[c]).map((c) => `${m.actorCategory[c]} ${m.number(counts[c]!)}`)
      : CHILD_PLACE_KINDS.filter((k) => counts[k]).map((k) => `${m.childPlaceKindPlural[k]} ${m.number(counts[k]!)}`);
  return (
    <td>
      <strong>{m.number(total(counts))}</strong>
      {parts.length ? <span className="cell-sub wrap">{parts.join(', ')}</span> : null}
    </td>
  );
}

/**
 * One draggable marker per site, kept in step with the list: created, moved and
 * removed as sites change; dragging previews live and asks the server on release.
 */
function useSiteMarkers(
  map: MlMap | null,
  sites: Site[],
  active: Label | null,
  m: Messages,
  onActivate: (l: Label) => void,
  onDragEnd: (l: Label, pos: Lonlat) => void,
  onDrag: (l: Label, pos: Lonlat) => void,
) {
  const markers = useRef(new Map<Label, Marker>());
  const handlers = useRef({ onActivate, onDragEnd, onDrag });
  handlers.current = { onActivate, onDragEnd, onDrag };

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
        const el = document.createElement('div');
        el.className = 'site-marker';
        el.textContent = s.label;
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          handlers.current.onActivate(s.label);
        });
        marker = new Marker({ element: el, draggable: true, anchor: 'center' }).setLngLat(s.pos).addTo(map);
        let frame = 0;
        marker.on('drag', () => {
          cancelAnimationFrame(frame);
          frame = requestAnimationFrame(() => {
            const p = marker!.getLngLat();
            handlers.current.onDrag(s.label, [p.lng, p.lat]);
          });
        });
        marker.on('dragend', () => {
          cancelAnimationFrame(frame);
          const p = marker!.getLngLat();
          handlers.current.onActivate(s.label);
          handlers.current.onDragEnd(s.label, [p.lng, p.lat]);
        });
        current.set(s.label, marker);
      } else {
        const p = marker.getLngLat();
        if (p.lng !== s.pos[0] || p.lat !== s.pos[1]) marker.setLngLat(s.pos);
      }
      const el = marker.getElement();
      el.setAttribute('aria-label', m.site.markerLabel(s.label));
      el.classList.toggle('active', s.label === active);
    }
  }, [map, sites, active, m]);

  useEffect(
    () => () => {
      for (const marker of markers.current.values()) marker.remove();
      markers.current.clear();
    },
    [map],
  );
}
