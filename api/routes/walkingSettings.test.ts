import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { settingAccessCases } from '../test/settingCases.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const DEFAULT_VALUES = { walking_speed_kmh: 5, information_distance: 'straight' };

describe('/api/settings/walking', () => {
  settingAccessCases(() => t, {
    path: '/api/settings/walking',
    defaults: DEFAULT_VALUES,
    change: { walking_speed_kmh: 4, information_distance: 'walking' },
    invalid: [
      [{ walking_speed_kmh: 1.9, information_distance: 'straight' }, /walking_speed_kmh.*2/],
      [{ walking_speed_kmh: 7.1, information_distance: 'straight' }, /walking_speed_kmh.*7/],
      [{ walking_speed_kmh: '5', information_distance: 'straight' }, /walking_speed_kmh/],
      [{ walking_speed_kmh: 5, information_distance: 'crow' }, /information_distance.*straight, walking/],
      [{ walking_speed_kmh: 5 }, /information_distance/],
      [{ walking_speed_kmh: 5, information_distance: 'straight', extra: 1 }, /unknown key "extra"/],
    ],
  });

  it('changes the speed the walks use and what the rules follow, with an audit entry', async () => {
    await t.withSettings(DEFAULT_VALUES, () => t.withNow('2026-06-01T10:00:00Z', async () => {
      const res = await t.request('admin', 'PUT', '/api/settings/walking', { walking_speed_kmh: 3.5, information_distance: 'walking' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ walking_speed_kmh: 3.5, information_distance: 'walking', updated_at: '2026-06-01T10:00:00.000Z' });
      expect(await t.getJson('viewer', '/api/settings/walking')).toMatchObject({ walking_speed_kmh: 3.5, information_distance: 'walking' });
      const [unit] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity = 'public' ORDER BY id LIMIT 1");
      expect((await t.getJson('viewer', `/api/units/${unit!.id}/walk-zones`)).walking.speed_kmh).toBe(3.5);
      const places = await t.getJson('editor', `/api/units/${unit!.id}/child-places`);
      for (const f of places.features) expect(f.properties.ring_basis).toBe('walking');
      const [entry] = await t.db.query<any>("SELECT * FROM audit_log WHERE entity = 'setting' ORDER BY id DESC LIMIT 1");
      expect(entry).toMatchObject({ action: 'update', entity_id: 'walking', user_email: 'admin@test.example' });
      expect(entry.before).toEqual(DEFAULT_VALUES);
      expect(entry.after).toEqual({ walking_speed_kmh: 3.5, information_distance: 'walking' });
    }));
    expect(await t.getJson('viewer', '/api/settings/walking')).toMatchObject(DEFAULT_VALUES);
  });
});
