import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CqlError, parseCql2Text } from './cql2.js';
import { oracleParse } from './cql2Oracle.js';

/**
 * The oracle writes a BBOX as {op: 'bbox', args} where CQL2-JSON's own form is {bbox},
 * a negative number as {op: '*', args: [-1, n]}, and a one-element IN list as the bare
 * element; these are folded to CQL2-JSON's plain forms. Nested ANDs (and ORs) are
 * flattened on both sides: (a AND b) AND c and a AND b AND c mean the same.
 */
function normalise(e: unknown): unknown {
  if (Array.isArray(e)) return e.map(normalise);
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    if (o.op === 'bbox') return { bbox: normalise(o.args) };
    if ((o.op === 'and' || o.op === 'or') && Array.isArray(o.args)) {
      const args = (o.args.map(normalise) as { op?: string; args?: unknown[] }[]).flatMap((a) => (a.op === o.op ? a.args! : [a]));
      return { op: o.op, args };
    }
    if (o.op === 'in' && Array.isArray(o.args) && !Array.isArray(o.args[1])) return normalise({ ...o, args: [o.args[0], [o.args[1]]] });
    if (o.op === '*' && Array.isArray(o.args) && o.args[0] === -1 && typeof o.args[1] === 'number') return -o.args[1];
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, normalise(v)]));
  }
  return e;
}

// Generated filters over a few properties, written out as CQL2 text.
const prop = fc.constantFrom('name', 'kind', 'places', 'updated_at');
const str = fc.string({ maxLength: 8 }).map((s) => s.replace(/[^\w åäö%]/g, ''));
const num = fc.integer({ min: -1000, max: 100000 });
const scalar = fc.oneof(str.map((s) => [`'${s}'`, s] as const), num.map((n) => [String(n), n] as const));
const leaf = fc.oneof(
  fc.tuple(prop, fc.constantFrom('=', '<>', '<', '<=', '>', '>='), scalar).map(([p, op, [t, v]]) => [`${p} ${op} ${t}`, { op, args: [{ property: p }, v] }] as const),
  fc.tuple(prop, str).map(([p, s]) => [`${p} LIKE '${s}'`, { op: 'like', args: [{ property: p }, s] }] as const),
  fc.tuple(prop, fc.array(num, { minLength: 1, maxLength: 4 })).map(([p, l]) => [`${p} IN (${l.join(', ')})`, { op: 'in', args: [{ property: p }, l] }] as const),
  fc.tuple(prop, num, num).map(([p, a, b]) => [`${p} BETWEEN ${a} AND ${b}`, { op: 'between', args: [{ property: p }, a, b] }] as const),
  prop.map((p) => [`${p} IS NULL`, { op: 'isNull', args: [{ property: p }] }] as const),
);
const expr: fc.Arbitrary<readonly [string, unknown]> = fc.letrec<{ e: readonly [string, unknown] }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), fc.constantFrom('AND', 'OR'), tie('e')).map(([[a], op, [b]]) => [`(${a}) ${op} (${b})`, null] as const),
    tie('e').map(([a]) => [`NOT (${a})`, null] as const),
  ),
})).e;

describe('CQL2 text', () => {
  it('parses as the independent parser does, on generated filters', async () => {
    const samples = fc.sample(expr, { numRuns: 300, seed: 1480 });
    for (const [text, direct] of samples) {
      const ours = parseCql2Text(text);
      expect(normalise(ours), text).toEqual(normalise(await oracleParse(text)));
      if (direct) expect(ours, text).toEqual(direct);
    }
  });

  it('reads the spatial literals as the independent parser does', async () => {
    for (const text of [
      'S_INTERSECTS(geometry, BBOX(11.9, 57.6, 12.1, 57.8))',
      'S_INTERSECTS(geometry, POINT(11.97 57.7))',
      'S_INTERSECTS(geometry, LINESTRING(11.9 57.6, 12.1 57.8))',
      'S_INTERSECTS(geometry, POLYGON((11.9 57.6, 12.1 57.6, 12.1 57.8, 11.9 57.6)))',
      "s_intersects(geometry, bbox(11.9,57.6,12.1,57.8)) and not name like 'A%'",
      "updated_at > TIMESTAMP('2026-01-01T00:00:00Z') AND updated_at < DATE('2027-01-01')",
      'S_INTERSECTS(geometry, BBOX(-1.5, -2, 3, 4))',
    ]) {
      expect(normalise(parseCql2Text(text)), text).toEqual(normalise(await oracleParse(text)));
    }
  });

  it("reads a doubled quote as one quote, as CQL2 says (the oracle ends the text there)", () => {
    expect(parseCql2Text(`"name" = 'It''s'`)).toEqual({ op: '=', args: [{ property: 'name' }, "It's"] });
  });

  it('keeps AND before OR, as SQL does', () => {
    const e = parseCql2Text("a = 1 OR b = 2 AND c = 3");
    expect(e).toMatchObject({ op: 'or', args: [{ op: '=' }, { op: 'and' }] });
  });

  it('refuses what it does not implement or cannot read, with the position, never reading less than was written', () => {
    const refused: [string, RegExp, number][] = [
      ["name = 'a' AND", /expected a property name.*end of the filter/, 15],
      ["name = 'a' places > 1", /expected AND, OR/, 12],
      ["name = 'a", /not closed/, 8],
      ['name ~ 1', /character "~"/, 6],
      ['S_CONTAINS(geometry, POINT(1 2))', /expected a comparison/, 11],
      ['name LIKE 5', /pattern/, 11],
      ['S_INTERSECTS(geometry, BBOX(1, 2, 3))', /four numbers/, 24],
      ['S_INTERSECTS(geometry, POLYGON((1 2, 3 4, 5 6, 7 8)))', /end where they start/, 24],
      ["updated_at > TIMESTAMP('yesterday')", /a time in quotes/, 24],
      ['(((name = 1)', /expected "\)"/, 13],
      ['', /empty/, 1],
    ];
    for (const [text, message, position] of refused) {
      let err: unknown;
      try { parseCql2Text(text); } catch (e) { err = e; }
      expect(err, text).toBeInstanceOf(CqlError);
      expect((err as CqlError).message, text).toMatch(message);
      expect((err as CqlError).position, text).toBe(position);
    }
  });

  it('refuses filters nested past the limit instead of running out of stack', () => {
    expect(() => parseCql2Text(`${'('.repeat(200)}a = 1${')'.repeat(200)}`)).toThrow(/deeper than/);
    expect(() => parseCql2Text(`${'NOT '.repeat(200)}a = 1`)).toThrow(/deeper than/);
  });
});
