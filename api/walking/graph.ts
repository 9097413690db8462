/**
 * The walking graph: every vertex of every walkable way is a node (so ways join exactly
 * where they share an OSM node, and a bridge over a street, which shares none, does not
 * join it), segments longer than MAX_SEGMENT_M are cut into equal pieces by extra nodes
 * (so snapping can search a bounded radius and a zone's edge is never far from a node),
 * and the adjacency is compressed-sparse-row over typed arrays, undirected (oneway
 * streets do not bind pedestrians).
 */
import { isWalkable, type Tags } from './access.js';
import { haversineM } from './geo.js';

/** Longest segment kept whole, in metres. */
export const MAX_SEGMENT_M = 50;

/** One way as the graph builder takes it: the base data's row, coordinates in [lon, lat]. */
export interface WayInput {
  /** The highway value (base_ways.class). */
  highway: string;
  tags: Tags;
  /** OSM node ids, one per coordinate. */
  nodeIds: readonly number[];
  coords: readonly (readonly [number, number])[];
}

export interface WalkGraph {
  nodeCount: number;
  /** Node positions. */
  lon: Float64Array;
  lat: Float64Array;
  /** Undirected segments: ends and length in metres. */
  segCount: number;
  segA: Int32Array;
  segB: Int32Array;
  segLen: Float64Array;
  /** CSR adjacency: node i's neighbours are targets[offsets[i] .. offsets[i+1]), via segment segOf[k] of length lengths[k]. */
  offsets: Int32Array;
  targets: Int32Array;
  lengths: Float64Array;
  segOf: Int32Array;
}

/** Growable typed-array buffers, so a city's network is built without boxed arrays. */
class F64 { a = new Float64Array(1024); n = 0; push(v: number) { if (this.n === this.a.length) { const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b; } this.a[this.n++] = v; } }
class I32 { a = new Int32Array(1024); n = 0; push(v: number) { if (this.n === this.a.length) { const b = new Int32Array(this.a.length * 2); b.set(this.a); this.a = b; } this.a[this.n++] = v; } }

/** Builds the walking graph from highway ways; ways that are not walkable are left out. */
export function buildGraph(ways: Iterable<WayInput>): WalkGraph {
  const index = new Map<number, number>();
  const lon = new F64(), lat = new F64();
  const segA = new I32(), segB = new I32(), segLen = new F64();
  const newNode = (x: number, y: number): number => { lon.push(x); lat.push(y); return lon.n - 1; };
  const nodeOf = (osmId: number, x: number, y: number): number => {
    let i = index.get(osmId);
    if (i === undefined) { i = newNode(x, y); index.set(osmId, i); }
    return i;
  };
  const addSeg = (a: number, b: number, len: number) => { segA.push(a); segB.push(b); segLen.push(len); };

  for (const w of ways) {
    if (!isWalkable(w.highway, w.tags)) continue;
    const n = Math.min(w.nodeIds.length, w.coords.length);
    if (n < 2) continue;
    let prev = nodeOf(w.nodeIds[0]!, w.coords[0]![0], w.coords[0]![1]);
    for (let k = 1; k < n; k++) {
      const [x, y] = w.coords[k]!;
      const cur = nodeOf(w.nodeIds[k]!, x, y);
      if (cur === prev) continue;
      const x0 = lon.a[prev]!, y0 = lat.a[prev]!;
      const len = haversineM(x0, y0, x, y);
      const pieces = Math.max(1, Math.ceil(len / MAX_SEGMENT_M));
      let from = prev;
      for (let p = 1; p < pieces; p++) {
        const f = p / pieces;
        const mid = newNode(x0 + (x - x0) * f, y0 + (y - y0) * f);
        addSeg(from, mid, len / pieces);
        from = mid;
      }
      addSeg(from, cur, len / pieces);
      prev = cur;
    }
  }
  return compress(lon.n, lon.a.slice(0, lon.n), lat.a.slice(0, lat.n), segA.a.slice(0, segA.n), segB.a.slice(0, segB.n), segLen.a.slice(0, segLen.n));
}

/** A graph from explicit nodes and undirected segments (the tests' random graphs use it too). */
export function compress(
  nodeCount: number, lon: Float64Array, lat: Float64Array, segA: Int32Array, segB: Int32Array, segLen: Float64Array,
): WalkGraph {
  const segCount = segA.length;
  const degree = new Int32Array(nodeCount + 1);
  for (let s = 0; s < segCount; s++) { degree[segA[s]!]!++; degree[segB[s]!]!++; }
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * segCount), lengths = new Float64Array(2 * segCount), segOf = new Int32Array(2 * segCount);
  for (let s = 0; s < segCount; s++) {
    const a = segA[s]!, b = segB[s]!, len = segLen[s]!;
    let k = fill[a]!++; targets[k] = b; lengths[k] = len; segOf[k] = s;
    k = fill[b]!++; targets[k] = a; lengths[k] = len; segOf[k] = s;
  }
  return { nodeCount, lon, lat, segCount, segA, segB, segLen, offsets, targets, lengths, segOf };
}
