/**
 * Bounded single-source shortest paths (Dijkstra with a binary heap, flatqueue, and lazy
 * deletion) over the CSR graph. The distance array is kept between calls and reset
 * through the list of nodes touched, so a short walk in a large city costs what it
 * reaches, not the size of the city.
 */
import FlatQueue from 'flatqueue';
import type { WalkGraph } from './graph.js';

/** A start: a node reached at a distance (the walk from a snapped point to the segment's ends). */
export interface Seed { node: number; dist: number }

/** The settled nodes of one search and their distances, in settling order (non-decreasing distance). */
export interface Reach { nodes: Int32Array; dist: Float64Array }

export class Searcher {
  private readonly dist: Float64Array;
  private readonly done: Uint8Array;
  private readonly queue = new FlatQueue<number>();

  constructor(private readonly g: WalkGraph) {
    this.dist = new Float64Array(g.nodeCount).fill(Infinity);
    this.done = new Uint8Array(g.nodeCount);
  }

  /**
   * Every node within `limit` metres of the seeds. With `stopWhen`, the search ends as soon
   * as every listed node is settled (their distances are then final).
   */
  run(seeds: readonly Seed[], limit: number, stopWhen?: ReadonlySet<number>): Reach {
    const { offsets, targets, lengths } = this.g;
    const dist = this.dist, done = this.done, q = this.queue;
    const touched: number[] = [];
    const settled: number[] = [];
    const settledDist: number[] = [];
    let waiting = stopWhen ? stopWhen.size : -1;
    q.clear();
    for (const s of seeds) {
      if (s.dist > limit || s.dist >= dist[s.node]!) continue;
      if (dist[s.node] === Infinity) touched.push(s.node);
      dist[s.node] = s.dist;
      q.push(s.node, s.dist);
    }
    while (q.length > 0) {
      const d = q.peekValue()!;
      const u = q.pop()!;
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      settled.push(u);
      settledDist.push(d);
      if (stopWhen && stopWhen.has(u) && --waiting === 0) break;
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        const v = targets[k]!;
        if (done[v]) continue;
        const nd = d + lengths[k]!;
        if (nd > limit || nd >= dist[v]!) continue;
        if (dist[v] === Infinity) touched.push(v);
        dist[v] = nd;
        q.push(v, nd);
      }
    }
    for (const t of touched) { dist[t] = Infinity; done[t] = 0; }
    return { nodes: Int32Array.from(settled), dist: Float64Array.from(settledDist) };
  }
}
