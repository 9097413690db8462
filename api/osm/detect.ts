import { ruleError } from '../errors.js';
import type { OsmSourceKind } from './elements.js';

/** Names of file kinds people upload by mistake, recognised by their first bytes. */
const OTHER_KINDS: { kind: string; label: string; test: (b: Uint8Array, head: string) => boolean }[] = [
  { kind: 'pdf', label: 'a PDF file', test: (_b, h) => h.startsWith('%PDF') },
  { kind: 'zip', label: 'a ZIP archive (also .xlsx, .docx, .kmz)', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
  { kind: 'gzip', label: 'a gzip-compressed file', test: (b) => b[0] === 0x1f && b[1] === 0x8b },
  { kind: 'bzip2', label: 'a bzip2-compressed file (.osm.bz2)', test: (_b, h) => h.startsWith('BZh') },
  { kind: 'png', label: 'a PNG image', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { kind: 'jpeg', label: 'a JPEG image', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { kind: 'sqlite', label: 'an SQLite database (GeoPackage, MBTiles)', test: (_b, h) => h.startsWith('SQLite format 3') },
  { kind: 'pmtiles', label: 'a PMTiles archive', test: (_b, h) => h.startsWith('PMTiles') },
  { kind: 'osm_xml', label: 'OSM XML (convert it with "osmium cat file.osm -o file.osm.pbf")', test: (_b, h) => /^\s*<\?xml[\s\S]*<osm[\s>]/.test(h) || /^\s*<osm[\s>]/.test(h) },
  { kind: 'xml', label: 'an XML file', test: (_b, h) => /^\s*</.test(h) },
  { kind: 'geojson', label: 'GeoJSON (the register import reads it; the OSM import wants OSM data)', test: (_b, h) => /^\s*\{[\s\S]*"type"\s*:\s*"Feature(Collection)?"/.test(h) && !/"elements"\s*:/.test(h) },
  { kind: 'csv', label: 'a text or CSV file', test: (_b, h) => h.length > 0 && !/^\s*[{[]/.test(h) && /^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffff]*$/.test(h.slice(0, 256)) },
];

export const WHAT_IS_READ = 'the OSM import reads .osm.pbf or Overpass JSON';

/**
 * The file's kind from its first bytes: PBF starts with a 4-byte header length and a
 * BlobHeader whose type is "OSMHeader"; Overpass JSON is an object with `elements`.
 * Anything else is refused with what the file is and what is read.
 */
export function detectOsmFile(bytes: Uint8Array): OsmSourceKind {
  if (bytes.length === 0) throw ruleError('bad_request', 'osm_file_kind', `The file is empty; ${WHAT_IS_READ}.`, { kind: 'empty' }, ['file']);
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (bytes.length >= 18 && bytes[0] === 0 && bytes[1] === 0) {
    const headerLen = (bytes[2]! << 8) | bytes[3]!;
    // BlobHeader field 1 (type, length-delimited) = "OSMHeader"
    if (headerLen > 0 && headerLen < 64 * 1024 && bytes[4] === 0x0a && bytes[5] === 9 && head.slice(6, 15) === 'OSMHeader') return 'pbf';
  }
  if (/^\s*\{/.test(head) && /"elements"\s*:/.test(head)) return 'overpass_json';
  if (/^\s*\{/.test(head) && /"(version|generator|osm3s)"\s*:/.test(head)) return 'overpass_json';
  for (const k of OTHER_KINDS) {
    if (k.test(bytes, head)) {
      throw ruleError('unsupported_media_type', 'osm_file_kind', `This is ${k.label}; ${WHAT_IS_READ}.`, { kind: k.kind }, ['file']);
    }
  }
  throw ruleError('unsupported_media_type', 'osm_file_kind', `The file is neither OSM PBF nor Overpass JSON; ${WHAT_IS_READ}.`, { kind: 'unknown' }, ['file']);
}
