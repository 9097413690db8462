import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real Göteborg open data beside the repository (../shared/data/goteborg/), never copied into it. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../shared/data/goteborg/', import.meta.url));

/**
 * Whether a test that builds its GIS files with GDAL's ogr2ogr from the shared data can
 * run. Under CI a missing ogr2ogr or data folder fails the file (CI installs gdal-bin and
 * copies shared/ beside the repository); elsewhere it is said loudly and the suite skips.
 */
export function gisFixturesAvailable(what: string): boolean {
  const present = fs.existsSync(SHARED_DATA_DIR);
  let gdal = false;
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'pipe' });
    gdal = true;
  } catch {
    gdal = false;
  }
  const missing = !gdal ? 'ogr2ogr (gdal-bin) is missing' : !present ? `../shared/data is missing (${SHARED_DATA_DIR})` : undefined;
  if (missing && process.env.CI === 'true') throw new Error(`${what} must run in CI: ${missing}`);
  if (missing) console.warn(`\n*** SKIPPING ${what}: ${missing} ***\n`);
  return !missing;
}
