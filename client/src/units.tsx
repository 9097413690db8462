import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useAsync, type AsyncState } from './hooks/useAsync.js';
import { api } from './lib/api.js';
import type { Unit } from './lib/apiTypes.js';

type UnitsState = AsyncState<Unit[]> & { retry: () => void; byId: Map<number, Unit> };

const UnitsContext = createContext<UnitsState | null>(null);

/** The units, loaded once after sign-in and shared by every view. */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const state = useAsync((signal) => api.units(signal).then((fc) => fc.features), []);
  const value = useMemo(() => ({ ...state, byId: new Map((state.data ?? []).map((u) => [u.id, u])) }), [state]);
  return <UnitsContext.Provider value={value}>{children}</UnitsContext.Provider>;
}

export function useUnits(): UnitsState {
  const ctx = useContext(UnitsContext);
  if (!ctx) throw new Error('useUnits must be used inside <UnitsProvider>');
  return ctx;
}
