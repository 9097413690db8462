/**
 * The walking network of one base-data version: the graph, its snapping index and a
 * reusable search. Pure (no database): the service loads the ways and keeps one of
 * these per version, so both database engines give the very same answers.
 *
 * A walk is measured from a place to where it meets the network (the snap distance, as
 * the crow flies: from the door to the pavement), along the network, and from the
 * network to the other place. A place farther than `maxSnapM` from any walkable way is
 * not on the network, and walks to or from it are unknown (null), as are walks longer
 * than the search's limit.
 */
import { componentsOf } from './components.js';
import { Searcher, type Reach, type Seed } from './dijkstra.js';
import { toLat, toLon, toX, toY } from './geo.js';
import { buildGraph, type WalkGraph, type WayInput } from './graph.js';
import { hullOf, type HullPoint } from './hull.js';
import { SnapIndex, type Snap } from './snap.js';

export interface LonLat { lon: number; lat: number }

/** Half the side, in metres, of the small square kept around a zone's start so a polygon never collapses to a line. */
export const ZONE_START_PAD_M = 10;

/** One band of walk zones: the distance it reaches and its outline (null when the start is not on the network). */
export interface ZoneBand { limit_m: number; ring: [number, number][] | null; reached_nodes: number }

export class WalkNetwork {
  readonly snapper: SnapIndex;
  private readonly searcher: Searcher;
  /** The connected component of each node (components.ts). */
  private readonly component: Int32Array;
  /** Each node's distance in the current search (Infinity elsewhere), set and cleared per call: a typed array, not a Map of tens of thousands of nodes. */
  private readonly settled: Float64Array;

  constructor(readonly graph: WalkGraph) {
    this.snapper = new SnapIndex(graph);
    this.searcher = new Searcher(graph);
    this.component = componentsOf(graph);
    this.settled = new Float64Array(graph.nodeCount).fill(Infinity);
  }

  /** Runs `use` with `settled` holding the reach's distances, and clears them after. */
  private withSettled<T>(reach: Reach, use: (at: Float64Array) => T): T {
    const at = this.settled;
    for (let i = 0; i < reach.nodes.length; i++) at[reach.nodes[i]!] = reach.dist[i]!;
    try {
      return use(at);
    } finally {
      for (let i = 0; i < reach.nodes.length; i++) at[reach.nodes[i]!] = Infinity;
    }
  }

  static fromWays(ways: Iterable<WayInput>): WalkNetwork {
    return new WalkNetwork(buildGraph(ways));
  }

  snap(p: LonLat, maxSnapM: number): Snap | undefined {
    return this.snapper.snap(p.lon, p.lat, maxSnapM);
  }

  /** The two ends of a snapped point's segment, reached at the snap distance plus the way along the segment. */
  private seeds(s: Snap): Seed[] {
    const g = this.graph, len = g.segLen[s.seg]!;
    return [
      { node: g.segA[s.seg]!, dist: s.distance_m + s.t * len },
      { node: g.segB[s.seg]!, dist: s.distance_m + (1 - s.t) * len },
    ];
  }

  /**
   * Walking distances in metres from one place to each of the others (null: off the
   * network, not connected to the start, or farther than limitM). The search stops once
   * every target it can reach is settled.
   */
  distances(from: LonLat, to: readonly LonLat[], opts: { maxSnapM: number; limitM: number }): (number | null)[] {
    const src = this.snap(from, opts.maxSnapM);
    if (!src || to.length === 0) return to.map(() => null);
    const g = this.graph;
    const snaps = to.map((p) => this.snap(p, opts.maxSnapM));
    // targets in another component than the start's are never reached: not waited for
    const home = this.component[g.segA[src.seg]!]!;
    const wanted = new Set<number>();
    for (const s of snaps) if (s && this.component[g.segA[s.seg]!] === home) { wanted.add(g.segA[s.seg]!); wanted.add(g.segB[s.seg]!); }
    const reach = wanted.size > 0 ? this.searcher.run(this.seeds(src), opts.limitM, wanted) : { nodes: new Int32Array(0), dist: new Float64Array(0) };
    const srcLen = g.segLen[src.seg]!;
    return this.withSettled(reach, (dist) => snaps.map((s) => {
      if (!s) return null;
      const len = g.segLen[s.seg]!;
      let best = Math.min(
        dist[g.segA[s.seg]!]! + s.t * len,
        dist[g.segB[s.seg]!]! + (1 - s.t) * len,
      );
      if (s.seg === src.seg) best = Math.min(best, src.distance_m + Math.abs(src.t - s.t) * srcLen);
      const total = best + s.distance_m;
      return Number.isFinite(total) && total <= opts.limitM ? total : null;
    }));
  }

