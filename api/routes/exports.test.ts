import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectedToWgs84 } from '../import/crs.js';
import { createTestContext, type TestContext } from '../test/harness.js';

const AREAS = fileURLToPath(new URL('../../../shared/data/goteborg/primaromraden.geojson', import.meta.url));
const CITY = fileURLToPath(new URL('../../../shared/data/goteborg/stadsomraden.geojson', import.meta.url));
const present = fs.existsSync(AREAS);
if (!present) {
  if (process.env.CI === 'true') throw new Error('../shared/data is missing; the area tests must run in CI.');
  console.warn('\n*** SKIPPING area summary tests on the real areas: ../shared/data is absent ***\n');
}

describe('exports and areas', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  const text = async (role: Parameters<TestContext['request']>[0], path: string) => {
    const res = await t.request(role, 'GET', path);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // Response.text() would drop the byte-order mark; decode without it so the test sees it.
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bom, body: new TextDecoder().decode(bytes) };
  };
  const audits = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'export'"))[0]!.n;

  it('every layer as GeoJSON with the same features as the database', async () => {
    for (const [layer, table] of [['units', 'units'], ['actors', 'actors'], ['child-places', 'child_places']] as const) {
      const res = await text('viewer', `/api/exports/${layer}`);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/application\/geo\+json/);
      expect(res.disposition).toBe(`attachment; filename="${layer}.geojson"`);
      const n = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
      expect(JSON.parse(res.body).features).toHaveLength(n);
    }
  });

  it('CSV with WGS 84 and SWEREF 99 TM columns that agree (turf, within 1 cm), separators, audit entry', async () => {
    const before = await audits();
    const res = await text('viewer', '/api/exports/child-places?format=csv&separator=semicolon');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/text\/csv/);
    expect(res.bom).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(res.body, { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'lon', 'lat', 'x_sweref99tm', 'y_sweref99tm']));
    const geo = JSON.parse((await text('viewer', '/api/exports/child-places')).body);
    const byId = new Map(geo.features.map((f: any) => [String(f.id), f.geometry.coordinates]));
    for (const row of parsed.data) {
      const p = byId.get(row.id) as [number, number];
      expect([Number(row.lon), Number(row.lat)]).toEqual(p);
      const back = projectedToWgs84(Number(row.x_sweref99tm), Number(row.y_sweref99tm), 'EPSG:3006');
      expect(turf.distance(back, p, { units: 'meters' })).toBeLessThan(0.02);
    }
    // SWEREF 99 TM around Göteborg: eastings about 310–340 km, northings about 6 390–6 420 km.
    expect(Number(parsed.data[0]!.x_sweref99tm)).toBeGreaterThan(250_000);
    expect(Number(parsed.data[0]!.y_sweref99tm)).toBeGreaterThan(6_300_000);
    expect(await audits()).toBe(before + 2);
  });

  it('restricted units are exported coarsened for viewers', async () => {
    const [r] = await t.db.query<{ id: number; address: string }>("SELECT id, address FROM units WHERE sensitivity = 'restricted' LIMIT 1");
    const rows = Papa.parse<Record<string, string>>((await text('viewer', '/api/exports/units?format=csv')).body, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((x) => x.id === String(r!.id))!;
    expect(row.location_precision).toBe('coarse');
    expect(row.address).toBe('');
    expect(res2(await text('editor', '/api/exports/units?format=csv'), r!.id).address).toBe(r!.address);
  });

  it("a unit's contact list as CSV and vCard, audited as an export of contact data", async () => {
    const [u] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE name LIKE 'Kallebäcks%'");
    const contacts = await t.getJson('viewer', `/api/units/${u!.id}/contacts`);
    const persons = contacts.features.reduce((n: number, f: any) => n + f.properties.contact_persons.length, 0);
    const withoutPersons = contacts.features.filter((f: any) => f.properties.contact_persons.length === 0).length;
    const before = await audits();
    const csv = await text('viewer', `/api/units/${u!.id}/contacts/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.disposition).toMatch(/kontakter-kallebacks-vard-och-omsorgsboende\.csv/);
    const rows = Papa.parse<Record<string, string>>(csv.body, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(persons + withoutPersons);
    expect(rows.map((r) => Number(r.distance_m))).toEqual([...rows.map((r) => Number(r.distance_m))].sort((a, b) => a - b));
    const vcf = await text('viewer', `/api/units/${u!.id}/contacts/export?format=vcf`);
    expect(vcf.type).toMatch(/text\/vcard/);
    const cards = vcf.body.split('BEGIN:VCARD').length - 1;
    expect(cards).toBeGreaterThanOrEqual(persons);
    expect(vcf.body.split('END:VCARD').length - 1).toBe(cards);
    expect(vcf.body).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\nFN:/);
    for (const line of vcf.body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(75);
    const entries = await t.db.query<{ entity: string; entity_id: string | null; details: { contact_persons: number; unit_id: number } }>("SELECT entity, entity_id, details FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 2");
    expect(entries.map((e) => e.entity)).toEqual(['contact_person', 'contact_person']);
    // A bulk export names no one person: the unit's id in entity_id would put it in the data-subject export of the person with that id.
    expect(entries.map((e) => [e.entity_id, e.details.unit_id])).toEqual([[null, u!.id], [null, u!.id]]);
    expect(entries[0]!.details.contact_persons).toBe(persons);
    expect(await audits()).toBe(before + 2);
    expect((await text('viewer', '/api/units/999999/contacts/export')).status).toBe(404);
    expect((await text('anonymous', `/api/units/${u!.id}/contacts/export`)).status).toBe(401);
    expect((await text('viewer', `/api/units/${u!.id}/contacts/export?format=pdf`)).status).toBe(400);
  });

  it('formula injection: text cells starting with = are neutralised, phone numbers are not', async () => {
    await t.db.query("UPDATE actors SET name = '=HYPERLINK(\"http://x\")', phone = '+46 31 123 45 67' WHERE id = (SELECT min(id) FROM actors)");
    const rows = Papa.parse<Record<string, string>>((await text('viewer', '/api/exports/actors?format=csv')).body, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.name?.includes('HYPERLINK'))!;
    expect(row.name!.startsWith("'=")).toBe(true);
    expect(row.phone).toBe('+46 31 123 45 67');
  });

  it.skipIf(!present)('areas: list with filters, and a summary whose counts agree with turf', async () => {
    for (const file of [CITY, AREAS]) {
      const res = await t.request('admin', 'POST', '/api/import/areas', { format: 'geojson', content: fs.readFileSync(file, 'utf8'), dry_run: false });
      expect(res.status).toBe(200);
    }
    const list = await t.getJson('viewer', '/api/areas?level=city_area');
    expect(list.number_matched).toBe(4);
    expect(list.features[0].geometry.type).toBe('MultiPolygon');
    const search = await t.getJson('viewer', '/api/areas?q=kärra&limit=5');
    expect(search.features.map((f: any) => f.properties.name)).toContain('Kärralund');
    const page = await t.getJson('viewer', '/api/areas?level=primary_area&limit=10&offset=90');
    expect(page).toMatchObject({ number_matched: 96, number_returned: 6 });
    expect((await t.request('viewer', 'GET', '/api/areas?level=town')).status).toBe(400);
    expect((await t.request('viewer', 'GET', '/api/areas?bbox=1,2')).status).toBe(400);

    // The primary area holding Kallebäcks vård- och omsorgsboende: counts cross-checked with turf.
    const [k] = await t.db.query<{ lon: number; lat: number }>("SELECT ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE name LIKE 'Kallebäcks%'");
    const all = await t.getJson('viewer', '/api/areas?level=primary_area&limit=1000');
    const area = all.features.find((f: any) => turf.booleanPointInPolygon([k!.lon, k!.lat], f));
    expect(area).toBeDefined();
    const summary = await t.getJson('viewer', `/api/areas/${area.id}/summary`);
    const actors = (await t.getJson('viewer', '/api/actors?limit=10000')).features;
    const childPlaces = (await t.getJson('viewer', '/api/child-places?limit=10000')).features;
    const inside = (fs2: any[]) => fs2.filter((f) => turf.booleanPointInPolygon(f.geometry.coordinates, area)).length;
    expect(summary.actors).toBe(inside(actors));
    expect(summary.child_places).toBe(inside(childPlaces));
    expect(summary.units).toBeGreaterThanOrEqual(1);
    const needs = await t.getJson('viewer', `/api/information-needs?area=${area.id}`);
    const needList = needs.features ?? needs.needs ?? needs;
    expect(summary.information_needs).toBe(needList.length);
    expect(summary.open_information_needs).toBe(needList.filter((n: any) => (n.properties?.information?.status ?? n.information?.status) !== 'informed').length);
    expect((await t.request('viewer', 'GET', '/api/areas/999999/summary')).status).toBe(404);
  });
});

function res2(r: { body: string }, id: number): Record<string, string> {
  return Papa.parse<Record<string, string>>(r.body, { header: true, skipEmptyLines: true }).data.find((x) => x.id === String(id))!;
}
