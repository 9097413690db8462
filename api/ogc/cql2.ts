/**
 * CQL2 text (OGC API – Features Part 3) for the `filter` parameter: the part of the
 * language this API implements, parsed into CQL2-JSON. Basic CQL2 (comparisons, AND,
 * OR, NOT, IS NULL), advanced comparisons (LIKE, BETWEEN, IN) and S_INTERSECTS with a
 * BBOX or a WKT point, line or polygon. Anything else is refused with the position and
 * what is valid there, never silently dropped: a filter that reads as less than the
 * user wrote would answer a different question.
 */

/** A CQL2-JSON expression: the form the evaluator (sql ps_cql2) and the queryables check take. */
export type CqlExpr =
  | { op: 'and' | 'or'; args: CqlExpr[] }
  | { op: 'not'; args: [CqlExpr] }
  | { op: '=' | '<>' | '<' | '<=' | '>' | '>='; args: [CqlProperty, CqlScalar] }
  | { op: 'like'; args: [CqlProperty, string] }
  | { op: 'between'; args: [CqlProperty, number, number] }
  | { op: 'in'; args: [CqlProperty, CqlScalar[]] }
  | { op: 'isNull'; args: [CqlProperty] }
  | { op: 's_intersects'; args: [CqlProperty, CqlSpatial] };
export interface CqlProperty { property: string }
export type CqlScalar = string | number | boolean | { timestamp: string } | { date: string };
export type CqlSpatial =
  | { bbox: [number, number, number, number] }
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] };

/** Why a filter was refused, with the character position (1-based) it was refused at. */
export class CqlError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

/** The most characters a filter may have: a filter is typed or generated, never a data set. */
export const CQL_MAX_LENGTH = 10_000;
/** How deeply expressions may nest: enough for any hand-written filter, not enough to exhaust the stack. */
const MAX_DEPTH = 50;

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'ident'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'punct'; text: string; at: number }
  | { kind: 'end'; at: number };

const PUNCT = ['<=', '>=', '<>', '=', '<', '>', '(', ')', ','];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    const at = i + 1;
    if (ch === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new CqlError("a text in quotes is not closed with '", at);
        if (src[i] === "'") {
          if (src[i + 1] === "'") { text += "'"; i += 2; continue; }
          i++;
          break;
        }
        text += src[i++];
      }
      out.push({ kind: 'string', text, at });
      continue;
    }
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) throw new CqlError('a property name in double quotes is not closed with "', at);
      out.push({ kind: 'ident', text: src.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    const num = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && (/\d|\./.test(ch) || (/[+-]/.test(ch) && !endsOperand(out)))) {
      out.push({ kind: 'number', value: Number(num[0]), at });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_:.]*/.exec(src.slice(i));
    if (word) {
      out.push({ kind: 'word', text: word[0], at });
      i += word[0].length;
      continue;
    }
    const p = PUNCT.find((q) => src.startsWith(q, i));
    if (!p) throw new CqlError(`the character "${ch}" has no meaning here`, at);
    out.push({ kind: 'punct', text: p, at });
    i += p.length;
  }
  out.push({ kind: 'end', at: src.length + 1 });
  return out;
}

/** Whether the last token ends an operand, so that a following +/- is not a number's sign. */
const endsOperand = (out: Token[]) => {
  const t = out[out.length - 1];
  return !!t && (t.kind === 'number' || t.kind === 'string' || t.kind === 'ident' || (t.kind === 'punct' && t.text === ')'));
};

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'BETWEEN', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'TIMESTAMP', 'DATE', 'S_INTERSECTS', 'BBOX', 'POINT', 'LINESTRING', 'POLYGON']);
const COMPARISONS = ['=', '<>', '<', '<=', '>', '>='] as const;

