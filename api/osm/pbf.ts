/**
 * The OSM PBF format (https://wiki.openstreetmap.org/wiki/PBF_Format) decoded over the
 * `pbf` protobuf reader: blob by blob (BlobHeader, zlib or raw Blob), the HeaderBlock's
 * required features checked, each PrimitiveBlock's DenseNodes, Nodes, Ways and Relations
 * handed to the sink as they are decoded. Written here rather than taken from npm: the
 * PBF readers there are callback streams over Node streams of a 2015 vintage; this is
 * about 200 lines and reads what osmium, osmconvert and Geofabrik write.
 */
import { inflateSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { ruleError } from '../errors.js';
import type { ElementSink, RelationMember, Tags } from './elements.js';

/** Features a reader must understand; anything else is refused (e.g. history files). */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);
const MEMBER_TYPES = ['node', 'way', 'relation'] as const;

const broken = (reason: string, at: number) =>
  ruleError('bad_request', 'osm_file_broken', `The PBF file cannot be read at byte ${at}: ${reason}. Nothing was imported.`, { reason, at }, ['file']);

interface BlobHeader { type: string; datasize: number }
interface Blob { raw?: Uint8Array; zlib?: Uint8Array; rawSize: number; other?: string }

/** The bounding box of the HeaderBlock, when the writer gave one (left, bottom, right, top). */
export type PbfBbox = [number, number, number, number];

/**
 * Reads every element of a PBF file into `sink`. `onBlock` is called after each block
 * with the bytes read so far (progress). Throws a `osm_file_broken` rule error for a
 * truncated or corrupt file, naming the byte where reading stopped.
 */
export function readPbf(bytes: Uint8Array, sink: ElementSink, onBlock?: (done: number, total: number) => void): { bbox: PbfBbox | undefined } {
  let pos = 0;
  let bbox: PbfBbox | undefined;
  let sawHeader = false;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) throw broken('the file ends inside a block header length (truncated)', pos);
    const headerLen = ((bytes[pos]! << 24) >>> 0) + (bytes[pos + 1]! << 16) + (bytes[pos + 2]! << 8) + bytes[pos + 3]!;
    pos += 4;
    if (headerLen === 0 || headerLen > 64 * 1024) throw broken(`a block header of ${headerLen} bytes (at most 64 KiB)`, pos - 4);
    if (pos + headerLen > bytes.length) throw broken('the file ends inside a block header (truncated)', pos);
    const header = decode(() => new PbfReader(bytes.subarray(pos, pos + headerLen)).readFields<BlobHeader>((tag, h, p) => {
      if (tag === 1) h.type = p.readString();
      else if (tag === 3) h.datasize = p.readVarint();
    }, { type: '', datasize: 0 }), pos);
    pos += headerLen;
    if (header.datasize <= 0 || header.datasize > 64 * 1024 * 1024) throw broken(`a block of ${header.datasize} bytes (at most 64 MiB)`, pos);
    if (pos + header.datasize > bytes.length) throw broken('the file ends inside a data block (truncated)', pos);
    const blobAt = pos;
    const data = blobData(bytes.subarray(pos, pos + header.datasize), blobAt);
    pos += header.datasize;
    if (header.type === 'OSMHeader') {
      sawHeader = true;
      bbox = decode(() => readHeaderBlock(data), blobAt);
    } else if (header.type === 'OSMData') {
      if (!sawHeader) throw broken('a data block before the OSMHeader block', blobAt);
      decode(() => readPrimitiveBlock(data, sink), blobAt);
    }
    // Other block types are skipped, as the format allows.
    onBlock?.(pos, bytes.length);
  }
  if (!sawHeader) throw broken('no OSMHeader block', 0);
  return { bbox };
}

/** Runs a decoder, turning the protobuf reader's errors into a broken-file error at `at`. */
function decode<T>(fn: () => T, at: number): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && err.name === 'ApiError') throw err;
    throw broken(`corrupt data (${err instanceof Error ? err.message : String(err)})`, at);
  }
}

