import crypto from 'node:crypto';
import { geometryIssues, type MultiPolygonGeo, type PointGeo, type Position2D } from '../schemas/geojson.js';
import { ACTOR_CATEGORIES, AREA_LEVELS, CHILD_PLACE_KINDS, inSweden, SWEDEN_BBOX_TEXT, UNIT_KINDS, type AreaLevel } from '../schemas/common.js';
import { projectedToWgs84, round7, type ProjectedCrs } from './crs.js';
import { type FieldMapping, type FieldRef, type ImportLayer, normaliseName } from './mapping.js';
import { checkRowValues, placesBounds } from './rowRules.js';
import { fileError, isTabular, rowIssue, type RowIssue, type SourceFile, type SourceRow } from './parse.js';

/** Values the caller sets for every row, instead of mapping a field. */
export interface ImportOptions {
  kind?: string;
  category?: string;
  level?: AreaLevel;
}

/** One row ready for the database: target columns, external id and a WGS 84 geometry rounded to 7 decimals. */
export interface ImportRecord {
  row: number;
  externalId: string;
  values: Record<string, string | number | null>;
  geometry: PointGeo | MultiPolygonGeo;
  /** An OpenStreetMap element without a name: `values.name` is its kind's label until a street near it names it (`nameByStreets`). */
  unnamed?: boolean;
}

/** Swedish and English labels accepted for each code (compared normalised). */
const SYNONYMS: Record<string, string[]> = {
  school: ['skola', 'grundskola', 'gymnasieskola', 'gymnasium', 'anpassadgrundskola', 'grundsarskola'],
  preschool: ['forskola', 'kindergarten', 'forskoleklass'],
  leisure_centre: ['fritidshem', 'fritids', 'leisurecentre'],
  playground: ['lekplats'],
  care_home: ['vardochomsorgsboende', 'vardboende'],
  supported_housing: ['stodboende'],
  emergency_housing: ['akutboende'],
  shelter: ['harbarge'],
  training_flats: ['traningslagenheter', 'traningslagenhet'],
  housing_first: ['bostadforst', 'lagenhetmedstod'],
  property_owner: ['fastighetsagare'],
  housing_company: ['bostadsbolag', 'bostadsforetag'],
  shop: ['butik', 'affar', 'handel'],
  restaurant: ['restaurang', 'cafe', 'kafe'],
  police: ['polis', 'polisen'],
  security: ['bevakning', 'sakerhetsforetag', 'vaktbolag'],
  faith: ['trossamfund', 'forsamling', 'kyrka'],
  association: ['forening', 'ideellforening', 'ngo'],
  public_transport: ['kollektivtrafik'],
  library: ['bibliotek'],
  health: ['vardcentral', 'halsa'],
  park_street: ['parkochgata', 'park', 'gata'],
  leisure: ['fritidsgard'],
  other: ['ovrigt', 'annat'],
  city_area: ['stadsomrade', 'stadsomraden'],
  primary_area: ['primaromrade', 'primaromraden'],
};

function codeOf(value: string, codes: readonly string[]): string | undefined {
  const n = normaliseName(value);
  return codes.find((c) => normaliseName(c) === n || SYNONYMS[c]?.includes(n));
}

const refs = (ref: FieldRef | undefined): string[] => (ref === undefined ? [] : [ref].flat());

/** The first non-empty value of the referenced fields, trimmed. */
function pick(props: Record<string, unknown>, ref: FieldRef | undefined): string | undefined {
  for (const f of refs(ref)) {
    const v = props[f];
    if (v === null || v === undefined) continue;
    const s = (typeof v === 'object' ? JSON.stringify(v) : String(v)).trim();
    if (s !== '') return s;
  }
  return undefined;
}

const looksLikeSweref = (a: number, b: number) => (a > 50_000 && a < 1_100_000 && b > 6_000_000 && b < 7_800_000) || (b > 50_000 && b < 1_100_000 && a > 6_000_000 && a < 7_800_000);

/** Why a WGS 84 position is unacceptable (outside Sweden), with a hint when lat/lon are swapped or the values are SWEREF metres. */
export function lonLatProblem(lon: number, lat: number): string | undefined {
  return lonLatIssue(lon, lat)?.reason;
}