  /**
   * Walk zones: for each limit (metres), the outline of what is reached within it: every
   * settled node, the reachable part of each segment leaving the band (cut where the
   * limit runs out), the start and its snapped point.
   */
  zones(from: LonLat, limitsM: readonly number[], maxSnapM: number): ZoneBand[] {
    const src = this.snap(from, maxSnapM);
    if (!src) return limitsM.map((limit_m) => ({ limit_m, ring: null, reached_nodes: 0 }));
    const g = this.graph, plane = this.snapper.plane;
    const reach = this.searcher.run(this.seeds(src), Math.max(...limitsM));
    const point = (x: number, y: number): HullPoint => [x, y, toLon(plane, x), toLat(plane, y)];
    const sx = toX(plane, src.lon), sy = toY(plane, src.lat);
    const a = g.segA[src.seg]!, b = g.segB[src.seg]!, srcLen = g.segLen[src.seg]!;
    const [ax, ay] = this.snapper.xy(a), [bx, by] = this.snapper.xy(b);
    return this.withSettled(reach, (dist) => limitsM.map((limit) => {
      const pts: HullPoint[] = [
        [toX(plane, from.lon), toY(plane, from.lat), from.lon, from.lat],
        point(sx - ZONE_START_PAD_M, sy - ZONE_START_PAD_M), point(sx + ZONE_START_PAD_M, sy - ZONE_START_PAD_M),
        point(sx + ZONE_START_PAD_M, sy + ZONE_START_PAD_M), point(sx - ZONE_START_PAD_M, sy + ZONE_START_PAD_M),
      ];
      // along the start's own segment, as far as the limit allows either way
      const left = limit - src.distance_m;
      if (left > 0 && srcLen > 0) {
        const ta = Math.max(0, src.t - left / srcLen), tb = Math.min(1, src.t + left / srcLen);
        pts.push(point(ax + (bx - ax) * ta, ay + (by - ay) * ta), point(ax + (bx - ax) * tb, ay + (by - ay) * tb));
      }
      let reached = 0;
      for (let i = 0; i < reach.nodes.length && reach.dist[i]! <= limit; i++) {
        const u = reach.nodes[i]!, du = reach.dist[i]!;
        reached++;
        pts.push([this.snapper.xy(u)[0], this.snapper.xy(u)[1], g.lon[u]!, g.lat[u]!]);
        for (let k = g.offsets[u]!, end = g.offsets[u + 1]!; k < end; k++) {
          const v = g.targets[k]!;
          if (dist[v]! <= limit) continue;
          const f = (limit - du) / g.lengths[k]!;
          if (f <= 0 || f >= 1) continue;
          const [ux, uy] = this.snapper.xy(u), [vx, vy] = this.snapper.xy(v);
          pts.push(point(ux + (vx - ux) * f, uy + (vy - uy) * f));
        }
      }
      return { limit_m: limit, ring: hullOf(pts), reached_nodes: reached };
    }));
  }

  /** The nodes reached within limitM from a place, with their distances (for tests and diagnostics). */
  reach(from: LonLat, limitM: number, maxSnapM: number): { lon: number; lat: number; dist: number }[] {
    const src = this.snap(from, maxSnapM);
    if (!src) return [];
    const r = this.searcher.run(this.seeds(src), limitM);
    return Array.from(r.nodes, (n, i) => ({ lon: this.graph.lon[n]!, lat: this.graph.lat[n]!, dist: r.dist[i]! }));
  }
}
