import { createApp } from '../api/app.js';
import { DEFAULTS, loadConfig } from '../api/config.js';
import { query } from '../api/db/sqlFiles.js';
import type { Database } from '../api/db/types.js';
import { runImport } from '../api/import/run.js';
import type { RequestContext } from '../api/services/context.js';
import { renderTile, TILE_LAYER_NAMES } from '../api/services/tiles.js';
import { MemoryIndex, NaiveScan, type Bbox, type Radii } from './baselines.js';
import { importFile, type Dataset } from './generate.js';
import { BENCH_NOW, chunkedLoad } from './load.js';
import { percentile, r3, rng } from './stats.js';

/** One line of results.json (issue 8). Ratios are this workload's p50 ÷ the baseline's p50. */
export interface BenchRecord {
  workload: string;
  backend: 'pglite' | 'postgresql';
  scale: string;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  rows: number;
  vs_naive: number | null;
  vs_index: number | null;
  vs_raw_sql: number | null;
  /** Baseline medians (ms) behind the ratios, and how the naive figure was obtained. */
  naive_p50_ms: number | null;
  index_p50_ms: number | null;
  raw_sql_p50_ms: number | null;
  iterations: number;
  note?: string;
}

export interface Iterations {
  /** Point queries (W1, W2, W4, W5). */
  point: number;
  /** W3 (every need of every unit). */
  all: number;
  /** A viewport's tiles. */
  tiles: number;
  /** The naive scan, which is slow at national scale. */
  naive: number;
  /** W6 import: number of actors. */
  importActors: number;
}

interface Timed {
  samples: number[];
  rows: number;
}

/** Runs `fn` `warmup` times untimed, then `n` times timed; fn(i) returns the answer's row count. */
async function timeIt(n: number, fn: (i: number) => Promise<number> | number, warmup = Math.min(5, n)): Promise<Timed> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    rows = await fn(i);
    samples.push(performance.now() - t0);
  }
  return { samples, rows };
}

const p50 = (t: Timed | null) => (t ? percentile(t.samples, 50) : null);
const ratio = (a: number, b: number | null) => (b && b > 0 ? r3(a / b) : null);

interface UnitRow { id: number; external_id: string; lon: number; lat: number; r_immediate: number; r_neighbourhood: number; r_area: number; status: string }

/** The bbox of a 1280 × 800 px map view at zoom z centred on a point (Web Mercator, 256 px tiles). */
export function viewport(lon: number, lat: number, z: number): Bbox {
  const degPerPx = 360 / (256 * 2 ** z);
  const halfW = 640 * degPerPx;
  const halfH = 400 * degPerPx * Math.cos((lat * Math.PI) / 180);
  return [lon - halfW, lat - halfH, lon + halfW, lat + halfH];
}

/** The z/x/y of every tile that covers a bbox. */
export function tilesCovering(b: Bbox, z: number): [number, number, number][] {
  const n = 2 ** z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  const out: [number, number, number][] = [];
  for (let x = tx(b[0]); x <= tx(b[2]); x++) for (let y = ty(b[3]); y <= ty(b[1]); y++) out.push([z, x, y]);
  return out;
}

/**
 * Runs W1–W6 on one loaded database: each through the HTTP API in process
 * (`app.request`, so routing, auth, validation and JSON are included), the raw SQL of
 * the same query without HTTP, and the naive-scan and in-memory-index baselines.
 */
