import type { ImportCrs } from './crs.js';
import { isTabular, type SourceFile } from './parse.js';

export const IMPORT_LAYERS = ['units', 'actors', 'child-places', 'areas'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

/** A mapped field: one property name, or several (the first non-empty value wins). */
export type FieldRef = string | string[];

/**
 * Which input property feeds which field. Coordinates: `lon`/`lat` (WGS 84) or
 * `x`/`y` with `crs` (SWEREF 99 TM, a local zone or RT 90), for CSV and Excel; the
 * other formats carry their own geometry.
 */
export interface FieldMapping {
  name?: FieldRef;
  id?: FieldRef;
  address?: FieldRef;
  kind?: FieldRef;
  category?: FieldRef;
  operator?: FieldRef;
  organisation?: FieldRef;
  phone?: FieldRef;
  email?: FieldRef;
  website?: FieldRef;
  places?: FieldRef;
  code?: FieldRef;
  parent?: FieldRef;
  level?: FieldRef;
  lon?: string;
  lat?: string;
  x?: string;
  y?: string;
  crs?: ImportCrs;
}

export const MAPPING_KEYS = [
  'name', 'id', 'address', 'kind', 'category', 'operator', 'organisation', 'phone', 'email', 'website', 'places',
  'code', 'parent', 'level', 'lon', 'lat', 'x', 'y', 'crs',
] as const;

/** Which mapping keys each layer uses (besides coordinates). */
export const LAYER_FIELDS: Record<ImportLayer, readonly (keyof FieldMapping)[]> = {
  units: ['name', 'id', 'address', 'kind', 'operator', 'places'],
  actors: ['name', 'id', 'address', 'category', 'organisation', 'phone', 'email', 'website'],
  'child-places': ['name', 'id', 'address', 'kind', 'operator'],
  areas: ['name', 'id', 'code', 'parent', 'level'],
};

/** Lower case without diacritics or separators, so "Besöksadress" ~ "besoksadress", "addr:street" ~ "addrstreet". */
export const normaliseName = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Candidate property names per field, best first (normalised). */
const CANDIDATES: Partial<Record<keyof FieldMapping, string[]>> = {
  name: ['name', 'namn', 'firmabenamning', 'benamning', 'omradenamn', 'enhetsnamn', 'skolenhetsnamn', 'title', 'namesv', 'foretagsnamn'],
  id: ['externalid', 'extid', 'id', 'skolenhetskod', 'enhetskod', 'omradekod', 'objectid', 'fid', 'kod', 'code', 'id'],
  address: ['address', 'adress', 'besoksadress', 'gatuadress', 'addrstreet', 'streetaddress'],
  operator: ['operator', 'huvudman', 'foretagsnamn', 'organisation', 'organization', 'operatorname'],
  organisation: ['organisation', 'organization', 'foretagsnamn', 'operator', 'huvudman'],
  kind: ['kind', 'typ', 'type', 'verksamhet', 'skolform'],
  category: ['category', 'kategori', 'typ', 'type', 'bransch'],
  phone: ['phone', 'telefon', 'tel', 'contactphone', 'telefonnummer'],
  email: ['email', 'epost', 'mail', 'contactemail'],
  website: ['website', 'webb', 'hemsida', 'url', 'contactwebsite'],
  places: ['places', 'platser', 'antalplatser', 'capacity'],
  code: ['code', 'kod', 'omradekod'],
  parent: ['parent', 'parentname', 'stadsomradenamn', 'stadsomrade', 'overordnat'],
  level: ['level', 'niva'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitud', 'wgs84lon', 'xwgs84'],
  lat: ['lat', 'latitude', 'latitud', 'wgs84lat', 'ywgs84'],
  x: ['x', 'easting', 'e', 'ost', 'xkoordinat', 'sweref99tmx', 'x3006'],
  y: ['y', 'northing', 'n', 'nord', 'ykoordinat', 'sweref99tmy', 'y3006'],
};

/** Fields a guess must not take for itself even if the name fits (the name fallback may use them). */
const NAME_FALLBACKS = ['foretagsnamn'];

/**
 * The first candidate the file has. A Shapefile's .dbf cuts names to 10 bytes
 * ("Besöksadress" arrives as "Besöksadr"), so there a name that a candidate begins with
 * counts too, when it is long enough to be telling.
 */
function findFieldIn(fields: string[], candidates: string[], taken: Set<string>, truncated = false): string | undefined {
  const byNorm = new Map(fields.map((f) => [normaliseName(f), f]));
  for (const c of candidates) {
    const f = byNorm.get(c);
    if (f !== undefined && !taken.has(f)) return f;
  }
  if (truncated) {
    for (const c of candidates) {
      const f = fields.find((x) => !taken.has(x) && normaliseName(x).length >= 7 && c.startsWith(normaliseName(x)));
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

/** The share of sample values that parse as numbers within [min, max]. */
function numericShare(file: SourceFile, field: string, min: number, max: number): number {
  const sample = file.rows.slice(0, 50).map((r) => Number(String(r.props[field] ?? '').trim().replace(',', '.')));
  if (!sample.length) return 0;
  return sample.filter((v) => Number.isFinite(v) && v >= min && v <= max).length / sample.length;
}

/**
 * Sensible guesses for the mapping from the file's property names and values:
 * the user sees them first and corrects what is wrong. Explicit entries in `given`
 * win over guesses. Returns the mapping and the keys that were guessed.
 */
export function guessMapping(layer: ImportLayer, file: SourceFile, given: FieldMapping = {}): { mapping: FieldMapping; guessed: (keyof FieldMapping)[] } {
  const mapping: FieldMapping = { ...given };
  const guessed: (keyof FieldMapping)[] = [];
  const taken = new Set<string>();
  for (const v of Object.values(given)) for (const f of [v].flat()) if (typeof f === 'string') taken.add(f);
  const set = (key: keyof FieldMapping, value: FieldRef | undefined) => {
    if (value === undefined || mapping[key] !== undefined) return;
    (mapping as Record<string, unknown>)[key] = value;
    guessed.push(key);
    for (const f of [value].flat()) taken.add(f);
  };
  const fields = file.fields;
  const dbf = file.format === 'shapefile';
  const findField = (fs: string[], candidates: string[], taken: Set<string>) => findFieldIn(fs, candidates, taken, dbf);
  const has = (n: string) => fields.find((f) => normaliseName(f) === n) ?? (dbf ? fields.find((f) => normaliseName(f).length >= 7 && n.startsWith(normaliseName(f))) : undefined);

  if (mapping.name === undefined) {
    const primary = findField(fields, (CANDIDATES.name ?? []).filter((c) => !NAME_FALLBACKS.includes(c)), taken);
    const fallback = has('foretagsnamn');
    set('name', primary && fallback ? [primary, fallback] : (primary ?? fallback));
    if (fallback) taken.delete(fallback);
  }
  if (layer === 'areas') {
    set('code', findField(fields, CANDIDATES.code!, new Set()));
    if (mapping.id === undefined && mapping.code !== undefined) set('id', mapping.code);
    // A primary area names its city area; a city area has no parent.
    set('parent', findField(fields, CANDIDATES.parent!, taken));
    set('level', findField(fields, CANDIDATES.level!, taken));
    return { mapping, guessed };
  }
  if (file.format !== 'overpass') set('id', findField(fields, CANDIDATES.id!, taken));
  for (const key of LAYER_FIELDS[layer]) {
    if (key === 'name' || key === 'id') continue;
    set(key, findField(fields, CANDIDATES[key] ?? [], taken));
  }
  if (isTabular(file) && mapping.lon === undefined && mapping.x === undefined) {
    const lon = findField(fields, CANDIDATES.lon!, taken);
    const lat = findField(fields, CANDIDATES.lat!, taken);
    const x = findField(fields, CANDIDATES.x!, taken);
    const y = findField(fields, CANDIDATES.y!, taken);
    if (lon && lat) {
      set('lon', lon);
      set('lat', lat);
    } else if (x && y) {
      // Degrees in x/y columns are lon/lat; metres are SWEREF 99 (TM unless eastings sit around 150 000, the 12 00 zone's false easting).
      if (numericShare(file, x, -180, 180) > 0.8 && numericShare(file, y, -90, 90) > 0.8) {
        set('lon', x);
        set('lat', y);
      } else {
        set('x', x);
        set('y', y);
        if (mapping.crs === undefined) {
          set('crs', numericShare(file, x, 1_100_000, 1_950_000) >= 0.5 ? 'EPSG:3021' : numericShare(file, x, 200_000, 1_000_000) >= 0.5 ? 'EPSG:3006' : 'EPSG:3007');
        }
      }
    }
  }
  return { mapping, guessed };
}
