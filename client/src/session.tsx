import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from './lib/apiTypes.js';

const MeContext = createContext<Me | null>(null);

/**
 * The signed-in user, set by the sign-in gate for as long as the session lasts. It is
 * the one place the client knows who is signed in: the gate unmounts it at sign-out and
 * mounts it again with the next user, so nothing can keep the previous one.
 */
export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user; only views inside the sign-in gate call it. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used inside <MeProvider> (the sign-in gate)');
  return me;
}
