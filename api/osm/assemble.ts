/**
 * Areas from OSM: multipolygon rings assembled from member ways joined end to end
 * (a river's outline is dozens of ways), inner rings put in the outer ring that holds
 * them, rings oriented as GeoJSON wants (outer counter-clockwise, holes clockwise).
 */
import type { LonLat } from './elements.js';

const key = (p: LonLat) => `${p[0]},${p[1]}`;
const same = (a: LonLat, b: LonLat) => a[0] === b[0] && a[1] === b[1];

/** Twice the signed area (positive: counter-clockwise). */
export function signedArea2(ring: LonLat[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
  return s;
}

export function pointInRing(p: LonLat, ring: LonLat[]): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [ax, ay] = ring[a]!, [bx, by] = ring[b]!;
    if ((ay > p[1]) !== (by > p[1]) && p[0] < ax + ((p[1] - ay) / (by - ay)) * (bx - ax)) inside = !inside;
  }
  return inside;
}

/**
 * Joins lines into closed rings by shared end points (either direction). Returns the
 * rings (each closed, at least 4 positions) and how many lines could not be closed.
 */
export function assembleRings(lines: LonLat[][]): { rings: LonLat[][]; unclosed: number } {
  const rings: LonLat[][] = [];
  const open: (LonLat[] | null)[] = [];
  for (const l of lines) {
    if (l.length < 2) continue;
    if (same(l[0]!, l[l.length - 1]!)) { if (l.length >= 4) rings.push(l); continue; }
    open.push(l);
  }
  const byEnd = new Map<string, number[]>();
  open.forEach((l, i) => {
    for (const p of [l![0]!, l![l!.length - 1]!]) { const k = key(p); const list = byEnd.get(k); if (list) list.push(i); else byEnd.set(k, [i]); }
  });
  let unclosed = 0;
  for (let i = 0; i < open.length; i++) {
    const first = open[i];
    if (!first) continue;
    open[i] = null;
    const ring = [...first];
    for (;;) {
      const end = ring[ring.length - 1]!;
      if (same(end, ring[0]!)) break;
      const next = (byEnd.get(key(end)) ?? []).find((j) => open[j] !== null);
      if (next === undefined) break;
      const l = open[next]!;
      open[next] = null;
      const part = same(l[0]!, end) ? l : [...l].reverse();
      for (let k = 1; k < part.length; k++) ring.push(part[k]!);
    }
    if (same(ring[0]!, ring[ring.length - 1]!) && ring.length >= 4) rings.push(ring);
    else unclosed++;
  }
  return { rings, unclosed };
}

/** MultiPolygon coordinates from outer and inner rings; inner rings outside every outer are dropped. */
export function buildMultiPolygon(outers: LonLat[][], inners: LonLat[][]): LonLat[][][] {
  const polys = outers
    .map((r) => ({ ring: signedArea2(r) < 0 ? [...r].reverse() : r, area: Math.abs(signedArea2(r)), holes: [] as LonLat[][] }))
    .sort((a, b) => a.area - b.area);
  for (const inner of inners) {
    const probe = inner[0]!;
    const holder = polys.find((p) => pointInRing(probe, p.ring));
    if (holder) holder.holes.push(signedArea2(inner) > 0 ? [...inner].reverse() : inner);
  }
  return polys.map((p) => [p.ring, ...p.holes]);
}
