import { useMemo } from 'react';
import { useAsync } from '../../hooks/useAsync.js';
import type { LayerState } from '../../layers.js';
import { api } from '../../lib/api.js';
import type { Actor, Area, ChildPlace, Collection } from '../../lib/apiTypes.js';
import type { Bbox } from '../../lib/features.js';
import { shouldUseTiles, tileThreshold } from '../../lib/tiles.js';

/**
 * The overview's switchable layers for the area `fetchBox`: a page of at most the
 * tile threshold per layer. When more match, that layer is drawn from vector tiles
 * instead (`actorTiles`, `childTiles`; lib/tiles.ts) and the page only feeds the list.
 */
export function useOverviewData(layers: LayerState, fetchBox: Bbox | null) {
  const anyActors = Object.values(layers.actors).some(Boolean);
  const anyChildren = Object.values(layers.children).some(Boolean);
  const showAreas = layers.areas;
  const fetchKey = fetchBox?.join(',');

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
  return {
    anyActors,
    anyChildren,
    showAreas,
    actors,
    children,
    areas,
    actorFeatures,
    childFeatures,
    actorTiles: anyActors && shouldUseTiles(actors.data),
    childTiles: anyChildren && shouldUseTiles(children.data),
  };
}

export type OverviewData = ReturnType<typeof useOverviewData>;
