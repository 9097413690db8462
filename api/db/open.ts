import type { Config } from '../config.js';
import { redactUrl } from '../config.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Database } from './types.js';

/** Opens the database the configuration selects: the server on DATABASE_URL, else the embedded one. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log: (m: string) => void = console.log): Promise<Database> {
  if (config.databaseUrl) {
    log(`Connecting to PostgreSQL at ${redactUrl(config.databaseUrl)}…`);
    return openPostgres(config.databaseUrl);
  }
  return openPglite(config.dataDir, log);
}
