/**
 * Reads an OpenStreetMap file (PBF or Overpass JSON, told apart by its first bytes) into
 * the rows of the base tables: no database here, so the whole mapping is tested on its own
 * and a broken file fails before anything is written.
 */
import { pointOnFeature } from '@turf/turf';
import { ruleError } from '../errors.js';
import { assembleRings, buildMultiPolygon, pointInRing } from './assemble.js';
import { detectOsmFile } from './detect.js';
import type { ElementSink, LonLat, OsmSourceKind, RelationMember, Tags } from './elements.js';
import { addressOf, areaKind, closedWayIsArea, lineKind, placeOf, poiOf, type AddressParts, type AreaKind, type LineKind } from './mapping.js';
import { NodeStore } from './nodeStore.js';
import { readOverpassJson } from './overpass.js';
import { readPbf } from './pbf.js';

export type OsmType = 'node' | 'way' | 'relation';

export interface WayRow { osm_id: number; kind: LineKind; class: string; name: string | null; tags: Tags; node_ids: number[]; coords: LonLat[] }
export interface AreaRow { osm_type: 'way' | 'relation'; osm_id: number; kind: AreaKind; class: string; name: string | null; tags: Tags; polygons: LonLat[][][] }
export interface PlaceRow { osm_type: OsmType; osm_id: number; class: string; name: string; tags: Tags; point: LonLat }
export interface AddressRow extends AddressParts { osm_type: OsmType; osm_id: number; point: LonLat }
export interface PoiRow { osm_type: OsmType; osm_id: number; key: string; value: string; name: string | null; tags: Tags; point: LonLat }

export interface BaseDataCounts {
  ways: number;
  areas: number;
  places: number;
  addresses: number;
  pois: number;
  /** Elements in the file. */
  nodes_read: number;
  ways_read: number;
  relations_read: number;
  /** Ways or relations whose nodes or members the file does not hold (a clipped extract's edge). */
  incomplete: number;
}

export interface BaseData {
  kind: OsmSourceKind;
  ways: WayRow[];
  areas: AreaRow[];
  places: PlaceRow[];
  addresses: AddressRow[];
  pois: PoiRow[];
  /** [west, south, east, north] of the data. */
  bbox: [number, number, number, number];
  counts: BaseDataCounts;
}

export interface ReadProgress { phase: 'read' | 'map'; done: number; total?: number }

interface WayRec { refs: number[]; tags: Tags | undefined; coords?: (LonLat | null)[] }
interface RelRec { id: number; members: RelationMember[]; tags: Tags }

