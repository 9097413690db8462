import type { Map as MlMap, MapLayerMouseEvent } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LayerPanel } from '../components/LayerPanel.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { SymbolImg } from '../components/SymbolImg.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link, useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { useLayers } from '../layers.js';
import { api } from '../lib/api.js';
import type { Actor, Area, ChildPlace, Collection, Unit } from '../lib/apiTypes.js';
import { bboxContains, growBbox, inBbox, sortByName, type Bbox } from '../lib/features.js';
import { routeHref } from '../lib/route.js';
import { codeFilter, shouldUseTiles, tileDotLayer, tileSymbolLayer, tileThreshold } from '../lib/tiles.js';
import { actorPopup, childPlacePopup, unitPopup } from '../map/featurePopups.js';
import { useGeoJsonLayers, useLayerClick, useMapMoveEnd } from '../map/hooks.js';
import { actorSymbol, childSymbol, UNIT_SYMBOL } from '../map/icons.js';
import { useMap } from '../map/MapView.js';
import { useVectorTileLayer } from '../map/useTileLayers.js';
import { closePopup, fitToPositions, flyToPoint, setLayerFilter, setLayersVisible, showPopup, viewBbox } from '../map/ops.js';
import {
  ACTOR_ICON,
  areaLayers,
  CHILD_ICON,
  clusteredPointLayers,
  PALETTE,
  selectionFilter,
  selectionLayer,
  SLOT,
  unitLayers,
} from '../map/styles.js';
import { useUnits } from '../units.js';

/** Longest list per layer in "In the map view". */
const LIST_LIMIT = 40;

const UNIT_LAYERS = [...unitLayers('units'), selectionLayer('units', null, 21)];
const ACTOR_LAYERS = [...clusteredPointLayers('actors', ACTOR_ICON, PALETTE.actor, SLOT.actors), selectionLayer('actors', null, 16)];
const CHILD_LAYERS = [...clusteredPointLayers('children', CHILD_ICON, PALETTE.child, SLOT.children), selectionLayer('children', null, 16)];
const AREA_LAYERS = areaLayers('areas');
const CLUSTER = { cluster: true, clusterRadius: 42, clusterMaxZoom: 14 } as const;
/** Drawn instead of the GeoJSON layers when the view holds too many features (lib/tiles.ts). */
const ACTOR_TILE_LAYERS = [
  tileDotLayer('actors-tiles-dot', 'actors-tiles', 'actors', PALETTE.actor, { 'ps:slot': SLOT.actors }),
  tileSymbolLayer('actors-tiles-symbol', 'actors-tiles', 'actors', ACTOR_ICON, { 'ps:slot': SLOT.actors }),
];
const CHILD_TILE_LAYERS = [
  tileDotLayer('children-tiles-dot', 'children-tiles', 'child-places', PALETTE.child, { 'ps:slot': SLOT.children }),
  tileSymbolLayer('children-tiles-symbol', 'children-tiles', 'child-places', CHILD_ICON, { 'ps:slot': SLOT.children }),
];

type Selected = { layer: 'actors' | 'children'; id: number } | null;

/**
 * The start view: the units on the map and in a list beside it; selecting
 * in either selects in both. With the layer switches, actors, children's places and
 * areas join the map, and everything drawn is listed under "In the map view".
 */
