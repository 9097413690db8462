import { beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from './migrate.js';
import type { Database } from './types.js';
import { openTestDatabase } from '../test/harness.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});

describe('migrations', () => {
  it('are recorded and running them again applies nothing', async () => {
    const recorded = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(recorded.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
  });

  it('roll back a failing migration entirely and record nothing', async () => {
    const bad = [{ version: 9999, name: '9999_broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();' }];
    await expect(migrate(db, bad)).rejects.toThrow(/9999_broken/);
    const n = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'"))[0]!.n;
    expect(n).toBe(0);
    const m = (await db.query<{ m: number }>('SELECT count(*)::int AS m FROM schema_migrations WHERE version = 9999'))[0]!.m;
    expect(m).toBe(0);
  });

  it('create GiST indexes on every location column', async () => {
    const rows = await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_indexes WHERE indexdef ILIKE '%USING gist%' ORDER BY tablename",
    );
    expect(rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['actors', 'areas', 'child_places', 'units']));
  });
});

describe('constraints make bad rows impossible', () => {
  const point = "ST_SetSRID(ST_MakePoint(12.0, 57.7), 4326)::geography";
  const rejects = async (sql: string) => {
    await expect(db.query(sql)).rejects.toThrow();
  };

  it.each([
    ['empty unit name', `INSERT INTO units (name, kind, location) VALUES ('  ', 'care_home', ${point})`],
    ['unknown unit kind', `INSERT INTO units (name, kind, location) VALUES ('X', 'castle', ${point})`],
    ['unknown unit status', `INSERT INTO units (name, kind, status, location) VALUES ('X', 'shelter', 'gone', ${point})`],
    ['negative places', `INSERT INTO units (name, kind, places, location) VALUES ('X', 'shelter', -1, ${point})`],
    ['radii not increasing', `INSERT INTO units (name, kind, radius_immediate_m, radius_neighbourhood_m, radius_area_m, location) VALUES ('X', 'shelter', 500, 400, 1000, ${point})`],
    ['radius out of range', `INSERT INTO units (name, kind, radius_immediate_m, radius_neighbourhood_m, radius_area_m, location) VALUES ('X', 'shelter', 5, 400, 1000, ${point})`],
    ['unknown actor category', `INSERT INTO actors (name, category, location) VALUES ('X', 'pirates', ${point})`],
    ['empty actor name', `INSERT INTO actors (name, category, location) VALUES ('', 'shop', ${point})`],
    ['unknown child place kind', `INSERT INTO child_places (name, kind, location) VALUES ('X', 'zoo', ${point})`],
    ['stages on a preschool', `INSERT INTO child_places (name, kind, stages, location) VALUES ('X', 'preschool', '{F-3}', ${point})`],
    ['unknown school stage', `INSERT INTO child_places (name, kind, stages, location) VALUES ('X', 'school', '{university}', ${point})`],
    ['missing location', `INSERT INTO actors (name, category) VALUES ('X', 'shop')`],
    ['user with upper-case e-mail', `INSERT INTO users (email, name, role, password_hash) VALUES ('A@B.se', 'A', 'viewer', 'x')`],
    ['unknown role', `INSERT INTO users (email, name, role, password_hash) VALUES ('a@b.se', 'A', 'root', 'x')`],
  ])('rejects %s', async (_label, sql) => {
    await rejects(sql);
  });

  it('never stores a latitude or longitude out of range', async () => {
    // PostGIS itself refuses or wraps out-of-range geography coordinates (engines differ);
    // either way no stored row may hold one.
    await db.query("INSERT INTO actors (name, category, location) VALUES ('X', 'shop', 'SRID=4326;POINT(12 95)'::geography)").catch(() => undefined);
    const rows = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM actors WHERE NOT (ST_Y(location::geometry) BETWEEN -90 AND 90 AND ST_X(location::geometry) BETWEEN -180 AND 180)',
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('accepts a valid row', async () => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO child_places (name, kind, stages, location) VALUES ('Testskolan', 'school', '{F-3,4-6}', ${point}) RETURNING id`,
    );
    expect(row!.id).toBeGreaterThan(0);
  });
});

describe('JIT compilation', () => {
  it('is off in every session on PostgreSQL, also in a database copied from a template (which does not carry ALTER DATABASE settings); PGlite has none', async () => {
    if (db.kind === 'pglite') {
      expect((await db.query<{ available: boolean }>('SELECT pg_jit_available() AS available'))[0]!.available).toBe(false);
      return;
    }
    const [own] = await db.query<{ setconfig: string[] | null }>(
      'SELECT setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = current_database()',
    );
    expect(own?.setconfig ?? []).not.toContain('jit=off');
    expect((await db.query<{ jit: string }>('SHOW jit'))[0]!.jit).toBe('off');
  });
});
