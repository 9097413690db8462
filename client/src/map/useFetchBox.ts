import type { Map as MlMap } from 'maplibre-gl';
import { useCallback, useState } from 'react';
import { nextFetchBox, type Bbox } from '../lib/features.js';
import { useMapMoveEnd } from './hooks.js';
import { viewBbox } from './ops.js';

/**
 * The visible extent after each pan or zoom, and the area to fetch for it, which
 * changes only when the view leaves the area fetched last (`lib/features.ts`,
 * `nextFetchBox`).
 */
export function useFetchBox(rule: { margin: number; maxZoomOut?: number }): { view: Bbox | null; fetchBox: Bbox | null } {
  const [box, setBox] = useState<{ view: Bbox | null; fetchBox: Bbox | null }>({ view: null, fetchBox: null });
  const { margin, maxZoomOut } = rule;
  useMapMoveEnd(
    useCallback(
      (map: MlMap) => {
        const view = viewBbox(map);
        setBox((prev) => {
          const fetchBox = nextFetchBox(prev.fetchBox, view, { margin, maxZoomOut });
          return { view, fetchBox };
        });
      },
      [margin, maxZoomOut],
    ),
  );
  return box;
}
