/** The harness puts back what a test changes, even when the test fails half-way. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  t.setNow('2026-03-01T10:00:00Z');
});

const radii = async () => (await t.db.query<{ value: unknown }>("SELECT value FROM settings WHERE key = 'zone_radii'"))[0]!.value;

describe('test harness', () => {
  it('withSettings restores each setting after a failing body', async () => {
    const before = await radii();
    const failed = t.withSettings({ zone_radii: { immediate: 100, neighbourhood: 200, area: 300 } }, async () => {
      expect(await radii()).toEqual({ immediate: 100, neighbourhood: 200, area: 300 });
      throw new Error('the body fails');
    });
    await expect(failed).rejects.toThrow('the body fails');
    expect(await radii()).toEqual(before);
  });

  it('withSettings refuses an unknown key and changes nothing', async () => {
    await expect(t.withSettings({ no_such_setting: 1 }, async () => undefined)).rejects.toThrow(/unknown setting/);
  });

  it('withNow puts the clock back after a failing body', async () => {
    await expect(t.withNow('2030-01-01T00:00:00Z', async () => {
      throw new Error('the body fails');
    })).rejects.toThrow('the body fails');
    // The app's clock is read back through an audited write: its timestamp is the restored time.
    const res = await t.request('admin', 'PUT', '/api/settings/zone-radii', { immediate: 250, neighbourhood: 500, area: 1000 });
    expect((await res.json()).updated_at).toBe('2026-03-01T10:00:00.000Z');
  });
});
