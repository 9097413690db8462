/**
 * A band's polygon from the points it reached: a concave hull (concaveman) in the local
 * plane. Its vertices are input points themselves (their lon/lat written out unchanged),
 * and every point lying on or within a micrometre of the outline is made a vertex too, so
 * a reached node is never judged outside by rounding. Should the concave hull ever leave
 * a point out, the convex hull (which holds every point by construction) is used.
 * Points are classified against the outline through horizontal strips of its edges, so
 * the check costs about the number of points, not points × edges.
 */
import concaveman from 'concaveman';

/** concaveman's relative concavity (its default: higher is simpler) and the edge length in metres below which it stops carving. */
export const HULL_CONCAVITY = 2;
export const HULL_MIN_EDGE_M = 40;

/** A point for the hull: planar x, y in metres, and the lon/lat written out. */
export type HullPoint = [x: number, y: number, lon: number, lat: number];

/** Within this many metres of an edge, a point is taken as on the outline and made a vertex. */
const ON_EDGE_M = 1e-6;
const STRIP_M = 20;

interface Classified { outside: HullPoint[]; onEdge: { edge: number; t: number; p: HullPoint }[] }

/** Which points are outside the closed ring, and which lie on one of its edges (not at a vertex). */
function classify(ring: readonly HullPoint[], points: readonly HullPoint[]): Classified {
  let minY = Infinity;
  for (const p of ring) minY = Math.min(minY, p[1]);
  const strips: number[][] = [];
  for (let e = 0; e + 1 < ring.length; e++) {
    const y0 = Math.min(ring[e]![1], ring[e + 1]![1]) - ON_EDGE_M, y1 = Math.max(ring[e]![1], ring[e + 1]![1]) + ON_EDGE_M;
    for (let s = Math.floor((y0 - minY) / STRIP_M), last = Math.floor((y1 - minY) / STRIP_M); s <= last; s++) (strips[s] ??= []).push(e);
  }
  const out: Classified = { outside: [], onEdge: [] };
  for (const p of points) {
    const [x, y] = p;
    const edges = strips[Math.floor((y - minY) / STRIP_M)] ?? [];
    let inside = false, on: { edge: number; t: number } | undefined, vertex = false;
    for (const e of edges) {
      const [xi, yi] = ring[e]!, [xj, yj] = ring[e + 1]!;
      if ((x === xi && y === yi) || (x === xj && y === yj)) { vertex = true; break; }
      const dx = xj - xi, dy = yj - yi, l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : ((x - xi) * dx + (y - yi) * dy) / l2;
      if (t > 0 && t < 1 && Math.hypot(xi + dx * t - x, yi + dy * t - y) <= ON_EDGE_M) { on = { edge: e, t }; break; }
      if ((yi > y) !== (yj > y) && x < (dx * (y - yi)) / dy + xi) inside = !inside;
    }
    if (vertex) continue;
    if (on) out.onEdge.push({ ...on, p });
    else if (!inside) out.outside.push(p);
  }
  return out;
}

const signedArea = (ring: readonly HullPoint[]): number => {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a / 2;
};

/** The ring with the on-edge points inserted as vertices, in order along each edge. */
function withVertices(ring: readonly HullPoint[], onEdge: Classified['onEdge']): HullPoint[] {
  if (onEdge.length === 0) return ring.slice();
  const byEdge = new Map<number, { t: number; p: HullPoint }[]>();
  for (const o of onEdge) { const l = byEdge.get(o.edge); if (l) l.push(o); else byEdge.set(o.edge, [o]); }
  const next: HullPoint[] = [];
  for (let e = 0; e + 1 < ring.length; e++) {
    next.push(ring[e]!);
    const extra = byEdge.get(e);
    if (extra) for (const o of extra.sort((a, b) => a.t - b.t)) next.push(o.p);
  }
  next.push(ring[ring.length - 1]!);
  return next;
}

/** Cell size of the thinning grid, in metres. */
const THIN_CELL_M = 50;
/** Rounds of adding left-out points back before falling back to the convex hull. */
const HULL_ROUNDS = 3;

/**
 * The points that can shape the outline: those in occupied grid cells with an empty
 * neighbour (the edge of the reached area). Points deep inside cannot be on a concave
 * hull that does not carve into occupied cells, and the hull's cost grows with its
 * input; any point the thinned hull does leave out is added back (hullOf).
 */
function thin(points: readonly HullPoint[]): HullPoint[] {
  if (points.length < 200) return points.slice();
  // cells keyed by a number: column × 2^21 + row, columns and rows offset to be non-negative
  let minX = Infinity, minY = Infinity;
  for (const p of points) { if (p[0] < minX) minX = p[0]; if (p[1] < minY) minY = p[1]; }
  const W = 2 ** 21;
  const keyOf = (p: HullPoint) => (Math.floor((p[0] - minX) / THIN_CELL_M) + 1) * W + Math.floor((p[1] - minY) / THIN_CELL_M) + 1;
  const occupied = new Set<number>();
  for (const p of points) occupied.add(keyOf(p));
  const out: HullPoint[] = [];
  for (const p of points) {
    const k = keyOf(p);
    if (!occupied.has(k + W) || !occupied.has(k - W) || !occupied.has(k + 1) || !occupied.has(k - 1)) out.push(p);
  }
  return out;
}

/** The outline (closed, counter-clockwise as RFC 7946 asks) of a set of points, as [lon, lat]. */
export function hullOf(points: HullPoint[]): [number, number][] {
  const shaping = thin(points);
  let ring = concaveman(shaping, HULL_CONCAVITY, HULL_MIN_EDGE_M);
  let c = classify(ring, points);
  for (let round = 1; c.outside.length > 0 && round < HULL_ROUNDS; round++) {
    shaping.push(...c.outside);
    ring = concaveman(shaping, HULL_CONCAVITY, HULL_MIN_EDGE_M);
    c = classify(ring, points);
  }
  if (c.outside.length > 0) {
    ring = concaveman(points, Infinity);
    c = classify(ring, points);
  }
  ring = withVertices(ring, c.onEdge);
  if (signedArea(ring) < 0) ring.reverse();
  return ring.map((p) => [p[2], p[3]]);
}