/** {@link lonLatProblem} with its rule code and params, for the import report. */
export function lonLatIssue(lon: number, lat: number): { code: string; reason: string; params: Record<string, unknown> } | undefined {
  if (inSweden(lon, lat)) return undefined;
  if (inSweden(lat, lon)) return { code: 'swapped_axes', params: { lon, lat }, reason: `latitude and longitude look swapped: [${lon}, ${lat}] is outside Sweden but [${lat}, ${lon}] is inside; longitude (about 11–24) comes first` };
  if (looksLikeSweref(lon, lat)) return { code: 'metres_not_degrees', params: { lon, lat }, reason: `the values [${lon}, ${lat}] look like SWEREF 99 metres (EPSG:3006 or EPSG:3007), not WGS 84 degrees; map them as x/y with crs EPSG:3006 or EPSG:3007` };
  return { code: 'outside_sweden', params: { lon, lat }, reason: `position [${lon}, ${lat}] is outside Sweden (${SWEDEN_BBOX_TEXT})` };
}

/** A decimal number in a CSV cell (point or comma as decimal separator) or an Excel number cell; no NaN, Infinity or text. */
function parseNumber(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const s = cell.trim().replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const v = Number(s.replace(',', '.'));
  return Number.isFinite(v) ? v : undefined;
}

/** The OSM tags that say which kind of child place an element is. */
function childKindFromTags(props: Record<string, unknown>): string | undefined {
  if (props.leisure === 'playground') return 'playground';
  if (props.amenity === 'kindergarten') return 'preschool';
  if (props.amenity === 'school') return 'school';
  return undefined;
}

const KIND_LABEL_SV: Record<string, string> = { playground: 'Lekplats', preschool: 'Förskola', school: 'Skola', leisure_centre: 'Fritidshem' };

/**
 * Checks that the mapping fits the file before any row is read: mapped fields exist,
 * a point layer read from CSV has coordinate columns, and kind/category/level are
 * given or mapped. Problems here concern the whole file (400).
 */
export function checkMapping(layer: ImportLayer, file: SourceFile, mapping: FieldMapping, options: ImportOptions): void {
  const known = new Set(file.fields);
  for (const [key, ref] of Object.entries(mapping)) {
    if (key === 'crs') continue;
    for (const f of refs(ref as FieldRef)) {
      if (!known.has(f)) {
        const list = file.fields.slice(0, 30).map((x) => `"${x}"`).join(', ');
        throw fileError(`mapping.${key}: the ${isTabular(file) ? 'column' : 'property'} "${f}" is not in the file; it has ${list || 'no fields'}${isTabular(file) && file.fields.length === 1 ? ' (one column only: is the separator "," or ";"?)' : ''}`);
      }
    }
  }
  if (layer !== 'areas' && isTabular(file)) {
    const lonLat = mapping.lon !== undefined && mapping.lat !== undefined;
    const xy = mapping.x !== undefined && mapping.y !== undefined;
    if (!lonLat && !xy) throw fileError('no coordinate columns: map lon and lat (WGS 84), or x and y with crs EPSG:3006 or EPSG:3007');
    if (xy && (mapping.crs === undefined || mapping.crs === 'EPSG:4326') && !lonLat) throw fileError('mapping.crs: x/y columns need crs EPSG:3006 (SWEREF 99 TM), a SWEREF 99 local zone (EPSG:3007–3018) or EPSG:3021 (RT 90)');
  }
  if (layer === 'areas' && (isTabular(file) || file.format === 'overpass')) throw fileError('areas are imported from a file with polygons (GeoJSON, GeoPackage, Shapefile, KML/KMZ)');
  if ((layer === 'units' || layer === 'child-places') && !options.kind && mapping.kind === undefined && !(layer === 'child-places' && file.format === 'overpass')) {
    const codes = layer === 'units' ? UNIT_KINDS : CHILD_PLACE_KINDS;
    throw fileError(`kind: give the kind for every row (one of ${codes.join(', ')}) or map a kind field`);
  }
  if (layer === 'actors' && !options.category && mapping.category === undefined) {
    throw fileError(`category: give the category for every row (one of ${ACTOR_CATEGORIES.join(', ')}) or map a category field`);
  }
  if (layer === 'areas' && !options.level && mapping.level === undefined) throw fileError(`level: give the level (${AREA_LEVELS.join(', ')}) or map a level field`);
}

