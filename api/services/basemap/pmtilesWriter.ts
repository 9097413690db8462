/**
 * A small PMTiles v3 writer: the `pmtiles` library only reads. Tests, the benchmark and
 * scripts/basemap-pmtiles.ts use it to write an archive of tiles made elsewhere. It keeps
 * everything in the root directory (no leaf directories), so it suits archives of up to a
 * few thousand tiles; a city or country archive comes from a real tiler (README).
 */
import zlib from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesOptions {
  /** The archive's metadata (vector_layers, attribution…). */
  metadata?: Record<string, unknown>;
  /** Gzip each tile (as Protomaps archives are); otherwise stored as they are. */
  gzipTiles?: boolean;
  /** [west, south, east, north] in degrees; the whole world when not given. */
  bounds?: [number, number, number, number];
}

const HEADER_BYTES = 127;
/** The reader fetches the header and root directory in one 16 KiB read. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

interface Entry { tileId: number; offset: number; length: number; runLength: number }

function directory(entries: Entry[]): Buffer {
  const values: number[] = [entries.length];
  let last = 0;
  for (const e of entries) {
    values.push(e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) values.push(e.runLength);
  for (const e of entries) values.push(e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    values.push(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Buffer.from(varints(values));
}

/** The bytes of a PMTiles v3 archive of vector tiles (empty tiles are left out, as missing). */
export function writePmtiles(tiles: PmtilesTile[], options: PmtilesOptions = {}): Buffer {
  const sorted = tiles
    .filter((t) => t.data.length > 0)
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  const chunks: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of sorted) {
    const bytes = options.gzipTiles ? zlib.gzipSync(t.data) : Buffer.from(t.data);
    entries.push({ tileId: t.tileId, offset, length: bytes.length, runLength: 1 });
    chunks.push(bytes);
    offset += bytes.length;
  }
  const root = zlib.gzipSync(directory(entries));
  if (root.length > ROOT_LIMIT) throw new Error(`${entries.length} tiles need leaf directories, which this writer does not make.`);
  const metadata = zlib.gzipSync(Buffer.from(JSON.stringify(options.metadata ?? {})));
  const data = Buffer.concat(chunks);
  const zooms = sorted.map((t) => t.z);
  const [w, s, e, n] = options.bounds ?? [-180, -85, 180, 85];

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset;
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(rootOffset, 8);
  u64(root.length, 16);
  u64(metadataOffset, 24);
  u64(metadata.length, 32);
  u64(leafOffset, 40);
  u64(0, 48);
  u64(dataOffset, 56);
  u64(data.length, 64);
  u64(entries.length, 72); // addressed tiles
  u64(entries.length, 80); // tile entries
  u64(entries.length, 88); // tile contents
  header.writeUInt8(1, 96); // clustered: tile data in tile-id order
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(options.gzipTiles ? 2 : 1, 98); // tile compression
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(zooms.length ? Math.min(...zooms) : 0, 100);
  header.writeUInt8(zooms.length ? Math.max(...zooms) : 0, 101);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  header.writeInt32LE(e7(w), 102);
  header.writeInt32LE(e7(s), 106);
  header.writeInt32LE(e7(e), 110);
  header.writeInt32LE(e7(n), 114);
  header.writeUInt8(zooms.length ? Math.min(...zooms) : 0, 118);
  header.writeInt32LE(e7((w + e) / 2), 119);
  header.writeInt32LE(e7((s + n) / 2), 123);
  return Buffer.concat([header, root, metadata, data]);
}
