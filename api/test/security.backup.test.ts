/** Backup and restore round trip (SECURITY.md): backup → wipe → restore gives equal counts and geometries. */
import { expect, it } from 'vitest';
import { backupDatabase, ident, restoreDatabase, tablesInDependencyOrder } from '../db/backup.js';
import { createTestContext } from './harness.js';

const t = await createTestContext();

async function snapshot() {
  const counts: Record<string, number> = {};
  for (const name of await tablesInDependencyOrder(t.db)) {
    counts[name] = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(name)}`))[0]!.n;
  }
  const geometries = await t.db.query(`
    SELECT 'unit' AS k, id, ST_AsEWKT(location::geometry) AS g FROM units
    UNION ALL SELECT 'actor', id, ST_AsEWKT(location::geometry) FROM actors
    UNION ALL SELECT 'child_place', id, ST_AsEWKT(location::geometry) FROM child_places
    UNION ALL SELECT 'area', id, ST_AsEWKT(geom::geometry) FROM areas
    ORDER BY 1, 2`);
  const audit = await t.db.query('SELECT id::int, action, entity, entity_id, before, after FROM audit_log ORDER BY id');
  return { counts, geometries, audit };
}

it('backs up, wipes, restores: equal counts, geometries and audit log; ids continue', { timeout: 120_000 }, async () => {
  // something in every kind of table, including an exact polygon and the audit log
  await t.request('admin', 'POST', '/api/auth/tokens', { name: 'backup test' });
  await t.db.query(`INSERT INTO areas (name, level, geom) VALUES ('Testområde', 'other',
    ST_GeomFromText('MULTIPOLYGON(((11.97 57.70, 11.98123456789 57.70, 11.98 57.71, 11.97 57.70)))', 4326)::geography)`);
  const before = await snapshot();
  expect(before.counts.units).toBeGreaterThan(0);
  expect(before.counts.audit_log).toBeGreaterThan(0);
  expect(before.counts.contact_persons).toBeGreaterThan(0);

  const backup = JSON.parse(JSON.stringify(await backupDatabase(t.db)));

  // wipe
  const tables = await tablesInDependencyOrder(t.db);
  await t.db.query(`TRUNCATE ${tables.map(ident).join(', ')} RESTART IDENTITY CASCADE`);
  expect((await snapshot()).counts.units).toBe(0);

  await restoreDatabase(t.db, backup);
  const after = await snapshot();
  expect(after.counts).toEqual(before.counts);
  expect(after.geometries).toEqual(before.geometries);
  expect(after.audit).toEqual(before.audit);

  // the restored database works: tokens sign in, new ids follow the restored ones, the audit log is still append-only
  expect((await t.request('admin', 'GET', '/api/units')).status).toBe(200);
  const maxId = (await t.db.query<{ m: number }>('SELECT max(id)::int AS m FROM units'))[0]!.m;
  const [created] = await t.db.query<{ id: number }>("INSERT INTO units (name, kind, location) VALUES ('Efter återställning', 'shelter', ST_GeogFromText('POINT(11.9 57.7)')) RETURNING id");
  expect(created!.id).toBeGreaterThan(maxId);
  await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
});

it('refuses a backup from other migrations, and leaves the data as it was', async () => {
  const backup = await backupDatabase(t.db);
  const n = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units'))[0]!.n;
  await expect(restoreDatabase(t.db, { ...backup, migrations: [1, 2] })).rejects.toThrow(/migrations/);
  await expect(restoreDatabase(t.db, { ...backup, format: 'other' })).rejects.toThrow(/Not a/);
  expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units'))[0]!.n).toBe(n);
});
