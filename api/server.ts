import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { withFactorKey } from './auth/factorKey.js';
import { DEFAULTS, loadConfig, redactUrl, type Config } from './config.js';
import { scheduleBackups } from './db/backup.js';
import { listMigrations } from './db/migrate.js';
import { openReadReplica } from './db/reader.js';
import { prepareDatabase } from './startup.js';

const started = Date.now();
function fail(err: Error): never {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
}
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  fail(err as Error);
}
const db = await prepareDatabase(config).catch(fail);
// The key exists by now (prepareDatabase made it when it was missing): this reads it.
config = withFactorKey(config);
const backups = config.backupDir && config.backupIntervalHours > 0
  ? scheduleBackups(db, { dir: config.backupDir, keep: config.backupKeep, intervalHours: config.backupIntervalHours, migration: Math.max(0, ...listMigrations().map((m) => m.version)) })
  : undefined;
if (backups) console.log(`Backups every ${config.backupIntervalHours} h into ${config.backupDir}, keeping the newest ${config.backupKeep}.`);
const readDb = config.databaseReadUrl
  ? await openReadReplica(config.databaseReadUrl).catch((err: Error) => {
      console.error(`Could not start: ${err.message}`);
      process.exit(1);
    })
  : undefined;
if (readDb) console.log(`Read-only routes use the replica at ${redactUrl(config.databaseReadUrl!)}.`);
const app = createApp({ db, readDb, config, clock: () => new Date() });
const server = serve({ fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`Platssamverkan is running on ${db.kind === 'pglite' ? 'the embedded database' : 'PostgreSQL'} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).`);
  console.log(`Open http://localhost:${info.port}/`);
});
// Keep idle connections longer than clients and proxies do (Node closes them after 5 s):
// a client that reuses a connection at the moment the server closes it gets ECONNRESET.
// The header timeout must exceed it, or a slow request on a kept connection is cut.
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = DEFAULTS.keepAliveTimeoutMs;
  server.headersTimeout = DEFAULTS.keepAliveTimeoutMs + 1_000;
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  await backups?.stop();
  await db.close();
  await readDb?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
