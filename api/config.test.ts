/** Settings from the environment: defaults, and a clear error naming the setting and its valid values. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from './config.js';
import { createTestContext } from './test/harness.js';

const t = await createTestContext({ tileThreshold: 37 });

describe('TILE_THRESHOLD', () => {
  it('defaults to DEFAULTS.tileThreshold and takes an integer up to the largest layer page', () => {
    expect(loadConfig({}).tileThreshold).toBe(DEFAULTS.tileThreshold);
    expect(loadConfig({ TILE_THRESHOLD: '25' }).tileThreshold).toBe(25);
    expect(loadConfig({ TILE_THRESHOLD: String(DEFAULTS.listLimitMax) }).tileThreshold).toBe(DEFAULTS.listLimitMax);
  });

  it.each(['0', '-1', '2.5', 'many', String(DEFAULTS.listLimitMax + 1)])('refuses %s, naming the setting and the valid range', (value) => {
    expect(() => loadConfig({ TILE_THRESHOLD: value })).toThrow(new RegExp(`TILE_THRESHOLD must be an integer 1–${DEFAULTS.listLimitMax}.*"${value}"`));
  });

  it('is told to the map client in /api/client-config', async () => {
    expect(await (await t.request('anonymous', 'GET', '/api/client-config')).json()).toMatchObject({ tile_threshold: 37 });
  });
});

describe('PUBLIC_URL', () => {
  it('is unset by default and kept as an origin', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://platssamverkan.goteborg.se' }).publicUrl).toBe('https://platssamverkan.goteborg.se');
    expect(loadConfig({ PUBLIC_URL: 'https://Platssamverkan.Goteborg.se/' }).publicUrl).toBe('https://platssamverkan.goteborg.se');
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8443' }).publicUrl).toBe('http://localhost:8443');
  });

  it.each(['platssamverkan.goteborg.se', 'ftp://x.se', 'https://x.se/karta', 'https://x.se/?a=1', 'https://user:pw@x.se', 'https://x.se/#top'])(
    'refuses %s, naming the setting and what it must be',
    (value) => {
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL must be the origin users reach, such as https:\/\//);
    },
  );
});
