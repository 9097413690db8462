import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_USERS } from '../test/fixtures.js';
import { startServer, type RunningServer } from '../test/server.js';

const run = promisify(execFile);

/**
 * `/ogc` items in SWEREF 99 TM (`crs=EPSG:3006`) against GDAL's own projection (PROJ) of
 * the CRS84 answer: GDAL reads the collection as a GIS client with its OAPIF driver and
 * projects it with `ogr2ogr -t_srs EPSG:3006`; the server's EPSG:3006 answer is read by
 * GDAL too. GDAL 3.6 has no CRS open option for OAPIF (3.7 adds one) and forwards a `crs`
 * in the dataset URL to the collection's own page, which refuses unknown parameters; so
 * the EPSG:3006 items are read with GDAL's GeoJSON driver from the items URL. CI installs
 * gdal-bin.
 */
const BIN = ['/usr/bin', '/usr/local/bin'].find((d) => fs.existsSync(path.join(d, 'ogr2ogr')));
if (!BIN) {
  if (process.env.CI === 'true') throw new Error('ogr2ogr (gdal-bin) is missing; CI must run the GDAL CRS test.');
  console.warn('\n*** SKIPPING the GDAL CRS test: ogr2ogr is not installed (apt-get install gdal-bin) ***\n');
}
const AREAS = fileURLToPath(new URL('../../../shared/data/goteborg/stadsomraden.geojson', import.meta.url));
const EPSG_3006 = 'http://www.opengis.net/def/crs/EPSG/0/3006';
const COLLECTIONS = ['units', 'actors', 'child-places', 'areas'] as const;

type Fc = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;

describe.skipIf(!BIN)('GDAL: /ogc items with crs=EPSG:3006 equal PROJ\'s projection of the CRS84 items', () => {
  let server: RunningServer;
  let dir: string;
  const header = ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${TEST_USERS.viewer.token}`];
  const gdal = (tool: 'ogr2ogr' | 'ogrinfo', args: string[]) =>
    run(path.join(BIN!, tool), [...header, ...args], { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });

  beforeAll(async () => {
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-gdal-crs-'));
    if (fs.existsSync(AREAS)) {
      const res = await fetch(`${server.baseUrl}/api/import/areas`, {
        method: 'POST', headers: { authorization: `Bearer ${TEST_USERS.admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'geojson', content: fs.readFileSync(AREAS, 'utf8'), dry_run: false }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** GDAL's OAPIF read in CRS84, projected by GDAL to EPSG:3006 (easting, northing). */
  async function projectedByGdal(id: string): Promise<Fc> {
    const out = path.join(dir, `${id}-gdal.json`);
    await gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:3006', out, `OAPIF:${server.baseUrl}/ogc`, id]);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  }

  /** The server's EPSG:3006 items as GDAL reads them (GeoJSON driver, no reprojection), and the answer's Content-Crs. */
  async function servedIn3006(id: string): Promise<{ fc: Fc; contentCrs: string | null }> {
    const url = `${server.baseUrl}/ogc/collections/${id}/items?limit=10000&crs=${encodeURIComponent(EPSG_3006)}`;
    const head = await fetch(url, { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } });
    expect(head.status).toBe(200);
    const out = path.join(dir, `${id}-server.json`);
    await gdal('ogr2ogr', ['-f', 'GeoJSON', out, `GeoJSON:${url}`]);
    return { fc: JSON.parse(fs.readFileSync(out, 'utf8')), contentCrs: head.headers.get('content-crs') };
  }

  /** Every position of a geometry, in order. */
  const positions = (g: GeoJSON.Geometry | null): GeoJSON.Position[] => {
    if (!g) return [];
    if (g.type === 'GeometryCollection') return g.geometries.flatMap(positions);
    const walk = (c: unknown): GeoJSON.Position[] => (typeof (c as number[])[0] === 'number' ? [c as GeoJSON.Position] : (c as unknown[]).flatMap(walk));
    return walk(g.coordinates);
  };

  it.each(COLLECTIONS)('%s: every coordinate within 1 cm (EPSG:3006 axes northing, easting as the CRS defines them)', async (id) => {
    const [byGdal, served] = await Promise.all([projectedByGdal(id), servedIn3006(id)]);
    expect(served.contentCrs).toBe(`<${EPSG_3006}>`);
    expect(served.fc.features.length).toBe(byGdal.features.length);
    expect(byGdal.features.length).toBeGreaterThan(id === 'areas' ? (fs.existsSync(AREAS) ? 3 : -1) : 5);
    let compared = 0;
    let worst = 0;
    byGdal.features.forEach((g, i) => {
      const s = served.fc.features[i]!;
      // Both in id order; the names say they are the same feature.
      expect(s.properties.name).toBe(g.properties.name);
      const a = positions(g.geometry);
      const b = positions(s.geometry);
      expect(b.length, `${id} ${String(g.properties.name)}: vertices`).toBe(a.length);
      a.forEach(([e, n], k) => {
        const [sn, se] = b[k]!;
        const d = Math.hypot(se! - e!, sn! - n!);
        worst = Math.max(worst, d);
        expect(d, `${id} ${String(g.properties.name)} vertex ${k}: ${se},${sn} against GDAL's ${e},${n}`).toBeLessThan(0.01);
        // Inside SWEREF 99 TM's range for Sweden: the axes were not swapped the other way.
        expect(e).toBeGreaterThan(200_000);
        expect(e).toBeLessThan(1_000_000);
        expect(n).toBeGreaterThan(6_000_000);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(5);
    if (process.env.OGC_PRINT) console.log(`${id}: ${compared} positions, worst ${worst.toFixed(4)} m`);
  });

  it('the collections GDAL opens with OAPIF list EPSG:3006 among their CRSs', async () => {
    const res = await fetch(`${server.baseUrl}/ogc/collections`, { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } });
    const { collections } = (await res.json()) as { collections: { id: string; crs: string[] }[] };
    for (const id of COLLECTIONS) expect(collections.find((c) => c.id === id)?.crs).toContain(EPSG_3006);
    const { stdout } = await gdal('ogrinfo', ['-ro', '-so', `OAPIF:${server.baseUrl}/ogc`]);
    for (const id of COLLECTIONS) expect(stdout).toMatch(new RegExp(`^\\d+: ${id} \\(`, 'm'));
  });
});
