/**
 * Addresses of the downloads (GET /api/exports/…, /api/units/{id}/contacts/export).
 * Every CSV link names its dialect from the page's language, so a Swedish page gives
 * files Swedish Excel opens with numbers as numbers, and an English page the
 * international form, whatever the API's own default is.
 */
import type { Lang } from '../i18n/index.js';

export type CsvDialect = 'excel_sv' | 'standard';
export type ExportLayer = 'units' | 'actors' | 'child-places' | 'areas';

/** The CSV dialect of a page language: Swedish Excel (`;`, decimal comma) for Swedish, RFC 4180 (`,`, decimal point) for English. */
export const csvDialectOf = (lang: Lang): CsvDialect => (lang === 'sv' ? 'excel_sv' : 'standard');

/** A whole layer: GeoJSON or CSV in WGS 84 or SWEREF 99 TM (`sweref`), GeoPackage (always SWEREF 99 TM, the API's default for it). */
export function layerExportUrl(layer: ExportLayer, format: 'geojson' | 'csv' | 'gpkg', lang: Lang, sweref = false): string {
  const q = new URLSearchParams({ format });
  if (sweref && format !== 'gpkg') q.set('crs', 'EPSG:3006');
  if (format === 'csv') q.set('dialect', csvDialectOf(lang));
  return `/api/exports/${layer}?${q}`;
}

/** Every layer in one GeoPackage (SWEREF 99 TM). */
export const allLayersGpkgUrl = '/api/exports/all.gpkg';

/** A unit's contact list as CSV (in the page language's dialect) or vCard. */
export function contactsExportUrl(unitId: number, format: 'csv' | 'vcf', lang: Lang): string {
  return `/api/units/${unitId}/contacts/export?${new URLSearchParams(format === 'csv' ? { format, dialect: csvDialectOf(lang) } : { format })}`;
}
