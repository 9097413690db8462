import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentsOf } from './components.js';
import { buildGraph } from './graph.js';

/** Ways on a small grid of OSM nodes, each a straight piece between two of them. */
const waysOf = (edges: [number, number][]) => edges.map(([a, b]) => ({
  highway: 'footway', tags: {}, nodeIds: [a, b],
  coords: [[11.9 + (a % 5) * 0.001, 57.7 + Math.floor(a / 5) * 0.001], [11.9 + (b % 5) * 0.001, 57.7 + Math.floor(b / 5) * 0.001]] as [number, number][],
}));

describe('the walking graph\'s components', () => {
  it('give two nodes the same id exactly when a walk joins them (against union-find over the ways)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 24 })).filter(([a, b]) => a !== b), { minLength: 1, maxLength: 30 }), (edges) => {
      const g = buildGraph(waysOf(edges));
      const comp = componentsOf(g);
      // union-find over the graph's own segments, written apart from the breadth-first search
      const parent = Array.from({ length: g.nodeCount }, (_, i) => i);
      const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
      for (let s = 0; s < g.segCount; s++) parent[find(g.segA[s]!)] = find(g.segB[s]!);
      for (let i = 0; i < g.nodeCount; i++) for (let j = i + 1; j < g.nodeCount; j++) {
        expect(comp[i] === comp[j]).toBe(find(i) === find(j));
      }
    }), { numRuns: 200 });
  });
});
