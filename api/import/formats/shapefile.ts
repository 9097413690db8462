/**
 * A zipped Shapefile (.shp with its .dbf, .prj and optionally .cpg), read with shpjs.
 * The .prj is identified here rather than handed to shpjs: an ESRI .prj of RT 90 carries
 * no datum shift, so proj4 would land it some 100 m off; our own definitions (api/import/crs.ts)
 * give ogr2ogr's answer.
 */
import { unzipSync } from 'fflate';
import shp from 'shpjs';
import { CRS_TITLES, importCrsOfWkt } from '../crs.js';
import type { TextEncoding } from '../decode.js';
import { collectFields, fileError, safeProps, type RowIssue, type SourceFile, type SourceRow } from '../parse.js';
import { reprojectRows } from './geometry.js';
import { chooseLayer } from './layers.js';

const ext = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
const base = (name: string) => name.slice(0, name.lastIndexOf('.'));

/**
 * The .dbf's text encoding: the .cpg's when there is one, else UTF-8 when the records
 * are valid UTF-8, else Windows-1252 (what ArcGIS and older GDAL write), as for CSV.
 */
function dbfEncoding(dbf: Uint8Array, cpg: string | undefined): { label: string; encoding: TextEncoding } {
  const c = cpg?.trim();
  if (c) {
    const label = /^\d+$/.test(c) ? `windows-${c}` : c;
    try {
      new TextDecoder(label);
      return { label, encoding: /^utf-?8$/i.test(label) ? 'utf-8' : 'windows-1252' };
    } catch {
      // An unknown code page: fall through to the detection below.
    }
  }
  const headerLength = dbf.length > 10 ? dbf[8]! | (dbf[9]! << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(32, headerLength));
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return { label: 'utf-8', encoding: 'utf-8' };
  } catch {
    return { label: 'windows-1252', encoding: 'windows-1252' };
  }
}

export async function parseShapefile(bytes: Uint8Array, sourceLayer: string | undefined): Promise<SourceFile> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => !f.name.startsWith('__MACOSX/') && ['shp', 'dbf', 'prj', 'cpg'].includes(ext(f.name)) });
  } catch (err) {
    throw fileError(`the zip archive cannot be read: ${(err as Error).message}`);
  }
  const byExt = (layer: string, e: string) => Object.entries(files).find(([n]) => base(n) === layer && ext(n) === e)?.[1];
  const layers = Object.keys(files).filter((n) => ext(n) === 'shp').map(base).sort();
  const layer = chooseLayer(layers, sourceLayer, 'Shapefiles (.shp)');
  const shpBytes = byExt(layer, 'shp')!;
  const dbf = byExt(layer, 'dbf');
  if (!dbf) throw fileError(`the zip has ${layer}.shp but no ${layer}.dbf beside it: zip the .shp, .shx, .dbf and .prj together`, 'shapefile_part', { part: 'dbf', layer });
  const prjBytes = byExt(layer, 'prj');
  const cpgBytes = byExt(layer, 'cpg');
  const warnings: RowIssue[] = [];
  let declared: ReturnType<typeof importCrsOfWkt>;
  if (prjBytes) {
    const wkt = new TextDecoder().decode(prjBytes);
    declared = importCrsOfWkt(wkt);
    if (!declared) {
      const name = (/^\s*\w+\["([^"]+)"/.exec(wkt)?.[1] ?? wkt).slice(0, 80);
      throw fileError(`${layer}.prj describes "${name}", which the import does not read; it reads WGS 84, SWEREF 99 TM, the SWEREF 99 local zones and RT 90 2.5 gon V`, 'unknown_crs', { crs: name });
    }
  }
  const { label, encoding } = dbfEncoding(dbf, cpgBytes && new TextDecoder().decode(cpgBytes));
  let fc: Awaited<ReturnType<typeof shp>>;
  try {
    fc = await shp({ shp: shpBytes, dbf, cpg: label });
  } catch (err) {
    throw fileError(`the Shapefile ${layer} cannot be read: ${(err as Error).message}`);
  }
  const rows: SourceRow[] = fc.features.map((f, i) => ({ row: i + 1, props: safeProps(f.properties), geometry: f.geometry ?? undefined }));
  const crs = reprojectRows(rows, declared, warnings, `${layer}.prj is missing`);
  if (!prjBytes) {
    // Said even when the range shows WGS 84: without a .prj nobody but the range says so.
    if (crs.crs === 'EPSG:4326') {
      warnings.push({ row: 0, field: 'crs', code: 'crs_detected', params: { crs: crs.crs, title: CRS_TITLES[crs.crs] }, reason: `${layer}.prj is missing; the coordinates were read as WGS 84 from their range` });
    }
  }
  return { format: 'shapefile', fields: collectFields(rows), rows, crs, warnings, encoding, sourceLayer: layer, layers };
}
