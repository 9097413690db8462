/**
 * The walking engine against independent computations: shortest paths against a
 * Floyd–Warshall written here over turf's distances, zones against turf's
 * point-in-polygon, snapping against turf's point-to-line distance.
 */
import { booleanPointInPolygon, distance, lineString, point, pointToLineDistance, polygon } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWalkable } from './access.js';
import { buildGraph, type WayInput } from './graph.js';
import { WalkNetwork } from './network.js';

const LON0 = 11.97, LAT0 = 57.70;

/** A fixed pseudo-random offset of up to 0.00004° per grid cell (shrinking cannot line nodes up). */
const jitter = (i: number, j: number, k: number) => (((i * 7919 + j * 104729 + k * 15485863) % 1009) / 1009) * 0.00004 + 0.000002;

/** A random small graph: n nodes within about 300 m, m two-node ways between random pairs. */
const graphArb = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.record({
    // distinct cells of a 0.0001° grid (6–11 m), jittered so no node lies on another's segment
    nodes: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 30 }))
        .map(([i, j]) => [i * 0.0001 + jitter(i, j, 1), j * 0.0001 + jitter(i, j, 2)] as [number, number]),
      { minLength: n, maxLength: n, selector: ([x, y]) => `${Math.floor(x * 1e4)},${Math.floor(y * 1e4)}` },
    ),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
  }));

type G = { nodes: [number, number][]; edges: [number, number][] };

const coordsOf = (g: G) => g.nodes.map(([dx, dy]) => [LON0 + dx, LAT0 + dy] as [number, number]);
const waysOf = (g: G): WayInput[] => {
  const c = coordsOf(g);
  return g.edges.filter(([a, b]) => a !== b).map(([a, b]) => ({ highway: 'footway', tags: {}, nodeIds: [a + 1, b + 1], coords: [c[a]!, c[b]!] }));
};

/** All-pairs shortest walks (metres), Infinity when unreachable, by Floyd–Warshall over turf distances. */
function floydWarshall(g: G): number[][] {
  const c = coordsOf(g), n = c.length;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const [a, b] of g.edges) {
    if (a === b) continue;
    const len = distance(c[a]!, c[b]!, { units: 'meters' });
    if (len < d[a]![b]!) { d[a]![b] = len; d[b]![a] = len; }
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const via = d[i]![k]! + d[k]![j]!;
    if (via < d[i]![j]!) d[i]![j] = via;
  }
  return d;
}