export async function runWorkloads(opts: {
  db: Database; data: Dataset; token: string; backend: 'pglite' | 'postgresql'; it: Iterations; log: (m: string) => void;
}): Promise<{ records: BenchRecord[]; indexBuildSeconds: number; sampleUnits: UnitRow[] }> {
  const { db, data, token, backend, it, log } = opts;
  const now = BENCH_NOW;
  const app = createApp({ db, config: loadConfig({}), clock: () => now });
  const headers = { authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    const res = await app.request(`http://localhost${path}`, { headers });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res;
  };
  const getJson = async (path: string) => (await get(path)).json() as Promise<any>;
  // The tiles' own code without HTTP, as an editor sees them (exact locations); tiles write nothing.
  const tileContext: RequestContext = { db, reader: db, user: { id: 0, email: 'bench@example.invalid', name: 'bench', role: 'editor', via: 'token' }, now };

  const units = await db.query<UnitRow>(
    `SELECT id, external_id, ST_X(location::geometry)::float8 AS lon, ST_Y(location::geometry)::float8 AS lat,
            r_immediate, r_neighbourhood, r_area, status FROM units_effective ORDER BY id`,
  );
  const byExternal = new Map(units.map((u) => [u.external_id, u]));
  const radiiOfGen = (i: number): Radii => {
    const u = byExternal.get(data.units[i]!.external_id)!;
    return { immediate: u.r_immediate, neighbourhood: u.r_neighbourhood, area: u.r_area };
  };
  const maxUnitArea = Math.max(...units.map((u) => u.r_area));
  const random = rng(42);
  const open = units.filter((u) => u.status !== 'closed');
  const sample = Array.from({ length: 50 }, () => open[Math.floor(random() * open.length)]!);
  const radii = (u: UnitRow): Radii => ({ immediate: u.r_immediate, neighbourhood: u.r_neighbourhood, area: u.r_area });
  const unitAt = (i: number) => sample[i % sample.length]!;
  // Random candidate sites for W4: near a unit (where planners look), 0–3 km away.
  const sites = Array.from({ length: 50 }, () => {
    const u = open[Math.floor(random() * open.length)]!;
    return { lon: u.lon + (random() - 0.5) * 0.05, lat: u.lat + (random() - 0.5) * 0.03 };
  });
  const globalRadii: Radii = { immediate: 250, neighbourhood: 500, area: 1000 };

  const naive = new NaiveScan(data);
  const index = new MemoryIndex(data);
  const records: BenchRecord[] = [];
  const record = (workload: string, api: Timed, b: { naive?: Timed | null; index?: Timed | null; raw?: Timed | null; naiveScale?: number; note?: string }) => {
    const a = percentile(api.samples, 50);
    const naiveP50 = b.naive ? p50(b.naive)! * (b.naiveScale ?? 1) : null;
    const rec: BenchRecord = {
      workload, backend, scale: data.scale,
      p50_ms: r3(a), p95_ms: r3(percentile(api.samples, 95)), p99_ms: r3(percentile(api.samples, 99)),
      rows: api.rows,
      vs_naive: ratio(a, naiveP50), vs_index: ratio(a, p50(b.index ?? null)), vs_raw_sql: ratio(a, p50(b.raw ?? null)),
      naive_p50_ms: naiveP50 === null ? null : r3(naiveP50), index_p50_ms: b.index ? r3(p50(b.index)!) : null,
      raw_sql_p50_ms: b.raw ? r3(p50(b.raw)!) : null,
      iterations: api.samples.length,
      ...(b.note ? { note: b.note } : {}),
    };
    records.push(rec);
    log(`  ${backend} ${workload}: p50 ${rec.p50_ms} ms, p95 ${rec.p95_ms} ms, rows ${rec.rows}, vs_naive ${rec.vs_naive}, vs_index ${rec.vs_index}, vs_raw_sql ${rec.vs_raw_sql}`);
  };

  /** Runs one workload; a failure becomes a record saying so instead of ending the run. */
  const guard = async (workload: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      log(`  ${backend} ${workload} FAILED: ${(err as Error).message.slice(0, 300)}`);
      records.push({
        workload, backend, scale: data.scale, p50_ms: Number.NaN, p95_ms: Number.NaN, p99_ms: Number.NaN, rows: 0,
        vs_naive: null, vs_index: null, vs_raw_sql: null, naive_p50_ms: null, index_p50_ms: null, raw_sql_p50_ms: null, iterations: 0,
        note: `failed: ${(err as Error).message.slice(0, 200)}`,
      });
    }
  };

  // W1: contacts of one unit.
  await guard('W1', async () => {
    record(
      'W1',
      await timeIt(it.point, async (i) => (await getJson(`/api/units/${unitAt(i).id}/contacts`)).features.length),
      {
        // The same two queries as the endpoint: the actors, then their contact persons.
        raw: await timeIt(it.point, async (i) => {
          const actors = await db.query<{ id: number }>(query('prox_contacts'), [unitAt(i).id, true, null, null]);
          if (actors.length) await db.query(query('prox_contact_persons'), [actors.map((a) => a.id).join(',')]);
          return actors.length;
        }),
        naive: await timeIt(it.naive, (i) => naive.contacts(unitAt(i).lon, unitAt(i).lat, radii(unitAt(i))).length, 2),
        index: await timeIt(it.point, (i) => index.contacts(unitAt(i).lon, unitAt(i).lat, radii(unitAt(i))).length),
      },
    );
  });

  // W2: child places of one unit (with information status).
  await guard('W2', async () => {
    record(
      'W2',
      await timeIt(it.point, async (i) => (await getJson(`/api/units/${unitAt(i).id}/child-places`)).features.length),
      {
        raw: await timeIt(it.point, async (i) =>
          (await db.query(query('prox_child_places'), [unitAt(i).id, true, null, null, null, null, now.toISOString()])).length),
        naive: await timeIt(it.naive, (i) => naive.childPlaces(unitAt(i).lon, unitAt(i).lat, radii(unitAt(i))).length, 2),
        index: await timeIt(it.point, (i) => index.childPlacesNear(unitAt(i).lon, unitAt(i).lat, radii(unitAt(i))).length),
      },
    );
  });

  // W3: every information need, as the needs table asks for it: the first page (the
  // default 1,000, most urgent first) with number_matched and the counts by status and
  // priority over all pairs; raw SQL is information_need_list.sql with the same page. Both join
  // every pair and judge every pair's information (bench/sql/load_information.sql).
  // The naive scan over all units × all child places is timed on a sample of units and
  // scaled to all of them (it takes minutes nationally).
  const naiveUnits = Math.min(open.length, 30);
  const w3NaiveOnce = () => {
    let n = 0;
    for (let k = 0; k < naiveUnits; k++) n += naive.childPlaces(open[k]!.lon, open[k]!.lat, radii(open[k]!)).length;
    return n;
  };
  const needsParams = [true, null, null, null, null, null, now.toISOString(), DEFAULTS.listLimit, 0, 'urgency', false];
  await guard('W3', async () => {
    let matched = 0;
    const [informed] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM activities WHERE kind = 'information'");
    record(
      'W3',
      await timeIt(it.all, async () => {
        const body = await getJson('/api/information-needs');
        matched = body.number_matched;
        return body.features.length;
      }, 1),
      {
        raw: await timeIt(it.all, async () => (await db.query<{ features: unknown[] }>(query('information_need_list'), needsParams))[0]!.features.length, 1),
        naive: await timeIt(Math.min(3, it.all), w3NaiveOnce, 0),
        naiveScale: open.length / naiveUnits,
        index: await timeIt(it.all, () => open.reduce((n, u) => n + index.childPlacesNear(u.lon, u.lat, radii(u)).length, 0), 1),
        note: `first page of ${DEFAULTS.listLimit} + counts over all ${matched} pairs (${informed!.n} information activities)` +
          (naiveUnits < open.length ? `; naive: timed on ${naiveUnits} of ${open.length} units and scaled linearly` : ''),
      },
    );
  });

  // W4: site analysis at a random point near the units.
  const siteAt = (i: number) => sites[i % sites.length]!;
  await guard('W4', async () => {
    record(
      'W4',
      await timeIt(it.point, async (i) => {
        const res = await app.request('http://localhost/api/site-analysis', {
          method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(siteAt(i)),
        });
        if (res.status !== 200) throw new Error(`POST /api/site-analysis: ${res.status} ${await res.text()}`);
        return (await res.json()).overlapping_units?.length ?? 1;
      }),
      {
        raw: await timeIt(it.point, async (i) => {
          const { lon, lat } = siteAt(i);
          const r = await Promise.all([
            db.query(query('site_counts'), [lon, lat, 250, 500, 1000]),
            db.query(query('site_nearest'), [lon, lat]),
            db.query(query('site_overlapping'), [lon, lat, 1000, true]),
          ]);
          return r[2].length;
        }),
        naive: await timeIt(it.naive, (i) => naive.site(siteAt(i).lon, siteAt(i).lat, globalRadii, radiiOfGen).overlapping.length, 2),
        index: await timeIt(it.point, (i) => index.site(siteAt(i).lon, siteAt(i).lat, globalRadii, radiiOfGen, maxUnitArea).overlapping.length),
      },
    );
  });

  // W5: a map view's data at zoom 12 and 15: units, and actors and child places in the
  // viewport as GeoJSON (up to the largest page), or as the viewport's vector tiles.
  for (const z of [12, 15]) await guard(`W5 z${z}`, async () => {
    const view = (i: number) => viewport(unitAt(i).lon, unitAt(i).lat, z);
    const bboxParam = (i: number) => view(i).map((v) => v.toFixed(6)).join(',');
    let matched = 0;
    record(
      `W5 z${z}`,
      await timeIt(it.point, async (i) => {
        const [u, a, c] = await Promise.all([
          getJson('/api/units'),
          getJson(`/api/actors?bbox=${bboxParam(i)}&limit=10000`),
          getJson(`/api/child-places?bbox=${bboxParam(i)}&limit=10000`),
        ]);
        matched = Math.max(matched, a.number_matched + c.number_matched);
        return u.features.length + a.features.length + c.features.length;
      }),
      {
        raw: await timeIt(it.point, async (i) => {
          const [lo1, la1, lo2, la2] = view(i);
          const r = await Promise.all([
            db.query(query('unit_list'), [true, null]),
            db.query<{ rows: unknown[] }>(query('layer_actors'), [lo1, la1, lo2, la2, null, null, 10000, 0]),
            db.query<{ rows: unknown[] }>(query('layer_child_places'), [lo1, la1, lo2, la2, null, null, 10000, 0]),
          ]);
          return r[0].length + r[1][0]!.rows.length + r[2][0]!.rows.length;
        }),
        naive: await timeIt(it.naive, (i) => Object.values(naive.view(view(i))).reduce((s, n) => s + n, 0), 2),
        index: await timeIt(it.point, (i) => Object.values(index.view(view(i))).reduce((s, n) => s + n, 0)),
      },
    );
    if (matched > 10000) records.at(-1)!.note = `up to ${matched} features matched; GeoJSON pages stop at 10,000 per layer`;
    const tiles = (i: number) => tilesCovering(view(i), z);
    record(
      `W5 tiles z${z}`,
      await timeIt(it.tiles, async (i) => {
        const bodies = await Promise.all(
          tiles(i).flatMap(([tz, x, y]) => TILE_LAYER_NAMES.map(async (l) => (await get(`/api/tiles/${l}/${tz}/${x}/${y}.mvt`)).arrayBuffer())),
        );
        return bodies.length;
      }),
      {
        raw: await timeIt(it.tiles, async (i) =>
          (await Promise.all(tiles(i).flatMap(([tz, x, y]) => TILE_LAYER_NAMES.map((layer) => renderTile(tileContext, { layer, z: tz, x, y }))))).length),
        naive: await timeIt(it.naive, (i) => Object.values(naive.view(view(i))).reduce((s, n) => s + n, 0), 2),
        index: await timeIt(it.tiles, (i) => Object.values(index.view(view(i))).reduce((s, n) => s + n, 0)),
        note: 'rows = tiles fetched (3 layers × the tiles covering a 1280×800 px view)',
      },
    );
  });
  return { records, indexBuildSeconds: index.buildSeconds, sampleUnits: sample };
}

