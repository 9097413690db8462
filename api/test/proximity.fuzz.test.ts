/**
 * Garbage to every proximity and layer endpoint (fast-check, ≥ 1,000 inputs each):
 * the answer is always 200 or a 4xx in the error shape, never a 500.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const RUNS = 1000;
const KEYS = ['ring', 'category', 'kind', 'priority', 'status', 'unit_id', 'area', 'bbox', 'q', 'limit', 'offset', 'x', '__proto__', 'constructor'];
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('immediate', 'area,neighbourhood', 'shop', 'school', 'high', 'overdue', 'NaN', 'Infinity', '-1', '0', '1e309', '11,57,12,58', '12,58,11,57', ',,,', '1,2,3,4', "'; DROP TABLE units; --", '%', '_', '\\', '\u0000', '99999999999', '1.5'),
  fc.integer().map(String),
  fc.double().map(String),
);
const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
const unitId = fc.oneof(fc.constantFrom('1', '2', '3', '987654', '0', '-1', 'abc', '1.5', '99999999999', '%00', 'NaN'), fc.integer({ min: -5, max: 30 }).map(String));

async function expectNo500(res: Response, what: string) {
  expect(res.status, what).not.toBe(500);
  expect(res.status === 200 || (res.status >= 400 && res.status < 500), `${what}: ${res.status}`).toBe(true);
  if (res.status !== 200) expect((await res.json()).error.code, what).toBeTypeOf('string');
  else await res.arrayBuffer();
}

describe('fuzzing: never a 500', () => {
  it.each(['contacts', 'child-places', 'zones'])('GET /api/units/{id}/%s', async (sub) => {
    await fc.assert(
      fc.asyncProperty(unitId, queryString, async (id, q) => {
        const path = `/api/units/${id}/${sub}?${q}`;
        await expectNo500(await t.request('viewer', 'GET', path), path);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(['/api/information-needs', '/api/actors', '/api/child-places', '/api/settings/zone-radii'])('GET %s', async (base) => {
    await fc.assert(
      fc.asyncProperty(queryString, async (q) => {
        const path = `${base}?${q}`;
        await expectNo500(await t.request('viewer', 'GET', path), path);
      }),
      { numRuns: RUNS },
    );
  });

  const radii = fc.oneof(
    fc.record({ immediate: fc.double(), neighbourhood: fc.double(), area: fc.double() }),
    fc.record({ immediate: fc.integer({ min: 0, max: 6000 }), neighbourhood: fc.integer({ min: 0, max: 6000 }), area: fc.integer({ min: 0, max: 6000 }) }),
    fc.anything(),
  );
  const body = fc.oneof(
    fc.record({ lon: fc.double({ min: 9, max: 26 }), lat: fc.double({ min: 54, max: 70 }) }),
    fc.record({ lon: fc.oneof(fc.double(), fc.string(), fc.constant(null)), lat: fc.oneof(fc.double(), fc.string()), radii }, { requiredKeys: [] }),
    fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
    fc.string({ maxLength: 40 }),
  );

  it('POST /api/site-analysis', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        await expectNo500(await t.request('viewer', 'POST', '/api/site-analysis', b), `site-analysis ${JSON.stringify(b)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('PUT /api/settings/zone-radii', async () => {
    // Valid radii are stored: the global radii are put back afterwards, for the tests that read them.
    await t.withSettings({ zone_radii: { immediate: 250, neighbourhood: 500, area: 1000 } }, () => fc.assert(
      fc.asyncProperty(fc.oneof(radii, fc.string({ maxLength: 40 })), async (b) => {
        await expectNo500(await t.request('admin', 'PUT', '/api/settings/zone-radii', b), `zone-radii ${JSON.stringify(b)}`);
      }),
      { numRuns: RUNS },
    ));
  });
});
