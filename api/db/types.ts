/**
 * The one interface through which the API sees its database. Two adapters implement
 * it: PGlite with PostGIS (embedded, the default) and the `postgres` client on a
 * PostgreSQL/PostGIS server. Both run the same SQL files from `sql/`.
 *
 * Conventions that keep the two engines' answers identical: counts are cast to
 * `int`, distances to `float8`, dates returned as `text` (ISO), JSON passed as
 * text and cast to `jsonb` in SQL.
 */
export interface Queryable {
  /** Runs one statement with bound `$n` parameters and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, restores). */
  exec(script: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
