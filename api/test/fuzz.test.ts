/**
 * Property-based fuzzing (SECURITY.md): every endpoint of the OpenAPI document that
 * takes input (path parameters, query parameters or a body) gets FUZZ_RUNS (default
 * 1,000) generated requests as an administrator — path ids, query strings, JSON bodies
 * guided by the route's own schema and wholly random ones, prototype-pollution keys,
 * deep nesting, huge numbers, NaN strings, unicode — and must never answer 500.
 * Routes are read from the document, so endpoints added later are fuzzed too.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.js';
import { SWEDEN_BBOX } from '../schemas/common.js';
import { TEST_USERS } from './fixtures.js';
import { createTestContext } from './harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const t = await createTestContext();

type Schema = { example?: unknown; type?: string | string[]; required?: string[]; format?: string; minimum?: number; maximum?: number; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; $ref?: string; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; prefixItems?: Schema[] };
interface Param { name: string; in: string; schema?: Schema }
interface Op { parameters?: Param[]; requestBody?: { content: Record<string, { schema?: Schema }> } }

const doc = (await (await t.request('anonymous', 'GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, Schema> } };

const resolve = (s: Schema | undefined): Schema => {
  let x = s ?? {};
  for (let i = 0; i < 10 && x.$ref; i++) x = doc.components?.schemas?.[x.$ref.split('/').pop()!] ?? {};
  return x;
};

/** Awkward scalar values: the edge cases every parser must survive. */
const nasty = fc.oneof(
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '1_000', 'null', 'undefined', 'true', '[]', '{}',
    '__proto__', 'constructor', "'; DROP TABLE units; --", '%00', '\u0000', '../../etc/passwd', 'skyddat boende', '😀'.repeat(50),
    'ä'.repeat(300), '2026-02-30T25:61:00Z', '9'.repeat(400), 'restricted', 'admin'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const lonLat = fc.tuple(fc.double({ min: SWEDEN_BBOX.minLon, max: SWEDEN_BBOX.maxLon, noNaN: true }), fc.double({ min: SWEDEN_BBOX.minLat, max: SWEDEN_BBOX.maxLat, noNaN: true }));

/** `arb` about one time in eight, else null. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** A value shaped like `schema` most of the time, and something awkward otherwise. */
function fromSchema(schema: Schema | undefined, depth = 0, key = ''): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const anything = fc.oneof(nasty, fc.integer(), fc.constant(null), fc.boolean(), fc.double(), fc.jsonValue({ maxDepth: 2 }));
  if (depth > 4) return anything;
  if (key === 'coordinates') return fc.oneof({ weight: 6, arbitrary: lonLat }, fc.array(fc.array(lonLat, { minLength: 3, maxLength: 6 }), { maxLength: 2 }), anything);
  if (key === 'lon') return fc.oneof({ weight: 8, arbitrary: fc.double({ min: SWEDEN_BBOX.minLon, max: SWEDEN_BBOX.maxLon, noNaN: true }) }, anything);
  if (key === 'lat') return fc.oneof({ weight: 8, arbitrary: fc.double({ min: SWEDEN_BBOX.minLat, max: SWEDEN_BBOX.maxLat, noNaN: true }) }, anything);
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (alts.length) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1, key)), anything);
  let shaped: fc.Arbitrary<unknown> | undefined;
  if (s.enum) shaped = fc.constantFrom(...s.enum);
  if (!shaped && s.example !== undefined && !(s.type === 'object' || s.properties)) {
    return fc.oneof({ weight: 6, arbitrary: fc.constant(s.example) }, { weight: 6, arbitrary: fromSchema({ ...s, example: undefined }, depth, key) });
  }
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (!shaped && (type === 'object' || s.properties)) {
    const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, depth + 1, k)]));
    const required = (s.required ?? []).filter((k) => k in props);
    shaped = fc.tuple(fc.record(props, { requiredKeys: required }), rarely(fc.dictionary(fc.oneof(nasty, fc.constantFrom('__proto__', 'constructor', 'prototype', 'crs')), anything, { maxKeys: 2 })))
      .map(([a, extra]) => (extra ? Object.assign(a, extra) : a));
  }
  if (!shaped && type === 'array') shaped = s.prefixItems ? fc.tuple(...s.prefixItems.map((p) => fromSchema(p, depth + 1))) : fc.array(fromSchema(s.items, depth + 1), { maxLength: 5 });
  if (!shaped && (type === 'integer' || type === 'number')) {
    const inRange = fc.integer({ min: Math.max(-1000, Math.ceil(s.minimum ?? -5)), max: Math.min(100_000, Math.floor(s.maximum ?? 5000)) });
    shaped = fc.oneof({ weight: 6, arbitrary: inRange }, fc.integer(), fc.double(), fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 2147483648));
  }
  if (!shaped && type === 'string') {
    const plain = s.format === 'date-time' ? fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
      : s.format === 'date' ? fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
      : s.format === 'email' ? fc.emailAddress() : fc.string({ minLength: 1, maxLength: 30 });
    shaped = fc.oneof({ weight: 8, arbitrary: plain }, nasty, fc.constantFrom('2026-01-01', '2026-01-01T00:00:00Z', 'a@b.se', 'x'.repeat(5000)));
  }
  if (!shaped && type === 'boolean') shaped = fc.boolean();
  return shaped ? fc.oneof({ weight: 30, arbitrary: shaped }, { weight: 1, arbitrary: anything }) : anything;
}

