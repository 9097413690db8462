import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ActorCategory, ChildPlaceKind } from './lib/apiTypes.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS } from './lib/codes.js';

/** Which overview layers are switched on. */
export interface LayerState {
  units: boolean;
  actors: Record<ActorCategory, boolean>;
  children: Record<ChildPlaceKind, boolean>;
  areas: boolean;
}

const all = <K extends string>(keys: readonly K[], on: boolean) => Object.fromEntries(keys.map((k) => [k, on])) as Record<K, boolean>;

export const DEFAULT_LAYERS: LayerState = {
  units: true,
  actors: all(ACTOR_CATEGORIES, false),
  children: all(CHILD_PLACE_KINDS, false),
  areas: false,
};

export const setAll = all;

const LayersContext = createContext<[LayerState, (next: LayerState) => void] | null>(null);

/** Keeps the layer switches while the user moves between views. */
export function LayersProvider({ children }: { children: ReactNode }) {
  const [layers, setLayers] = useState(DEFAULT_LAYERS);
  const value = useMemo(() => [layers, setLayers] as [LayerState, (next: LayerState) => void], [layers]);
  return <LayersContext.Provider value={value}>{children}</LayersContext.Provider>;
}

export function useLayers(): [LayerState, (next: LayerState) => void] {
  const ctx = useContext(LayersContext);
  if (!ctx) throw new Error('useLayers must be used inside <LayersProvider>');
  return ctx;
}
