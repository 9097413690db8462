/**
 * One set of rules per input: a row the importer takes is a body the API would take, and
 * a row it refuses is one the API refuses, with the same rule code. The oracle is the
 * API's create schema on a Feature built by hand from the row's cells.
 */
import { describe, expect, it } from 'vitest';
import { ActorCreate, ChildPlaceCreate } from '../schemas/records.js';
import { UnitCreate } from '../schemas/units.js';
import { issueDetail } from '../validation.js';
import type { ImportLayer } from './mapping.js';
import { parseSource } from './parse.js';
import { buildRecords } from './records.js';

const POINT = { type: 'Point', coordinates: [11.95, 57.7] } as const;

/** Imports one GeoJSON feature with the given properties, mapping each property to the field of the same name. */
function importOne(layer: ImportLayer, props: Record<string, unknown>, options: Record<string, string>) {
  const file = parseSource('geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: POINT, properties: { id: 'r-1', ...props } }] }));
  const mapping = Object.fromEntries(['id', ...Object.keys(props)].map((k) => [k, k]));
  return buildRecords(layer, file, mapping, options);
}

/** What the API says about the same values: accepted, or the first issue's rule code. */
function apiVerdict(layer: 'units' | 'actors' | 'child-places', properties: Record<string, unknown>): string {
  const schema = layer === 'units' ? UnitCreate : layer === 'actors' ? ActorCreate : ChildPlaceCreate;
  const r = schema.safeParse({ type: 'Feature', geometry: POINT, properties: { external_id: 'r-1', ...properties } });
  return r.success ? 'ok' : issueDetail(r.error.issues[0]!).code;
}

/** The import's verdict in the API's words: its `too_long` is the API's `too_big` on a string. */
function importVerdict(layer: ImportLayer, props: Record<string, unknown>, options: Record<string, string>): string {
  const { records, rejected } = importOne(layer, props, options);
  if (records.length === 1) return 'ok';
  const code = rejected[0]!.code!;
  return code === 'too_long' ? 'too_big' : code === 'not_whole_number' ? 'number' : code;
}

const long = (n: number) => 'x'.repeat(n);

describe('import rows follow the API write schemas', () => {
  const actorCases: Record<string, unknown>[] = [
    { name: 'Kiosken' },
    { name: 'Kiosken', email: 'info@kiosken.se' },
    { name: 'Kiosken', email: 'info(at)kiosken.se' },
    { name: 'Kiosken', email: 'kiosken.se' },
    { name: 'Kiosken', phone: long(50) },
    { name: 'Kiosken', phone: long(51) },
    { name: long(200) },
    { name: long(201) },
    { name: 'Kiosken', website: long(301) },
    { name: 'Kiosken', organisation: long(201) },
    { name: 'Kiosken', address: long(300) },
  ];
  it.each(actorCases)('actors: %j gets the API verdict', (props) => {
    expect(importVerdict('actors', props, { category: 'shop' })).toBe(apiVerdict('actors', { category: 'shop', ...props }));
  });

  const unitCases: [Record<string, unknown>, Record<string, unknown>][] = [
    [{ name: 'Testboendet Majorna' }, {}],
    [{ name: 'Skyddat boende Väst' }, {}],
    [{ name: 'Protected\u00a0housing north' }, {}],
    [{ name: 'Testboendet', places: '12' }, { places: 12 }],
    [{ name: 'Testboendet', places: '-1' }, { places: -1 }],
    [{ name: 'Testboendet', places: '10001' }, { places: 10001 }],
    [{ name: 'Testboendet', operator: long(201) }, {}],
  ];
  it.each(unitCases)('units: %j gets the API verdict', (props, apiProps) => {
    const verdict = apiVerdict('units', { kind: 'shelter', ...props, ...apiProps });
    expect(importVerdict('units', props, { kind: 'shelter' })).toBe(verdict.startsWith('too_') && 'places' in apiProps ? 'number' : verdict);
  });

  it('a place count that is no whole number is refused with the bounds of the write schema', () => {
    const { rejected } = importOne('units', { name: 'Testboendet', places: '3,5' }, { kind: 'shelter' });
    expect(rejected).toEqual([{ row: 1, field: 'places', code: 'not_whole_number', reason: expect.any(String), params: { value: '3,5', minimum: 0, maximum: 10000 } }]);
  });

  it('an e-mail address the API refuses is refused with its code, at the mapped column', () => {
    const file = parseSource('csv', 'namn;epost;lon;lat\nKiosken;info(at)kiosken.se;11.95;57.7\n');
    const { records, rejected } = buildRecords('actors', file, { name: 'namn', email: 'epost', lon: 'lon', lat: 'lat' }, { category: 'shop' });
    expect(records).toEqual([]);
    expect(rejected).toEqual([{ row: 2, field: 'epost', code: 'invalid_format', reason: 'email must be an e-mail address', params: { format: 'email', pattern: expect.any(String) } }]);
  });

  it('child places: an over-long operator is too_long with the limit of the API', () => {
    const { rejected } = importOne('child-places', { name: 'Förskolan Eken', operator: long(201) }, { kind: 'preschool' });
    expect(rejected).toEqual([{ row: 1, field: 'operator', code: 'too_long', reason: 'longer than 200 characters (201)', params: { maximum: 200, length: 201 } }]);
    expect(apiVerdict('child-places', { kind: 'preschool', name: 'Förskolan Eken', operator: long(201) })).toBe('too_big');
  });

  it('the values stored are the trimmed ones the schema gives back', () => {
    const { records } = importOne('actors', { name: 'Kiosken', email: 'info@kiosken.se' }, { category: 'shop' });
    expect(records[0]!.values).toEqual({ name: 'Kiosken', category: 'shop', email: 'info@kiosken.se' });
  });
});
