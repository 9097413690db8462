import { expect, it } from 'vitest';
import type { TestContext } from './harness.js';

/** One administrator setting under /api/settings, as the cases every such setting shares see it. */
export interface SettingUnderTest {
  path: string;
  /** The value the template database holds. */
  defaults: Record<string, unknown>;
  /** A valid new value, which only an administrator may write. */
  change: Record<string, unknown>;
  /** Invalid bodies and what the 400's message must name. */
  invalid: [body: Record<string, unknown>, mention: RegExp][];
}

/**
 * Declares, inside a `describe`, the cases every administrator setting shares: every role
 * reads it and an anonymous caller does not, only an administrator changes it, and an
 * invalid body is a 400 naming the field that leaves the stored value as it was.
 * `context` is read when a case runs, after the file's `beforeAll` has made it.
 */
export function settingAccessCases(context: () => TestContext, setting: SettingUnderTest): void {
  const { path, defaults, change, invalid } = setting;

  it('is readable by every role, not anonymously', async () => {
    const t = context();
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      expect(await t.getJson(role, path)).toMatchObject(defaults);
    }
    expect((await t.request('anonymous', 'GET', path)).status).toBe(401);
  });

  it('only administrators change it', async () => {
    const t = context();
    expect((await t.request('viewer', 'PUT', path, change)).status).toBe(403);
    expect((await t.request('editor', 'PUT', path, change)).status).toBe(403);
    expect((await t.request('anonymous', 'PUT', path, change)).status).toBe(401);
    expect(await t.getJson('viewer', path)).toMatchObject(defaults);
  });

  it.each(invalid)('rejects %j, naming the field, and writes nothing', async (body, mention) => {
    const t = context();
    const before = await t.getJson('viewer', path);
    const res = await t.request('admin', 'PUT', path, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(mention);
    expect(await t.getJson('viewer', path)).toEqual(before);
  });
}
