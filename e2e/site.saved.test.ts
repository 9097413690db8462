/**
 * Saved site analyses and the printed comparison, in Chromium against the built product on
 * the imported Göteborg extract: save with a name, reload, open from the list, rename,
 * delete after confirming; a shared link reopens the same sites; the printed PDF holds
 * every site's name and the figures the API gives; axe clean throughout.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importOsmFixture } from './baseDataFixture.js';
import { E2E_BACKENDS, expectAccessible, expectClean, hasChromium, POLL, RESULTS_DIR, screenshot, useProduct, waitForMap, waitForMapIdle } from './harness.js';
import { pdfText } from './pdf.js';

type LonLat = [number, number];
interface Analysis {
  rings: { ring: string; actors: Record<string, number>; child_places: Record<string, number> }[];
  nearest: Record<'school' | 'preschool' | 'playground', { name: string; distance_m: number } | null>;
  address: { label: string; distance_m: number } | null;
  areas: { name: string }[];
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
/** What the view calls a site, from the API's answer (client/src/views/site/siteName.ts). */
const nameOf = (a: Analysis) => (a.address ? `vid ${a.address.label}` : a.areas.length ? `i ${a.areas[a.areas.length - 1]!.name}` : 'utanför de inlästa områdena');
const sitesParam = (sites: LonLat[]) => sites.map(([lon, lat]) => `${lon.toFixed(5)},${lat.toFixed(5)}`).join(';');

async function analyse(request: APIRequestContext, baseUrl: string, [lon, lat]: LonLat): Promise<Analysis> {
  const res = await request.post(`${baseUrl}/api/site-analysis`, { data: { lon, lat }, headers: { Origin: baseUrl } });
  expect(res.status()).toBe(200);
  return (await res.json()) as Analysis;
}

async function waitForAnalyses(page: Page, labels: string[]): Promise<void> {
  for (const l of labels) await expect.poll(() => page.getByTestId(`site-${l}-source`).textContent().catch(() => ''), POLL).toBe('Analys klar');
}


