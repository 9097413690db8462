/**
 * Highway ways of an Overpass JSON extract as the graph builder takes them. The service
 * reads base_ways instead; this serves the tests and the benchmark, which build the
 * network straight from the fixture to compare with what the database gives.
 */
import type { WayInput } from './graph.js';

interface OverpassLike {
  elements: ({ type: 'node'; id: number; lat: number; lon: number } | { type: 'way'; id: number; nodes: number[]; tags?: Record<string, string> } | { type: string })[];
}

export function waysFromOverpass(json: OverpassLike, keep: (wayId: number) => boolean = () => true): WayInput[] {
  const nodes = new Map<number, [number, number]>();
  for (const e of json.elements) if (e.type === 'node' && 'lat' in e) nodes.set(e.id, [e.lon, e.lat]);
  const ways: WayInput[] = [];
  for (const e of json.elements) {
    if (e.type !== 'way' || !('nodes' in e) || !e.tags?.highway || !keep(e.id)) continue;
    const ids = e.nodes.filter((n) => nodes.has(n));
    ways.push({ highway: e.tags.highway, tags: e.tags, nodeIds: ids, coords: ids.map((n) => nodes.get(n)!) });
  }
  return ways;
}
