/**
 * Command-line entry points: `npm run migrate` and `npm run seed`, on the database
 * that DATABASE_URL / DATA_DIR select.
 */
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { seedDemo, seedDemoOutreach } from './db/seed.js';

const command = process.argv[2];
const config = loadConfig();
const db = await openDatabase(config);
try {
  if (command === 'migrate') {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } else if (command === 'seed') {
    await migrate(db);
    const counts = await seedDemo(db);
    const activities = await seedDemoOutreach(db, new Date());
    console.log(`Loaded the demo data: ${counts.units} units, ${counts.actors} actors, ${counts.child_places} child places, ${activities} activities.`);
  } else {
    console.error('Usage: tsx api/scripts.ts migrate|seed');
    process.exitCode = 2;
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
