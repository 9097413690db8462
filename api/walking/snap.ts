/**
 * Snapping a point to the nearest point of the walking network: not the nearest node
 * but the nearest point on a segment. A kdbush index of the nodes in the local plane
 * gives candidate nodes; their segments are projected onto. Since no segment is longer
 * than MAX_SEGMENT_M, a segment at distance δ has an end within √(δ² + (L/2)²), so the
 * search radius grows until it covers that and the answer is exact.
 */
import KDBush from 'kdbush';
import { haversineM, planeAt, toLat, toLon, toX, toY, type Plane } from './geo.js';
import { MAX_SEGMENT_M, type WalkGraph } from './graph.js';

/** Where a point meets the network. */
export interface Snap {
  /** The segment and the fraction t along it from segA to segB. */
  seg: number;
  t: number;
  /** The snapped point. */
  lon: number;
  lat: number;
  /** From the point to the snapped point, in metres. */
  distance_m: number;
}

export class SnapIndex {
  readonly plane: Plane;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly tree: KDBush | undefined;
  /** Longest segment of the graph, in metres (at most MAX_SEGMENT_M for built graphs). */
  private readonly halfLongest: number;

  constructor(private readonly g: WalkGraph) {
    let sx = 0, sy = 0;
    for (let i = 0; i < g.nodeCount; i++) { sx += g.lon[i]!; sy += g.lat[i]!; }
    this.plane = g.nodeCount ? planeAt(sx / g.nodeCount, sy / g.nodeCount) : planeAt(0, 0);
    this.x = new Float64Array(g.nodeCount);
    this.y = new Float64Array(g.nodeCount);
    for (let i = 0; i < g.nodeCount; i++) { this.x[i] = toX(this.plane, g.lon[i]!); this.y[i] = toY(this.plane, g.lat[i]!); }
    let longest = 0;
    for (let s = 0; s < g.segCount; s++) {
      const a = g.segA[s]!, b = g.segB[s]!;
      longest = Math.max(longest, Math.hypot(this.x[b]! - this.x[a]!, this.y[b]! - this.y[a]!));
    }
    this.halfLongest = Math.max(longest, 1) / 2;
    if (g.nodeCount > 0) {
      const tree = new KDBush(g.nodeCount, 64, Float64Array);
      for (let i = 0; i < g.nodeCount; i++) tree.add(this.x[i]!, this.y[i]!);
      tree.finish();
      this.tree = tree;
    }
  }

  /** Planar x, y of node i. */
  xy(i: number): [number, number] { return [this.x[i]!, this.y[i]!]; }

  /** The nearest network point within maxM metres, or undefined. */
  snap(lon: number, lat: number, maxM: number): Snap | undefined {
    if (!this.tree) return undefined;
    const px = toX(this.plane, lon), py = toY(this.plane, lat);
    const reach = Math.hypot(maxM, this.halfLongest);
    let r = Math.min(Math.max(2 * this.halfLongest, 25), reach);
    for (;;) {
      const best = this.nearestAmong(this.tree.within(px, py, r), px, py);
      const need = best ? Math.hypot(best.d, this.halfLongest) : Infinity;
      if (need <= r || r >= reach) {
        if (!best || best.d > maxM) return undefined;
        const { seg, t } = best;
        const a = this.g.segA[seg]!, b = this.g.segB[seg]!;
        const sx = this.x[a]! + (this.x[b]! - this.x[a]!) * t, sy = this.y[a]! + (this.y[b]! - this.y[a]!) * t;
        const slon = toLon(this.plane, sx), slat = toLat(this.plane, sy);
        return { seg, t, lon: slon, lat: slat, distance_m: haversineM(lon, lat, slon, slat) };
      }
      r = Math.min(Number.isFinite(need) ? need : r * 2, reach);
    }
  }

  private nearestAmong(nodes: number[], px: number, py: number): { seg: number; t: number; d: number } | undefined {
    const { offsets, segOf, segA, segB } = this.g;
    let best: { seg: number; t: number; d: number } | undefined;
    for (const n of nodes) {
      for (let k = offsets[n]!, end = offsets[n + 1]!; k < end; k++) {
        const s = segOf[k]!;
        const a = segA[s]!, b = segB[s]!;
        const ax = this.x[a]!, ay = this.y[a]!, dx = this.x[b]! - ax, dy = this.y[b]! - ay;
        const l2 = dx * dx + dy * dy;
        const t = l2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / l2));
        const d = Math.hypot(ax + dx * t - px, ay + dy * t - py);
        if (!best || d < best.d || (d === best.d && s < best.seg)) best = { seg: s, t, d };
      }
    }
    return best;
  }
}

export { MAX_SEGMENT_M };
