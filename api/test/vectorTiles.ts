import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { expect } from 'vitest';

/**
 * The Web Mercator tile of a lon/lat at zoom z, and `at`: the point's position inside a
 * tile in tile units (extent 4096), to say whether it falls inside the tile or its buffer.
 */
export function tileOf([lon, lat]: readonly [number, number], z: number) {
  const n = 2 ** z;
  const fx = ((lon + 180) / 360) * n;
  const r = (lat * Math.PI) / 180;
  const fy = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
  return { z, x: Math.floor(fx), y: Math.floor(fy), at: (tx: number, ty: number) => [(fx - tx) * 4096, (fy - ty) * 4096] as const };
}

/** Metres of one tile unit (1/4096 of a tile) at zoom z and Göteborg's latitude. */
export const unitMetres = (z: number) => (40_075_016 * Math.cos((57.7 * Math.PI) / 180)) / 2 ** z / 4096;

/** Asserts a tile response is a 200 (its body in the message when not) and decodes its body. */
export async function decodeTile(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, tile: new VectorTile(new PbfReader(bytes)) };
}

/** The features of one layer of tile z/x/y as GeoJSON in lon/lat; none when the tile lacks the layer. */
export function layerFeatures<G extends GeoJSON.Geometry = GeoJSON.Geometry>(tile: VectorTile, layer: string, z: number, x: number, y: number) {
  const l = tile.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => {
    const f = l.feature(i);
    return { id: f.id, properties: f.properties, geojson: f.toGeoJSON(x, y, z) as GeoJSON.Feature<G> };
  });
}

/**
 * The point features of one layer of a tile in tile units as the tile stores them (no
 * conversion back to lon/lat), to compare with a position projected by `tileOf`.
 */
export function layerPoints(tile: VectorTile, layer: string) {
  const l = tile.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => {
    const f = l.feature(i);
    const rings = f.loadGeometry();
    return { id: f.id, properties: f.properties, type: f.type, points: rings.flat().map((p) => [p.x, p.y] as const) };
  });
}

/** Every tile z/x/y of zoom z, row by row. */
export function allTiles(z: number): { z: number; x: number; y: number }[] {
  const n = 2 ** z;
  return Array.from({ length: n * n }, (_, i) => ({ z, x: i % n, y: Math.floor(i / n) }));
}
