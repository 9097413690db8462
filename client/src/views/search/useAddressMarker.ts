import type { LayerSpecification } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { useGeoJsonLayers } from '../../map/hooks.js';
import { useMap } from '../../map/MapView.js';
import { flyToPoint } from '../../map/ops.js';
import { PALETTE, SLOT } from '../../map/styles.js';
import type { Address } from './baseDataApi.js';

const SOURCE = 'chosen-address';

/** A ringed dot with the address beside it: a place, not a record, so not a record's symbol. */
const LAYERS: LayerSpecification[] = [
  {
    id: `${SOURCE}-dot`, type: 'circle', source: SOURCE, metadata: { 'ps:slot': SLOT.selection },
    paint: { 'circle-radius': 8, 'circle-color': PALETTE.selectionFill, 'circle-stroke-color': PALETTE.selection, 'circle-stroke-width': 3 },
  },
  {
    id: `${SOURCE}-label`, type: 'symbol', source: SOURCE, metadata: { 'ps:slot': SLOT.labels },
    layout: { 'text-field': ['get', 'label'], 'text-font': ['Noto Sans Bold'], 'text-size': 13, 'text-offset': [0, 1.3], 'text-anchor': 'top', 'text-max-width': 14 },
    paint: { 'text-color': PALETTE.ink, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 },
  },
];

/** Marks the chosen address on the shared map and flies there when it changes. */
export function useAddressMarker(address: Address | null): void {
  const { map } = useMap();
  const data = useMemo(() => ({ type: 'FeatureCollection' as const, features: address ? [address] : [] }), [address]);
  useGeoJsonLayers(SOURCE, data, LAYERS);
  useEffect(() => {
    if (!map || !address) return;
    const container = map.getContainer();
    // Where the map came to rest, for tests and tools that read the page (not for layout).
    const settled = () => {
      const c = map.getCenter();
      container.setAttribute('data-address-centre', `${c.lng.toFixed(6)},${c.lat.toFixed(6)}`);
    };
    container.removeAttribute('data-address-centre');
    map.once('moveend', settled);
    flyToPoint(map, address.geometry.coordinates, 16);
    return () => {
      map.off('moveend', settled);
    };
  }, [map, address]);
}
