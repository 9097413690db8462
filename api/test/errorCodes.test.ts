/**
 * Messages in the user's language: every error code and every rule code the API can
 * answer has a Swedish and an English text in the client's catalogue, and real answers
 * carry codes with params that the client renders without the English message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, RULE_CODES } from '../errors.js';
import { UNIT_KINDS } from '../schemas/common.js';
import { formsEn, formsSv } from '../../client/src/forms/messages.js';
import { importEn, importSv } from '../../client/src/import/messages.js';
import { sv } from '../../client/src/i18n/sv.js';
import { en } from '../../client/src/i18n/en.js';
import { errorText, fieldErrors } from '../../client/src/forms/errors.js';
import { errorFromResponse } from '../../client/src/lib/api.js';
import { createTestContext, type TestContext } from './harness.js';
import { unitFeature } from './fixtures.js';

/** zod 4's issue codes: rendered from `formsSv.issue`. */
const ZOD_ISSUE_CODES = ['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'custom'];

const apiDir = path.resolve(import.meta.dirname, '..');
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every rule code written in the API's source: custom issue params, geometry issues, fieldRule and ruleError calls. */
function codesInSource(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /params: \{ code: '([a-z_]+)'/g,
    /\bcode: '([a-z_0-9]+)'(?:, params|, message)/g,
    /fieldRule\(\[[^\]]*\], '([a-z_]+)'/g,
    /ruleError\('[a-z_]+', '([a-z_]+)'/g,
    /rule: '([a-z_]+)'/g,
    /rowIssue\([^,]+, (?:'[^']*'|[^,()]+(?:\([^)]*\))?), '([a-z_]+)'/g,
    /fileError\([^;]*?, '([a-z_]+)'/g,
  ];
  for (const file of sourceFiles(apiDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]!);
    for (const line of text.split('\n').filter((l) => l.includes('reject('))) {
      for (const m of line.matchAll(/[`'], '([a-z_]+)'(?:, \{|\))/g)) found.add(m[1]!);
    }
  }
  return found;
}

describe('the client catalogue covers every code', () => {
  it.each(Object.keys(ERROR_STATUS))('error code %s has a Swedish and an English sentence', (code) => {
    expect(formsSv.code[code], `sv ${code}`).toBeTruthy();
    expect(formsEn.code[code], `en ${code}`).toBeTruthy();
    expect(formsSv.code[code]).not.toBe(formsEn.code[code]);
  });

  it.each(Object.keys(RULE_CODES))('rule code %s has a Swedish and an English text', (code) => {
    const svText = formsSv.rule[code] ?? (formsSv.issue as Record<string, unknown>)[code] ?? importSv.reasons[code];
    const enText = formsEn.rule[code] ?? (formsEn.issue as Record<string, unknown>)[code] ?? importEn.reasons[code];
    expect(svText, `sv ${code}`).toBeTruthy();
    expect(enText, `en ${code}`).toBeTruthy();
  });

  it.each(ZOD_ISSUE_CODES)('zod issue code %s has a text', (code) => {
    expect((formsSv.issue as Record<string, unknown>)[code]).toBeTruthy();
    expect((formsEn.issue as Record<string, unknown>)[code]).toBeTruthy();
  });

  it('every rule code used in the API source is listed in RULE_CODES (and so has texts)', () => {
    const used = [...codesInSource()].filter((c) => !ZOD_ISSUE_CODES.includes(c) && !(c in ERROR_STATUS && !(c in RULE_CODES)));
    expect(used.length).toBeGreaterThan(10);
    const unlisted = used.filter((c) => !(c in RULE_CODES));
    expect(unlisted, `rule codes without an entry in RULE_CODES: ${unlisted.join(', ')}`).toEqual([]);
  });
});

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const unit = (props?: Record<string, unknown>, coordinates?: unknown) => unitFeature('Testboendet Felkoder', props, coordinates);

async function issuesOf(res: Response) {
  const body = await res.clone().json();
  return body.error.details.issues as { path: string[]; code: string; params: Record<string, unknown>; message: string }[];
}

describe('validation answers carry codes with params', () => {
  it('an enum answers invalid_value with every allowed value, rendered with Swedish labels', async () => {
    const res = await t.request('editor', 'POST', '/api/units', unit({ kind: 'castle' }));
    expect(res.status).toBe(400);
    const [issue] = await issuesOf(res);
    expect(issue).toMatchObject({ path: ['properties', 'kind'], code: 'invalid_value', params: { values: [...UNIT_KINDS] } });
    const errors = fieldErrors(await errorFromResponse(res), sv);
    expect(errors['properties.kind']).toContain(sv.unitKind.supported_housing);
    expect(errors['properties.kind']).toContain(sv.unitKind.care_home);
    expect(errors['properties.kind']).not.toMatch(/care_home|supported_housing|must be/);
  });

  it('a number below its minimum answers too_small with the minimum', async () => {
    const res = await t.request('editor', 'POST', '/api/units', unit({ places: -3 }));
    const [issue] = await issuesOf(res);
    expect(issue).toMatchObject({ path: ['properties', 'places'], code: 'too_small', params: { minimum: 0, origin: 'number', inclusive: true } });
    const err = await errorFromResponse(res);
    expect(fieldErrors(err, sv)['properties.places']).toBe('Måste vara minst 0.');
    expect(fieldErrors(err, en)['properties.places']).toBe('Must be at least 0.');
  });

  it('a text over its maximum answers too_big with the maximum', async () => {
    const res = await t.request('editor', 'POST', '/api/units', unit({ name: 'x'.repeat(201) }));
    const [issue] = await issuesOf(res);
    expect(issue).toMatchObject({ path: ['properties', 'name'], code: 'too_big', params: { maximum: 200, origin: 'string' } });
    expect(fieldErrors(await errorFromResponse(res), sv)['properties.name']).toBe('Får vara högst 200 tecken.');
  });

  it('a missing required field says so', async () => {
    const res = await t.request('editor', 'POST', '/api/units', unit({ name: undefined }));
    const [issue] = await issuesOf(res);
    expect(issue).toMatchObject({ path: ['properties', 'name'], code: 'invalid_type', params: { received: 'undefined' } });
    expect(fieldErrors(await errorFromResponse(res), sv)['properties.name']).toBe(formsSv.issue.required);
  });

  it('an unknown key answers unrecognized_keys with the keys', async () => {
    const res = await t.request('editor', 'POST', '/api/units', unit({ colour: 'red' }));
    const [issue] = await issuesOf(res);
    expect(issue).toMatchObject({ path: ['properties'], code: 'unrecognized_keys', params: { keys: ['colour'] } });
  });

  it('rules answer their own code: radii_order, protected_housing, outside_sweden, position_3d', async () => {
    const radii = await issuesOf(await t.request('editor', 'POST', '/api/units', unit({ radii: { immediate: 300, neighbourhood: 200, area: 1000 } })));
    expect(radii[0]).toMatchObject({ path: ['properties', 'radii'], code: 'radii_order' });

    const protectedRes = await t.request('editor', 'POST', '/api/units', unit({ name: 'Skyddat boende Väst' }));
    expect((await protectedRes.clone().json()).error.code).toBe('protected_housing');
    expect((await issuesOf(protectedRes))[0]).toMatchObject({ path: ['properties', 'name'], code: 'protected_housing' });
    expect(fieldErrors(await errorFromResponse(protectedRes), sv)['properties.name']).toBe(formsSv.rule.protected_housing);

    const outside = await t.request('editor', 'POST', '/api/units', unit({}, [2.35, 48.85]));
    expect((await issuesOf(outside))[0]).toMatchObject({ path: ['geometry', 'coordinates'], code: 'outside_sweden', params: { lon: 2.35, lat: 48.85 } });
    expect(fieldErrors(await errorFromResponse(outside), sv)['geometry.coordinates']).toBe(formsSv.rule.outside_sweden);

    const threeD = await issuesOf(await t.request('editor', 'POST', '/api/units', unit({}, [11.95, 57.7, 10])));
    expect(threeD[0]).toMatchObject({ code: 'position_3d' });
  });

  it('keeps the English message for API users', async () => {
    const res = await t.request('editor', 'POST', '/api/units', unit({ places: -3 }));
    const body = await res.json();
    expect(body.error.message).toMatch(/places must be 0 or more/);
    expect(body.error.details.issues[0].message).toMatch(/places must be 0 or more/);
  });
});

describe('business rules carry a rule code, params and the field', () => {
  it('a taken e-mail answers 409 email_taken at the email field', async () => {
    const res = await t.request('admin', 'POST', '/api/users', { email: 'editor@test.example', name: 'Dubblett', role: 'viewer', password: 'korvgubbe-trumpet-sol' });
    expect(res.status).toBe(409);
    const body = await res.clone().json();
    expect(body.error.details).toMatchObject({ rule: 'email_taken', params: { email: 'editor@test.example' }, path: ['email'] });
    const err = await errorFromResponse(res);
    expect(fieldErrors(err, sv).email).toBe(formsSv.rule.email_taken);
    expect(errorText(err, sv)).toBe(formsSv.rule.email_taken);
    expect(errorText(err, en)).toBe(formsEn.rule.email_taken);
  });

  it('a weak password answers weak_password at the password field', async () => {
    const res = await t.request('admin', 'POST', '/api/users', { email: 'ny@test.example', name: 'Ny', role: 'viewer', password: 'password1' });
    expect(res.status).toBe(400);
    const err = await errorFromResponse(res);
    expect(err.code).toBe('weak_password');
    expect(fieldErrors(err, sv).password).toBe(formsSv.rule.weak_password);
  });

  it('a stale If-Match answers 412 stale_version with what and id', async () => {
    const created = await (await t.request('editor', 'POST', '/api/units', unit({ name: 'Testboendet Version' }))).json();
    const first = await t.request('editor', 'PATCH', `/api/units/${created.id}`, { properties: { places: 13 } }, { 'If-Match': '"1"' });
    expect(first.status).toBe(200);
    const stale = await t.request('editor', 'PATCH', `/api/units/${created.id}`, { properties: { places: 14 } }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await stale.clone().json()).error.details).toMatchObject({ rule: 'stale_version', params: { id: created.id } });
    expect(errorText(await errorFromResponse(stale), sv)).toBe(formsSv.rule.stale_version);
  });
});

describe('import report reasons carry codes', () => {
  it('rejected rows name a code and params the page renders in Swedish', async () => {
    const csv = ['name;kind;lon;lat', 'Rad ett;castle;11.95;57.70', 'Rad två;shelter;elva;57.70', 'Rad tre;shelter;57.70;11.95', 'Rad fyra;shelter;2.35;48.85'].join('\n');
    const res = await t.request('admin', 'POST', '/api/import/units', {
      format: 'csv', content: Buffer.from(csv).toString('base64'), encoding: 'base64', dry_run: true,
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    const byRow = Object.fromEntries(report.rejected.map((r: { row: number }) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ code: 'invalid_value', params: { value: 'castle', values: [...UNIT_KINDS] } });
    expect(byRow[3]).toMatchObject({ code: 'not_a_number', params: { value: 'elva', axis: 'lon' } });
    expect(byRow[4]).toMatchObject({ code: 'swapped_axes' });
    expect(byRow[5]).toMatchObject({ code: 'outside_sweden' });
    const { reasonText } = await import('../../client/src/import/ImportReportView.js');
    const text = reasonText(byRow[2], sv);
    expect(text).toContain(sv.unitKind.care_home);
    expect(text).not.toMatch(/care_home|not a known/);
    expect(reasonText(byRow[3], sv)).toBe('”elva” är inte ett tal (longitud).');
  });
});

describe('database rule violations carry a rule code', () => {
  it('a duplicate external id answers 409 with rule duplicate and the column', async () => {
    const body = unit({ name: 'Testboendet Dubblett', external_id: 'dubblett-1' });
    expect((await t.request('editor', 'POST', '/api/units', body)).status).toBe(201);
    const res = await t.request('editor', 'POST', '/api/units', body);
    expect(res.status).toBe(409);
    expect((await res.clone().json()).error.details).toMatchObject({ rule: 'duplicate', params: { field: 'external_id' } });
    expect(errorText(await errorFromResponse(res), sv)).toBe(formsSv.rule.duplicate);
  });
});
