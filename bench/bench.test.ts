import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { generate, importFile, SCALES } from './generate.js';
import { percentile, rng } from './stats.js';
import { TOWNS } from './towns.js';
import { tilesCovering, viewport } from './workloads.js';

describe('bench data generator', () => {
  it('gives the same data set for the same seed, and the issue\'s sizes', () => {
    const a = generate('city');
    const b = generate('city');
    expect(a).toEqual(b);
    expect(a.units).toHaveLength(SCALES.city.units);
    expect(a.actors).toHaveLength(SCALES.city.actors);
    expect(a.childPlaces).toHaveLength(SCALES.city.childPlaces);
    expect(generate('city', 9).actors[0]).not.toEqual(a.actors[0]);
  });

  it('places city data around Göteborg and keeps external ids unique', () => {
    const { units, actors } = generate('city');
    const centre = [11.9746, 57.7089];
    for (const p of [...units, ...actors.slice(0, 500)]) expect(turf.distance(centre, [p.lon, p.lat])).toBeLessThan(30);
    expect(new Set(actors.map((x) => x.external_id)).size).toBe(actors.length);
    expect(units.some((u) => u.sensitivity === 'restricted')).toBe(true);
    expect(units.some((u) => u.radii !== null)).toBe(true);
  });

  it('has about fifty Swedish towns inside Sweden', () => {
    expect(TOWNS.length).toBeGreaterThanOrEqual(45);
    for (const t of TOWNS) {
      expect(t.lon).toBeGreaterThan(10.5);
      expect(t.lon).toBeLessThan(24.2);
      expect(t.lat).toBeGreaterThan(55.3);
      expect(t.lat).toBeLessThan(69.1);
    }
  });

  it('writes an import file of n actor features', () => {
    const fc = JSON.parse(importFile(25));
    expect(fc.features).toHaveLength(25);
    expect(fc.features[0].properties.external_id).toBe('bench-import-1');
  });
});

describe('bench statistics', () => {
  it('computes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('has a deterministic PRNG in [0, 1)', () => {
    const a = rng(1);
    const b = rng(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('viewport tiles', () => {
  it('covers a 1280 × 800 view at zoom 12 with 6 × 4 or so tiles', () => {
    const tiles = tilesCovering(viewport(11.97, 57.7, 12), 12);
    expect(tiles.length).toBeGreaterThanOrEqual(5 * 4);
    expect(tiles.length).toBeLessThanOrEqual(6 * 5);
  });
});
