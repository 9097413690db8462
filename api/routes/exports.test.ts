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

  it('CSV with WGS 84 and SWEREF 99 TM columns that agree (turf, within 1 cm), Swedish Excel dialect, audit entry', async () => {
    const before = await audits();
    const res = await text('viewer', '/api/exports/child-places?format=csv&dialect=excel_sv');
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
      const num = (s: string) => Number(s.replace(',', '.'));
      expect([num(row.lon!), num(row.lat!)]).toEqual(p);
      const back = projectedToWgs84(num(row.x_sweref99tm!), num(row.y_sweref99tm!), 'EPSG:3006');
      expect(turf.distance(back, p, { units: 'meters' })).toBeLessThan(0.02);
    }
    // SWEREF 99 TM around Göteborg: eastings about 310–340 km, northings about 6 390–6 420 km.
    expect(Number(parsed.data[0]!.x_sweref99tm!.replace(',', '.'))).toBeGreaterThan(250_000);
    expect(Number(parsed.data[0]!.y_sweref99tm!.replace(',', '.'))).toBeGreaterThan(6_300_000);
    expect((await t.request('viewer', 'GET', '/api/exports/child-places?format=csv&separator=semicolon')).status, 'separator gave way to dialect').toBe(400);
    expect(await audits()).toBe(before + 2);
  });

  it('restricted units are exported coarsened for viewers', async () => {
    const [r] = await t.db.query<{ id: number; address: string }>("SELECT id, address FROM units WHERE sensitivity = 'restricted' LIMIT 1");
    const rows = Papa.parse<Record<string, string>>((await text('viewer', '/api/exports/units?format=csv&dialect=standard')).body, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((x) => x.id === String(r!.id))!;
    expect(row.location_precision).toBe('coarse');
    expect(row.address).toBe('');
    expect(res2(await text('editor', '/api/exports/units?format=csv&dialect=standard'), r!.id).address).toBe(r!.address);
  });

  it("a unit's contact list as CSV and vCard, audited as an export of contact data", async () => {
    const [u] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE name LIKE 'Kallebäcks%'");
    const contacts = await t.getJson('viewer', `/api/units/${u!.id}/contacts`);
    const persons = contacts.features.reduce((n: number, f: any) => n + f.properties.contact_persons.length, 0);
    const withoutPersons = contacts.features.filter((f: any) => f.properties.contact_persons.length === 0).length;
    const before = await audits();
    const csv = await text('viewer', `/api/units/${u!.id}/contacts/export?format=csv&dialect=standard`);
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
    for (const line of vcf.body.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
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
    const rows = Papa.parse<Record<string, string>>((await text('viewer', '/api/exports/actors?format=csv')).body.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;
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

describe('GET /api/exports/information-needs.csv: exactly the filtered list', () => {
  let t: TestContext;
  let kalle: { id: number; lon: number; lat: number } | undefined;
  const DAY = 86_400_000;
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
  const FORMULA = '=HYPERLINK("http://x";"klicka")';

  beforeAll(async () => {
    t = await createTestContext();
    [kalle] = await t.db.query<{ id: number; lon: number; lat: number }>(
      "SELECT id, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat FROM units WHERE name LIKE 'Kallebäcks%'");
    // a playground 100 m north of the unit, whose name a spreadsheet would run as a formula
    const north = turf.destination([kalle!.lon, kalle!.lat], 100, 0, { units: 'meters' }).geometry;
    const created = await t.request('editor', 'POST', '/api/child-places', { type: 'Feature', geometry: north, properties: { name: FORMULA, kind: 'playground' } });
    expect(created.status).toBe(201);
    const ids = (await t.getJson('editor', `/api/units/${kalle!.id}/child-places`)).features.map((f: any) => f.id);
    for (const [days, slice] of [[400, ids.slice(0, 3)], [350, ids.slice(3, 5)], [10, ids.slice(5, 7)]] as const) {
      expect((await t.request('editor', 'POST', '/api/information-needs/mark-informed', { unit_id: kalle!.id, child_place_ids: slice, date: daysAgo(days) })).status).toBe(201);
    }
  });

  /** Raw bytes and text of a download (the text keeps a BOM, which Response.text() would drop). */
  const download = async (role: Parameters<TestContext['request']>[0], path: string) => {
    const res = await t.request(role, 'GET', path);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  };
  /** Every page of the list, 7 at a time. */
  const listAll = async (role: Parameters<TestContext['request']>[0], query: string) => {
    const out: any[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await t.getJson(role, `/api/information-needs?${query}${query ? '&' : ''}limit=7&offset=${offset}`);
      out.push(...page.features);
      if (out.length >= page.number_matched) return out;
    }
  };
  const pairIds = (rows: Record<string, string>[], unitCol: string, placeCol: string) => rows.map((r) => `${r[unitCol]}:${r[placeCol]}`);

  it('Swedish Excel: BOM, semicolons, CRLF, Swedish headers, YYYY-MM-DD, decimal comma; the same rows in the same order as every page of the list', async () => {
    const query = 'status=overdue,not_informed&priority=high,medium';
    const list = await listAll('viewer', query);
    expect(list.length, 'more than one page of 7').toBeGreaterThan(14);
    expect(new Set(list.map((f) => f.properties.information.status))).toEqual(new Set(['overdue', 'not_informed']));
    const file = await download('viewer', `/api/exports/information-needs.csv?${query}&headers=sv`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="informationsbehov.csv"');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.text.endsWith('\r\n')).toBe(true);
    expect(file.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const body = file.text.slice(1);
    const header = body.slice(0, body.indexOf('\r\n')).split(';');
    expect(header.slice(0, 4)).toEqual(['Enhetens id', 'Enhet', 'Platsens id', 'Plats']);
    expect(header).toEqual(expect.arrayContaining(['Avstånd (m)', 'Prioritet', 'Status', 'Senast informerad', 'Informeras senast']));
    const parsed = Papa.parse<Record<string, string>>(body, { header: true, delimiter: ';', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(pairIds(parsed.data, 'Enhetens id', 'Platsens id')).toEqual(list.map((f) => f.id));
    for (const [i, row] of parsed.data.entries()) {
      const p = list[i].properties;
      expect(row['Avstånd (m)']).toBe(String(p.distance_m).replace('.', ','));
      expect(row.Status).toBe(p.information.status);
      expect(row['Senast informerad']).toBe(p.information.last_informed_at ? p.information.last_informed_at.slice(0, 10) : '');
      expect(row['Informeras senast']).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
    }
    expect(parsed.data.some((r) => r['Avstånd (m)']!.includes(','))).toBe(true);
    expect(parsed.data.some((r) => /^\d{4}-\d{2}-\d{2}$/.test(r['Senast informerad']!))).toBe(true);
    // the formula is written as text: a leading ' and, holding the separator, quoted
    const formula = parsed.data.find((r) => r.Plats!.includes('HYPERLINK'));
    expect(formula?.Plats).toBe(`'${FORMULA}`);
    expect(file.text).toContain(`"'=HYPERLINK(""http://x"";""klicka"")"`);
  });

  it('standard CSV: comma, no BOM, decimal point, English headers; field names without `headers`', async () => {
    const query = 'kind=school,preschool&sort=-distance';
    const list = await listAll('viewer', query);
    const file = await download('viewer', `/api/exports/information-needs.csv?${query}&dialect=standard&headers=en`);
    expect(file.status).toBe(200);
    expect(file.bytes[0]).not.toBe(0xef);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="information-needs.csv"');
    const parsed = Papa.parse<Record<string, string>>(file.text, { header: true, delimiter: ',', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields!.slice(0, 4)).toEqual(['Unit id', 'Unit', 'Place id', 'Place']);
    expect(pairIds(parsed.data, 'Unit id', 'Place id')).toEqual(list.map((f) => f.id));
    expect(parsed.data.map((r) => Number(r['Distance (m)']))).toEqual(list.map((f) => f.properties.distance_m));
    const plain = await download('viewer', `/api/exports/information-needs.csv?${query}&dialect=standard`);
    expect(plain.text.slice(0, plain.text.indexOf(','))).toBe('unit_id');
  });

  it('as the list does, a viewer gets distances to restricted units from the coarse location and an editor the exact ones', async () => {
    const [r] = await t.db.query<{ id: number }>(
      "SELECT id FROM units WHERE sensitivity = 'restricted' AND status IN ('open', 'planned') ORDER BY id LIMIT 1");
    expect(r, 'the demo data has an open or planned restricted unit').toBeDefined();
    const rows = async (role: 'viewer' | 'editor') =>
      Papa.parse<Record<string, string>>((await download(role, `/api/exports/information-needs.csv?unit_id=${r!.id}&dialect=standard`)).text, { header: true, skipEmptyLines: true }).data
        .map((x) => [`${x.unit_id}:${x.child_place_id}`, Number(x.distance_m)]);
    const listed = async (role: 'viewer' | 'editor') => (await listAll(role, `unit_id=${r!.id}`)).map((f) => [f.id, f.properties.distance_m]);
    const [viewer, editor] = [await rows('viewer'), await rows('editor')];
    expect(viewer).toEqual(await listed('viewer'));
    expect(editor).toEqual(await listed('editor'));
    expect(viewer.length).toBeGreaterThan(0);
    expect(viewer).not.toEqual(editor);
  });

  it('is audited, and refuses what the list refuses', async () => {
    const count = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'export' AND entity = 'information_need'"))[0]!.n;
    const before = await count();
    expect((await download('viewer', '/api/exports/information-needs.csv?status=informed')).status).toBe(200);
    expect(await count()).toBe(before + 1);
    for (const q of ['status=done', 'sort=closest', 'dialect=excel', 'headers=de', 'limit=5']) {
      expect((await t.request('viewer', 'GET', `/api/exports/information-needs.csv?${q}`)).status, q).toBe(400);
    }
    expect((await t.request('viewer', 'GET', '/api/exports/information-needs.csv?unit_id=987654')).status).toBe(404);
    expect((await t.request('anonymous', 'GET', '/api/exports/information-needs.csv')).status).toBe(401);
  });
});
