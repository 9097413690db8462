/**
 * Pure helpers of the import page: the request body from a chosen file, the format
 * choices (the server recognises the format from the first bytes by default), and
 * which mapping keys each layer shows.
 */
import type { z } from 'zod';
import type { ImportBody, ImportMapping } from '../../../api/schemas/imports.js';

export type Layer = 'units' | 'actors' | 'child-places' | 'areas';
export type Format = 'auto' | 'geojson' | 'csv' | 'overpass' | 'geopackage' | 'shapefile' | 'kml' | 'kmz' | 'xlsx';
export type Mapping = z.infer<typeof ImportMapping>;
export type ImportRequest = z.input<typeof ImportBody>;

export const LAYERS: readonly Layer[] = ['child-places', 'actors', 'units', 'areas'];
/** The format choices, "recognise automatically" (the server reads the first bytes) first. */
export const FORMATS: readonly Format[] = ['auto', 'geopackage', 'shapefile', 'kml', 'kmz', 'xlsx', 'geojson', 'csv', 'overpass'];

/** The file input's accepted extensions. */
export const ACCEPT = '.gpkg,.zip,.kml,.kmz,.xlsx,.geojson,.json,.csv,.txt';

/** The mapping keys offered per layer (coordinates only for CSV and Excel: `format` is the one the report says was read). */
export function mappingKeys(layer: Layer, format: Format): (keyof Mapping)[] {
  const base: Record<Layer, (keyof Mapping)[]> = {
    units: ['name', 'id', 'address', 'kind', 'operator', 'places'],
    actors: ['name', 'id', 'address', 'category', 'organisation', 'phone', 'email', 'website'],
    'child-places': ['name', 'id', 'address', 'kind', 'operator'],
    areas: ['name', 'id', 'code', 'parent', 'level'],
  };
  return (format === 'csv' || format === 'xlsx') && layer !== 'areas' ? [...base[layer], 'lon', 'lat', 'x', 'y'] : base[layer];
}

/** Base64 of bytes, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A mapping value as shown in a select: lists joined with " | ". */
export const showRef = (v: unknown): string => (Array.isArray(v) ? v.join(' | ') : typeof v === 'string' ? v : '');

/** Applies one select change: '' removes the key; a joined list is split back. */
export function setRef(mapping: Mapping, key: keyof Mapping, value: string): Mapping {
  const next = { ...mapping } as Record<string, unknown>;
  if (value === '') delete next[key];
  else next[key] = key === 'crs' ? value : value.includes(' | ') ? value.split(' | ') : value;
  return next as Mapping;
}