function blobData(buf: Uint8Array, at: number): Uint8Array {
  const blob = decode(() => new PbfReader(buf).readFields<Blob>((tag, b, p) => {
    if (tag === 1) b.raw = p.readBytes();
    else if (tag === 2) b.rawSize = p.readVarint();
    else if (tag === 3) b.zlib = p.readBytes();
    else if (tag === 4) b.other = 'LZMA';
    else if (tag === 5) b.other = 'bzip2';
    else if (tag === 6) b.other = 'LZ4';
    else if (tag === 7) b.other = 'ZSTD';
  }, { rawSize: 0 }), at);
  if (blob.raw) return blob.raw;
  if (blob.zlib) {
    try {
      return inflateSync(blob.zlib);
    } catch (err) {
      throw broken(`a compressed block that does not inflate (${(err as Error).message})`, at);
    }
  }
  if (blob.other) throw broken(`${blob.other}-compressed blocks are not read (write the file with zlib compression, e.g. "osmium cat in.osm.pbf -o out.osm.pbf")`, at);
  throw broken('an empty data block', at);
}

function readHeaderBlock(data: Uint8Array): PbfBbox | undefined {
  const h = new PbfReader(data).readFields<{ required: string[]; bbox?: PbfBbox }>((tag, r, p) => {
    if (tag === 4) r.required.push(p.readString());
    else if (tag === 1) {
      const b = p.readMessage<{ l: number; r: number; t: number; b: number }>((t2, o, q) => {
        if (t2 === 1) o.l = q.readSVarint();
        else if (t2 === 2) o.r = q.readSVarint();
        else if (t2 === 3) o.t = q.readSVarint();
        else if (t2 === 4) o.b = q.readSVarint();
      }, { l: 0, r: 0, t: 0, b: 0 });
      r.bbox = [b.l / 1e9, b.b / 1e9, b.r / 1e9, b.t / 1e9];
    }
  }, { required: [] });
  const unknown = h.required.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (unknown.length > 0) {
    throw ruleError('bad_request', 'osm_file_broken', `The PBF file requires features this import does not read: ${unknown.join(', ')} (history and change files are not base data). Nothing was imported.`, { reason: `unsupported features ${unknown.join(', ')}`, at: 0 }, ['file']);
  }
  return h.bbox;
}

interface Block { strings: string[]; granularity: number; latOffset: number; lonOffset: number; groups: [number, number][] }

/** A coordinate in degrees from a PBF integer: exact to the 7 decimals OSM keeps. */
function degrees(offset: number, granularity: number, v: number): number {
  const nano = offset + granularity * v;
  return nano % 100 === 0 ? nano / 100 / 1e7 : nano / 1e9;
}

