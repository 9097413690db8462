/**
 * The walking engine on the OSM fixture (a Göteborg street grid cut by the real Göta älv,
 * two bridges, a motorway with foot=no): across the river is near as the crow flies and
 * far on foot, and only over a bridge.
 */
import { booleanPointInPolygon, distance, polygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOsmFixture, type OsmFixture } from '../test/osmFixture.js';
import { WalkNetwork } from './network.js';
import { waysFromOverpass } from './overpass.js';

let fixture: OsmFixture;
let net: WalkNetwork;
const opts = { maxSnapM: 300, limitM: 20_000 };

beforeAll(() => {
  fixture = buildOsmFixture();
  net = WalkNetwork.fromWays(waysFromOverpass(fixture.overpass));
});

describe('walking on the fixture network', () => {
  it('finds the pair across the river near in a straight line and far on foot', () => {
    const { north, south } = fixture.landmarks.acrossRiver;
    const straight = distance(north, south, { units: 'meters' });
    const walk = net.distances({ lon: north[0], lat: north[1] }, [{ lon: south[0], lat: south[1] }], opts)[0];
    expect(straight).toBeLessThan(400);
    expect(walk).not.toBeNull();
    expect(walk!).toBeGreaterThan(3 * straight);
    // symmetric: the graph is undirected
    const back = net.distances({ lon: south[0], lat: south[1] }, [{ lon: north[0], lat: north[1] }], opts)[0];
    expect(back!).toBeCloseTo(walk!, 6);
  });

  it('crosses only over a bridge: without the bridges the other bank cannot be reached', () => {
    const bridgeIds = new Set(fixture.landmarks.bridges.map((b) => b.osmWayId));
    const noBridges = WalkNetwork.fromWays(waysFromOverpass(fixture.overpass, (id) => !bridgeIds.has(id)));
    const { north, south } = fixture.landmarks.acrossRiver;
    expect(noBridges.distances({ lon: north[0], lat: north[1] }, [{ lon: south[0], lat: south[1] }], opts)[0]).toBeNull();
  });

  it('uses no motorway: none of its nodes is in the graph', () => {
    const motorwayNodes = new Set<number>();
    const other = new Set<number>();
    for (const e of fixture.overpass.elements) {
      if (e.type !== 'way' || !e.tags?.highway) continue;
      for (const n of e.nodes) (e.tags.highway.startsWith('motorway') ? motorwayNodes : other).add(n);
    }
    const only = [...motorwayNodes].filter((n) => !other.has(n));
    expect(only.length).toBeGreaterThan(0);
    const coords = new Map<number, [number, number]>();
    for (const e of fixture.overpass.elements) if (e.type === 'node') coords.set(e.id, [e.lon, e.lat]);
    const inGraph = new Set<string>();
    for (let i = 0; i < net.graph.nodeCount; i++) inGraph.add(`${net.graph.lon[i]},${net.graph.lat[i]}`);
    for (const n of only) expect(inGraph.has(`${coords.get(n)![0]},${coords.get(n)![1]}`)).toBe(false);
  });

  it('answers null for a place in the river, far from any walkable way', () => {
    const [lon, lat] = fixture.landmarks.inRiver;
    const { north } = fixture.landmarks.acrossRiver;
    const snap = net.snap({ lon, lat }, 1e6);
    const got = net.distances({ lon: north[0], lat: north[1] }, [{ lon, lat }], { ...opts, maxSnapM: Math.max(1, snap!.distance_m - 1) })[0];
    expect(got).toBeNull();
  });

  it('draws zones of thousands of nodes (the thinned hull) that still contain every reached node', () => {
    const g = net.graph;
    let most = 0;
    for (const n of [17, 4242, 9001, 20_000, 31_337].map((k) => k % g.nodeCount)) {
      const from = { lon: g.lon[n]!, lat: g.lat[n]! };
      const bands = net.zones(from, [400, 1250, 2000], 300);
      for (const band of bands) {
        const reached = net.reach(from, band.limit_m, 300);
        const poly = polygon([band.ring!]);
        for (const r of reached) expect(booleanPointInPolygon([r.lon, r.lat], poly)).toBe(true);
      }
      most = Math.max(most, net.reach(from, 2000, 300).length);
    }
    expect(most).toBeGreaterThan(1000);
  });
});
