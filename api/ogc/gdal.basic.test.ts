import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_USERS } from '../test/fixtures.js';
import { startServer, type RunningServer } from '../test/server.js';

const run = promisify(execFile);

/**
 * GDAL as a GIS client that signs in the way QGIS 3.22 can: HTTP Basic, the personal API
 * token as the password. CI installs gdal-bin.
 */
const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find((p) => fs.existsSync(p));
if (!ogrinfo) {
  if (process.env.CI === 'true') throw new Error('ogrinfo (gdal-bin) is missing; CI must run the GDAL Basic sign-in test.');
  console.warn('\n*** SKIPPING the GDAL Basic sign-in test: ogrinfo is not installed (apt-get install gdal-bin) ***\n');
}

describe.skipIf(!ogrinfo)('GDAL signs in to /ogc with HTTP Basic and a token', () => {
  let server: RunningServer;
  let units: number;
  const userpwd = `${TEST_USERS.viewer.email}:${TEST_USERS.viewer.token}`;
  const ogr = (config: string[], args: string[]) =>
    run(ogrinfo!, ['-ro', ...config.flatMap((c) => ['--config', c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]), ...args], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

  beforeAll(async () => {
    server = await startServer();
    const res = await fetch(`${server.baseUrl}/ogc/collections/units/items?limit=1`, { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } });
    units = (await res.json()).numberMatched;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('GDAL_HTTP_AUTH=BASIC (sent with the first request) reads every unit', async () => {
    const { stdout } = await ogr(['GDAL_HTTP_AUTH=BASIC', `GDAL_HTTP_USERPWD=${userpwd}`], ['-al', '-geom=SUMMARY', `OAPIF:${server.baseUrl}/ogc`, 'units']);
    expect(units).toBeGreaterThanOrEqual(12);
    expect((stdout.match(/^OGRFeature\(units\):\d+/gm) ?? []).length).toBe(units);
  });

  it('GDAL_HTTP_USERPWD alone (GDAL\'s default authentication) reads the layer', async () => {
    const { stdout } = await ogr([`GDAL_HTTP_USERPWD=${userpwd}`], ['-so', `OAPIF:${server.baseUrl}/ogc`, 'units']);
    expect(stdout).toMatch(new RegExp(`Feature Count: ${units}\\b`));
  });

  it('a wrong token is refused', async () => {
    const res = await ogr(['GDAL_HTTP_AUTH=BASIC', `GDAL_HTTP_USERPWD=${TEST_USERS.viewer.email}:wrong`], ['-so', `OAPIF:${server.baseUrl}/ogc`])
      .then(() => 'opened', (e: { stderr?: string }) => e.stderr ?? 'failed');
    expect(res).not.toBe('opened');
  });
});
