/**
 * Creating and dropping whole databases on a PostgreSQL server, for the test runs and
 * the benchmark, which each work in databases of their own. CREATE and DROP DATABASE
 * take no bound parameters, so the names go in as identifiers escaped by the client
 * (`sql(name)`), and are first held to a plain pattern so a mistake fails loudly.
 */
import type postgres from 'postgres';

/** A name of the form the tests and the benchmark make up (`ps_t_…`, `ps_bench_…`). */
function checkedName(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a database name made by the tests or the benchmark: ${JSON.stringify(name)}`);
  return name;
}

/** Creates a database, optionally as a copy of `template`. */
export async function createDatabase(admin: postgres.Sql, name: string, template?: string): Promise<void> {
  const target = checkedName(name);
  const source = template === undefined ? undefined : checkedName(template);
  if (source === undefined) await admin`CREATE DATABASE ${admin(target)}`;
  else await admin`CREATE DATABASE ${admin(target)} TEMPLATE ${admin(source)}`;
}

/** Ends the connections to a database and drops it. */
export async function dropDatabase(admin: postgres.Sql, name: string): Promise<void> {
  const target = checkedName(name);
  await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${target} AND pid <> pg_backend_pid()`;
  await admin`DROP DATABASE IF EXISTS ${admin(target)}`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
