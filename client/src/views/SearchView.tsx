import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { SymbolImg } from '../components/SymbolImg.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link, useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { Actor, ChildPlace } from '../lib/apiTypes.js';
import { matchesQuery, sortByName } from '../lib/features.js';
import { routeHref } from '../lib/route.js';
import { actorPopup, childPlacePopup } from '../map/featurePopups.js';
import { useGeoJsonLayers, useLayerClick } from '../map/hooks.js';
import { actorSymbol, childSymbol, UNIT_SYMBOL } from '../map/icons.js';
import { useMap } from '../map/MapView.js';
import { closePopup, fitToPositions, flyToPoint, setLayerFilter, showPopup } from '../map/ops.js';
import { ACTOR_ICON, CHILD_ICON, pointSymbolLayer, selectionFilter, selectionLayer, SLOT, unitLayers } from '../map/styles.js';
import { useUnits } from '../units.js';

const RESULT_LIMIT = 50;
const UNIT_LAYERS = unitLayers('found-units');
const ACTOR_LAYERS = [pointSymbolLayer('found-actors', ACTOR_ICON, SLOT.results), selectionLayer('found-actors', null, 16)];
const CHILD_LAYERS = [pointSymbolLayer('found-children', CHILD_ICON, SLOT.results), selectionLayer('found-children', null, 16)];

/**
 * Search by name or address across units (in the browser), actors and children's
 * places (`q` on the API): results as lists, the same results on the map. Typing
 * updates the results and the address; Enter in the header's field lands here.
 */