/**
 * W6: importing `n` actors from GeoJSON through the product's importer
 * (api/import/run.ts; at most DEFAULTS.importFeatureLimit rows per file, so the file
 * is split), against the bulk INSERT … SELECT FROM jsonb path of the same rows.
 */
export async function runImportWorkload(opts: {
  db: Database; backend: 'pglite' | 'postgresql'; scale: string; n: number; perFile: number; log: (m: string) => void;
}): Promise<BenchRecord> {
  const { db, backend, scale, n, perFile, log } = opts;
  const [admin] = await db.query<{ id: number; email: string }>("SELECT id, email FROM users WHERE email = 'bench@example.se'");
  const files: string[] = [];
  for (let off = 0; off < n; off += perFile) files.push(importFile(Math.min(perFile, n - off), 9 + off, off));
  const t0 = performance.now();
  let inserted = 0;
  for (const content of files) {
    const report = await runImport(db, { layer: 'actors', format: 'geojson', content, dryRun: false, now: new Date(), user: admin });
    if (!report.committed) throw new Error(`W6 import rejected rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    inserted += report.counts.inserted;
  }
  const importMs = performance.now() - t0;
  // The same rows again through the bulk path (other external ids, so both insert).
  const rows = files.flatMap((f) =>
    (JSON.parse(f).features as { geometry: { coordinates: [number, number] }; properties: Record<string, string> }[]).map((ft) => ({
      external_id: `${ft.properties.external_id}-bulk`, name: ft.properties.name, category: ft.properties.category, address: null,
      lon: ft.geometry.coordinates[0], lat: ft.geometry.coordinates[1],
    })),
  );
  const t1 = performance.now();
  await chunkedLoad(db, 'load_actors', rows);
  const bulkMs = performance.now() - t1;
  const rec: BenchRecord = {
    workload: 'W6', backend, scale, p50_ms: r3(importMs), p95_ms: r3(importMs), p99_ms: r3(importMs), rows: inserted,
    vs_naive: null, vs_index: null, vs_raw_sql: r3(importMs / bulkMs), naive_p50_ms: null, index_p50_ms: null, raw_sql_p50_ms: r3(bulkMs),
    iterations: 1,
    note: `importer (api/import/run.ts) in ${files.length} file(s) of ≤ ${perFile}; raw = bulk INSERT … SELECT FROM jsonb_to_recordset in chunks`,
  };
  log(`  ${backend} W6: ${inserted} actors imported in ${(importMs / 1000).toFixed(1)} s; bulk SQL ${(bulkMs / 1000).toFixed(1)} s`);
  return rec;
}
