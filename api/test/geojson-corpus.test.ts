/**
 * The malformed GeoJSON corpus (SECURITY.md): each case is rejected with a reason that
 * names the problem, by the shared module and by every route that accepts geometry,
 * and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { GeoPointInput, GeoPolygonalInput, geometryIssues, type InputGeometry } from '../schemas/geojson.js';
import { assertValidInDatabase } from '../services/geometryValidity.js';
import { createTestContext } from './harness.js';

const t = await createTestContext();

const square: [number, number][] = [[11.97, 57.70], [11.98, 57.70], [11.98, 57.71], [11.97, 57.71], [11.97, 57.70]];
const huge = { type: 'Polygon', coordinates: [Array.from({ length: 100_002 }, (_, i) => (i === 100_001 ? [11.9, 57.7] : [11.9 + (i % 100) / 1e4, 57.7 + i / 1e7]))] };

/** name → [geometry, a pattern the message must match]. Polygons and points. */
export const POLYGON_CORPUS: Record<string, [unknown, RegExp]> = {
  'NaN string': [{ type: 'Polygon', coordinates: [[[11.97, 'NaN'], ...square.slice(1)]] }, /numbers/],
  'Infinity (1e400)': [{ type: 'Polygon', coordinates: [[[11.97, Infinity], ...square.slice(1)]] }, /finite/],
  '3-D position': [{ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 10])] }, /2-D/],
  'crs member': [{ type: 'Polygon', coordinates: [square], crs: { type: 'name', properties: { name: 'EPSG:3006' } } }, /crs/],
  'unclosed ring': [{ type: 'Polygon', coordinates: [square.slice(0, 4).concat([[11.975, 57.70]])] }, /not closed/],
  'ring of 3': [{ type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] }, /at least 4/],
  'empty polygon': [{ type: 'Polygon', coordinates: [] }, /empty/],
  'empty multipolygon': [{ type: 'MultiPolygon', coordinates: [] }, /empty/],
  'wrong type': [{ type: 'LineString', coordinates: square }, /type must be/],
  'no type': [{ coordinates: [square] }, /type must be/],
  'not an object': ['POLYGON((11 57, 12 57, 12 58, 11 57))', /GeoJSON geometry/],
  'outside Sweden (lat, lon swapped)': [{ type: 'Polygon', coordinates: [square.map(([x, y]) => [y, x])] }, /outside Sweden/],
  'huge': [huge, /more than 100000 positions/],
  'null coordinates': [{ type: 'Polygon', coordinates: null }, /array of rings/],
};

export const POINT_CORPUS: Record<string, [unknown, RegExp]> = {
  'NaN string': [{ type: 'Point', coordinates: [11.97, 'NaN'] }, /numbers/],
  'Infinity': [{ type: 'Point', coordinates: [11.97, -Infinity] }, /finite/],
  '3-D': [{ type: 'Point', coordinates: [11.97, 57.7, 12] }, /2-D/],
  'crs member': [{ type: 'Point', coordinates: [11.97, 57.7], crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } } }, /crs/],
  'empty': [{ type: 'Point', coordinates: [] }, /empty/],
  'wrong type': [{ type: 'MultiPoint', coordinates: [[11.97, 57.7]] }, /type must be Point/],
  'outside Sweden': [{ type: 'Point', coordinates: [57.7, 11.97] }, /outside Sweden/],
  'SWEREF 99 TM metres': [{ type: 'Point', coordinates: [319000, 6400000] }, /outside Sweden/],
  'unknown member': [{ type: 'Point', coordinates: [11.97, 57.7], properties: {} }, /unknown key "properties"/],
  'string coordinates': [{ type: 'Point', coordinates: '11.97,57.7' }, /array/],
};

describe('geometryIssues (pure)', () => {
  for (const [name, [geom, reason]] of Object.entries(POLYGON_CORPUS)) {
    it(`rejects a polygon: ${name}`, () => {
      const issues = geometryIssues(geom, ['Polygon', 'MultiPolygon']);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.map((i) => i.message).join('; ')).toMatch(reason);
    });
  }
  for (const [name, [geom, reason]] of Object.entries(POINT_CORPUS)) {
    it(`rejects a point: ${name}`, () => {
      const result = GeoPointInput.safeParse(geom);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.message).join('; ')).toMatch(reason);
    });
  }
  it('accepts good geometries', () => {
    expect(GeoPointInput.safeParse({ type: 'Point', coordinates: [11.97, 57.7] }).success).toBe(true);
    expect(GeoPolygonalInput.safeParse({ type: 'Polygon', coordinates: [square] }).success).toBe(true);
    expect(GeoPolygonalInput.safeParse({ type: 'MultiPolygon', coordinates: [[square]], bbox: [11.97, 57.7, 11.98, 57.71] }).success).toBe(true);
  });
  it('names the path of the bad position', () => {
    const r = GeoPolygonalInput.safeParse({ type: 'Polygon', coordinates: [[square[0], square[1], [11.98, 99], square[3], square[0]]] });
    expect(r.error!.issues[0]!.path).toEqual(['coordinates', 0, 2]);
  });
});

describe('assertValidInDatabase', () => {
  it('rejects a bow-tie', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[11.97, 57.70], [11.98, 57.71], [11.98, 57.70], [11.97, 57.71], [11.97, 57.70]]] } as InputGeometry;
    expect(geometryIssues(bowtie, ['Polygon'])).toEqual([]);
    await expect(assertValidInDatabase(t.db, bowtie)).rejects.toThrow(/not valid/);
  });
  it('rejects a hole outside its shell', async () => {
    const hole: [number, number][] = [[12.1, 57.8], [12.11, 57.8], [12.11, 57.81], [12.1, 57.8]];
    await expect(assertValidInDatabase(t.db, { type: 'Polygon', coordinates: [square, hole] })).rejects.toThrow(/not valid/);
  });
  it('accepts a valid square and treats a missing row as invalid', async () => {
    await expect(assertValidInDatabase(t.db, { type: 'Polygon', coordinates: [square] })).resolves.toBeUndefined();
    const noRow = { query: async () => [] } as never;
    await expect(assertValidInDatabase(noRow, { type: 'Polygon', coordinates: [square] })).rejects.toThrow(/not valid/);
  });
});
