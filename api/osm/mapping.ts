/**
 * Which OSM tags make which base row: a line (base_ways), an area (base_areas), a place
 * name, an address, a point of interest. One element may make several rows (a church is
 * a building area, an address and a POI). The table's `kind`/`class` come from here.
 */
import type { Tags } from './elements.js';

export type LineKind = 'highway' | 'railway' | 'waterway' | 'aeroway' | 'barrier';
export type AreaKind = 'water' | 'landuse' | 'park' | 'building' | 'land';

const RAILWAYS = new Set(['rail', 'light_rail', 'tram', 'subway', 'narrow_gauge', 'monorail', 'funicular', 'preserved', 'miniature']);
const WATERWAYS = new Set(['river', 'stream', 'canal', 'ditch', 'drain', 'brook', 'tidal_channel']);
const AEROWAYS = new Set(['runway', 'taxiway']);
const BARRIERS = new Set(['fence', 'wall', 'hedge', 'retaining_wall', 'city_wall', 'guard_rail']);
/** Highway values that are not ways on the ground. */
const NOT_HIGHWAYS = new Set(['proposed', 'construction', 'abandoned', 'razed', 'platform', 'bus_stop', 'services', 'rest_area']);

/** The line a way is drawn as, or undefined. Closed highways stay lines (roundabouts) unless area=yes. */
export function lineKind(t: Tags): { kind: LineKind; class: string } | undefined {
  if (t.area === 'yes') return undefined;
  if (t.highway && !NOT_HIGHWAYS.has(t.highway)) return { kind: 'highway', class: t.highway };
  if (t.railway && RAILWAYS.has(t.railway)) return { kind: 'railway', class: t.railway };
  if (t.waterway && WATERWAYS.has(t.waterway)) return { kind: 'waterway', class: t.waterway };
  if (t.aeroway && AEROWAYS.has(t.aeroway)) return { kind: 'aeroway', class: t.aeroway };
  if (t.barrier && BARRIERS.has(t.barrier)) return { kind: 'barrier', class: t.barrier };
  return undefined;
}

const PARKS = new Set(['park', 'garden', 'nature_reserve', 'common', 'dog_park', 'golf_course', 'recreation_ground', 'pitch', 'playground', 'sports_centre', 'stadium']);
const NATURAL_LANDUSE = new Set(['wood', 'scrub', 'heath', 'grassland', 'wetland', 'beach', 'sand', 'bare_rock', 'scree']);
const WATER_LANDUSE = new Set(['reservoir', 'basin']);

/** The area a closed way or multipolygon is, or undefined. */
export function areaKind(t: Tags): { kind: AreaKind; class: string } | undefined {
  if (t.natural === 'water') return { kind: 'water', class: t.water ?? 'water' };
  if (t.waterway === 'riverbank' || t.waterway === 'dock') return { kind: 'water', class: t.waterway };
  if (t.landuse && WATER_LANDUSE.has(t.landuse)) return { kind: 'water', class: t.landuse };
  if (t.leisure && PARKS.has(t.leisure)) return { kind: 'park', class: t.leisure };
  if (t.building && t.building !== 'no') return { kind: 'building', class: t.building };
  if (t.landuse) return { kind: 'landuse', class: t.landuse };
  if (t.natural && NATURAL_LANDUSE.has(t.natural)) return { kind: 'landuse', class: t.natural };
  if (t.place === 'island' || t.place === 'islet') return { kind: 'land', class: t.place };
  if (t.natural === 'coastline') return { kind: 'land', class: 'coastline' };
  return undefined;
}

/** Whether a closed way is an area rather than (only) a line. */
export function closedWayIsArea(t: Tags): boolean {
  if (t.area === 'no') return false;
  if (t.highway && t.area !== 'yes') return false;
  return areaKind(t) !== undefined || t.area === 'yes';
}

/** The keys a point of interest is found by, in the order the first match wins. */
export const POI_KEYS = ['amenity', 'healthcare', 'shop', 'leisure', 'tourism', 'office', 'craft', 'club'] as const;
/** Values that are street furniture or areas, not places people go to. */
const NOT_POIS: Record<string, Set<string>> = {
  amenity: new Set(['parking', 'parking_space', 'parking_entrance', 'bicycle_parking', 'motorcycle_parking', 'bench', 'waste_basket', 'waste_disposal', 'vending_machine', 'telephone', 'post_box', 'grit_bin', 'clock', 'hunting_stand', 'loading_dock', 'bicycle_rental', 'charging_station', 'atm', 'fountain', 'shelter']),
  leisure: new Set(['park', 'garden', 'nature_reserve', 'common', 'pitch', 'track', 'swimming_area', 'slipway', 'picnic_table', 'firepit', 'outdoor_seating']),
  tourism: new Set(['information', 'picnic_site']),
};
/** Kinds worth a row even without a name. */
const UNNAMED_OK = new Set(['playground', 'toilets', 'kindergarten', 'school', 'place_of_worship', 'library', 'police']);

export function poiOf(t: Tags): { key: string; value: string } | undefined {
  for (const key of POI_KEYS) {
    const value = t[key];
    if (!value || value === 'no' || value === 'yes' && key !== 'shop' && key !== 'office') continue;
    if (NOT_POIS[key]?.has(value)) continue;
    if (!t.name && !UNNAMED_OK.has(value)) continue;
    return { key, value };
  }
  return undefined;
}

export interface AddressParts { street: string; housenumber: string | null; postcode: string | null; city: string | null; search: string }

/** A Swedish postcode as written, "411 36", from "41136" or "411 36". */
export function normalisePostcode(p: string | undefined): string | null {
  if (!p) return null;
  const d = p.replace(/\s+/g, '');
  return /^\d{5}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3)}` : p.trim() || null;
}

/** The address of an element with addr:housenumber and a street (or addr:place), else undefined. */
export function addressOf(t: Tags): AddressParts | undefined {
  const street = (t['addr:street'] ?? t['addr:place'])?.trim();
  const housenumber = t['addr:housenumber']?.trim() || null;
  if (!street || !housenumber) return undefined;
  const postcode = normalisePostcode(t['addr:postcode']);
  const city = (t['addr:city'] ?? t['addr:postcity'])?.trim() || null;
  const search = `${street} ${housenumber}${postcode || city ? ',' : ''}${postcode ? ` ${postcode}` : ''}${city ? ` ${city}` : ''}`.replace(/\s+/g, ' ').trim().toLowerCase();
  return { street, housenumber, postcode, city, search };
}

/** A place name: place=* with a name. */
export function placeOf(t: Tags): string | undefined {
  return t.place && t.name ? t.place : undefined;
}