const derivedId = (name: string, address: string | undefined) =>
  `derived:${crypto.createHash('sha256').update(`${normaliseName(name)}|${normaliseName(address ?? '')}`).digest('hex').slice(0, 20)}`;

const firstField = (ref: FieldRef | undefined, fallback: string) => refs(ref)[0] ?? fallback;

function roundPosition(p: Position2D): Position2D {
  return [round7(p[0]), round7(p[1])];
}

/**
 * Maps every parsed row to a record, or rejects it with its row number, field and
 * reason. Duplicate external ids within the file reject the later rows.
 */
export function buildRecords(layer: ImportLayer, file: SourceFile, mapping: FieldMapping, options: ImportOptions): { records: ImportRecord[]; rejected: RowIssue[] } {
  checkMapping(layer, file, mapping, options);
  const records: ImportRecord[] = [];
  const rejected: RowIssue[] = [];
  const firstRowOf = new Map<string, number>();
  for (const src of file.rows) {
    const result = buildOne(layer, file, src, mapping, options);
    if ('issue' in result) {
      rejected.push(result.issue);
      continue;
    }
    const first = firstRowOf.get(result.externalId);
    if (first !== undefined) {
      rejected.push(rowIssue(src.row, firstField(mapping.id, 'id'), 'duplicate_id', `duplicate external id "${result.externalId}": the same id is on row ${first}`, { value: result.externalId, first }));
      continue;
    }
    firstRowOf.set(result.externalId, src.row);
    records.push(result);
  }
  return { records, rejected };
}