/** What a filter may say, for error messages. */
const VALID_HERE = {
  predicate: 'a property name, NOT, "(" or S_INTERSECTS(…)',
  after: 'a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS [NOT] NULL',
  scalar: "a 'text', a number, TRUE, FALSE, TIMESTAMP('…') or DATE('…')",
  spatial: 'BBOX(minLon, minLat, maxLon, maxLat), POINT(lon lat), LINESTRING(…) or POLYGON((…))',
};

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token { return this.tokens[this.i]!; }
  private next(): Token { return this.tokens[this.i++]!; }
  private isWord(text: string, t = this.peek()): boolean { return t.kind === 'word' && t.text.toUpperCase() === text; }
  private isPunct(text: string, t = this.peek()): boolean { return t.kind === 'punct' && t.text === text; }
  private describe(t: Token): string {
    switch (t.kind) {
      case 'end': return 'the end of the filter';
      case 'string': return `'${t.text.slice(0, 30)}'`;
      case 'number': return String(t.value);
      case 'ident': return `"${t.text.slice(0, 30)}"`;
      default: return `"${t.text.slice(0, 30)}"`;
    }
  }
  private fail(expected: string, t = this.peek()): never {
    throw new CqlError(`expected ${expected} but found ${this.describe(t)}`, t.at);
  }
  private expectPunct(text: string): void {
    if (!this.isPunct(text)) this.fail(`"${text}"`);
    this.i++;
  }
  private expectWord(text: string): void {
    if (!this.isWord(text)) this.fail(text);
    this.i++;
  }

  parse(): CqlExpr {
    const e = this.or();
    if (this.peek().kind !== 'end') this.fail('AND, OR, ")" or the end of the filter');
    return e;
  }

  private nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new CqlError(`the filter nests deeper than ${MAX_DEPTH} levels`, this.peek().at);
    try { return f(); } finally { this.depth--; }
  }

  private or(): CqlExpr {
    const args = [this.and()];
    while (this.isWord('OR')) { this.i++; args.push(this.and()); }
    return args.length === 1 ? args[0]! : { op: 'or', args };
  }

  private and(): CqlExpr {
    const args = [this.factor()];
    while (this.isWord('AND')) { this.i++; args.push(this.factor()); }
    return args.length === 1 ? args[0]! : { op: 'and', args };
  }

  private factor(): CqlExpr {
    return this.nest(() => {
      if (this.isWord('NOT')) { this.i++; return { op: 'not', args: [this.factor()] }; }
      if (this.isPunct('(')) {
        this.i++;
        const e = this.or();
        this.expectPunct(')');
        return e;
      }
      if (this.isWord('S_INTERSECTS')) return this.spatialPredicate();
      return this.predicate();
    });
  }

  private property(): CqlProperty {
    const t = this.peek();
    if (t.kind === 'ident' || (t.kind === 'word' && !KEYWORDS.has(t.text.toUpperCase()))) {
      this.i++;
      return { property: t.text };
    }
    return this.fail(VALID_HERE.predicate);
  }

  private predicate(): CqlExpr {
    const p = this.property();
    const t = this.peek();
    const cmp = t.kind === 'punct' ? COMPARISONS.find((c) => c === t.text) : undefined;
    if (cmp) { this.i++; return { op: cmp, args: [p, this.scalar()] }; }
    if (this.isWord('IS')) {
      this.i++;
      const negated = this.isWord('NOT') ? (this.i++, true) : false;
      this.expectWord('NULL');
      const e: CqlExpr = { op: 'isNull', args: [p] };
      return negated ? { op: 'not', args: [e] } : e;
    }
    const negated = this.isWord('NOT') ? (this.i++, true) : false;
    let e: CqlExpr;
    if (this.isWord('LIKE')) {
      this.i++;
      const s = this.next();
      if (s.kind !== 'string') this.fail("a 'pattern' in quotes (% any text, _ one character)", s);
      e = { op: 'like', args: [p, s.text] };
    } else if (this.isWord('BETWEEN')) {
      this.i++;
      const lo = this.number();
      this.expectWord('AND');
      e = { op: 'between', args: [p, lo, this.number()] };
    } else if (this.isWord('IN')) {
      this.i++;
      e = { op: 'in', args: [p, this.list(() => this.scalar())] };
    } else {
      return this.fail(negated ? 'LIKE, BETWEEN or IN after NOT' : VALID_HERE.after);
    }
    return negated ? { op: 'not', args: [e] } : e;
  }

  private number(): number {
    const t = this.next();
    if (t.kind !== 'number') this.fail('a number', t);
    return t.value;
  }

  private scalar(): CqlScalar {
    const t = this.next();
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return t.value;
    if (this.isWord('TRUE', t)) return true;
    if (this.isWord('FALSE', t)) return false;
    if (this.isWord('TIMESTAMP', t) || this.isWord('DATE', t)) {
      const kind = t.kind === 'word' && t.text.toUpperCase() === 'DATE' ? 'date' : 'timestamp';
      this.expectPunct('(');
      const s = this.next();
      const valid = kind === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
      if (s.kind !== 'string' || !valid.test(s.text) || Number.isNaN(Date.parse(s.text))) {
        this.fail(kind === 'date' ? "a date in quotes, 'YYYY-MM-DD'" : "a time in quotes, 'YYYY-MM-DDThh:mm:ssZ'", s);
      }
      this.expectPunct(')');
      return kind === 'date' ? { date: s.text } : { timestamp: s.text };
    }
    return this.fail(VALID_HERE.scalar, t);
  }

  private spatialPredicate(): CqlExpr {
    this.i++;
    this.expectPunct('(');
    // Either argument may be the property; the other is the literal.
    let p: CqlProperty;
    let g: CqlSpatial;
    if (this.isSpatialLiteral()) {
      g = this.spatial();
      this.expectPunct(',');
      p = this.property();
    } else {
      p = this.property();
      this.expectPunct(',');
      g = this.spatial();
    }
    this.expectPunct(')');
    return { op: 's_intersects', args: [p, g] };
  }

  private isSpatialLiteral(): boolean {
    return ['BBOX', 'POINT', 'LINESTRING', 'POLYGON'].some((w) => this.isWord(w));
  }

  private position(): [number, number] {
    return [this.number(), this.number()];
  }

  /** One or more items, comma-separated, in parentheses. */
  private list<T>(item: () => T): T[] {
    this.expectPunct('(');
    const items = [item()];
    while (this.isPunct(',')) { this.i++; items.push(item()); }
    this.expectPunct(')');
    return items;
  }

  private positions(): [number, number][] {
    return this.list(() => this.position());
  }

  private spatial(): CqlSpatial {
    const t = this.peek();
    if (this.isWord('BBOX')) {
      this.i++;
      const n = this.list(() => this.number());
      if (n.length !== 4) throw new CqlError(`BBOX takes four numbers (minLon, minLat, maxLon, maxLat); got ${n.length}`, t.at);
      if (!(n[0]! < n[2]! && n[1]! < n[3]!)) throw new CqlError('BBOX: each minimum must be below its maximum', t.at);
      return { bbox: n as [number, number, number, number] };
    }
    if (this.isWord('POINT')) {
      this.i++;
      this.expectPunct('(');
      const p = this.position();
      this.expectPunct(')');
      return { type: 'Point', coordinates: p };
    }
    if (this.isWord('LINESTRING')) {
      this.i++;
      const line = this.positions();
      if (line.length < 2) throw new CqlError('LINESTRING needs at least two positions', t.at);
      return { type: 'LineString', coordinates: line };
    }
    if (this.isWord('POLYGON')) {
      this.i++;
      const rings = this.list(() => this.positions());
      for (const r of rings) {
        if (r.length < 4) throw new CqlError('POLYGON rings need at least four positions', t.at);
        const [a, b] = [r[0]!, r[r.length - 1]!];
        if (a[0] !== b[0] || a[1] !== b[1]) throw new CqlError('POLYGON rings must end where they start', t.at);
      }
      return { type: 'Polygon', coordinates: rings };
    }
    return this.fail(VALID_HERE.spatial);
  }
}

/** Parses a CQL2 text filter into CQL2-JSON, or throws a {@link CqlError}. */
export function parseCql2Text(text: string): CqlExpr {
  if (text.length > CQL_MAX_LENGTH) throw new CqlError(`the filter is longer than ${CQL_MAX_LENGTH} characters`, CQL_MAX_LENGTH + 1);
  if (!text.trim()) throw new CqlError('the filter is empty', 1);
  return new Parser(tokenize(text)).parse();
}
