import type { Config } from '../config.js';
import { redactUrl } from '../config.js';
import type { Database } from './types.js';

/**
 * Opens the database the configuration selects: the server on DATABASE_URL, else the
 * embedded one. Each adapter is imported only when chosen: loading PGlite's WebAssembly
 * module alone costs a server on PostgreSQL about 50 MB of memory.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'backupDir'>>, log: (m: string) => void = console.log): Promise<Database> {
  if (config.databaseUrl) {
    log(`Connecting to PostgreSQL at ${redactUrl(config.databaseUrl)}…`);
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(config.databaseUrl);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(config.dataDir, log, { backupDir: config.backupDir });
}
