/**
 * Geometry to hex WKB (little-endian ISO WKB, 2D) for the import's INSERTs: PostGIS parses
 * WKB several times faster than GeoJSON text, and a city extract sends millions of vertices.
 */
import type { LonLat } from './elements.js';

class Writer {
  private buf: Buffer;
  private pos = 0;
  constructor(size: number) { this.buf = Buffer.allocUnsafe(size); }
  u8(v: number) { this.buf.writeUInt8(v, this.pos); this.pos += 1; }
  u32(v: number) { this.buf.writeUInt32LE(v, this.pos); this.pos += 4; }
  f64(v: number) { this.buf.writeDoubleLE(v, this.pos); this.pos += 8; }
  points(ps: LonLat[]) { this.u32(ps.length); for (const p of ps) { this.f64(p[0]); this.f64(p[1]); } }
  hex() { return this.buf.toString('hex', 0, this.pos); }
}

export function lineStringWkb(coords: LonLat[]): string {
  const w = new Writer(9 + coords.length * 16);
  w.u8(1); w.u32(2); w.points(coords);
  return w.hex();
}

export function multiPolygonWkb(polygons: LonLat[][][]): string {
  let size = 9;
  for (const poly of polygons) { size += 9; for (const ring of poly) size += 4 + ring.length * 16; }
  const w = new Writer(size);
  w.u8(1); w.u32(6); w.u32(polygons.length);
  for (const poly of polygons) {
    w.u8(1); w.u32(3); w.u32(poly.length);
    for (const ring of poly) w.points(ring);
  }
  return w.hex();
}