/** Reads and maps the file. Throws a rule error (osm_file_kind, osm_file_broken, osm_file_empty) for anything it cannot read. */
export function readOsmFile(bytes: Uint8Array, onProgress?: (p: ReadProgress) => void): BaseData {
  const kind = detectOsmFile(bytes);
  const nodes = new NodeStore();
  // By id: a file that lists an element twice (two Overpass answers pasted together) keeps the last.
  const tagged = new Map<number, { id: number; point: LonLat; tags: Tags }>();
  const ways = new Map<number, WayRec>();
  const relations = new Map<number, RelRec>();
  let relationsRead = 0;
  const sink: ElementSink = {
    node(id, lon, lat, tags) {
      nodes.add(id, lon, lat);
      if (tags) tagged.set(id, { id, point: [lon, lat], tags });
      else tagged.delete(id);
    },
    way(id, refs, tags, coords) {
      ways.set(id, coords ? { refs, tags, coords } : { refs, tags });
    },
    relation(id, members, tags) {
      relationsRead++;
      if (tags && (tags.type === 'multipolygon' || placeOf(tags) || poiOf(tags) || addressOf(tags))) relations.set(id, { id, members, tags });
      else relations.delete(id);
    },
  };
  if (kind === 'pbf') readPbf(bytes, sink, (done, total) => onProgress?.({ phase: 'read', done, total }));
  else readOverpassJson(new TextDecoder('utf-8').decode(bytes), sink, (done, total) => onProgress?.({ phase: 'read', done, total }));

  if (nodes.size === 0 && ways.size === 0) {
    throw ruleError('bad_request', 'osm_file_empty', 'The file holds no OSM nodes or ways; nothing was imported.', {}, ['file']);
  }
  const out: BaseData = {
    kind, ways: [], areas: [], places: [], addresses: [], pois: [], bbox: [0, 0, 0, 0],
    counts: { ways: 0, areas: 0, places: 0, addresses: 0, pois: 0, nodes_read: nodes.size, ways_read: ways.size, relations_read: relationsRead, incomplete: 0 },
  };
  const points = (type: OsmType, id: number, tags: Tags, point: LonLat | (() => LonLat | undefined)) => {
    const place = placeOf(tags), addr = addressOf(tags), poi = poiOf(tags);
    if (!place && !addr && !poi) return;
    const at = typeof point === 'function' ? point() : point;
    if (!at) return;
    if (place) out.places.push({ osm_type: type, osm_id: id, class: place, name: tags.name!, tags, point: at });
    if (addr) out.addresses.push({ osm_type: type, osm_id: id, ...addr, point: at });
    if (poi) out.pois.push({ osm_type: type, osm_id: id, key: poi.key, value: poi.value, name: tags.name ?? null, tags, point: at });
  };
  for (const n of tagged.values()) points('node', n.id, n.tags, n.point);

  /** The way's vertices with their node ids, the nodes the file lacks left out. */
  const resolve = (w: WayRec): { ids: number[]; coords: LonLat[]; missing: boolean } => {
    const ids: number[] = [], coords: LonLat[] = [];
    let missing = false;
    for (let k = 0; k < Math.max(w.refs.length, w.coords?.length ?? 0); k++) {
      const id = w.refs[k];
      const p = w.coords?.[k] ?? (id === undefined ? undefined : nodes.get(id));
      if (!p) { missing = true; continue; }
      ids.push(id ?? 0);
      coords.push(p);
    }
    return { ids, coords, missing };
  };
  let k = 0;
  for (const [id, w] of ways) {
    if (++k % 20000 === 0) onProgress?.({ phase: 'map', done: k, total: ways.size });
    const tags = w.tags;
    if (!tags) continue;
    const line = lineKind(tags);
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
    const isArea = closed && closedWayIsArea(tags);
    const area = isArea ? areaKind(tags) : undefined;
    const wantsPoints = placeOf(tags) || addressOf(tags) || poiOf(tags);
    if (!line && !area && !wantsPoints) continue;
    const r = resolve(w);
    if (r.missing) out.counts.incomplete++;
    if (line && r.coords.length >= 2 && r.ids.every((x) => x !== 0)) {
      out.ways.push({ osm_id: id, kind: line.kind, class: line.class, name: tags.name ?? null, tags, node_ids: r.ids, coords: r.coords });
    }
    const ringOk = closed && !r.missing && r.coords.length >= 4;
    if (area && ringOk) out.areas.push({ osm_type: 'way', osm_id: id, kind: area.kind, class: area.class, name: tags.name ?? null, tags, polygons: buildMultiPolygon([r.coords], []) });
    if (wantsPoints) points('way', id, tags, () => (ringOk ? surfacePoint([[r.coords]]) : r.coords[Math.floor(r.coords.length / 2)]));
  }
  onProgress?.({ phase: 'map', done: ways.size, total: ways.size });

  for (const rel of relations.values()) {
    const memberCoords = (m: RelationMember): LonLat[] | undefined => {
      if (m.coords && m.coords.length > 0) return m.coords;
      const w = ways.get(m.ref);
      if (!w) return undefined;
      const r = resolve(w);
      return r.missing ? undefined : r.coords;
    };
    let polygons: LonLat[][][] | undefined;
    if (rel.tags.type === 'multipolygon') {
      const outer: LonLat[][] = [], inner: LonLat[][] = [];
      let missing = false;
      for (const m of rel.members) {
        if (m.type !== 'way') continue;
        const c = memberCoords(m);
        if (!c) { missing = true; continue; }
        (m.role === 'inner' ? inner : outer).push(c);
      }
      const o = assembleRings(outer), i = assembleRings(inner);
      if (missing || o.unclosed > 0 || i.unclosed > 0) out.counts.incomplete++;
      if (o.rings.length > 0) polygons = buildMultiPolygon(o.rings, i.rings);
      const area = areaKind(rel.tags);
      if (area && polygons) out.areas.push({ osm_type: 'relation', osm_id: rel.id, kind: area.kind, class: area.class, name: rel.tags.name ?? null, tags: rel.tags, polygons });
    }
    points('relation', rel.id, rel.tags, () => {
      if (polygons) return surfacePoint(polygons);
      const label = rel.members.find((m) => m.type === 'node' && (m.role === 'label' || m.role === 'admin_centre'));
      return label ? nodes.get(label.ref) : undefined;
    });
  }

  // An Overpass answer without its nodes (`out body;` alone): importing it would replace the
  // base data with nothing, so it is refused.
  if (ways.size > 0 && out.ways.length === 0 && out.areas.length === 0 && out.counts.incomplete > 0) {
    throw ruleError('bad_request', 'osm_no_positions', `The file's ${ways.size} ways lack their nodes (run the Overpass query with ">; out skel qt;" or "out geom;"); nothing was imported.`, { ways: ways.size }, ['file']);
  }
  out.bbox = nodes.extent() ?? extentOfWays(out.ways);
  Object.assign(out.counts, { ways: out.ways.length, areas: out.areas.length, places: out.places.length, addresses: out.addresses.length, pois: out.pois.length });
  return out;
}

/** A point inside the (multi)polygon, for an address, POI or place mapped as an area. */
function surfacePoint(polygons: LonLat[][][]): LonLat | undefined {
  // Most areas are small convex outlines (buildings): the mean of the outer ring's vertices
  // lies inside and costs nothing; otherwise turf's point on the surface.
  const outer = polygons[0]?.[0];
  if (polygons.length === 1 && polygons[0]!.length === 1 && outer && outer.length >= 4) {
    let x = 0, y = 0;
    for (let k = 0; k + 1 < outer.length; k++) { x += outer[k]![0]; y += outer[k]![1]; }
    const p: LonLat = [Math.round((x / (outer.length - 1)) * 1e7) / 1e7, Math.round((y / (outer.length - 1)) * 1e7) / 1e7];
    if (pointInRing(p, outer)) return p;
  }
  try {
    const p = pointOnFeature({ type: 'MultiPolygon', coordinates: polygons }).geometry.coordinates;
    return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
  } catch {
    return polygons[0]?.[0]?.[0];
  }
}

function extentOfWays(ways: WayRow[]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const r of ways) for (const [x, y] of r.coords) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
  return Number.isFinite(w) ? [w, s, e, n] : [0, 0, 0, 0];
}
