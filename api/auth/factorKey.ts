import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS, parseFactorKey, type Config } from '../config.js';
import { SECRET_BOX_KEY_BYTES } from './secretBox.js';

/** A configuration whose second-factor key is known. */
export type KeyedConfig = Config & { factorEncryptionKey: Buffer };

/** Where the generated key is kept when FACTOR_ENCRYPTION_KEY is unset. */
export const factorKeyFile = (config: Pick<Config, 'dataDir'>): string => path.join(config.dataDir, DEFAULTS.factorKeyFile);

/**
 * The configuration with the key of second-factor secrets at rest: FACTOR_ENCRYPTION_KEY,
 * or the key file in DATA_DIR, generated on the first start without one (mode 0600, like
 * the initial administrator's password) so `npm start` needs no setting. Call it after
 * the embedded database exists: a new DATA_DIR must be empty when the engine creates it.
 * A key file that does not hold a key stops the start, naming the file.
 */
export function withFactorKey(config: Config, log: (m: string) => void = console.log): KeyedConfig {
  if (config.factorEncryptionKey) return config as KeyedConfig;
  return { ...config, factorEncryptionKey: readOrCreateKeyFile(factorKeyFile(config), log) };
}

function readOrCreateKeyFile(file: string, log: (m: string) => void): Buffer {
  const existing = readKeyFile(file);
  if (existing) return existing;
  const text = crypto.randomBytes(SECRET_BOX_KEY_BYTES).toString('base64');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process (a second instance on the same DATA_DIR) wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file)!;
    throw err;
  }
  log(`Created the key that encrypts second-factor secrets: ${file} (readable only by you). Back it up apart from the database backups: without it, authenticator apps set up here stop working after a restore (or set FACTOR_ENCRYPTION_KEY; docs/DEPLOYMENT.md).`);
  return Buffer.from(text, 'base64');
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The second-factor key file ${file} cannot be read (${(err as Error).message}); give the server's user access to it, or set FACTOR_ENCRYPTION_KEY to the key it holds.`);
  }
  return parseFactorKey(text, `The second-factor key file ${file} (used while FACTOR_ENCRYPTION_KEY is unset)`);
}
