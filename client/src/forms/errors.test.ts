import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { sv } from '../i18n/sv.js';
import { ApiError } from '../lib/api.js';
import { fieldState, getPath, mergeValues, setPath, versionOf } from './ConflictDialog.js';
import { errorText, fieldErrors, isConflict, valueLabels } from './errors.js';

const validation = (issues: unknown[]) => new ApiError(400, 'bad_request', 'Invalid body: …', undefined, undefined, { issues });

describe('fieldErrors', () => {
  it('keys messages by the joined path and renders params in Swedish', () => {
    const e = validation([
      { path: ['properties', 'places'], code: 'too_small', params: { origin: 'number', minimum: 1, inclusive: true }, message: 'places must be 1 or more' },
      { path: ['properties', 'radii', 'immediate'], code: 'too_big', params: { origin: 'number', maximum: 5000, inclusive: true } },
      { path: ['geometry', 'coordinates'], code: 'outside_sweden', params: { lon: 2, lat: 48 } },
    ]);
    expect(fieldErrors(e, sv)).toEqual({
      'properties.places': 'Måste vara minst 1.',
      'properties.radii.immediate': 'Får vara högst 5\u00a0000.',
      'geometry.coordinates': sv.forms.rule.outside_sweden,
    });
    expect(fieldErrors(e, en)['properties.places']).toBe('Must be at least 1.');
  });

  it('shows enum values with their labels, never the raw code', () => {
    const e = validation([{ path: ['properties', 'category'], code: 'invalid_value', params: { values: ['property_owner', 'housing_company', 'shop'] } }]);
    const text = fieldErrors(e, sv)['properties.category']!;
    expect(text).toBe(`Välj en av: ${sv.actorCategory.property_owner}, ${sv.actorCategory.housing_company}, ${sv.actorCategory.shop}.`);
    expect(text).not.toMatch(/_/);
    expect(valueLabels(['read_exact', 'city_area'], sv).join(' ')).not.toMatch(/_/);
  });

  it('reads a custom issue whose rule is in params.code (older answers)', () => {
    const e = validation([{ path: ['location'], code: 'custom', params: { code: 'location_pair' } }]);
    expect(fieldErrors(e, sv).location).toBe(sv.forms.rule.location_pair);
  });

  it('says a missing value is required', () => {
    const e = validation([{ path: ['name'], code: 'invalid_type', params: { expected: 'string', received: 'undefined' } }]);
    expect(fieldErrors(e, sv).name).toBe(sv.forms.issue.required);
  });

  it('is empty for errors that are not about fields', () => {
    expect(fieldErrors(new ApiError(500, 'internal', 'boom'), sv)).toEqual({});
    expect(fieldErrors(new Error('x'), sv)).toEqual({});
  });

  it('places a business rule at its field (details.path + rule)', () => {
    const e = new ApiError(409, 'conflict', 'A user with the e-mail x already exists.', undefined, undefined, { rule: 'email_taken', params: { email: 'x' }, path: ['email'] });
    expect(fieldErrors(e, sv)).toEqual({ email: sv.forms.rule.email_taken });
  });
});

describe('errorText', () => {
  it('gives one Swedish sentence per status, never the English message', () => {
    const english = /Unexpected token|not found|Invalid|must be|Something/;
    for (const [status, code] of [[401, 'unauthorized'], [403, 'forbidden'], [404, 'not_found'], [409, 'conflict'], [412, 'precondition_failed'], [413, 'payload_too_large'], [500, 'internal'], [502, 'http_502'], [418, 'http_418']] as const) {
      const text = errorText(new ApiError(status, code, 'Unexpected token < in JSON: not found, must be Invalid'), sv);
      expect(text, `${status}`).not.toMatch(english);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(errorText(new ApiError(404, 'not_found', 'No unit with id 3.'), sv)).toBe(sv.forms.code.not_found);
  });

  it('names the wait of a 429 from Retry-After', () => {
    expect(errorText(new ApiError(429, 'too_many_requests', 'x', undefined, 30), sv)).toBe('För många försök. Vänta 30 sekunder och försök igen.');
    expect(errorText(new ApiError(429, 'too_many_requests', 'x', undefined, 600), en)).toBe('Too many attempts. Wait 10 minutes and try again.');
  });

  it('says the network failed for status 0 and something general for a non-API error', () => {
    expect(errorText(new ApiError(0, 'network', 'Failed to fetch'), sv)).toBe(sv.forms.network);
    expect(errorText(new SyntaxError('Unexpected token < in JSON at position 0'), sv)).toBe(sv.forms.unknown);
  });

  it('counts the fields of a validation error, or names the one field with its label', () => {
    const two = validation([
      { path: ['a'], code: 'too_small', params: { minimum: 1, origin: 'string' } },
      { path: ['b'], code: 'too_small', params: { minimum: 1, origin: 'string' } },
    ]);
    expect(errorText(two, sv)).toBe('2 fält behöver rättas innan det går att spara.');
    const one = validation([{ path: ['properties', 'name'], code: 'too_small', params: { minimum: 1, origin: 'string' } }]);
    expect(errorText(one, sv, { 'properties.name': 'Namn' })).toBe('Namn: Fyll i det här fältet.');
  });

  it('uses the rule text for a protected-housing refusal', () => {
    expect(errorText(new ApiError(400, 'protected_housing', 'x'), sv)).toBe(sv.forms.rule.protected_housing);
  });

  it('isConflict is true only for 412', () => {
    expect(isConflict(new ApiError(412, 'precondition_failed', 'x'))).toBe(true);
    expect(isConflict(new ApiError(409, 'conflict', 'x'))).toBe(false);
    expect(isConflict(new Error('x'))).toBe(false);
  });
});

describe('conflict merge', () => {
  const fields = [{ key: 'name', label: 'Namn' }, { key: 'phone', label: 'Telefon' }, { key: 'properties.note', label: 'Anteckning' }, { key: 'email', label: 'E-post' }];
  const base = { name: 'A', phone: '1', email: 'a@x', properties: { note: 'n', keep: 1 } };
  const mine = { name: 'A mine', phone: '1', email: 'mine@x', properties: { note: 'n', keep: 1 } };
  const theirs = { name: 'A', phone: '2', email: 'theirs@x', version: 5, properties: { note: 'their note', keep: 2 } };

  it('classifies each field', () => {
    expect(fieldState('A', 'A mine', 'A')).toBe('mine');
    expect(fieldState('1', '1', '2')).toBe('theirs');
    expect(fieldState('a', 'b', 'c')).toBe('both');
    expect(fieldState('a', 'b', 'b')).toBe('same');
    expect(fieldState(null, '', undefined)).toBe('unchanged');
  });

  it('takes theirs where only they changed, mine where only I did, and the choice where both did', () => {
    const input = { fields, base, mine, theirs };
    expect(mergeValues(input, { email: 'mine' })).toEqual({ name: 'A mine', phone: '2', email: 'mine@x', version: 5, properties: { note: 'their note', keep: 2 } });
    expect(mergeValues(input, { email: 'theirs' }).email).toBe('theirs@x');
    expect(versionOf(input)).toBe(5);
    expect(versionOf({ ...input, version: 9 })).toBe(9);
  });

  it('reads and writes dotted paths without sharing objects', () => {
    const o = { a: { b: 1 } };
    const copy = setPath(o, 'a.b', 2);
    expect(getPath(copy, 'a.b')).toBe(2);
    expect(o.a.b).toBe(1);
  });
});
