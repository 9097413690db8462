/**
 * From uploaded bytes to a {@link SourceFile}: the format found from the first bytes
 * (or the one asked for, when the bytes can be it), then that format's reader. Every
 * reader gives rows with properties and WGS 84 GeoJSON geometry, so mapping, row rules,
 * the report and the all-or-nothing write are one path for every format.
 */
import { DEFAULTS } from '../config.js';
import { decodeBytes, stripBom, type TextEncoding } from './decode.js';
import { parseGeoPackage } from './formats/geopackage.js';
import { parseKml, parseKmz } from './formats/kml.js';
import { parseShapefile } from './formats/shapefile.js';
import { parseXlsx } from './formats/xlsx.js';
import { fileError, parseSource, type ImportFormat, type SourceFile } from './parse.js';
import { resolveFormat, sniff } from './sniff.js';

/** What the refusal names as read, in the English message (the client has its own). */
export const FORMATS_READ = 'GeoJSON, CSV, GeoPackage, Shapefile (zip), KML/KMZ and Excel (.xlsx)';

const TYPE_LABEL: Record<string, string> = {
  pdf: 'a PDF file', png: 'a PNG image', jpeg: 'a JPEG image', gif: 'a GIF image', tiff: 'a TIFF image', webp: 'a WebP image',
  xls: 'an old Office file (.xls or .doc); save it as .xlsx', docx: 'a Word document', pptx: 'a PowerPoint presentation',
  ods: 'an OpenDocument spreadsheet; save it as .xlsx or CSV', odt: 'an OpenDocument text', zip: 'a zip archive without a Shapefile, KML or workbook',
  gzip: 'a gzip-compressed file; unpack it first', bzip2: 'a bzip2-compressed file; unpack it first', '7z': 'a 7-Zip archive', rar: 'a RAR archive',
  shp: 'a bare .shp; zip it together with its .shx, .dbf and .prj', sqlite: 'an SQLite database that is not a GeoPackage', pmtiles: 'a PMTiles archive',
  osm_pbf: 'OpenStreetMap PBF (the base-data import reads it)', osm_xml: 'OpenStreetMap XML', gpx: 'a GPX track', html: 'a web page (HTML)', xml: 'an XML file that is not KML',
  exe: 'a program', empty: 'an empty file', binary: 'a binary file of an unknown kind',
};

export interface ReadOptions {
  /** GeoPackage table, Shapefile in the zip, or worksheet to read. */
  sourceLayer?: string;
}

/** Reads the upload as `requested` (or what it is, for `auto`); a file of another kind is refused naming its type. */
export async function readSource(requested: ImportFormat | 'auto', content: Uint8Array | string, options: ReadOptions = {}): Promise<SourceFile & { encoding: TextEncoding }> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const found = resolveFormat(requested, sniff(bytes));
  if ('refused' in found) {
    throw fileError(`this is ${TYPE_LABEL[found.refused] ?? 'a file of another kind'}; the import reads ${FORMATS_READ}`, 'unsupported_file_type', { type: found.refused });
  }
  if ('mismatch' in found) {
    throw fileError(`the file is ${found.mismatch}, not ${requested}; choose ${found.mismatch} or "auto" as the format`, 'format_mismatch', { format: requested, detected: found.mismatch });
  }
  if ((found.unpackedBytes ?? 0) > DEFAULTS.importZipUnpackedLimitBytes) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    throw fileError(`the zip unpacks to ${mb(found.unpackedBytes!)} MB; an import unpacks at most ${mb(DEFAULTS.importZipUnpackedLimitBytes)} MB`, 'zip_too_large', { unpacked_mb: mb(found.unpackedBytes!), maximum_mb: mb(DEFAULTS.importZipUnpackedLimitBytes) });
  }
  const format = found.format;
  const text = () => (typeof content === 'string' ? { text: content, encoding: 'utf-8' as const } : decodeBytes(bytes));
  let file: SourceFile;
  let encoding: TextEncoding = 'utf-8';
  switch (format) {
    case 'geopackage': file = await parseGeoPackage(bytes, options.sourceLayer); break;
    case 'shapefile': file = await parseShapefile(bytes, options.sourceLayer); break;
    case 'kmz': file = parseKmz(bytes); break;
    case 'xlsx': file = await parseXlsx(bytes, options.sourceLayer); break;
    case 'kml': {
      const t = text();
      encoding = t.encoding;
      file = parseKml(t.text, 'kml', t.encoding);
      break;
    }
    default: {
      const t = text();
      encoding = t.encoding;
      file = parseSource(format, stripBom(t.text));
    }
  }
  return { ...file, encoding: file.encoding ?? encoding };
}
