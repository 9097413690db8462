import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Actor, ChildPlace, Unit } from './apiTypes.js';
import { previewSiteAnalysis, radiiOf, ringOf, siteRings, total, type Lonlat } from './siteAnalysis.js';

const SITE: Lonlat = [12.006, 57.683];
const RADII = { immediate: 250, neighbourhood: 500, area: 1000 };
const at = (m: number, bearing = 0) => destination(SITE, m / 1000, bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];

const actor = (id: number, m: number, category: Actor['properties']['category']): Actor => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: at(m, id * 37) },
  properties: { name: `A${id}`, category } as Actor['properties'],
});
const child = (id: number, m: number, kind: ChildPlace['properties']['kind']): ChildPlace => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: at(m, id * 53) },
  properties: { name: `C${id}`, kind } as ChildPlace['properties'],
});
const unit = (id: number, m: number, area = 1000): Unit => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: at(m, 90) },
  properties: { name: `U${id}`, radii: { immediate: 250, neighbourhood: 500, area } } as Unit['properties'],
});

describe('ringOf', () => {
  it('takes the innermost ring, boundaries included', () => {
    expect(ringOf(0, RADII)).toBe('immediate');
    expect(ringOf(250, RADII)).toBe('immediate');
    expect(ringOf(250.1, RADII)).toBe('neighbourhood');
    expect(ringOf(1000, RADII)).toBe('area');
    expect(ringOf(1000.1, RADII)).toBeNull();
  });
});

describe('previewSiteAnalysis', () => {
  const result = previewSiteAnalysis(
    SITE,
    RADII,
    [actor(1, 100, 'shop'), actor(2, 240, 'shop'), actor(3, 400, 'police'), actor(4, 900, 'faith'), actor(5, 1100, 'shop')],
    [child(1, 300, 'school'), child(2, 150, 'school'), child(3, 800, 'preschool'), child(4, 2000, 'playground')],
    [unit(1, 1500), unit(2, 2100), unit(3, 2100, 1200)],
  );

  it('counts per ring (annulus) by category and kind, nothing outside the outer ring', () => {
    const [immediate, neighbourhood, area] = result.rings;
    expect(immediate!.actors.shop).toBe(2);
    expect(neighbourhood!.actors.police).toBe(1);
    expect(area!.actors.faith).toBe(1);
    expect(total(immediate!.actors) + total(neighbourhood!.actors) + total(area!.actors)).toBe(4);
    expect(immediate!.child_places.school).toBe(1);
    expect(neighbourhood!.child_places.school).toBe(1);
    expect(area!.child_places.preschool).toBe(1);
    expect(area!.child_places.playground).toBe(0);
  });

  it('finds the nearest of each kind, also beyond the rings', () => {
    expect(result.nearest.school).toMatchObject({ id: 2 });
    expect(result.nearest.school!.distance_m).toBeCloseTo(150, 0);
    expect(result.nearest.playground).toMatchObject({ id: 4 });
  });

  it('lists units whose outer ring overlaps the site outer ring, nearest first', () => {
    expect(result.overlapping_units.map((u) => u.id)).toEqual([1, 3]);
  });
});

describe('siteRings', () => {
  it('draws three closed rings, outer first', () => {
    const rings = siteRings(SITE, RADII, { site: 'A' });
    expect(rings.map((r) => r.properties?.ring)).toEqual(['area', 'neighbourhood', 'immediate']);
    for (const r of rings) {
      const ring = r.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(r.properties?.site).toBe('A');
    }
  });
});

describe('radiiOf', () => {
  it("takes the server's radius for every ring it names and keeps the rest", () => {
    const rings = [{ ring: 'immediate' as const, radius_m: 300 }] as unknown as Parameters<typeof radiiOf>[0]['rings'];
    expect(radiiOf({ rings }, RADII)).toEqual({ immediate: 300, neighbourhood: 500, area: 1000 });
    expect(RADII.immediate).toBe(250);
  });
});