function readPrimitiveBlock(data: Uint8Array, sink: ElementSink): void {
  const p = new PbfReader(data);
  const decoder = new TextDecoder();
  // Pass 1: the string table, the granularity and offsets, and where the groups are.
  const block = p.readFields<Block>((tag, b, q) => {
    if (tag === 1) {
      q.readMessage<string[]>((t2, arr, r) => { if (t2 === 1) arr.push(decoder.decode(r.readBytes())); }, b.strings);
    } else if (tag === 2) {
      const len = q.readVarint();
      b.groups.push([q.pos, q.pos + len]);
      q.pos += len;
    } else if (tag === 17) b.granularity = q.readVarint();
    else if (tag === 19) b.latOffset = q.readVarint(true);
    else if (tag === 20) b.lonOffset = q.readVarint(true);
  }, { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] });
  const str = (k: number) => {
    const s = block.strings[k];
    if (s === undefined) throw new Error(`string index ${k} outside the string table`);
    return s;
  };
  const tagsOf = (keys: number[], vals: number[]): Tags | undefined => {
    if (keys.length === 0) return undefined;
    const t: Tags = {};
    for (let k = 0; k < keys.length; k++) t[str(keys[k]!)] = str(vals[k]!);
    return t;
  };
  for (const [start, end] of block.groups) {
    p.pos = start;
    p.readFields((tag, _r, q) => {
      if (tag === 2) readDense(q, block, sink, str);
      else if (tag === 1) {
        const n = q.readMessage<{ id: number; keys: number[]; vals: number[]; lat: number; lon: number }>((t2, o, r) => {
          if (t2 === 1) o.id = r.readSVarint();
          else if (t2 === 2) r.readPackedVarint(o.keys);
          else if (t2 === 3) r.readPackedVarint(o.vals);
          else if (t2 === 8) o.lat = r.readSVarint();
          else if (t2 === 9) o.lon = r.readSVarint();
        }, { id: 0, keys: [], vals: [], lat: 0, lon: 0 });
        sink.node(n.id, degrees(block.lonOffset, block.granularity, n.lon), degrees(block.latOffset, block.granularity, n.lat), tagsOf(n.keys, n.vals));
      } else if (tag === 3) {
        const w = q.readMessage<{ id: number; keys: number[]; vals: number[]; refs: number[] }>((t2, o, r) => {
          if (t2 === 1) o.id = r.readVarint();
          else if (t2 === 2) r.readPackedVarint(o.keys);
          else if (t2 === 3) r.readPackedVarint(o.vals);
          else if (t2 === 8) r.readPackedSVarint(o.refs);
        }, { id: 0, keys: [], vals: [], refs: [] });
        for (let k = 1; k < w.refs.length; k++) w.refs[k] = w.refs[k]! + w.refs[k - 1]!;
        sink.way(w.id, w.refs, tagsOf(w.keys, w.vals));
      } else if (tag === 4) {
        const rel = q.readMessage<{ id: number; keys: number[]; vals: number[]; roles: number[]; memids: number[]; types: number[] }>((t2, o, r) => {
          if (t2 === 1) o.id = r.readVarint();
          else if (t2 === 2) r.readPackedVarint(o.keys);
          else if (t2 === 3) r.readPackedVarint(o.vals);
          else if (t2 === 8) r.readPackedVarint(o.roles, true);
          else if (t2 === 9) r.readPackedSVarint(o.memids);
          else if (t2 === 10) r.readPackedVarint(o.types);
        }, { id: 0, keys: [], vals: [], roles: [], memids: [], types: [] });
        const members: RelationMember[] = [];
        let ref = 0;
        for (let k = 0; k < rel.memids.length; k++) {
          ref += rel.memids[k]!;
          const type = MEMBER_TYPES[rel.types[k] ?? -1];
          if (!type) throw new Error(`relation ${rel.id}: member type ${rel.types[k]}`);
          members.push({ type, ref, role: str(rel.roles[k] ?? 0) });
        }
        sink.relation(rel.id, members, tagsOf(rel.keys, rel.vals));
      }
    }, null, end);
  }
}

function readDense(q: PbfReader, block: Block, sink: ElementSink, str: (k: number) => string): void {
  const d = q.readMessage<{ ids: number[]; lats: number[]; lons: number[]; kv: number[] }>((t, o, r) => {
    if (t === 1) r.readPackedSVarint(o.ids);
    else if (t === 8) r.readPackedSVarint(o.lats);
    else if (t === 9) r.readPackedSVarint(o.lons);
    else if (t === 10) r.readPackedVarint(o.kv);
  }, { ids: [], lats: [], lons: [], kv: [] });
  if (d.lats.length !== d.ids.length || d.lons.length !== d.ids.length) throw new Error('dense nodes with unequal id, lat and lon lists');
  let id = 0, lat = 0, lon = 0, kv = 0;
  for (let k = 0; k < d.ids.length; k++) {
    id += d.ids[k]!;
    lat += d.lats[k]!;
    lon += d.lons[k]!;
    let tags: Tags | undefined;
    if (d.kv.length > 0) {
      while (kv < d.kv.length && d.kv[kv] !== 0) {
        (tags ??= {})[str(d.kv[kv]!)] = str(d.kv[kv + 1]!);
        kv += 2;
      }
      kv++;
    }
    sink.node(id, degrees(block.lonOffset, block.granularity, lon), degrees(block.latOffset, block.granularity, lat), tags);
  }
}
