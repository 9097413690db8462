/**
 * Writes data/demo/*.geojson from the pure generator: `npx tsx data/generate.ts`.
 * All logic lives in demoData.ts so that the test can regenerate in memory and compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDemoData, renderDemoFiles } from './demoData.js';
import { loadWater, SHARED_GOTEBORG_DIR } from './water.js';

const OUT_DIR = new URL('./demo/', import.meta.url);

function main(): void {
  const water = loadWater();
  if (!water) {
    console.warn(`Water polygons not found in ${fileURLToPath(SHARED_GOTEBORG_DIR)}: points are NOT checked against`
      + ' Göta älv and the sea, and the output will differ from the committed files. Do not commit it.');
  }
  const data = generateDemoData({ water });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, text] of Object.entries(renderDemoFiles(data))) {
    writeFileSync(new URL(file, OUT_DIR), text);
  }
  console.log(`Wrote ${data.units.features.length} units, ${data.actors.features.length} actors and`
    + ` ${data.childPlaces.features.length} child places to ${fileURLToPath(OUT_DIR)}`);
}

main();
