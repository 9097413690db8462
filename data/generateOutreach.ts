/** Writes data/demo/outreach.json from the demo units, actors and child places. */
import fs from 'node:fs';
import path from 'node:path';
import { buildDemoOutreach } from './demoOutreach.js';

const dir = path.join(import.meta.dirname, 'demo');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const outreach = buildDemoOutreach(read('units.geojson'), read('actors.geojson'), read('child-places.geojson'));
fs.writeFileSync(path.join(dir, 'outreach.json'), JSON.stringify(outreach, null, 1) + '\n');
console.log(`Wrote ${outreach.activities.length} activities and ${outreach.principles.length} principle entries.`);
