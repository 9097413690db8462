import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_USERS } from '../test/fixtures.js';
import { startServer, type RunningServer } from '../test/server.js';

const run = promisify(execFile);

/** GDAL's ogrinfo as a real OGC API – Features client; CI installs gdal-bin. */
const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find((p) => fs.existsSync(p));
if (!ogrinfo) {
  if (process.env.CI === 'true') throw new Error('ogrinfo (gdal-bin) is missing; CI must run the GDAL client test.');
  console.warn('\n*** SKIPPING the GDAL OAPIF test: ogrinfo is not installed (apt-get install gdal-bin) ***\n');
}
const AREAS = fileURLToPath(new URL('../../../shared/data/goteborg/stadsomraden.geojson', import.meta.url));

describe.skipIf(!ogrinfo)('GDAL reads /ogc (OAPIF driver)', () => {
  let server: RunningServer;
  let expected: Record<string, number>;
  const auth = (role: keyof typeof TEST_USERS) => ({ authorization: `Bearer ${TEST_USERS[role].token}` });

  beforeAll(async () => {
    server = await startServer();
    if (fs.existsSync(AREAS)) {
      const res = await fetch(`${server.baseUrl}/api/import/areas`, {
        method: 'POST', headers: { ...auth('admin'), 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'geojson', content: fs.readFileSync(AREAS, 'utf8'), dry_run: false }),
      });
      expect(res.status).toBe(200);
    }
    expected = {};
    for (const id of ['units', 'actors', 'child-places', 'areas']) {
      const res = await fetch(`${server.baseUrl}/ogc/collections/${id}/items?limit=1`, { headers: auth('viewer') });
      expected[id] = (await res.json()).numberMatched;
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const ogr = (args: string[], role: keyof typeof TEST_USERS = 'viewer') =>
    run(ogrinfo!, ['-ro', '--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${TEST_USERS[role].token}`, ...args], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

  it('lists the four collections', async () => {
    const { stdout } = await ogr(['-so', `OAPIF:${server.baseUrl}/ogc`]);
    if (process.env.OGC_PRINT) console.log(stdout);
    for (const id of ['units', 'actors', 'child-places', 'areas']) expect(stdout).toMatch(new RegExp(`^\\d+: ${id} \\(`, 'm'));
  });

  it('sees the same feature counts as the API', async () => {
    for (const [id, n] of Object.entries(expected)) {
      const { stdout } = await ogr(['-so', `OAPIF:${server.baseUrl}/ogc`, id]);
      expect(stdout, stdout).toMatch(new RegExp(`Feature Count: ${n}\\b`));
    }
    expect(expected.units).toBeGreaterThanOrEqual(12);
    expect(expected.actors).toBeGreaterThanOrEqual(300);
    if (fs.existsSync(AREAS)) expect(expected.areas).toBe(4);
  });

  it('reads every unit (following next links) with properties and point geometry', async () => {
    const { stdout } = await ogr(['-al', '-geom=SUMMARY', `OAPIF:${server.baseUrl}/ogc`, 'units']);
    const features = stdout.match(/^OGRFeature\(units\):\d+/gm) ?? [];
    expect(features.length).toBe(expected.units);
    expect(stdout).toMatch(/name \(String\) = Kallebäcks vård- och omsorgsboende/);
    expect(stdout).toMatch(/POINT/);
  });

  it("an attribute filter in GDAL selects what the API's CQL2 filter does (GDAL 3.6 filters on its side; later versions send CQL2)", async () => {
    const res = await fetch(`${server.baseUrl}/ogc/collections/actors/items?limit=1&filter=${encodeURIComponent("category = 'police'")}`, { headers: auth('viewer') });
    const police = (await res.json()).numberMatched as number;
    expect(police).toBeGreaterThan(0);
    const { stdout } = await ogr(['-al', '-geom=NO', '-where', "category = 'police'", `OAPIF:${server.baseUrl}/ogc`, 'actors']);
    expect((stdout.match(/^OGRFeature\(actors\):\d+/gm) ?? []).length).toBe(police);
    expect(stdout.match(/category \(String\) = (\w+)/g)?.every((l) => l.endsWith('police'))).toBe(true);
  });

  it('without a token GDAL is refused', async () => {
    const res = await run(ogrinfo!, ['-ro', '-so', `OAPIF:${server.baseUrl}/ogc`], { timeout: 60_000 }).then(() => 'opened', (e: { stderr?: string }) => e.stderr ?? 'failed');
    expect(res).not.toBe('opened');
  });
});