for (const backend of E2E_BACKENDS) describe.skipIf(!hasChromium)(`saved site analyses on ${backend}`, () => {
  const product = useProduct({ backend, env: { BASEMAP_STYLE_URL: '' } });

  it('saves with a name, survives a reload, opens from the list, shares by link, renames, prints and deletes', async () => {
    const admin = await product.open({ role: 'admin' });
    const fx = await importOsmFixture(admin.context.request, product.baseUrl);
    await admin.context.close();

    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 1400, height: 900 } });
    const ave = fx.landmarks.addresses.find((a) => a.street === 'Kungsportsavenyen' && a.housenumber === '1')!;
    const other = fx.landmarks.addresses.find((a) => a.street !== 'Kungsportsavenyen')!;
    // A and B a few metres from two addresses; C by Kallebäck (the demo's actors around it), outside the extract's addresses.
    const units = (await (await context.request.get('/api/units')).json()) as { features: { geometry: { coordinates: LonLat }; properties: { name: string } }[] };
    const kalleback = units.features.find((u) => u.properties.name.startsWith('Kallebäcks'))!.geometry.coordinates;
    const sites: LonLat[] = [[ave.lonLat[0] + 0.0002, ave.lonLat[1]], [other.lonLat[0], other.lonLat[1] + 0.0001], [kalleback[0] + 0.002, kalleback[1] - 0.001]];
    const api = await Promise.all(sites.map((s) => analyse(context.request, product.baseUrl, s)));
    expect(sum(api[2]!.rings[2]!.actors), 'actors around Kallebäck to compare').toBeGreaterThan(0);
    expect(api[0]!.address, 'a site by Kungsportsavenyen 1 has an address').not.toBeNull();
    expect(api[2]!.address, 'the out-of-town site has none within 150 m').toBeNull();

    await page.goto(`/site-analysis?sites=${sitesParam(sites)}`);
    await waitForMap(page);
    await waitForAnalyses(page, ['A', 'B', 'C']);
    for (const [i, l] of ['A', 'B', 'C'].entries()) {
      await expect.poll(() => page.getByTestId(`site-${l}-name`).innerText(), POLL).toBe(nameOf(api[i]!));
      expect(await page.getByTestId(`site-${l}-name`).innerText()).not.toMatch(/^\d+[.,]\d+/);
    }

    // Save with a name: an empty name is refused at the field, nothing saved.
    await page.getByRole('button', { name: 'Spara analys' }).click();
    await page.getByText('Skriv ett namn på analysen.').waitFor();
    await expect(page.getByLabel('Namn på analysen').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await (await context.request.get('/api/site-analyses')).json()).site_analyses).toEqual([]);
    await page.getByLabel('Namn på analysen').fill('Avenyn mot Heden');
    await page.getByRole('button', { name: 'Spara analys' }).click();
    await page.getByText('Analysen ”Avenyn mot Heden” är sparad.').waitFor({ state: 'attached' });
    const saved = (await (await context.request.get('/api/site-analyses')).json()).site_analyses as { id: number; name: string; sites: { label: string; lon: number; lat: number }[] }[];
    expect(saved.map((a) => a.name)).toEqual(['Avenyn mot Heden']);
    expect(saved[0]!.sites.map((s) => [s.label, s.lon, s.lat])).toEqual(sites.map((s, i) => ['ABC'[i], Number(s[0].toFixed(5)), Number(s[1].toFixed(5))]));
    await expect.poll(() => new URL(page.url()).searchParams.get('saved'), POLL).toBe(String(saved[0]!.id));
    await waitForMapIdle(page);
    await screenshot(page, 'issue22-site-saved-1400', true);
    await expectAccessible(page, 'site analysis with a saved analysis');

    // A reload keeps the sites and lists the saved analysis as the open one.
    await page.reload();
    await waitForAnalyses(page, ['A', 'B', 'C']);
    const item = page.getByRole('list', { name: 'Mina sparade analyser' }).getByRole('listitem');
    await expect.poll(() => item.count(), POLL).toBe(1);
    await expect(item.first().innerText()).resolves.toMatch(/Avenyn mot Heden[\s\S]*3 platser[\s\S]*öppen nu/);
    // Nothing changed since it was saved: nothing to save again.
    expect(await page.getByRole('button', { name: 'Spara ändrade platser' }).count()).toBe(0);

    // Cleared, then opened from the list: the same sites come back, and the address says so.
    await page.getByRole('button', { name: 'Rensa alla platser' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /Plats A/ }).count(), POLL).toBe(0);
    // (With no sites there is no save form; the saved analysis's sites differ from none.)
    await expect.poll(() => new URL(page.url()).searchParams.get('sites'), POLL).toBeNull();
    await page.getByRole('button', { name: 'Öppna Avenyn mot Heden' }).click();
    await waitForAnalyses(page, ['A', 'B', 'C']);
    await expect.poll(() => new URL(page.url()).searchParams.get('sites'), POLL).toBe(sitesParam(sites));
    expect(new URL(page.url()).searchParams.get('saved')).toBe(String(saved[0]!.id));
    const coordinates = await page.getByRole('row', { name: /Koordinater/ }).getByRole('cell').allTextContents();
    expect(await page.getByRole('button', { name: 'Spara ändrade platser' }).count()).toBe(0);

    // A shared link reopens the same sites for a colleague (the saved analysis stays the owner's).
    const shared = page.url();
    const { page: colleague, context: theirs } = await product.open({ role: 'editor' });
    await colleague.goto(shared);
    await waitForAnalyses(colleague, ['A', 'B', 'C']);
    await expect(colleague.getByRole('row', { name: /Koordinater/ }).getByRole('cell').allTextContents()).resolves.toEqual(coordinates);
    await expect.poll(() => colleague.getByTestId('site-A-name').innerText(), POLL).toBe(nameOf(api[0]!));
    await colleague.getByText('Du har inga sparade analyser.').waitFor();
    expectClean(colleague);
    await theirs.close();

    // Rename.
    await page.getByRole('button', { name: 'Byt namn på Avenyn mot Heden' }).click();
    await page.getByLabel('Nytt namn').fill('Avenyn, Heden och Kallebäck');
    await page.getByRole('button', { name: 'Spara namnet' }).click();
    await page.getByRole('button', { name: 'Öppna Avenyn, Heden och Kallebäck' }).waitFor();
    expect((await (await context.request.get(`/api/site-analyses/${saved[0]!.id}`)).json()).name).toBe('Avenyn, Heden och Kallebäck');

    // The printed comparison: A4, the name, who made it, every site's name and figures.
    await page.getByRole('link', { name: 'Skriv ut jämförelse' }).click();
    await page.locator('.sheet[data-ready="true"]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Jämförelse av tänkbara platser – Avenyn, Heden och Kallebäck' }).waitFor();
    await waitForMap(page);
    await waitForMapIdle(page);
    const table = page.locator('.site-sheet .compare-table');
    const cells = async (row: RegExp) => (await table.getByRole('row', { name: row }).getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // The figures on the sheet are the API's.
    for (const [r, ring] of [[/^Aktörer, Närmast/, 0], [/^Aktörer, Grannskapet/, 1], [/^Aktörer, Området/, 2]] as const) {
      const shown = await cells(r);
      expect(shown.map((t) => Number(t.split(' ')[0]!.replace(/\D/g, '')))).toEqual(api.map((a) => sum(a.rings[ring]!.actors)));
    }
    const childShown = await cells(/^Barns platser, Närmast/);
    expect(childShown.map((t) => Number(t.split(' ')[0]!.replace(/\D/g, '')))).toEqual(api.map((a) => sum(a.rings[0]!.child_places)));
    const schools = await cells(/^Närmaste skola/);
    api.forEach((a, i) => expect(schools[i]).toContain(a.nearest.school ? a.nearest.school.name : 'ingen inom räckhåll'));
    const addresses = await cells(/^Närmaste adress/);
    api.forEach((a, i) => expect(addresses[i]).toContain(a.address ? a.address.label : 'ingen adress inom 150 m'));
    await screenshot(page, 'issue22-site-sheet-1400', true);
    await expectAccessible(page, 'printed comparison of sites');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'issue22-site-comparison.pdf'), pdf);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    const squeezed = text.replace(/\s+/g, '');
    expect(text).toContain('Avenyn, Heden och Kallebäck');
    expect(text).toMatch(/Gjord av Test Viewer, \d{1,2} \w+ 20\d\d/);
    for (const [i, a] of api.entries()) {
      expect(text).toContain(`Plats ${'ABC'[i]}`);
      expect(squeezed, `site ${'ABC'[i]} name`).toContain(nameOf(a).replace(/\s+/g, ''));
      if (a.nearest.school) expect(squeezed).toContain(a.nearest.school.name.replace(/\s+/g, ''));
    }
    for (const row of [...schools, ...addresses, ...(await cells(/^Aktörer, Området/))]) expect(squeezed).toContain(row.replace(/\s+/g, ''));
    await page.emulateMedia({ media: 'screen' });

    // Back, and delete after confirming; cancelling keeps it.
    await page.getByRole('link', { name: 'Tillbaka till platsanalysen' }).click();
    await waitForAnalyses(page, ['A', 'B', 'C']);
    // A site removed from the open analysis: now there is a change to save, and saving stores it.
    await page.getByRole('button', { name: 'Ta bort plats C' }).click();
    await page.getByRole('button', { name: 'Spara ändrade platser' }).click();
    await expect
      .poll(async () => ((await (await context.request.get(`/api/site-analyses/${saved[0]!.id}`)).json()) as { sites: unknown[] }).sites.length, POLL)
      .toBe(2);
    await expect.poll(() => page.getByRole('button', { name: 'Spara ändrade platser' }).count(), POLL).toBe(0);

    await page.getByRole('button', { name: 'Ta bort Avenyn, Heden och Kallebäck' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Ta bort den sparade analysen ”Avenyn, Heden och Kallebäck”? Det går inte att ångra.').waitFor();
    await expectAccessible(page, 'site analysis, confirming a delete');
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    expect((await (await context.request.get('/api/site-analyses')).json()).site_analyses).toHaveLength(1);
    await page.getByRole('button', { name: 'Ta bort Avenyn, Heden och Kallebäck' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByText('Du har inga sparade analyser.').waitFor();
    expect((await (await context.request.get('/api/site-analyses')).json()).site_analyses).toEqual([]);
    await expect.poll(() => new URL(page.url()).searchParams.get('saved'), POLL).toBeNull();
    expectClean(page);
    await context.close();
  });

  it('the panel and the sheet fit a phone (390 px), axe clean', async () => {
    const { page, context } = await product.open({ role: 'viewer', viewport: { width: 390, height: 844 } });
    const sites: LonLat[] = [[11.975, 57.7], [11.985, 57.695]];
    const res = await context.request.post(`${product.baseUrl}/api/site-analyses`, {
      data: { name: 'Två lägen i centrum', sites: sites.map(([lon, lat], i) => ({ label: 'AB'[i], lon, lat })) }, headers: { Origin: product.baseUrl },
    });
    expect(res.status()).toBe(201);
    await page.goto(`/site-analysis?sites=${sitesParam(sites)}`);
    await waitForMap(page);
    await waitForAnalyses(page, ['A', 'B']);
    await page.getByRole('button', { name: 'Öppna Två lägen i centrum' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'issue22-site-saved-390', true);
    await expectAccessible(page, 'site analysis on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`/site-analysis/print?sites=${sitesParam(sites)}`);
    await page.locator('.sheet[data-ready="true"]').waitFor();
    await waitForMapIdle(page);
    await screenshot(page, 'issue22-site-sheet-390', true);
    await expectAccessible(page, 'printed comparison on a phone');
    expectClean(page);
    await context.close();
  });
});
