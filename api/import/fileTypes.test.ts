/**
 * Files that are not what the import reads are recognised by their first bytes and
 * refused naming what they are, in the user's language, with nothing written; an
 * explicit format the bytes cannot be is refused as clearly.
 */
import zlib from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importEn, importSv } from '../../client/src/import/messages.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { readSource } from './read.js';
import { sniff } from './sniff.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const SAMPLES: Record<string, Uint8Array> = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0'),
  gif: bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0]),
  xls: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0)),
  docx: zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
  ods: zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') }, { level: 0 }),
  zip: zipSync({ 'readme.txt': strToU8('hej') }),
  gzip: new Uint8Array(zlib.gzipSync('name,lon,lat\nA,11.9,57.7\n')),
  shp: bytes([0x00, 0x00, 0x27, 0x0a], new Array(96).fill(0)),
  html: bytes('<!DOCTYPE html><html><body>Inloggning</body></html>'),
};

describe('first-bytes recognition (sniff)', () => {
  it.each(Object.entries(SAMPLES))('%s is recognised and refused by name', (type, b) => {
    expect(sniff(b)).toEqual({ refused: type });
  });
  it('tells the readable formats apart', () => {
    expect(sniff(bytes('SQLite format 3\0', new Array(84).fill(0)))).toEqual({ format: 'geopackage' });
    expect(sniff(zipSync({ 'a/forskolor.shp': new Uint8Array(4), 'a/forskolor.dbf': new Uint8Array(4) }))).toMatchObject({ format: 'shapefile' });
    expect(sniff(zipSync({ 'doc.kml': strToU8('<kml/>') }))).toMatchObject({ format: 'kmz' });
    expect(sniff(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }))).toMatchObject({ format: 'xlsx' });
    expect(sniff(bytes('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'))).toEqual({ format: 'kml' });
    expect(sniff(new TextEncoder().encode('\ufeff{"type":"FeatureCollection","features":[]}'))).toEqual({ format: 'geojson' });
    expect(sniff(bytes('{"version":0.6,"elements":[]}'))).toEqual({ format: 'overpass' });
    expect(sniff(new TextEncoder().encode('namn;X;Y\nKallebäck;320000;6398000\n'))).toEqual({ format: 'csv' });
    expect(sniff(bytes('namn;X;Y\nKalleb\xe4ck;320000;6398000\n'))).toEqual({ format: 'csv' });
    expect(sniff(new Uint8Array())).toEqual({ refused: 'empty' });
  });
});

