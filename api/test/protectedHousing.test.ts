/**
 * Protected housing (skyddat boende) is refused on every path that writes units: the
 * API (POST and PATCH), the import route and the importer, restore, and the database
 * itself; the TypeScript rule and the database's agree on any text.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { guessMapping } from '../import/mapping.js';
import { parseSource } from '../import/parse.js';
import { buildRecords } from '../import/records.js';
import { isProtectedHousingViolation, mentionsProtectedHousing, PROTECTED_HOUSING_CODE } from '../services/protectedHousing.js';
import { createTestContext, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const NAMES = ['Skyddat boende Väst', 'SKYDDADE  BOENDEN i Angered', 'Protected\u00a0housing north', 'Ett skyddat\tboende'];

const feature = (props: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [11.95, 57.7] },
  properties: { name: 'Testboendet Majorna', kind: 'supported_housing', ...props },
});

const unitFile = (name: string) =>
  JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [11.95, 57.7] }, properties: { name, id: 'ph-1' } }] });

const unitCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units'))[0]!.n;

async function expectRefusal(res: Response) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe(PROTECTED_HOUSING_CODE);
  expect(body.error.message).toMatch(/protected housing \(skyddat boende\)/);
}

describe('the API', () => {
  it.each(NAMES)('POST /api/units refuses the name %j with protected_housing, writing nothing', async (name) => {
    const before = await unitCount();
    await expectRefusal(await t.request('editor', 'POST', '/api/units', feature({ name })));
    expect(await unitCount()).toBe(before);
  });

  it('POST /api/units refuses a description that names protected housing', async () => {
    await expectRefusal(await t.request('editor', 'POST', '/api/units', feature({ description: 'Ligger bredvid ett skyddat boende' })));
  });

  it('PATCH /api/units/{id} refuses renaming a unit to protected housing, leaving it unchanged', async () => {
    const created = await t.request('editor', 'POST', '/api/units', feature({ name: 'Testboendet Kungsladugård' }));
    expect(created.status).toBe(201);
    const unit = await created.json();
    const res = await t.request('editor', 'PATCH', `/api/units/${unit.id}`, { properties: { name: 'Skyddat boende Väst' } }, { 'if-match': created.headers.get('etag')! });
    await expectRefusal(res);
    const [row] = await t.db.query<{ name: string; version: number }>('SELECT name, version FROM units WHERE id = $1', [unit.id]);
    expect(row).toEqual({ name: 'Testboendet Kungsladugård', version: 1 });
  });

  it('keeps accepting names that only resemble it', async () => {
    const res = await t.request('editor', 'POST', '/api/units', feature({ name: 'Skyddsrummet boende (demo)', description: 'Nära Skyddsvägen; stödboende' }));
    expect(res.status).toBe(201);
  });
});

describe('the importer', () => {
  it('buildRecords rejects the row with its code and reason', () => {
    const file = parseSource('geojson', unitFile('Skyddat boende Väst'));
    const { mapping } = guessMapping('units', file, {});
    const { records, rejected } = buildRecords('units', file, mapping, { kind: 'shelter' });
    expect(records).toEqual([]);
    expect(rejected).toEqual([{ row: 1, field: 'name', reason: expect.stringMatching(/protected housing/), code: PROTECTED_HOUSING_CODE }]);
  });

  it('POST /api/import/units reports the row in a dry run and refuses the real run, writing nothing', async () => {
    const before = await unitCount();
    const dry = await t.request('admin', 'POST', '/api/import/units', { format: 'geojson', content: unitFile('Skyddat boende Väst'), kind: 'shelter', dry_run: true });
    expect(dry.status).toBe(200);
    expect((await dry.json()).rejected).toEqual([expect.objectContaining({ row: 1, field: 'name', code: PROTECTED_HOUSING_CODE })]);
    const real = await t.request('admin', 'POST', '/api/import/units', { format: 'geojson', content: unitFile('Skyddat boende Väst'), kind: 'shelter', dry_run: false });
    expect(real.status).toBe(400);
    expect((await real.json()).error.details.rejected[0].code).toBe(PROTECTED_HOUSING_CODE);
    expect(await unitCount()).toBe(before);
  });
});

describe('the database', () => {
  const insert = (name: string, description: string | null = null) =>
    t.db.query(
      "INSERT INTO units (name, kind, description, location) VALUES ($1, 'shelter', $2, ST_SetSRID(ST_MakePoint(11.95, 57.7), 4326)::geography)",
      [name, description],
    );

  it.each(NAMES)('refuses a direct INSERT of %j (constraint units_no_protected_housing)', async (name) => {
    const err = await insert(name).then(() => undefined, (e: unknown) => e);
    expect(err, 'the insert must fail').toBeDefined();
    expect(isProtectedHousingViolation(err)).toBe(true);
  });

  it('refuses a direct INSERT with such a description and an UPDATE to such a name', async () => {
    expect(isProtectedHousingViolation(await insert('Testboendet Haga', 'granne med skyddat boende').catch((e: unknown) => e))).toBe(true);
    const [unit] = await t.db.query<{ id: number }>('SELECT id FROM units ORDER BY id LIMIT 1');
    expect(isProtectedHousingViolation(await t.db.query("UPDATE units SET name = 'Skyddat boende Väst' WHERE id = $1", [unit!.id]).catch((e: unknown) => e))).toBe(true);
  });

  it('says the same as the TypeScript rule for any text', async () => {
    const pieces = fc.constantFrom('skydd', 'SKYDD', 'Skydd', 'at', 'AT', 'ade', 'boende', 'BOENDE', 'Boenden', 'protected', 'Protected', 'housing', 'HOUSING',
      ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\u200b', '-', 'x', 'ä', 'Väst');
    const texts = fc.sample(fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')), { numRuns: 400, seed: 13 });
    texts.push(...NAMES, 'skyddatboende', 'skyddat\u200bboende', 'Skyddsrum boende');
    const rows = await t.db.query<{ m: boolean }>(
      'SELECT ps_mentions_protected_housing(x.t) AS m FROM json_array_elements_text($1::json) WITH ORDINALITY AS x(t, i) ORDER BY x.i',
      [JSON.stringify(texts)],
    );
    const disagree = texts.filter((text, i) => rows[i]!.m !== mentionsProtectedHousing(text));
    expect(disagree).toEqual([]);
    expect(texts.some(mentionsProtectedHousing) && texts.some((s) => !mentionsProtectedHousing(s))).toBe(true);
  });
});

describe('restore', () => {
  it('refuses a backup that holds such a unit and keeps the database as it was', async () => {
    const backup = await backupDatabase(t.db);
    const units = backup.tables.find((x) => x.name === 'units')!;
    const before = units.rows.map((r) => r.name);
    units.rows[0]!.name = 'Skyddat boende Väst';
    const err = await restoreDatabase(t.db, backup).then(() => undefined, (e: unknown) => e);
    expect(err, 'the restore must fail').toBeDefined();
    expect(isProtectedHousingViolation(err)).toBe(true);
    const after = await t.db.query<{ name: string }>('SELECT name FROM units ORDER BY id');
    expect(after.map((r) => r.name).sort()).toEqual([...before].sort());
  });
});