export function Overview({ unitId }: { unitId?: number }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const units = useUnits();
  const { map, fallback } = useMap();
  const [layers] = useLayers();
  const [view, setView] = useState<Bbox | null>(null);
  const [fetchBox, setFetchBox] = useState<Bbox | null>(null);
  const [selected, setSelected] = useState<Selected>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    document.title = `${m.units.title} – ${m.app.name}`;
  }, [m]);

  useMapMoveEnd(
    useCallback((mp: MlMap) => {
      const b = viewBbox(mp);
      setView(b);
      // Refetch only when the view leaves the area fetched last, with a margin.
      setFetchBox((prev) => (prev && bboxContains(prev, b) && (prev[2] - prev[0]) < (b[2] - b[0]) * 3 ? prev : growBbox(b, 0.5)));
    }, []),
  );

  const anyActors = Object.values(layers.actors).some(Boolean);
  const anyChildren = Object.values(layers.children).some(Boolean);
  const showAreas = layers.areas;
  const fetchKey = fetchBox?.join(',');

  // A page of at most the tile threshold per layer: when more match, that layer is drawn
  // from vector tiles instead (lib/tiles.ts) and the page only feeds the list.
  const actors = useAsync<Collection<Actor> | null>(
    async (signal) => (anyActors && fetchBox ? api.actors({ bbox: fetchBox, limit: await tileThreshold(signal), signal }) : null),
    [anyActors, fetchKey],
  );
  const children = useAsync<Collection<ChildPlace> | null>(
    async (signal) => (anyChildren && fetchBox ? api.childPlaces({ bbox: fetchBox, limit: await tileThreshold(signal), signal }) : null),
    [anyChildren, fetchKey],
  );
  const areas = useAsync<Collection<Area> | null>(
    (signal) => (showAreas && fetchBox ? api.areas({ bbox: fetchBox, limit: 500, signal }) : Promise.resolve(null)),
    [showAreas, fetchKey],
  );

  const actorFeatures = useMemo(
    () => (anyActors ? (actors.data?.features ?? []).filter((f) => layers.actors[f.properties.category]) : []),
    [actors.data, layers.actors, anyActors],
  );
  const childFeatures = useMemo(
    () => (anyChildren ? (children.data?.features ?? []).filter((f) => layers.children[f.properties.kind]) : []),
    [children.data, layers.children, anyChildren],
  );
  const unitFc = useMemo(() => ({ type: 'FeatureCollection' as const, features: units.data ?? [] }), [units.data]);

  useGeoJsonLayers('areas', showAreas ? areas.data : null, AREA_LAYERS);
  const actorTiles = anyActors && shouldUseTiles(actors.data);
  const childTiles = anyChildren && shouldUseTiles(children.data);
  useVectorTileLayer('actors-tiles', actorTiles ? 'actors' : null, ACTOR_TILE_LAYERS, codeFilter('actors', layers.actors));
  useVectorTileLayer('children-tiles', childTiles ? 'child-places' : null, CHILD_TILE_LAYERS, codeFilter('child-places', layers.children));
  useGeoJsonLayers('children', { type: 'FeatureCollection', features: childTiles ? [] : childFeatures }, CHILD_LAYERS, CLUSTER);
  useGeoJsonLayers('actors', { type: 'FeatureCollection', features: actorTiles ? [] : actorFeatures }, ACTOR_LAYERS, CLUSTER);
  useGeoJsonLayers('units', unitFc, UNIT_LAYERS);

  useEffect(() => {
    if (!map) return;
    setLayersVisible(map, UNIT_LAYERS.map((l) => l.id), layers.units);
    setLayerFilter(map, 'units-selected', selectionFilter(unitId ?? null));
    setLayerFilter(map, 'actors-selected', selectionFilter(selected?.layer === 'actors' ? selected.id : null));
    setLayerFilter(map, 'children-selected', selectionFilter(selected?.layer === 'children' ? selected.id : null));
  }, [map, layers.units, unitId, selected, actorFeatures, childFeatures]);

  // A unit chosen from a shared link: bring it into view once the map is there.
  const shownFromUrl = useRef(false);
  useEffect(() => {
    if (!map || !unitId || shownFromUrl.current) return;
    const u = units.byId.get(unitId);
    if (!u) return;
    shownFromUrl.current = true;
    flyToPoint(map, u.geometry.coordinates as [number, number], 13);
  }, [map, unitId, units.byId]);

  // Units all in view at start.
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current || unitId || !units.data?.length) return;
    fitted.current = true;
    fitToPositions(map, units.data.map((u) => u.geometry.coordinates as [number, number]), { padding: 50, maxZoom: 12, animate: false });
  }, [map, units.data, unitId]);

  const selectUnit = useCallback(
    (u: Unit, from: 'list' | 'map') => {
      if (from === 'list' && u.id === unitId) {
        navigate(routeHref({ name: 'overview' }), { replace: true });
        closePopup();
        return;
      }
      navigate(routeHref({ name: 'overview', unitId: u.id }), { replace: true });
      setSelected(null);
      if (!map) return;
      if (from === 'list') flyToPoint(map, u.geometry.coordinates as [number, number], 13);
      showPopup(map, u.geometry.coordinates as [number, number], unitPopup(m, u));
      if (from === 'map') {
        requestAnimationFrame(() => listRef.current?.querySelector(`[data-unit-id="${u.id}"]`)?.scrollIntoView({ block: 'nearest' }));
      }
    },
    [map, m, navigate, unitId],
  );

  const actorById = useMemo(() => new Map(actorFeatures.map((f) => [f.id, f])), [actorFeatures]);
  const childById = useMemo(() => new Map(childFeatures.map((f) => [f.id, f])), [childFeatures]);

  const openActor = useCallback(
    (a: Actor, fly: boolean) => {
      setSelected({ layer: 'actors', id: a.id });
      if (!map) return;
      if (fly) flyToPoint(map, a.geometry.coordinates as [number, number], 15);
      showPopup(map, a.geometry.coordinates as [number, number], actorPopup(m, a.properties));
    },
    [map, m],
  );
  const openChild = useCallback(
    (c: ChildPlace, fly: boolean) => {
      setSelected({ layer: 'children', id: c.id });
      if (!map) return;
      if (fly) flyToPoint(map, c.geometry.coordinates as [number, number], 15);
      showPopup(map, c.geometry.coordinates as [number, number], childPlacePopup(m, c.properties));
    },
    [map, m],
  );

  useLayerClick(['units-symbol'], (e: MapLayerMouseEvent) => {
    const id = Number(e.features?.[0]?.id);
    const u = units.byId.get(id);
    if (u) selectUnit(u, 'map');
  });
  useLayerClick(['actors-symbol'], (e) => {
    const a = actorById.get(Number(e.features?.[0]?.id));
    if (a) openActor(a, false);
  });
  useLayerClick(['children-symbol'], (e) => {
    const c = childById.get(Number(e.features?.[0]?.id));
    if (c) openChild(c, false);
  });
  useLayerClick(['actors-clusters', 'children-clusters'], (e) => {
    const f = e.features?.[0];
    if (!map || !f) return;
    const source = map.getSource(f.source) as import('maplibre-gl').GeoJSONSource | undefined;
    const clusterId = f.properties?.cluster_id as number | undefined;
    if (!source || clusterId === undefined) return;
    source.getClusterExpansionZoom(clusterId).then((zoom) => {
      map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.2 });
    });
  });

  useEffect(() => () => closePopup(), []);

  const inView = <F extends Actor | ChildPlace>(features: F[]) =>
    view ? sortByName(features.filter((f) => inBbox(f.geometry.coordinates, view)), m.locale) : [];
  const actorsInView = inView(actorFeatures);
  const childrenInView = inView(childFeatures);
  const areasInView = (areas.data?.features ?? []).slice().sort((a, b) => a.properties.name.localeCompare(b.properties.name, m.locale));
  const selectedUnit = unitId ? units.byId.get(unitId) : undefined;

  return (
    <div className="view overview">
      <h1>{m.units.title}</h1>
      {units.status === 'loading' && !units.data ? <Skeleton lines={6} /> : null}
      {units.status === 'error' ? <ErrorMessage error={units.error} onRetry={units.retry} /> : null}
      {units.data ? (
        <>
          <p className="muted" role="status">
            {m.units.count(units.data.length)}
            {selectedUnit ? <span className="visually-hidden">. {m.units.selected(selectedUnit.properties.name)}</span> : null}
          </p>
          {units.data.length === 0 ? <p>{m.units.none}</p> : null}
          <ul className="unit-list" aria-label={m.units.listLabel} ref={listRef}>
            {units.data.map((u) => {
              const isSel = u.id === unitId;
              return (
                <li key={u.id} className={isSel ? 'selected' : undefined} data-unit-id={u.id}>
                  <button type="button" className="unit-item" aria-pressed={isSel} onClick={() => selectUnit(u, 'list')}>
                    <SymbolImg spec={UNIT_SYMBOL} size={20} />
                    <span className="unit-item-text">
                      <span className="unit-name">{u.properties.name}</span>
                      <span className="unit-meta">
                        {m.unitKind[u.properties.kind]} · {m.units.places(u.properties.places)}
                        {u.properties.status !== 'open' ? ` · ${m.unitStatus[u.properties.status]}` : ''}
                      </span>
                    </span>
                  </button>
                  {isSel ? (
                    <div className="unit-card">
                      <p>{u.properties.address ?? m.units.coarse}</p>
                      <Link className="button button-primary" href={routeHref({ name: 'unit', id: u.id, tab: 'contacts' })}>
                        {m.units.open}
                        <span className="visually-hidden">: {u.properties.name}</span>
                      </Link>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      <LayerPanel defaultOpen={fallback} />

      <section className="in-view" aria-labelledby="in-view-heading">
        <h2 id="in-view-heading">{m.layers.inView}</h2>
        {[actors, children, areas].map((s, i) =>
          s.status === 'error' ? <ErrorMessage key={i} error={s.error} onRetry={s.retry} /> : null,
        )}
        {!anyActors && !anyChildren && !showAreas ? (
          <p className="muted">{m.layers.nothingInView}</p>
        ) : (
          <>
            <p className="muted small">{m.layers.inViewIntro}</p>
            <div aria-live="polite" className="visually-hidden">
              {[
                anyActors ? m.layers.inViewCount(actorsInView.length, m.layers.actors) : null,
                anyChildren ? m.layers.inViewCount(childrenInView.length, m.layers.childPlaces) : null,
                showAreas ? m.layers.inViewCount(areasInView.length, m.layers.areas) : null,
              ]
                .filter(Boolean)
                .join('. ')}
            </div>
            {(actors.status === 'loading' && anyActors) || (children.status === 'loading' && anyChildren) ? <Skeleton lines={3} /> : null}
            {anyChildren ? (
              <FeatureList
                title={m.layers.inViewCount(childrenInView.length, m.layers.childPlaces)}
                items={childrenInView.slice(0, LIST_LIMIT).map((c) => ({
                  id: c.id,
                  name: c.properties.name,
                  meta: m.childPlaceKind[c.properties.kind],
                  symbol: <SymbolImg spec={childSymbol(c.properties.kind)} />,
                  selected: selected?.layer === 'children' && selected.id === c.id,
                  onSelect: () => openChild(c, true),
                }))}
                more={childrenInView.length - LIST_LIMIT}
              />
            ) : null}
            {anyActors ? (
              <FeatureList
                title={m.layers.inViewCount(actorsInView.length, m.layers.actors)}
                items={actorsInView.slice(0, LIST_LIMIT).map((a) => ({
                  id: a.id,
                  name: a.properties.name,
                  meta: m.actorCategory[a.properties.category],
                  symbol: <SymbolImg spec={actorSymbol(m.actorSymbol[a.properties.category])} />,
                  selected: selected?.layer === 'actors' && selected.id === a.id,
                  onSelect: () => openActor(a, true),
                }))}
                more={actorsInView.length - LIST_LIMIT}
              />
            ) : null}
            {showAreas ? (
              <FeatureList
                title={m.layers.inViewCount(areasInView.length, m.layers.areas)}
                items={areasInView.slice(0, LIST_LIMIT).map((a) => ({ id: a.id, name: a.properties.name, meta: '', symbol: null }))}
                more={areasInView.length - LIST_LIMIT}
              />
            ) : null}
            {actorTiles || childTiles ? (
              <p className="muted small">{m.layers.truncated}</p>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}

interface ListItem {
  id: number;
  name: string;
  meta: string;
  symbol: React.ReactNode;
  selected?: boolean;
  onSelect?: () => void;
}

function FeatureList({ title, items, more }: { title: string; items: ListItem[]; more: number }) {
  const { m } = useI18n();
  return (
    <div className="feature-list">
      <h3>{title}</h3>
      <ul>
        {items.map((it) => (
          <li key={it.id}>
            {it.onSelect ? (
              <button type="button" className="feature-item" aria-pressed={it.selected ?? false} onClick={it.onSelect}>
                {it.symbol}
                <span className="feature-name">{it.name}</span>
                {it.meta ? <span className="feature-meta">{it.meta}</span> : null}
              </button>
            ) : (
              <span className="feature-item">{it.name}</span>
            )}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="muted small">{m.layers.moreHidden(more)}</p> : null}
    </div>
  );
}