/** A JSON text: the schema's shape, random JSON, or raw texts JSON.stringify cannot make. */
function bodyText(schema: Schema | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fromSchema(schema).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => '{"a":' + '['.repeat(n) + ']'.repeat(n) + '}') },
    { weight: 1, arbitrary: fc.constantFrom('{"x":1e400}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', '{', '', 'null', '"str"', '[1,2]', '{"a":NaN}', '{"a":1,"a":2}', '\uFEFF{}') },
  );
}

/** A path segment: ids that exist, ids that do not, and nonsense. */
const segment = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: 1, max: 40 }).map(String),
    fc.constantFrom('units', 'actors', 'child-places', 'areas', '14', '8741', '4795', '4795.mvt', 'respect', '0', '-1', '2147483648', '1.5', '1e3', 'NaN', '%2e%2e'),
    nasty.map((s) => encodeURIComponent(s)),
  ).map((v) => (name ? v : v));

const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
).filter(({ path, op }) => /\{/.test(path) || (op.parameters ?? []).some((p) => p.in === 'query') || !!op.requestBody);

afterEach(async () => {
  // fuzzed writes may revoke the callers' tokens or change their accounts: put them back
  const hashes = Object.values(TEST_USERS).map((u) => hashToken(u.token));
  await t.db.query('UPDATE api_tokens SET revoked_at = NULL WHERE token_hash = ANY($1::text[])', [hashes]);
  for (const [role, u] of Object.entries(TEST_USERS)) await t.db.query('UPDATE users SET active = true, role = $2 WHERE email = $1', [u.email, role]);
});

describe('fuzzing every endpoint that takes input', () => {
  it('finds routes to fuzz in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  for (const { method, path, op } of routes) {
    it(`${method} ${path}: ${RUNS} generated requests, no 500`, { timeout: 600_000 }, async () => {
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const jsonSchema = op.requestBody?.content['application/json']?.schema;
      const request = fc.record({
        segments: fc.tuple(...[...path.matchAll(/\{(\w+)\}/g)].map((m) => segment(m[1]!)), fc.constant('')),
        query: fc.tuple(
          fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(p.schema, 1, p.name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''))])), { requiredKeys: [] }),
          rarely(fc.dictionary(nasty, nasty, { maxKeys: 2 })),
        ),
        body: op.requestBody ? bodyText(jsonSchema) : fc.constant(undefined),
        ifMatch: fc.option(fc.constantFrom('"1"', '"2"', 'W/"1"', '*', '"abc"', '"99999999999"'), { freq: 3 }),
      });
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request, async ({ segments, query, body, ifMatch }) => {
          let i = 0;
          const url = path.replace(/\{\w+\}/g, () => segments[i++]!);
          const qs = new URLSearchParams();
          for (const [k, v] of Object.entries(query[0])) qs.append(k, v as string);
          for (const [k, v] of Object.entries(query[1] ?? {})) qs.append(k, v);
          const full = qs.size ? `${url}?${qs}` : url;
          const res = await t.request('admin', method, full, body, ifMatch ? { 'if-match': ifMatch } : {});
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (process.env.FUZZ_STATS === 'verbose' && res.status === 400 && Math.random() < 0.3) console.log('400', full, body?.slice(0, 200), (await res.clone().text()).slice(0, 200));
          if (res.status >= 500) failures.push(`${method} ${full} ${body?.slice(0, 300) ?? ''} → ${res.status} ${(await res.text()).slice(0, 200)}`);
          else await res.arrayBuffer();
        }),
        { numRuns: RUNS },
      );
      if (process.env.FUZZ_STATS) console.log(`${method} ${path}`, JSON.stringify(Object.fromEntries(statuses)));
      expect(failures).toEqual([]);
    });
  }
});
