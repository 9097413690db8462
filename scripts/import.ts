/**
 * `npm run import -- <file> --layer <layer> [options]`: imports a file into the
 * database that DATABASE_URL / DATA_DIR select, with the same rules as the API
 * (validation, all or nothing, upsert by external id). Exits 1 when any row is
 * rejected (nothing is written then), 2 on wrong usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config.js';
import { migrate } from '../api/db/migrate.js';
import { openDatabase } from '../api/db/open.js';
import { ApiError } from '../api/errors.js';
import { IMPORT_CRS, type ImportCrs } from '../api/import/crs.js';
import { IMPORT_LAYERS, type FieldMapping, type ImportLayer } from '../api/import/mapping.js';
import { IMPORT_FORMATS, type ImportFormat } from '../api/import/parse.js';
import { AREA_LEVELS, type AreaLevel } from '../api/schemas/common.js';
import { runImport, type ImportReport } from '../api/import/run.js';

const USAGE = `Usage: npm run import -- <file> --layer ${IMPORT_LAYERS.join('|')}
  [--format auto|${IMPORT_FORMATS.join('|')}]  (default auto: recognised from the first bytes)
  [--source-layer NAME]  (GeoPackage table, Shapefile in the zip or worksheet, when the file holds several)
  [--kind K | --category C | --level ${AREA_LEVELS.join('|')}]
  [--name FIELD] [--id FIELD] [--address FIELD] [--operator FIELD]
  [--lon FIELD --lat FIELD | --x FIELD --y FIELD --crs ${IMPORT_CRS.filter((c) => c !== 'EPSG:4326').join('|')}]
  [--dry-run]
Fields not given are guessed (the guesses are printed). A field may list several names, comma separated: the first non-empty wins.`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      layer: { type: 'string' }, format: { type: 'string' }, 'source-layer': { type: 'string' }, kind: { type: 'string' }, category: { type: 'string' }, level: { type: 'string' },
      name: { type: 'string' }, id: { type: 'string' }, address: { type: 'string' }, operator: { type: 'string' },
      lon: { type: 'string' }, lat: { type: 'string' }, x: { type: 'string' }, y: { type: 'string' }, crs: { type: 'string' },
      'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\n\n${USAGE}`);
}
const { values: o, positionals } = args;
if (o.help) fail(USAGE, 0);
const file = positionals[0];
if (!file || positionals.length > 1) fail(USAGE);
if (!o.layer || !(IMPORT_LAYERS as readonly string[]).includes(o.layer)) fail(`--layer must be one of ${IMPORT_LAYERS.join(', ')}\n\n${USAGE}`);
if (o.format && o.format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(o.format)) fail(`--format must be auto or one of ${IMPORT_FORMATS.join(', ')}`);
if (o.crs && !(IMPORT_CRS as readonly string[]).includes(o.crs)) fail(`--crs must be one of ${IMPORT_CRS.join(', ')}`);
if (o.level && !(AREA_LEVELS as readonly string[]).includes(o.level)) fail(`--level must be one of ${AREA_LEVELS.join(', ')}`);
if (!fs.existsSync(file)) fail(`No such file: ${file}`);

const bytes = new Uint8Array(fs.readFileSync(file));
// The bytes say what the file is (as in the API); a file of another kind is refused by name.
const format = (o.format ?? 'auto') as ImportFormat | 'auto';
const list = (v: string | undefined) => (v === undefined ? undefined : v.includes(',') ? v.split(',').map((s) => s.trim()) : v);
const mapping: FieldMapping = {};
for (const key of ['name', 'id', 'address', 'operator'] as const) if (o[key] !== undefined) mapping[key] = list(o[key]);
for (const key of ['lon', 'lat', 'x', 'y'] as const) if (o[key] !== undefined) mapping[key] = o[key];
if (o.crs) mapping.crs = o.crs as ImportCrs;

const config = loadConfig();
const db = await openDatabase(config, (m) => console.log(m));
let report: ImportReport | undefined;
try {
  await migrate(db);
  console.log(`Reading ${path.basename(file)} (${(bytes.length / 1024).toFixed(0)} kB)${format === 'auto' ? '' : ` as ${format}`} for ${o.layer}${o['dry-run'] ? ' (dry run)' : ''}…`);
  let lastShown = 0;
  report = await runImport(db, {
    layer: o.layer as ImportLayer, format, content: bytes, sourceLayer: o['source-layer'], mapping, dryRun: o['dry-run'],
    options: { kind: o.kind, category: o.category, level: o.level as AreaLevel | undefined },
    now: new Date(), user: undefined,
    onProgress: (done, total) => {
      if (process.stdout.isTTY) process.stdout.write(`\rWriting ${done}/${total}`);
      else if (done === total || done - lastShown >= 1000) console.log(`Writing ${done}/${total}`);
      lastShown = done;
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
} catch (err) {
  if (err instanceof ApiError) fail(`Refused: ${err.message}`, 1);
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}

if (report) {
  const m = Object.entries(report.mapping).map(([k, v]) => `${k}=${[v].flat().join('|')}${report!.guessed.includes(k) ? ' (guessed)' : ''}`).join(', ');
  const crs = report.crs ? `; coordinates ${report.crs_title} (${report.crs}${report.crs_detected ? ', recognised from their range' : ''})` : '';
  console.log(`Read as ${report.format}${report.source_layer ? `, layer ${report.source_layer}` : ''}${crs}; encoding ${report.encoding}; mapping: ${m}`);
  for (const w of report.warnings) console.log(`warning: row ${w.row}, ${w.field}: ${w.reason}`);
  for (const r of report.rejected.slice(0, 50)) console.log(`rejected: row ${r.row}, ${r.field}: ${r.reason}`);
  if (report.rejected.length > 50) console.log(`… and ${report.counts.rejected - 50} more rejected rows`);
  const c = report.counts;
  console.log(`inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected} (of ${c.total})`);
  console.log(report.committed ? 'Imported.' : report.dry_run ? 'Dry run: nothing was written.' : 'Nothing was written: fix the rejected rows and run again.');
  if (c.rejected > 0) process.exitCode = 1;
}
