import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVICES = path.dirname(fileURLToPath(import.meta.url));
const API = path.dirname(SERVICES);

/** The modules TypeScript source imports, from its `import … from '…'` and `export … from '…'` lines. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** The modules a source loads when it runs: `import type` and `export type` lines are erased by TypeScript and load nothing. */
function runtimeImportsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)(?!\s+type\b)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const isHttp = (spec: string) => spec === 'hono' || spec.startsWith('hono/') || spec.startsWith('@hono/') || /(^|\/)http\//.test(spec);

/** The web framework itself; `@hono/zod-openapi` is the schema library the write rules are stated in, not the router. */
const isHonoCore = (spec: string) => spec === 'hono' || spec.startsWith('hono/');

/** A relative import's file under api/, or undefined for a package or a file outside api/. */
function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const file = path.resolve(path.dirname(from), spec.replace(/\.js$/, '.ts'));
  return file.startsWith(API + path.sep) && fs.existsSync(file) ? file : undefined;
}

/**
 * The import chains from `start` that reach Hono or the HTTP layer through other
 * modules under api/, each as "a.ts > b.ts > hono/factory". Every module is followed,
 * api/errors.ts included: no exceptions.
 */
function honoChains(start: string, read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): string[] {
  const chains: string[] = [];
  const seen = new Set<string>([start]);
  const walk = (file: string, chain: string[]) => {
    for (const spec of runtimeImportsOf(read(file))) {
      const next = resolve(file, spec);
      const name = next ? path.relative(API, next) : spec;
      if (isHonoCore(spec) || (next && name.startsWith(`http${path.sep}`))) {
        if (chain.length > 0) chains.push([...chain, name].join(' > '));
        continue;
      }
      if (!next || seen.has(next)) continue;
      seen.add(next);
      walk(next, [...chain, name]);
    }
  };
  walk(start, []);
  return chains;
}

describe('domain services', () => {
  const files = fs.readdirSync(SERVICES).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.bench.ts'));

  it('are found (the scan looks at the right folder)', () => {
    expect(files).toContain('units.ts');
  });

  it.each(files)('%s imports nothing from Hono or the HTTP layer', (f) => {
    expect(importsOf(fs.readFileSync(path.join(SERVICES, f), 'utf8')).filter(isHttp)).toEqual([]);
  });

  it.each(files)('%s reaches neither Hono nor the HTTP layer through other modules', (f) => {
    expect(honoChains(path.join(SERVICES, f))).toEqual([]);
  });

  it('the scan sees a Hono import and an HTTP-layer import', () => {
    const text = "import type { Context } from 'hono';\nimport {\n  etagOf,\n} from '../http/conditional.js';\nimport { z } from 'zod';\n";
    expect(importsOf(text).filter(isHttp)).toEqual(['hono', '../http/conditional.js']);
  });

  it('the transitive scan sees Hono behind another module and ignores type-only imports', () => {
    const service = path.join(SERVICES, 'fake.ts');
    const sources: Record<string, string> = {
      [service]: "import type { AppEnv } from '../env.js';\nimport { requireRole } from '../auth/middleware.js';\n",
      [path.join(API, 'auth', 'middleware.ts')]: "import { createMiddleware } from 'hono/factory';\n",
    };
    expect(honoChains(service, (file) => sources[file] ?? '')).toEqual([`${path.join('auth', 'middleware.ts')} > hono/factory`]);
  });

  it('the transitive scan follows api/errors.ts: an error class built on HTTPException is a Hono import', () => {
    const service = path.join(SERVICES, 'fake.ts');
    const sources: Record<string, string> = {
      [service]: "import { ApiError } from '../errors.js';\n",
      [path.join(API, 'errors.ts')]: "import { HTTPException } from 'hono/http-exception';\nexport class ApiError extends HTTPException {}\n",
    };
    expect(honoChains(service, (file) => sources[file] ?? '')).toEqual(['errors.ts > hono/http-exception']);
  });

  it('api/errors.ts itself loads nothing from Hono', () => {
    expect(honoChains(path.join(SERVICES, 'fake.ts'), (file) => (file.endsWith(`${path.sep}fake.ts`) ? "import { ApiError } from '../errors.js';\n" : fs.readFileSync(file, 'utf8')))).toEqual([]);
  });
});

const ROUTES = path.join(API, 'routes');

/**
 * Routes that still hand the database to a service that takes no request context; each
 * is to go once its service takes one. A new entry needs a reason.
 */
const ROUTES_PASSING_DB: Record<string, string> = {
  'baseData.ts': 'latestBaseImport(db) and the running import job, keyed by database',
};

/** What a route, a schema or any module outside api/db/ must not do, each with the reason. */
const SQL_CALLS: [RegExp, string][] = [
  [/\baudit\(/, 'writes the audit (a service does, in its transaction)'],
  [/\bstatement\(/, 'binds SQL (a service does)'],
  [/\.query\(/, 'runs SQL'],
  [/\bdeps\.db\b|\bc\.var\.deps\.(db|reader)\b/, 'reaches the database past the request context'],
];

describe('routes and schemas run no SQL', () => {
  const routeFiles = fs.readdirSync(ROUTES).filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.includes('.fixture.'));

  it('are found', () => {
    expect(routeFiles).toContain('units.ts');
  });

  it.each(routeFiles)('routes/%s runs no SQL and writes no audit', (f) => {
    const text = fs.readFileSync(path.join(ROUTES, f), 'utf8');
    const calls = SQL_CALLS.filter(([re]) => re.test(text)).map(([, why]) => why);
    expect(calls).toEqual(ROUTES_PASSING_DB[f] ? calls.filter((why) => why === SQL_CALLS[3]![1]) : []);
    expect(runtimeImportsOf(text).filter((s) => /(^|\/)db\/(statements|sqlFiles)\.js$/.test(s))).toEqual([]);
  });

  it.each(fs.readdirSync(path.join(API, 'schemas')).filter((f) => f.endsWith('.ts') && !f.includes('.test.')))('schemas/%s loads nothing from api/db/ and runs no SQL', (f) => {
    const text = fs.readFileSync(path.join(API, 'schemas', f), 'utf8');
    expect(runtimeImportsOf(text).filter((s) => /(^|\/)db\//.test(s))).toEqual([]);
    expect(/\.query\(/.test(text)).toBe(false);
  });

  it('query() of api/db/sqlFiles.ts is used outside api/db/ only by tests and benchmarks (everything else binds with statement())', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'db' && e.name !== 'node_modules') walk(file);
        } else if (e.name.endsWith('.ts') && !/\.(test|bench|fixture)\.ts$/.test(e.name) && path.basename(dir) !== 'test') {
          if (runtimeImportsOf(fs.readFileSync(file, 'utf8')).some((s) => /(^|\/)db\/sqlFiles\.js$/.test(s))) offenders.push(path.relative(API, file));
        }
      }
    };
    walk(API);
    expect(offenders).toEqual([]);
  });

  it('the route check sees an audit call and a direct query', () => {
    const text = "await audit(deps.db, { action: 'export' });\nawait c.var.deps.db.query('SELECT 1');\n";
    expect(SQL_CALLS.filter(([re]) => re.test(text)).map(([, why]) => why)).toHaveLength(3);
  });
});
