/**
 * `npm run import-osm -- <file>`: loads an OpenStreetMap extract (.osm.pbf, or Overpass
 * JSON saved from overpass-turbo) as the base data of the database that DATABASE_URL /
 * DATA_DIR select, replacing the previous base data in one transaction. Progress goes to
 * stderr, the summary to stdout. Exits 1 when the file is refused (nothing is written
 * then), 2 on wrong usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../api/config.js';
import { migrate } from '../api/db/migrate.js';
import { openDatabase } from '../api/db/open.js';
import { ApiError } from '../api/errors.js';
import { importBaseData } from '../api/services/baseData.js';

const USAGE = 'Usage: npm run import-osm -- <file.osm.pbf | overpass.json>';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) { console.log(USAGE); process.exit(0); }
if (args.length !== 1 || args[0]!.startsWith('-')) { console.error(USAGE); process.exit(2); }
const file = args[0]!;
if (!fs.existsSync(file)) { console.error(`No such file: ${file}`); process.exit(2); }

const bytes = new Uint8Array(fs.readFileSync(file));
const config = loadConfig();
const db = await openDatabase(config, (m) => console.error(m));
try {
  await migrate(db);
  console.error(`Reading ${path.basename(file)} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)…`);
  let last = '';
  let lastAt = 0;
  const summary = await importBaseData({ db, reader: db, user: undefined, now: new Date() }, { name: path.basename(file), bytes }, (p) => {
    const line = `${p.phase} ${p.done}${p.total === undefined ? '' : `/${p.total}`}`;
    const now = Date.now();
    // One line per phase change, and at most one a second within a phase.
    if (p.phase !== last || now - lastAt > 1000 || p.done === p.total) {
      console.error(line);
      last = p.phase;
      lastAt = now;
    }
  });
  const c = summary.counts;
  console.log(`Imported base data version ${summary.import_id} from ${summary.source_name} (${summary.source_kind}) in ${summary.seconds} s:`);
  console.log(`  ${c.ways} ways, ${c.areas} areas, ${c.places} places, ${c.addresses} addresses, ${c.pois} points of interest`);
  console.log(`  read ${c.nodes_read} nodes, ${c.ways_read} ways, ${c.relations_read} relations; ${c.incomplete} incomplete at the extract's edge`);
  console.log(`  extent ${summary.bbox.map((v) => v.toFixed(4)).join(', ')}`);
} catch (err) {
  if (err instanceof ApiError) {
    console.error(`Refused: ${err.message}`);
    process.exitCode = 1;
  } else {
    console.error((err as Error).stack ?? String(err));
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
