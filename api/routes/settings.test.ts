import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { settingAccessCases } from '../test/settingCases.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

describe('/api/settings/zone-radii', () => {
  settingAccessCases(() => t, {
    path: '/api/settings/zone-radii',
    defaults: { immediate: 250, neighbourhood: 500, area: 1000 },
    change: { immediate: 200, neighbourhood: 400, area: 800 },
    invalid: [
      [{ immediate: 9, neighbourhood: 500, area: 1000 }, /immediate.*10/],
      [{ immediate: 250, neighbourhood: 500, area: 5001 }, /area.*5000/],
      [{ immediate: 500, neighbourhood: 500, area: 1000 }, /strictly increasing/],
      [{ immediate: 250, neighbourhood: 1500, area: 1000 }, /strictly increasing/],
      [{ immediate: '250', neighbourhood: 500, area: 1000 }, /immediate/],
      [{ immediate: 250, neighbourhood: 500 }, /area/],
      [{ immediate: 250, neighbourhood: 500, area: 1000, extra: 1 }, /unknown key "extra"/],
    ],
  });

  it('changes the zones of units without radii of their own, and writes an audit entry', async () => {
    // The radii are put back afterwards (and the clock), so that no other test depends on running before this one.
    await t.withSettings({ zone_radii: { immediate: 250, neighbourhood: 500, area: 1000 } }, () => t.withNow('2026-06-01T10:00:00Z', async () => {
      const res = await t.request('admin', 'PUT', '/api/settings/zone-radii', { immediate: 300, neighbourhood: 600, area: 1200 });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ immediate: 300, neighbourhood: 600, area: 1200, updated_at: '2026-06-01T10:00:00.000Z' });
      const units = (await t.getJson('viewer', '/api/units')).features;
      const plain = units.find((u: any) => !u.properties.radii_custom);
      const custom = units.find((u: any) => u.properties.radii_custom);
      expect((await t.getJson('viewer', `/api/units/${plain.id}/zones`)).features.map((f: any) => f.properties.radius_m)).toEqual([300, 600, 1200]);
      expect((await t.getJson('viewer', `/api/units/${custom.id}/zones`)).features.map((f: any) => f.properties.radius_m)).toEqual(
        [custom.properties.radii.immediate, custom.properties.radii.neighbourhood, custom.properties.radii.area],
      );
      const [entry] = await t.db.query<any>("SELECT * FROM audit_log WHERE entity = 'setting' ORDER BY id DESC LIMIT 1");
      expect(entry).toMatchObject({ action: 'update', entity_id: 'zone_radii', user_email: 'admin@test.example' });
      expect(entry.before).toEqual({ immediate: 250, neighbourhood: 500, area: 1000 });
      expect(entry.after).toEqual({ immediate: 300, neighbourhood: 600, area: 1200 });
    }));
  });
});
