import { useEffect, useState } from 'react';
import type { Me } from '../lib/apiTypes.js';
import { currentUser } from './api.js';

/** The signed-in user, once known (undefined while asking or when it failed). */
export function useMe(): Me | undefined {
  const [me, setMe] = useState<Me>();
  useEffect(() => {
    let live = true;
    currentUser().then((u) => live && setMe(u), () => {});
    return () => {
      live = false;
    };
  }, []);
  return me;
}
