import { describe, expect, it } from 'vitest';
import { allLayersGpkgUrl, contactsExportUrl, csvDialectOf, layerExportUrl } from './exportUrls.js';

describe('export addresses', () => {
  it('CSV in the dialect of the page language; SWEREF 99 TM as crs=EPSG:3006; GeoPackage without crs (its default)', () => {
    expect(csvDialectOf('sv')).toBe('excel_sv');
    expect(csvDialectOf('en')).toBe('standard');
    expect(layerExportUrl('child-places', 'csv', 'sv')).toBe('/api/exports/child-places?format=csv&dialect=excel_sv');
    expect(layerExportUrl('actors', 'csv', 'en', true)).toBe('/api/exports/actors?format=csv&crs=EPSG%3A3006&dialect=standard');
    expect(layerExportUrl('areas', 'geojson', 'sv', true)).toBe('/api/exports/areas?format=geojson&crs=EPSG%3A3006');
    expect(layerExportUrl('units', 'gpkg', 'en', true)).toBe('/api/exports/units?format=gpkg');
    expect(allLayersGpkgUrl).toBe('/api/exports/all.gpkg');
    expect(contactsExportUrl(7, 'csv', 'sv')).toBe('/api/units/7/contacts/export?format=csv&dialect=excel_sv');
    expect(contactsExportUrl(7, 'vcf', 'en')).toBe('/api/units/7/contacts/export?format=vcf');
  });
});