function buildOne(layer: ImportLayer, file: SourceFile, src: SourceRow, m: FieldMapping, o: ImportOptions): ImportRecord | { issue: RowIssue } {
  const row = src.row;
  const reject = (field: string, reason: string, code: string, params?: Record<string, unknown>) => ({ issue: rowIssue(row, field, code, reason, params) });
  if (src.issue) return { issue: src.issue };
  const p = src.props;
  const values: Record<string, string | number | null> = {};

  // Name: required; unnamed OSM elements are named after their kind (the OSM id stays in the external id).
  let name = pick(p, m.name);
  const kindCodes = layer === 'units' ? UNIT_KINDS : CHILD_PLACE_KINDS;
  let kind: string | undefined;
  if (layer === 'units' || layer === 'child-places') {
    const raw = o.kind ?? pick(p, m.kind) ?? (file.format === 'overpass' ? childKindFromTags(p) : undefined);
    if (raw === undefined) return reject(firstField(m.kind, 'kind'), `empty: the kind is required (one of ${kindCodes.join(', ')})`, 'required_value', { values: [...kindCodes] });
    kind = codeOf(raw, kindCodes);
    if (!kind) return reject(o.kind ? 'kind' : firstField(m.kind, 'kind'), `"${raw.slice(0, 60)}" is not a known kind; valid: ${kindCodes.join(', ')}`, 'invalid_value', { value: raw.slice(0, 60), values: [...kindCodes] });
    values.kind = kind;
  }
  const unnamed = name === undefined && src.osm !== undefined;
  if (unnamed) name = KIND_LABEL_SV[kind ?? ''] ?? 'Plats';
  if (name === undefined) {
    return m.name === undefined
      ? reject('name', 'no name field is mapped: map one (mapping.name)', 'unmapped_field', { field: 'name' })
      : reject(firstField(m.name, 'name'), 'empty: a name is required', 'required_value');
  }
  values.name = name;

  if (layer === 'actors') {
    const raw = o.category ?? pick(p, m.category);
    if (raw === undefined) return reject(firstField(m.category, 'category'), `empty: the category is required (one of ${ACTOR_CATEGORIES.join(', ')})`, 'required_value', { values: [...ACTOR_CATEGORIES] });
    const category = codeOf(raw, ACTOR_CATEGORIES);
    if (!category) return reject(o.category ? 'category' : firstField(m.category, 'category'), `"${raw.slice(0, 60)}" is not a known category; valid: ${ACTOR_CATEGORIES.join(', ')}`, 'invalid_value', { value: raw.slice(0, 60), values: [...ACTOR_CATEGORIES] });
    values.category = category;
  }

  const text = (key: keyof FieldMapping, column: string) => {
    if (m[key] === undefined) return undefined;
    values[column] = pick(p, m[key]) ?? null;
    return undefined;
  };
  if (layer !== 'areas') text('address', 'address');
  if (layer === 'units' || layer === 'child-places') text('operator', 'operator');
  if (layer === 'actors') {
    text('organisation', 'organisation');
    text('phone', 'phone');
    text('email', 'email');
    text('website', 'website');
  }
  if (layer === 'units' && m.places !== undefined) {
    // An empty cell is no places; a number goes to the write schema, which holds the bounds.
    const raw = pick(p, m.places);
    const n = raw === undefined ? 0 : Number(raw);
    if (Number.isNaN(n)) {
      const { minimum, maximum } = placesBounds();
      return reject(firstField(m.places, 'places'), `"${raw}" is not a whole number of places ${minimum}–${maximum}`, 'not_whole_number', { value: String(raw).slice(0, 40), minimum, maximum });
    }
    values.places = n;
  }

  let level: AreaLevel | undefined;
  if (layer === 'areas') {
    const raw = o.level ?? pick(p, m.level);
    if (raw === undefined) return reject(firstField(m.level, 'level'), `empty: the level is required (${AREA_LEVELS.join(', ')})`, 'required_value', { values: [...AREA_LEVELS] });
    level = codeOf(raw, AREA_LEVELS) as AreaLevel | undefined;
    if (!level) return reject(firstField(m.level, 'level'), `"${raw.slice(0, 60)}" is not a known level; valid: ${AREA_LEVELS.join(', ')} (or stadsområde, primärområde)`, 'invalid_value', { value: raw.slice(0, 60), values: [...AREA_LEVELS] });
    values.level = level;
    text('code', 'code');
    // Only a primary area has a parent (its city area).
    values.parent_name = level === 'primary_area' ? (pick(p, m.parent) ?? null) : null;
  }

  // External id: mapped, the OSM identity, or derived from name and address so that a re-import finds the row again.
  let externalId: string;
  if (src.osm && m.id === undefined) externalId = `osm:${src.osm}`;
  else if (m.id !== undefined) {
    const id = pick(p, m.id);
    if (id === undefined) return reject(firstField(m.id, 'id'), 'empty: the external id is required when an id field is mapped', 'required_value');
    externalId = level ? `${level}:${id}` : id;
  } else externalId = derivedId(name, typeof values.address === 'string' ? values.address : undefined);

  // Every value, the external id included, meets the API's write schema of the layer.
  const checked = checkRowValues(layer, { ...values, external_id: externalId });
  if ('issue' in checked) {
    const { key, column, code, params, reason } = checked.issue;
    return reject(firstField(m[key] as FieldRef | undefined, key === 'id' ? 'id' : column), reason, code, params);
  }
  const { external_id: _checkedId, ...checkedValues } = checked.values;
  Object.assign(values, checkedValues);

  const geometry = layer === 'areas' ? areaGeometry(src) : pointGeometry(file, src, m);
  if ('issue' in geometry) return reject(geometry.issue.field, geometry.issue.reason, geometry.issue.code, geometry.issue.params);
  return unnamed ? { row, externalId, values, geometry, unnamed } : { row, externalId, values, geometry };
}

type GeometryResult<G> = G | { issue: { field: string; reason: string; code: string; params?: Record<string, unknown> } };