export function SearchView({ q }: { q: string }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const { map } = useMap();
  const units = useUnits();
  const [text, setText] = useState(q);
  const [selected, setSelected] = useState<{ layer: 'found-actors' | 'found-children'; id: number } | null>(null);
  const query = q.trim();
  const enough = query.length >= 2;

  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = `${query ? m.search.resultsFor(query) : m.search.title} – ${m.app.name}`;
  }, [m, query]);

  // Typing searches after a pause; the address follows so the search can be shared.
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => navigate(routeHref({ name: 'search', q: text }), { replace: true }), 300);
    return () => clearTimeout(t);
  }, [text, q, navigate]);

  const actors = useAsync((signal) => (enough ? api.actors({ q: query, limit: RESULT_LIMIT, signal }) : Promise.resolve(null)), [query]);
  const children = useAsync((signal) => (enough ? api.childPlaces({ q: query, limit: RESULT_LIMIT, signal }) : Promise.resolve(null)), [query]);
  const foundUnits = useMemo(
    () => (enough ? (units.data ?? []).filter((u) => matchesQuery(query, u.properties.name, u.properties.address)) : []),
    [units.data, query, enough],
  );
  const foundActors = useMemo(() => sortByName(actors.data?.features ?? [], m.locale), [actors.data, m.locale]);
  const foundChildren = useMemo(() => sortByName(children.data?.features ?? [], m.locale), [children.data, m.locale]);

  useGeoJsonLayers('found-units', { type: 'FeatureCollection', features: foundUnits }, UNIT_LAYERS);
  useGeoJsonLayers('found-actors', { type: 'FeatureCollection', features: foundActors }, ACTOR_LAYERS);
  useGeoJsonLayers('found-children', { type: 'FeatureCollection', features: foundChildren }, CHILD_LAYERS);

  useEffect(() => {
    if (!map) return;
    setLayerFilter(map, 'found-actors-selected', selectionFilter(selected?.layer === 'found-actors' ? selected.id : null));
    setLayerFilter(map, 'found-children-selected', selectionFilter(selected?.layer === 'found-children' ? selected.id : null));
  }, [map, selected, foundActors, foundChildren]);

  const loaded = actors.status !== 'loading' && children.status !== 'loading';
  const positions = useMemo(
    () => [...foundUnits, ...foundActors, ...foundChildren].map((f) => f.geometry.coordinates as [number, number]),
    [foundUnits, foundActors, foundChildren],
  );
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !loaded || fittedFor.current === query || positions.length === 0) return;
    fittedFor.current = query;
    fitToPositions(map, positions, { padding: 50, maxZoom: 15 });
  }, [map, loaded, positions, query]);
  useEffect(() => () => closePopup(), []);

  const openActor = useCallback(
    (a: Actor, fly: boolean) => {
      setSelected({ layer: 'found-actors', id: a.id });
      if (!map) return;
      if (fly) flyToPoint(map, a.geometry.coordinates as [number, number], 15);
      showPopup(map, a.geometry.coordinates as [number, number], actorPopup(m, a.properties));
    },
    [map, m],
  );
  const openChild = useCallback(
    (c: ChildPlace, fly: boolean) => {
      setSelected({ layer: 'found-children', id: c.id });
      if (!map) return;
      if (fly) flyToPoint(map, c.geometry.coordinates as [number, number], 15);
      showPopup(map, c.geometry.coordinates as [number, number], childPlacePopup(m, c.properties));
    },
    [map, m],
  );
  useLayerClick(['found-actors-symbol'], (e) => {
    const a = foundActors.find((x) => x.id === Number(e.features?.[0]?.id));
    if (a) openActor(a, false);
  });
  useLayerClick(['found-children-symbol'], (e) => {
    const c = foundChildren.find((x) => x.id === Number(e.features?.[0]?.id));
    if (c) openChild(c, false);
  });
  useLayerClick(['found-units-symbol'], (e) => {
    const id = Number(e.features?.[0]?.id);
    if (id) navigate(routeHref({ name: 'unit', id, tab: 'contacts' }));
  });

  const count = foundUnits.length + foundActors.length + foundChildren.length;
  const error = actors.status === 'error' ? actors : children.status === 'error' ? children : null;

  return (
    <div className="view search-view">
      <h1 tabIndex={-1}>{query ? m.search.resultsFor(query) : m.search.title}</h1>
      <form role="search" className="searchbox searchbox-panel" onSubmit={(e) => (e.preventDefault(), navigate(routeHref({ name: 'search', q: text }), { replace: true }))}>
        <label htmlFor="search-panel-input" className="visually-hidden">
          {m.search.label}
        </label>
        <input id="search-panel-input" type="search" value={text} placeholder={m.search.placeholder} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button">
          {m.search.submit}
        </button>
      </form>
      <p className="count" aria-live="polite" aria-atomic="true">
        {!enough ? m.search.tooShort : loaded ? (count ? m.search.count(count) : m.search.none) : ''}
      </p>
      {enough && !loaded ? <Skeleton lines={5} /> : null}
      {error ? <ErrorMessage error={error.error} onRetry={error.retry} /> : null}
      {enough && foundUnits.length ? (
        <section aria-labelledby="found-units-h">
          <h2 id="found-units-h">
            {m.search.units} <span className="muted">({m.number(foundUnits.length)})</span>
          </h2>
          <ul className="plain-list result-list">
            {foundUnits.map((u) => (
              <li key={u.id}>
                <Link className="feature-item" href={routeHref({ name: 'unit', id: u.id, tab: 'contacts' })}>
                  <SymbolImg spec={UNIT_SYMBOL} />
                  <span className="feature-name">{u.properties.name}</span>
                  <span className="feature-meta">{u.properties.address ?? m.unitKind[u.properties.kind]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {foundActors.length ? (
        <section aria-labelledby="found-actors-h">
          <h2 id="found-actors-h">
            {m.search.actors} <span className="muted">({m.number(foundActors.length)})</span>
          </h2>
          <ul className="plain-list result-list">
            {foundActors.map((a) => (
              <li key={a.id}>
                <button type="button" className="feature-item" aria-pressed={selected?.layer === 'found-actors' && selected.id === a.id} onClick={() => openActor(a, true)}>
                  <SymbolImg spec={actorSymbol(m.actorSymbol[a.properties.category])} />
                  <span className="feature-name">{a.properties.name}</span>
                  <span className="feature-meta">
                    {m.actorCategory[a.properties.category]}
                    {a.properties.address ? ` · ${a.properties.address}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {foundChildren.length ? (
        <section aria-labelledby="found-children-h">
          <h2 id="found-children-h">
            {m.search.childPlaces} <span className="muted">({m.number(foundChildren.length)})</span>
          </h2>
          <ul className="plain-list result-list">
            {foundChildren.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="feature-item"
                  aria-pressed={selected?.layer === 'found-children' && selected.id === c.id}
                  onClick={() => openChild(c, true)}
                >
                  <SymbolImg spec={childSymbol(c.properties.kind)} />
                  <span className="feature-name">{c.properties.name}</span>
                  <span className="feature-meta">
                    {m.childPlaceKind[c.properties.kind]}
                    {c.properties.address ? ` · ${c.properties.address}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
