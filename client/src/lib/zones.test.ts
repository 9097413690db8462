import { describe, expect, it } from 'vitest';
import { circle } from '@turf/turf';
import { outerRingPositions, zoneLabelPoints, type ZoneLike } from './zones.js';

const zone = (ring: 'immediate' | 'neighbourhood' | 'area', radius: number): ZoneLike => ({
  geometry: circle([12.006, 57.683], radius / 1000, { steps: 64, units: 'kilometers' }).geometry,
  properties: { ring, radius_m: radius },
});

describe('zoneLabelPoints', () => {
  const zones = [zone('immediate', 250), zone('neighbourhood', 500), zone('area', 1000)];
  it('puts each label at the top of its ring, north of the centre by about the radius', () => {
    const fc = zoneLabelPoints(zones, (ring, r) => `${ring} ${r}`);
    expect(fc.features.map((f) => f.properties.label)).toEqual(['immediate 250', 'neighbourhood 500', 'area 1000']);
    for (const [i, f] of fc.features.entries()) {
      const north = (f.geometry.coordinates[1]! - 57.683) * 111_320;
      expect(north).toBeGreaterThan(zones[i]!.properties.radius_m * 0.98);
      expect(north).toBeLessThan(zones[i]!.properties.radius_m * 1.02);
    }
  });
  it('skips zones without coordinates', () => {
    expect(zoneLabelPoints([{ geometry: { type: 'Polygon', coordinates: [] }, properties: { ring: 'area', radius_m: 1 } }], () => '').features).toEqual([]);
  });
});

describe('outerRingPositions', () => {
  it('returns the largest ring', () => {
    const positions = outerRingPositions([zone('immediate', 250), zone('area', 1000), zone('neighbourhood', 500)]);
    const maxLat = Math.max(...positions.map((p) => p[1]));
    expect((maxLat - 57.683) * 111_320).toBeGreaterThan(980);
  });
});
