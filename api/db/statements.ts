import fs from 'node:fs';
import path from 'node:path';
import { SQL_DIR } from './sqlFiles.js';
import type { Queryable } from './types.js';

/**
 * One SQL file bound to named parameters. Made when the module that uses it loads, so
 * a misspelt file name or a parameter list that does not match the file's `$n`
 * placeholders stops the server at start-up instead of failing one request.
 */
export interface Statement<P extends string> {
  /** The file's name without `.sql`. */
  readonly name: string;
  readonly text: string;
  /** Parameter names in `$1…$n` order. */
  readonly params: readonly P[];
  /** Runs the statement with values bound by name; every name is required (pass `null` for "no filter"). */
  run<T = Record<string, unknown>>(db: Queryable, values: { readonly [K in P]: unknown }): Promise<T[]>;
  /** The first row, or undefined. */
  one<T = Record<string, unknown>>(db: Queryable, values: { readonly [K in P]: unknown }): Promise<T | undefined>;
}

/** Every statement bound so far, by file name: a test holds this against `sql/queries/`. */
export const BOUND_STATEMENTS = new Map<string, Statement<string>>();

/**
 * Binds `sql/queries/<name>.sql` to the parameter names of its `$1…$n`, in order.
 * Throws when the file is missing, when its highest placeholder is not `params.length`,
 * or when a placeholder between them is never used (a sign the list is out of step).
 */
export function statement<const P extends string>(name: string, params: readonly P[]): Statement<P> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`SQL statement name "${name}" must be lower-case letters, digits and underscores.`);
  const file = path.join(SQL_DIR, 'queries', `${name}.sql`);
  if (!fs.existsSync(file)) throw new Error(`SQL statement "${name}": no file sql/queries/${name}.sql.`);
  const text = fs.readFileSync(file, 'utf8');
  const used = placeholders(text);
  const highest = Math.max(0, ...used);
  if (highest !== params.length) {
    throw new Error(`SQL statement "${name}" uses $1…$${highest} but is bound to ${params.length} parameter names (${params.join(', ') || 'none'}).`);
  }
  for (let i = 1; i <= highest; i++) {
    if (!used.has(i)) throw new Error(`SQL statement "${name}" never uses $${i} (${params[i - 1]}).`);
  }
  if (new Set(params).size !== params.length) throw new Error(`SQL statement "${name}" names a parameter twice.`);
  const positional = (values: { readonly [K in P]: unknown }) =>
    params.map((p) => {
      if (!(p in values)) throw new Error(`SQL statement "${name}": parameter "${p}" missing.`);
      return values[p];
    });
  const bound: Statement<P> = {
    name,
    text,
    params,
    run: (db, values) => db.query(text, positional(values)),
    one: async (db, values) => (await db.query(text, positional(values)))[0] as never,
  };
  if (BOUND_STATEMENTS.has(name)) throw new Error(`SQL statement "${name}" is bound twice: bind it in one module and import it.`);
  BOUND_STATEMENTS.set(name, bound as unknown as Statement<string>);
  return bound;
}

/** The `$n` numbers a statement uses, outside comments and string literals. */
export function placeholders(sql: string): Set<number> {
  const code = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  return new Set([...code.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}
