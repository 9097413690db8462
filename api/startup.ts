import { ensureFirstAdmin } from './auth/bootstrap.js';
import type { Config } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { isEmpty, seedDemo, seedDemoOutreach } from './db/seed.js';
import type { Database } from './db/types.js';

/** Opens the configured database, migrates it, loads the demo data into an empty one, and ensures an administrator. */
export async function prepareDatabase(config: Config, log: (m: string) => void = console.log): Promise<Database> {
  const db = await openDatabase(config, log);
  const applied = await migrate(db);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  if (config.seedDemo && (await isEmpty(db))) {
    const counts = await seedDemo(db);
    const activities = await seedDemoOutreach(db, new Date());
    log(`Loaded the demo data: ${counts.units} units, ${counts.actors} actors, ${counts.child_places} child places, ${activities} activities.`);
  }
  await ensureFirstAdmin(db, config, log);
  return db;
}
