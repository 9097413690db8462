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

/**
 * Loads the demo's follow-up picture (data/demo/outreach.json): information given,
 * meetings, safety walks with findings, and the principles checklist, dated relative
 * to `now` so the demo always shows informed, due-soon and overdue places. One
 * transaction. Used by `npm start` on an empty database; the test templates leave it
 * out so that tests start from "nothing recorded yet".
 */
export async function seedDemoOutreach(db: Database, now: Date, dir = DEMO_DIR): Promise<number> {
  const outreach = JSON.parse(fs.readFileSync(path.join(dir, 'outreach.json'), 'utf8')) as {
    activities: Array<{ actors: string[]; child_places: string[] }>;
    principles: unknown[];
  };
  const day = now.toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    for (const activity of outreach.activities) {
      const [row] = await tx.query<{ id: number }>(query('seed_outreach_activity'), [JSON.stringify(activity), day, now.toISOString()]);
      await tx.query(query('seed_outreach_links'), [row!.id, JSON.stringify(activity.actors), JSON.stringify(activity.child_places)]);
    }
    await tx.query(query('seed_outreach_principles'), [JSON.stringify(outreach.principles), day, now.toISOString()]);
  });
  return outreach.activities.length;
}
