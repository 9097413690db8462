/**
 * Basemap tiles: p50/p95 of one base tile at zoom 12 and zoom 15 made from the imported
 * base data (ST_AsMVT on PostgreSQL, geojson-vt on the embedded database) against the
 * same tiles read from a PMTiles archive on disk (BASEMAP_PMTILES, gzip tiles as
 * Protomaps archives have them), through the service, on each engine.
 *
 *   npx tsx bench/basemap.ts [--scale district|city] [--engine pglite|postgresql|both] [--runs 5]
 *
 * The data is the generated Göteborg extract (api/test/osmFixture.ts, which reads the water
 * from ../shared/data). Tiles: every zoom-12 tile over its extent and a grid of zoom-15
 * tiles across it, each asked for `runs` times after one warm-up. PostgreSQL needs
 * TEST_DATABASE_URL (a fresh database is created and dropped).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../api/db/migrate.js';
import { basemapTile } from '../api/services/basemap.js';
import { writePmtiles } from '../api/services/basemap/pmtilesWriter.js';
import { importBaseData } from '../api/services/baseData.js';
import type { RequestContext } from '../api/services/context.js';
import { buildOsmFixture } from '../api/test/osmFixture.js';
import { openScratchDatabase } from './scratchDatabase.js';
import { percentile, r3 } from './stats.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SCALE = arg('scale', 'district') as 'district' | 'city';
const ENGINE = arg('engine', 'both');
const RUNS = Number(arg('runs', '5'));
/** Most zoom-15 tiles asked for (a grid across the extent). */
const Z15_TILES = 120;

interface Tile { z: number; x: number; y: number }

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

function tilesOver([w, s, e, n]: [number, number, number, number], z: number, most = Infinity): Tile[] {
  const [x0, x1, y0, y1] = [lonToX(w, z), lonToX(e, z), latToY(n, z), latToY(s, z)];
  const all: Tile[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) all.push({ z, x, y });
  if (all.length <= most) return all;
  const step = all.length / most;
  return Array.from({ length: most }, (_, i) => all[Math.floor(i * step)]!);
}

async function timeTiles(label: string, tiles: Tile[], get: (t: Tile) => Promise<Uint8Array>) {
  const times: number[] = [];
  let bytes = 0;
  for (const t of tiles) await get(t); // warm-up: plans, caches, the archive's directory
  for (let r = 0; r < RUNS; r++) {
    for (const t of tiles) {
      const t0 = performance.now();
      const b = await get(t);
      times.push(performance.now() - t0);
      if (r === 0) bytes += b.length;
    }
  }
  const out = { tiles: tiles.length, p50_ms: r3(percentile(times, 50)), p95_ms: r3(percentile(times, 95)), mean_kb: r3(bytes / tiles.length / 1024) };
  console.log(`  ${label.padEnd(22)} ${String(out.tiles).padStart(4)} tiles  p50 ${out.p50_ms.toFixed(2).padStart(8)} ms  p95 ${out.p95_ms.toFixed(2).padStart(8)} ms  ${out.mean_kb.toFixed(1).padStart(6)} kB/tile`);
  return out;
}

async function run(engine: 'pglite' | 'postgresql', fixtureBytes: Uint8Array, bbox: [number, number, number, number]) {
  console.log(`${engine}:`);
  const { db, drop } = await openScratchDatabase(engine, 'basemap');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-basemap-archive-'));
  try {
    await migrate(db);
    const ctx: RequestContext = { db, reader: db, user: undefined, now: new Date() };
    const t0 = performance.now();
    const summary = await importBaseData(ctx, { name: `goteborg-${SCALE}.json`, bytes: fixtureBytes });
    console.log(`  imported ${JSON.stringify(summary.counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await db.query('ANALYZE');
    const sets = { 12: tilesOver(bbox, 12), 15: tilesOver(bbox, 15, Z15_TILES) };
    const out: Record<string, unknown> = {};
    const archiveTiles: (Tile & { data: Uint8Array })[] = [];
    for (const [z, tiles] of Object.entries(sets)) {
      out[`z${z}_database`] = await timeTiles(`z${z} from the database`, tiles, (t) => basemapTile(ctx, { kind: 'database' }, t.z, t.x, t.y));
      for (const t of tiles) archiveTiles.push({ ...t, data: await basemapTile(ctx, { kind: 'database' }, t.z, t.x, t.y) });
    }
    const file = path.join(dir, 'basemap.pmtiles');
    fs.writeFileSync(file, writePmtiles(archiveTiles, { gzipTiles: true, bounds: bbox }));
    console.log(`  PMTiles archive of the same tiles: ${(fs.statSync(file).size / 1024).toFixed(0)} kB`);
    for (const [z, tiles] of Object.entries(sets)) {
      const pm = (await timeTiles(`z${z} from PMTiles`, tiles, (t) => basemapTile(ctx, { kind: 'pmtiles', file }, t.z, t.x, t.y))) as { p95_ms: number };
      out[`z${z}_pmtiles`] = pm;
      const dbp95 = (out[`z${z}_database`] as { p95_ms: number }).p95_ms;
      out[`z${z}_p95_ratio_database_to_pmtiles`] = r3(dbp95 / pm.p95_ms);
      console.log(`  z${z} p95 ratio database / PMTiles: ${(dbp95 / pm.p95_ms).toFixed(1)}×`);
    }
    return out;
  } finally {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fx = buildOsmFixture({ scale: SCALE });
const fixtureBytes = new TextEncoder().encode(JSON.stringify(fx.overpass));
const engines = ENGINE === 'both' ? (['pglite', 'postgresql'] as const) : [ENGINE as 'pglite' | 'postgresql'];
const results: Record<string, unknown> = { scale: SCALE, runs: RUNS, date: new Date().toISOString(), cpus: os.cpus().length };
for (const e of engines) results[e] = await run(e, fixtureBytes, fx.landmarks.bbox);
console.log(JSON.stringify(results));
