/**
 * The client's calls of the base-data routes: address search, the place check and the
 * OpenStreetMap suggestions of a unit. Through the one `request` of lib/api.ts.
 */
import type { ActorCategory, ChildPlaceKind } from '../../lib/apiTypes.js';
import { queryString, request } from '../../lib/api.js';

export interface Address {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { street: string; housenumber: string | null; postcode: string | null; city: string | null; label: string };
}
export interface AddressCollection { type: 'FeatureCollection'; features: Address[]; addresses_imported: boolean }

export type PlaceWarningCode = 'in_water' | 'outside_imported_area' | 'outside_land' | 'no_base_data';
export interface PlaceCheck { in_water: boolean; water_name: string | null; warnings: { code: PlaceWarningCode; name?: string | null }[] }

export interface Suggestion {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    osm_type: 'node' | 'way' | 'relation'; osm_id: number; name: string; named: boolean; tag: string;
    record: 'actor' | 'child_place'; category: ActorCategory | null; kind: ChildPlaceKind | null; address: string | null; distance_m: number;
  };
}
export interface SuggestionCollection { type: 'FeatureCollection'; features: Suggestion[]; pois_imported: boolean }

export const baseDataApi = {
  addresses: (q: string, { limit, signal }: { limit?: number; signal?: AbortSignal } = {}) =>
    request<AddressCollection>(`/api/addresses${queryString({ q, limit })}`, { signal }),
  checkPlace: (lon: number, lat: number, signal?: AbortSignal) => request<PlaceCheck>(`/api/places/check${queryString({ lon, lat })}`, { signal }),
  suggestions: (unitId: number, signal?: AbortSignal) => request<SuggestionCollection>(`/api/units/${unitId}/suggestions`, { signal }),
  acceptSuggestion: (unitId: number, s: Suggestion) =>
    request<{ record: 'actor' | 'child_place'; id: number }>(`/api/units/${unitId}/suggestions/${s.properties.osm_type}/${s.properties.osm_id}/accept`, { method: 'POST' }),
  dismissSuggestion: (unitId: number, s: Suggestion) =>
    request<void>(`/api/units/${unitId}/suggestions/${s.properties.osm_type}/${s.properties.osm_id}/dismiss`, { method: 'POST' }),
};
