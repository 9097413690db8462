/**
 * KML and KMZ (Google Earth, and what many municipal map portals export), read with
 * @tmcw/togeojson on an @xmldom/xmldom document. KML is WGS 84 by definition; altitudes
 * are dropped. A Placemark's name, description and ExtendedData become its properties.
 * KMZ is a zip holding doc.kml (or another .kml).
 */
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { unzipSync } from 'fflate';
import { decodeBytes, stripBom, type TextEncoding } from '../decode.js';
import { collectFields, fileError, safeProps, type RowIssue, type SourceFile, type SourceRow } from '../parse.js';
import { reprojectRows } from './geometry.js';

/** The properties togeojson adds for the style, which are not data. */
const STYLE_KEYS = new Set(['styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'label-scale', 'label-color', 'label-opacity', 'icon-offset', 'icon-offset-units', 'icon-heading', 'visibility']);

export function parseKml(text: string, format: 'kml' | 'kmz' = 'kml', encoding: TextEncoding = 'utf-8'): SourceFile {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(stripBom(text), 'text/xml');
  } catch (err) {
    throw fileError(`the KML is not well-formed XML: ${(err as Error).message.split('\n')[0]!.slice(0, 200)}`);
  }
  if (doc.getElementsByTagName('kml').length === 0) throw fileError('the XML is not KML (it has no <kml> element)');
  const fc = kml(doc);
  const rows: SourceRow[] = fc.features.map((f, i) => {
    const props = safeProps(f.properties);
    for (const k of STYLE_KEYS) delete props[k];
    return { row: i + 1, props, geometry: f.geometry ?? undefined };
  });
  const warnings: RowIssue[] = [];
  const crs = reprojectRows(rows, 'EPSG:4326', warnings, '');
  return { format, fields: collectFields(rows), rows, crs, warnings, encoding };
}

export function parseKmz(bytes: Uint8Array): SourceFile {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /\.kml$/i.test(f.name) && !f.name.startsWith('__MACOSX/') });
  } catch (err) {
    throw fileError(`the KMZ (zip) cannot be read: ${(err as Error).message}`);
  }
  const names = Object.keys(files).sort();
  const name = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (!name) throw fileError('the KMZ holds no .kml file');
  const { text, encoding } = decodeBytes(files[name]!);
  return parseKml(text, 'kmz', encoding);
}
