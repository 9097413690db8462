/**
 * Overpass API JSON (`[out:json]`, as overpass-turbo's "Export → raw OSM data" saves it):
 * `{"elements":[…]}` of nodes, ways and relations, in the plain (`out body`) form or the
 * `out geom` form where ways carry `geometry:[{lat,lon}]` and relation members theirs.
 */
import { ruleError } from '../errors.js';
import type { ElementSink, LonLat, RelationMember, Tags } from './elements.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const broken = (reason: string, index?: number) =>
  ruleError('bad_request', 'osm_file_broken', `The Overpass JSON cannot be read${index === undefined ? '' : ` at element ${index}`}: ${reason}. Nothing was imported.`, { reason, ...(index === undefined ? {} : { at: index }) }, ['file']);

function tagsOf(v: unknown, index: number): Tags | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) throw broken('"tags" is not an object', index);
  const t: Tags = {};
  for (const [k, x] of Object.entries(v)) t[k] = typeof x === 'string' ? x : String(x);
  return Object.keys(t).length > 0 ? t : undefined;
}

function geometryOf(v: unknown): (LonLat | null)[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((p) => (isObj(p) && isNum(p.lon) && isNum(p.lat) ? [p.lon, p.lat] as LonLat : null));
}

/** Reads the text into `sink`, element by element; a malformed element is an error naming its index. */
export function readOverpassJson(text: string, sink: ElementSink, onProgress?: (done: number, total: number) => void): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw broken(`it is not valid JSON (${(err as Error).message}); a truncated download looks like this`);
  }
  if (!isObj(doc) || !Array.isArray(doc.elements)) throw broken('it has no "elements" list');
  const elements = doc.elements as unknown[];
  // Overpass writes nodes, then ways, then relations; nodes are given to the sink first
  // in any case, so a way never waits for a node that comes later in the file.
  const order = ['node', 'way', 'relation'];
  for (const want of order) {
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i];
      if (!isObj(el)) throw broken('an entry that is not an object', i);
      if (el.type !== want) {
        if (want === 'node' && !order.includes(String(el.type))) throw broken(`an element of type "${String(el.type)}" (node, way or relation)`, i);
        continue;
      }
      if (!isNum(el.id) || !Number.isInteger(el.id)) throw broken('an element without a whole-number "id"', i);
      const tags = tagsOf(el.tags, i);
      if (want === 'node') {
        if (!isNum(el.lat) || !isNum(el.lon)) throw broken(`node ${el.id} without "lat" and "lon"`, i);
        if (Math.abs(el.lat) > 90 || Math.abs(el.lon) > 180) throw broken(`node ${el.id} at lat ${el.lat}, lon ${el.lon}, outside the globe`, i);
        sink.node(el.id, el.lon, el.lat, tags);
      } else if (want === 'way') {
        const nodes = el.nodes;
        if (nodes !== undefined && (!Array.isArray(nodes) || !nodes.every((r) => isNum(r) && Number.isInteger(r)))) throw broken(`way ${el.id} whose "nodes" is not a list of ids`, i);
        const geom = geometryOf(el.geometry);
        if (!nodes && !geom) throw broken(`way ${el.id} with neither "nodes" nor "geometry"`, i);
        sink.way(el.id, (nodes as number[] | undefined) ?? [], tags, geom);
      } else {
        if (!Array.isArray(el.members)) throw broken(`relation ${el.id} without "members"`, i);
        const members: RelationMember[] = [];
        for (const m of el.members as unknown[]) {
          if (!isObj(m) || (m.type !== 'node' && m.type !== 'way' && m.type !== 'relation') || !isNum(m.ref)) throw broken(`relation ${el.id} with a member that is not {type, ref, role}`, i);
          const member: RelationMember = { type: m.type, ref: m.ref, role: typeof m.role === 'string' ? m.role : '' };
          const g = geometryOf(m.geometry);
          if (g) member.coords = g.filter((p): p is LonLat => p !== null);
          members.push(member);
        }
        sink.relation(el.id, members, tags);
      }
      if (i % 50000 === 0) onProgress?.(i, elements.length);
    }
  }
}
