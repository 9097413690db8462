import { unzipSync } from 'fflate';

/** The formats an import reads, as recognised by {@link sniff}. */
export type SniffedFormat = 'geojson' | 'overpass' | 'csv' | 'geopackage' | 'shapefile' | 'kml' | 'kmz' | 'xlsx';

/**
 * File types people upload by mistake, recognised so that the refusal can say what the
 * file is (`params.type`) rather than how JSON parsing failed.
 */
export const REFUSED_TYPES = [
  'pdf', 'png', 'jpeg', 'gif', 'tiff', 'webp', 'xls', 'docx', 'pptx', 'ods', 'odt', 'zip', 'gzip', 'bzip2', '7z', 'rar',
  'shp', 'sqlite', 'pmtiles', 'osm_pbf', 'osm_xml', 'gpx', 'html', 'xml', 'exe', 'empty', 'binary',
] as const;
export type RefusedType = (typeof REFUSED_TYPES)[number];

export type Sniffed = { format: SniffedFormat; zipNames?: string[]; unpackedBytes?: number } | { refused: RefusedType };


const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, s: string, at = 0) => startsWith(b, [...s].map((c) => c.charCodeAt(0)), at);

/** The names in a zip archive and the bytes they unpack to, read from its directory without inflating anything. */
export function zipEntries(bytes: Uint8Array): { names: string[]; unpackedBytes: number } | undefined {
  const names: string[] = [];
  let unpackedBytes = 0;
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), (unpackedBytes += f.originalSize), false) });
  } catch {
    return undefined;
  }
  return { names: names.filter((n) => !n.startsWith('__MACOSX/')), unpackedBytes };
}

/** What a zip archive holds: a Shapefile, a KMZ, an Excel workbook, or some other document. */
function sniffZip(bytes: Uint8Array): Sniffed {
  const entries = zipEntries(bytes);
  if (!entries) return { refused: 'zip' };
  const { names, unpackedBytes } = entries;
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (has(/\.shp$/i)) return { format: 'shapefile', zipNames: names, unpackedBytes };
  if (has(/\.kml$/i)) return { format: 'kmz', zipNames: names, unpackedBytes };
  if (names.includes('[Content_Types].xml')) {
    if (has(/^xl\//)) return { format: 'xlsx', zipNames: names, unpackedBytes };
    if (has(/^word\//)) return { refused: 'docx' };
    if (has(/^ppt\//)) return { refused: 'pptx' };
  }
  if (names.includes('mimetype')) {
    const text = new TextDecoder().decode(bytes.subarray(30, 120));
    if (text.includes('opendocument.spreadsheet')) return { refused: 'ods' };
    if (text.includes('opendocument.text')) return { refused: 'odt' };
  }
  return { refused: 'zip' };
}

/**
 * The file's format from its first bytes: SQLite's header is a GeoPackage, a zip is a
 * Shapefile, KMZ or xlsx by what it holds, XML with `<kml` is KML, JSON is GeoJSON or
 * (with `elements`) Overpass, and other text is CSV. Every other known binary (PDF,
 * images, old Office files, archives, …) is named so that it can be refused clearly.
 */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { refused: 'empty' };
  if (ascii(bytes, 'SQLite format 3\0')) return { format: 'geopackage' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes);
  if (ascii(bytes, '%PDF')) return { refused: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { refused: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { refused: 'jpeg' };
  if (ascii(bytes, 'GIF87a') || ascii(bytes, 'GIF89a')) return { refused: 'gif' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { refused: 'tiff' };
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8)) return { refused: 'webp' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { refused: 'xls' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { refused: 'gzip' };
  if (ascii(bytes, 'BZh')) return { refused: 'bzip2' };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return { refused: '7z' };
  if (ascii(bytes, 'Rar!')) return { refused: 'rar' };
  if (ascii(bytes, 'PMTiles')) return { refused: 'pmtiles' };
  if (ascii(bytes, 'MZ')) return { refused: 'exe' };
  // A bare .shp: file code 9994 big-endian; it needs its .dbf and .prj beside it, zipped.
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a])) return { refused: 'shp' };
  if (bytes.length >= 18 && bytes[0] === 0 && bytes[1] === 0 && bytes[4] === 0x0a && ascii(bytes, 'OSMHeader', 6)) return { refused: 'osm_pbf' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start.startsWith('<')) {
    if (/<kml[\s>]/.test(head)) return { format: 'kml' };
    if (/<osm[\s>]/.test(head)) return { refused: 'osm_xml' };
    if (/<gpx[\s>]/.test(head)) return { refused: 'gpx' };
    if (/^<(!doctype html|html)[\s>]/i.test(start)) return { refused: 'html' };
    return { refused: 'xml' };
  }
  if (start.startsWith('{') || start.startsWith('[')) return { format: /"elements"\s*:/.test(head) ? 'overpass' : 'geojson' };
  // Text: no NUL and few control characters (a binary file of some other kind has plenty).
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { refused: 'binary' };
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length / 100 ? { refused: 'binary' } : { format: 'csv' };
}

/** Which bytes each explicit format expects: an SQLite database, a zip, or text. */
const CONTAINER: Record<SniffedFormat, 'sqlite' | 'zip' | 'text'> = {
  geopackage: 'sqlite', shapefile: 'zip', kmz: 'zip', xlsx: 'zip', kml: 'text', geojson: 'text', overpass: 'text', csv: 'text',
};

/**
 * The format to read with: the sniffed one for `auto`; an explicit format when the bytes
 * can be it (text formats trust the choice; a zip must hold what the format says, KML
 * and KMZ being interchangeable). Otherwise what the bytes are, for the refusal.
 */
export function resolveFormat(requested: SniffedFormat | 'auto', sniffed: Sniffed): { format: SniffedFormat; unpackedBytes?: number } | { refused: RefusedType } | { mismatch: SniffedFormat } {
  if ('refused' in sniffed) return sniffed;
  if (requested === 'auto' || requested === sniffed.format) return { format: sniffed.format, unpackedBytes: sniffed.unpackedBytes };
  if ((requested === 'kml' || requested === 'kmz') && (sniffed.format === 'kml' || sniffed.format === 'kmz')) return { format: sniffed.format, unpackedBytes: sniffed.unpackedBytes };
  if (CONTAINER[requested] === 'text' && CONTAINER[sniffed.format] === 'text' && sniffed.format !== 'kml' && requested !== 'kml') return { format: requested };
  return { mismatch: sniffed.format };
}