function pointGeometry(file: SourceFile, src: SourceRow, m: FieldMapping): GeometryResult<PointGeo> {
  if (!isTabular(file)) {
    const g = src.geometry;
    const issues = geometryIssues(g, ['Point']);
    if (issues.length) {
      const c = (g as { coordinates?: unknown })?.coordinates;
      const hint = Array.isArray(c) && c.length === 2 && c.every((v) => typeof v === 'number' && Number.isFinite(v)) ? lonLatIssue(c[0], c[1]) : undefined;
      const field = ['geometry', ...issues[0]!.path].join('.');
      return { issue: hint ? { field, ...hint } : { field, reason: issues[0]!.message, code: issues[0]!.code, params: issues[0]!.params } };
    }
    const [lon, lat] = (g as PointGeo).coordinates;
    return { type: 'Point', coordinates: roundPosition([lon, lat]) };
  }
  const p = src.props;
  if (m.lon !== undefined && m.lat !== undefined) {
    const lon = parseNumber(p[m.lon]);
    if (lon === undefined) return { issue: { field: m.lon, code: 'not_a_number', params: { value: String(p[m.lon] ?? '').slice(0, 40), axis: 'lon' }, reason: `"${String(p[m.lon] ?? '').slice(0, 40)}" is not a number (longitude, decimal degrees)` } };
    const lat = parseNumber(p[m.lat]);
    if (lat === undefined) return { issue: { field: m.lat, code: 'not_a_number', params: { value: String(p[m.lat] ?? '').slice(0, 40), axis: 'lat' }, reason: `"${String(p[m.lat] ?? '').slice(0, 40)}" is not a number (latitude, decimal degrees)` } };
    const problem = lonLatIssue(lon, lat);
    if (problem) return { issue: { field: `${m.lon}/${m.lat}`, ...problem } };
    return { type: 'Point', coordinates: roundPosition([lon, lat]) };
  }
  const crs = m.crs as ProjectedCrs;
  const x = parseNumber(p[m.x!]);
  if (x === undefined) return { issue: { field: m.x!, code: 'not_a_number', params: { value: String(p[m.x!] ?? '').slice(0, 40), axis: 'x', crs }, reason: `"${String(p[m.x!] ?? '').slice(0, 40)}" is not a number (easting in metres, ${crs})` } };
  const y = parseNumber(p[m.y!]);
  if (y === undefined) return { issue: { field: m.y!, code: 'not_a_number', params: { value: String(p[m.y!] ?? '').slice(0, 40), axis: 'y', crs }, reason: `"${String(p[m.y!] ?? '').slice(0, 40)}" is not a number (northing in metres, ${crs})` } };
  const field = `${m.x}/${m.y}`;
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return { issue: { field, code: 'degrees_not_metres', params: { x, y, crs }, reason: `the values [${x}, ${y}] look like WGS 84 degrees, not ${crs} metres; map them as lon/lat` } };
  if (x > 6_000_000 && y < 1_100_000) return { issue: { field, code: 'swapped_axes', params: { x, y }, reason: `x and y look swapped: x=${x} is a northing and y=${y} an easting; x is the easting (east), y the northing (north)` } };
  const [lon, lat] = projectedToWgs84(x, y, crs);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !inSweden(lon, lat)) {
    return { issue: { field, code: 'outside_sweden', params: { x, y, crs }, reason: `x=${x}, y=${y} in ${crs} lies outside Sweden (${SWEDEN_BBOX_TEXT}); check the crs (EPSG:3006 SWEREF 99 TM or EPSG:3007 SWEREF 99 12 00)` } };
  }
  return { type: 'Point', coordinates: roundPosition([lon, lat]) };
}

function areaGeometry(src: SourceRow): GeometryResult<MultiPolygonGeo> {
  const g = src.geometry;
  const issues = geometryIssues(g, ['Polygon', 'MultiPolygon']);
  if (issues.length) return { issue: { field: ['geometry', ...issues[0]!.path].join('.'), reason: issues[0]!.message, code: issues[0]!.code, params: issues[0]!.params } };
  const geo = g as { type: 'Polygon'; coordinates: Position2D[][] } | MultiPolygonGeo;
  const polygons = geo.type === 'Polygon' ? [geo.coordinates] : geo.coordinates;
  return { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((ring) => ring.map(roundPosition))) };
}
