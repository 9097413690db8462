import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { query } from './sqlFiles.js';
import type { Database } from './types.js';

/** The project's demo data set (see data/README.md). */
export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/demo');

export interface SeedCounts {
  units: number;
  actors: number;
  child_places: number;
}

/** Whether the database holds no units, actors or child places yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    'SELECT ((SELECT count(*) FROM units) + (SELECT count(*) FROM actors) + (SELECT count(*) FROM child_places))::int AS n',
  );
  return row?.n === 0;
}

/** Loads the demo data set in one transaction (all or nothing). */
export async function seedDemo(db: Database, dir = DEMO_DIR): Promise<SeedCounts> {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  await db.transaction(async (tx) => {
    await tx.query(query('seed_units'), [read('units.geojson')]);
    await tx.query(query('seed_actors'), [read('actors.geojson')]);
    await tx.query(query('seed_child_places'), [read('child-places.geojson')]);
  });
  const [counts] = await db.query<SeedCounts>(
    'SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM actors)::int AS actors, (SELECT count(*) FROM child_places)::int AS child_places',
  );
  return counts!;
}