describe('KML as GIS staff get it from map portals', () => {
  it('name, description and ExtendedData become properties; altitudes are dropped; a MultiGeometry of polygons is one MultiPolygon', async () => {
    const ring = (x: string, x2: string) => `${x},57.7,0 ${x2},57.7,0 ${x2},57.71,0 ${x},57.7,0`;
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Style id="s"><IconStyle><scale>1</scale></IconStyle></Style>
<Placemark><name>Kallebäcks förskola</name><description>Öppen 6–18</description><styleUrl>#s</styleUrl>
  <ExtendedData><Data name="adress"><value>Smörkärnegatan 5</value></Data><Data name="platser"><value>60</value></Data></ExtendedData>
  <Point><coordinates>11.9912,57.6843,12.5</coordinates></Point></Placemark>
<Placemark><name>Två delar</name><MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring('11.9', '11.91')}</coordinates></LinearRing></outerBoundaryIs></Polygon>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring('11.95', '11.96')}</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark>
</Document></kml>`;
    const file = await readSource('auto', new TextEncoder().encode(kml));
    expect(file).toMatchObject({ format: 'kml', crs: { crs: 'EPSG:4326', detected: false } });
    expect({ ...file.rows[0]!.props }).toEqual({ name: 'Kallebäcks förskola', description: 'Öppen 6–18', adress: 'Smörkärnegatan 5', platser: '60' });
    expect(file.rows[0]!.geometry).toEqual({ type: 'Point', coordinates: [11.9912, 57.6843] });
    expect(file.rows[1]!.geometry).toMatchObject({ type: 'MultiPolygon', coordinates: [[[[11.9, 57.7], [11.91, 57.7], [11.91, 57.71], [11.9, 57.7]]], [[[11.95, 57.7], [11.96, 57.7], [11.96, 57.71], [11.95, 57.7]]]] });
    await expect(readSource('kml', new TextEncoder().encode('<kml><Placemark>'))).rejects.toThrow(/not well-formed XML/);
  });
});

describe('refused uploads', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  const counts = async () =>
    (await t.db.query<Record<string, number>>(
      "SELECT (SELECT count(*) FROM child_places)::int AS child_places, (SELECT count(*) FROM areas)::int AS areas, (SELECT count(*) FROM audit_log WHERE action = 'import')::int AS audits",
    ))[0]!;
  const post = async (body: Record<string, unknown>) => {
    const res = await t.request('admin', 'POST', '/api/import/child-places', { kind: 'preschool', dry_run: false, ...body });
    return { status: res.status, json: await res.json() };
  };

  it.each(Object.entries(SAMPLES))('a %s upload (format auto) is refused naming its type; nothing is written', async (type, b) => {
    const before = await counts();
    const { status, json } = await post({ content: Buffer.from(b).toString('base64'), encoding: 'base64' });
    expect(status).toBe(400);
    expect(json.error.details).toMatchObject({ field: 'file', code: 'unsupported_file_type', params: { type } });
    expect(json.error.message).toMatch(/the import reads GeoJSON, CSV, GeoPackage, Shapefile \(zip\), KML\/KMZ and Excel \(\.xlsx\)/);
    expect(await counts()).toEqual(before);
  });

  it('a PDF sent as "geojson" gets the same refusal, not a JSON parse error; the page says it in Swedish and English', async () => {
    const { status, json } = await post({ format: 'geojson', content: Buffer.from(SAMPLES.pdf!).toString('base64'), encoding: 'base64' });
    expect(status).toBe(400);
    expect(json.error.message).not.toMatch(/not valid JSON|Unexpected token/);
    expect(json.error.details).toMatchObject({ code: 'unsupported_file_type', params: { type: 'pdf' } });
    expect(importSv.reasons.unsupported_file_type!(json.error.details.params)).toBe('Det här är en PDF-fil; importen läser GeoJSON, CSV, GeoPackage, Shapefile (zip), KML/KMZ och Excel (.xlsx).');
    expect(importEn.reasons.unsupported_file_type!(json.error.details.params)).toBe('This is a PDF file; the import reads GeoJSON, CSV, GeoPackage, Shapefile (zip), KML/KMZ and Excel (.xlsx).');
  });

  it('a zip that declares more than 500 MB unpacked (a zip bomb) is refused before anything is inflated', async () => {
    const zip = zipSync({ 'a.shp': new Uint8Array(100), 'a.dbf': new Uint8Array(100) });
    const view = new DataView(zip.buffer);
    // Every central directory entry (PK\x01\x02) says its file unpacks to 1 GiB.
    for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1024 ** 3, true);
    const before = await counts();
    const { status, json } = await post({ content: Buffer.from(zip).toString('base64'), encoding: 'base64' });
    expect(status).toBe(400);
    expect(json.error.details).toMatchObject({ code: 'zip_too_large', params: { unpacked_mb: 2048, maximum_mb: 500 } });
    expect(await counts()).toEqual(before);
  });

  it('an explicit format the bytes cannot be: format_mismatch naming both', async () => {
    const csv = await post({ format: 'geopackage', content: 'name,lon,lat\nA,11.9,57.7\n' });
    expect(csv.status).toBe(400);
    expect(csv.json.error.details).toMatchObject({ code: 'format_mismatch', params: { format: 'geopackage', detected: 'csv' } });
    expect(importSv.reasons.format_mismatch!(csv.json.error.details.params)).toBe('Filen är CSV, inte GeoPackage (.gpkg). Välj ”Känn igen automatiskt” som format.');
    const kmz = await post({ format: 'shapefile', content: Buffer.from(zipSync({ 'doc.kml': strToU8('<kml/>') })).toString('base64'), encoding: 'base64' });
    expect(kmz.json.error.details).toMatchObject({ code: 'format_mismatch', params: { format: 'shapefile', detected: 'kmz' } });
    // An SQLite database without the GeoPackage tables is named as such.
    const sqlite = await post({ content: Buffer.from(bytes('SQLite format 3\0', new Array(84).fill(0))).toString('base64'), encoding: 'base64' });
    expect(sqlite.status).toBe(400);
  });
});