describe('walking engine', () => {
  it('gives the shortest walk between any two nodes of a random graph, and null when there is none', () => {
    fc.assert(fc.property(graphArb, (g: G) => {
      const c = coordsOf(g);
      // A node lying on an edge it is not an end of is rightly snapped onto that edge by the
      // engine, which the node-to-node oracle cannot know: such graphs are left out.
      fc.pre(g.edges.every(([a, b]) => a === b || c.every((p, k) => k === a || k === b
        || pointToLineDistance(point(p), lineString([c[a]!, c[b]!]), { units: 'meters' }) > 1)));
      const net = WalkNetwork.fromWays(waysOf(g));
      const oracle = floydWarshall(g);
      const onNetwork = new Set(g.edges.filter(([a, b]) => a !== b).flat());
      for (let i = 0; i < c.length; i++) {
        const got = net.distances({ lon: c[i]![0], lat: c[i]![1] }, c.map(([lon, lat]) => ({ lon, lat })), { maxSnapM: 0.01, limitM: Infinity });
        for (let j = 0; j < c.length; j++) {
          const want = onNetwork.has(i) && onNetwork.has(j) && Number.isFinite(oracle[i]![j]!) ? oracle[i]![j]! : null;
          if (want === null) expect(got[j], `${i}→${j}`).toBeNull();
          else expect(got[j], `${i}→${j}`).toBeCloseTo(want, 3);
        }
      }
    }), { numRuns: 150 });
  });

  it('answers null beyond the limit and for a place off the network', () => {
    const net = WalkNetwork.fromWays([{ highway: 'footway', tags: {}, nodeIds: [1, 2], coords: [[LON0, LAT0], [LON0 + 0.01, LAT0]] }]);
    const far = { lon: LON0 + 0.01, lat: LAT0 };
    const len = distance([LON0, LAT0], [LON0 + 0.01, LAT0], { units: 'meters' });
    expect(net.distances({ lon: LON0, lat: LAT0 }, [far], { maxSnapM: 1, limitM: len + 1 })[0]).toBeCloseTo(len, 3);
    expect(net.distances({ lon: LON0, lat: LAT0 }, [far], { maxSnapM: 1, limitM: len - 1 })[0]).toBeNull();
    expect(net.distances({ lon: LON0, lat: LAT0 + 0.01 }, [far], { maxSnapM: 300, limitM: 1e6 })[0]).toBeNull();
  });

  it('snaps to the nearest point of a segment, not only to a node, and counts the snap in the walk', () => {
    const a: [number, number] = [LON0, LAT0], b: [number, number] = [LON0 + 0.02, LAT0]; // about 1.2 km, cut into pieces
    const net = WalkNetwork.fromWays([{ highway: 'residential', tags: {}, nodeIds: [1, 2], coords: [a, b] }]);
    for (const f of [0.13, 0.5, 0.77]) {
      const p = { lon: LON0 + 0.02 * f + 0.0001, lat: LAT0 + 0.0004 };
      const s = net.snap(p, 200)!;
      expect(s.distance_m).toBeCloseTo(pointToLineDistance(point([p.lon, p.lat]), lineString([a, b]), { units: 'meters' }), 0);
      const walk = net.distances(p, [{ lon: a[0], lat: a[1] }], { maxSnapM: 200, limitM: 1e6 })[0]!;
      expect(walk).toBeCloseTo(s.distance_m + distance(a, [s.lon, s.lat], { units: 'meters' }), 0);
    }
  });

  it('draws zones that contain every node reached within each band', () => {
    fc.assert(fc.property(graphArb, fc.nat(11), fc.array(fc.integer({ min: 20, max: 600 }), { minLength: 1, maxLength: 3 }), (g: G, start, limits) => {
      const c = coordsOf(g);
      const from = c[start % c.length]!;
      const net = WalkNetwork.fromWays(waysOf(g));
      const bands = net.zones({ lon: from[0], lat: from[1] }, limits, 500);
      limits.forEach((limit, i) => {
        const band = bands[i]!;
        if (net.graph.nodeCount === 0) { expect(band.ring).toBeNull(); return; }
        const poly = polygon([band.ring!]);
        const reached = net.reach({ lon: from[0], lat: from[1] }, limit, 500);
        expect(band.reached_nodes).toBe(reached.length);
        for (const r of reached) expect(booleanPointInPolygon([r.lon, r.lat], poly), `node at ${r.dist} m of ${limit}`).toBe(true);
      });
    }), { numRuns: 150 });
  });

  it('leaves motorways, trunk roads without pavements, foot=no and private ways out, unless foot allows', () => {
    expect(isWalkable('motorway', {})).toBe(false);
    expect(isWalkable('motorway', { foot: 'yes' })).toBe(false);
    expect(isWalkable('trunk', {})).toBe(false);
    expect(isWalkable('trunk', { sidewalk: 'separate' })).toBe(false);
    expect(isWalkable('trunk', { sidewalk: 'both' })).toBe(true);
    expect(isWalkable('trunk_link', { foot: 'yes' })).toBe(true);
    expect(isWalkable('residential', { foot: 'no' })).toBe(false);
    expect(isWalkable('service', { access: 'private' })).toBe(false);
    expect(isWalkable('service', { access: 'private', foot: 'yes' })).toBe(true);
    expect(isWalkable('footway', { access: 'no', foot: 'designated' })).toBe(true);
    expect(isWalkable('steps', {})).toBe(true);
    expect(isWalkable('construction', {})).toBe(false);
    const g = buildGraph([
      { highway: 'motorway', tags: {}, nodeIds: [1, 2], coords: [[LON0, LAT0], [LON0 + 0.001, LAT0]] },
      { highway: 'footway', tags: {}, nodeIds: [2, 3], coords: [[LON0 + 0.001, LAT0], [LON0 + 0.001, LAT0 + 0.0001]] },
    ]);
    expect(g.nodeCount).toBe(2);
  });

  it('joins ways only at shared nodes: a bridge crossing a street without a common node does not connect to it', () => {
    const net = WalkNetwork.fromWays([
      { highway: 'residential', tags: {}, nodeIds: [1, 2], coords: [[LON0, LAT0], [LON0 + 0.002, LAT0]] },
      { highway: 'footway', tags: { bridge: 'yes' }, nodeIds: [3, 4], coords: [[LON0 + 0.001, LAT0 - 0.001], [LON0 + 0.001, LAT0 + 0.001]] },
    ]);
    expect(net.distances({ lon: LON0, lat: LAT0 }, [{ lon: LON0 + 0.001, lat: LAT0 + 0.001 }], { maxSnapM: 1, limitM: 1e6 })[0]).toBeNull();
  });
});
