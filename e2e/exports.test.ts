/**
 * A GIS officer and a unit's contact person take the files home: a layer and the whole
 * register as GeoPackage from the import page, and the unit's contacts as vCard and CSV
 * from the unit view, downloaded by clicking the links as a person would.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectClean, hasChromium, screenshot, useProduct, waitForMap } from './harness.js';

const OGRINFO = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find((p) => fs.existsSync(p));
if (!OGRINFO && process.env.CI === 'true') throw new Error('ogrinfo (gdal-bin) is missing; CI must open the downloaded GeoPackage with GDAL.');

/** Clicks the link and returns the download's suggested name and bytes. */
async function save(page: Page, link: ReturnType<Page['getByRole']>) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { file: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
}

/** The header facts of a GeoPackage: SQLite, application_id GPKG, user_version 10300. */
function expectGeoPackage(bytes: Buffer) {
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  expect(bytes.readUInt32BE(68)).toBe(0x47504b47);
  expect(bytes.readUInt32BE(60)).toBe(10300);
}

/** ogrinfo's layer names and feature counts of a saved GeoPackage. */
function ogrLayers(bytes: Buffer, name: string): Record<string, number> {
  const file = `/tmp/ps-e2e-${process.pid}-${name}`;
  fs.writeFileSync(file, bytes);
  try {
    const text = execFileSync(OGRINFO!, ['-ro', '-so', '-al', file], { encoding: 'utf8' });
    const names = [...text.matchAll(/^Layer name: (\w+)/gm)].map((m) => m[1]!);
    const counts = [...text.matchAll(/^Feature Count: (\d+)/gm)].map((m) => Number(m[1]));
    return Object.fromEntries(names.map((n, i) => [n, counts[i]!]));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe.skipIf(!hasChromium)('downloads for GIS and phones', () => {
  const product = useProduct();

  it('the import page: a layer and everything as GeoPackage, GDAL reads both with the API\'s counts', async () => {
    const { page, context } = await product.open({ role: 'admin' });
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Exportera' }).waitFor();
    const units = page.locator('.import-exports li', { hasText: 'Enheter' });
    const one = await save(page, units.getByRole('link', { name: 'GeoPackage', exact: true }));
    expect(one.file).toBe('units.gpkg');
    expectGeoPackage(one.bytes);
    const all = await save(page, page.getByRole('link', { name: 'Allt som GeoPackage' }));
    expect(all.file).toBe('platssamverkan.gpkg');
    expectGeoPackage(all.bytes);
    const csv = await save(page, units.getByRole('link', { name: 'CSV (SWEREF 99 TM)' }));
    expect(csv.file).toBe('units-epsg3006.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8').split('\r\n')[0]).toMatch(/;x;y$/);
    if (OGRINFO) {
      const count = async (layer: string) => ((await (await context.request.get(`/api/exports/${layer}`)).json()) as { features: unknown[] }).features.length;
      expect(ogrLayers(one.bytes, 'units.gpkg')).toEqual({ units: await count('units') });
      expect(ogrLayers(all.bytes, 'all.gpkg')).toEqual({
        units: await count('units'), actors: await count('actors'), child_places: await count('child-places'), areas: await count('areas'),
      });
    }
    expectClean(page);
    await context.close();
  });

  it("the unit view's contacts: vCard for the phone and CSV for Swedish Excel; on an English page the international CSV", async () => {
    const { page, context } = await product.open({ role: 'viewer' });
    const units = (await (await context.request.get('/api/units')).json()) as { features: { id: number; properties: { name: string } }[] };
    const unitId = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!.id;
    await page.goto(`/units/${unitId}?tab=contacts`);
    await waitForMap(page);
    const vcfLink = page.getByRole('link', { name: 'Kontakter som vCard (telefon)' });
    await vcfLink.waitFor();
    await page.locator('#contacts-export-heading').scrollIntoViewIfNeeded();
    await screenshot(page, 'view-unit-contacts-exports');
    const vcf = await save(page, vcfLink);
    expect(vcf.file).toBe('kontakter-kallebacks-vard-och-omsorgsboende.vcf');
    const cards = vcf.bytes.toString('utf8');
    expect(cards.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    for (const line of cards.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(cards).toMatch(/\r\nN:;;;;\r\n/);
    const csv = await save(page, page.getByRole('link', { name: 'Kontakter som CSV' }));
    expect(csv.file).toBe('kontakter-kallebacks-vard-och-omsorgsboende.csv');
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')[0]).toMatch(/^actor_id;actor;category;ring;distance_m;/);
    expect(text.split('\r\n')[1]!.split(';')[4]).toMatch(/^\d+(,\d+)?$/);
    await expectAccessible(page, 'unit contacts with downloads');
    expectClean(page);
    await context.close();

    const en = await product.open({ role: 'viewer', lang: 'en' });
    await en.page.goto(`/units/${unitId}?tab=contacts`);
    const enCsv = en.page.getByRole('link', { name: 'Contacts as CSV' });
    await enCsv.waitFor();
    expect(await enCsv.getAttribute('href')).toBe(`/api/units/${unitId}/contacts/export?format=csv&dialect=standard`);
    const std = await save(en.page, enCsv);
    expect(std.bytes[0]).not.toBe(0xef);
    expect(std.bytes.toString('utf8').split('\r\n')[0]).toMatch(/^actor_id,actor,category,ring,distance_m,/);
    expectClean(en.page);
    await en.context.close();
  });
});
