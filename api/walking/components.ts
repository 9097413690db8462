/**
 * The connected components of the walking graph: nodes joined by any walk share a
 * component id. A search for targets in another component than the start's can never
 * settle them, and would otherwise run to its full limit (the other bank with no bridge,
 * a footpath network with no link to the streets): the distances leave such targets out
 * of what they wait for, so the search stops once every reachable target is settled.
 */
import type { WalkGraph } from './graph.js';

/** A component id per node (0, 1, …), by breadth-first search over the CSR adjacency. */
export function componentsOf(g: WalkGraph): Int32Array {
  const component = new Int32Array(g.nodeCount).fill(-1);
  const queue = new Int32Array(g.nodeCount);
  let next = 0;
  for (let start = 0; start < g.nodeCount; start++) {
    if (component[start] !== -1) continue;
    let head = 0, tail = 0;
    queue[tail++] = start;
    component[start] = next;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = g.offsets[u]!, end = g.offsets[u + 1]!; k < end; k++) {
        const v = g.targets[k]!;
        if (component[v] === -1) { component[v] = next; queue[tail++] = v; }
      }
    }
    next++;
  }
  return component;
}
