/**
 * The key of second-factor secrets at rest when FACTOR_ENCRYPTION_KEY is unset: generated
 * once into DATA_DIR (mode 0600) and read back at every start; and the start itself, which
 * seals the TOTP secrets a 0028-era version wrote in plain text. On the embedded database,
 * whose DATA_DIR the start opens (the key file lives there on either engine).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openPglite } from '../db/pglite.js';
import { prepareDatabase } from '../startup.js';
import { pgliteTemplateDir } from '../test/templates.js';
import { factorKeyFile, withFactorKey } from './factorKey.js';
import { openTotpSecret, totpStep } from './totp.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-factorkey-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => path.join(root, `case-${++n}`);

describe('the key file', () => {
  it('is generated once with mode 0600, said so once, and read back the same', () => {
    const dataDir = folder();
    const logs: string[] = [];
    const first = withFactorKey({ ...loadConfig({}), dataDir }, (m) => logs.push(m)).factorEncryptionKey;
    const file = factorKeyFile({ dataDir });
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first);
    expect(logs).toEqual([expect.stringContaining(`Back it up apart from the database backups`)]);
    expect(withFactorKey({ ...loadConfig({}), dataDir }, (m) => logs.push(m)).factorEncryptionKey).toEqual(first);
    expect(logs).toHaveLength(1);
  });

  it('is not made when FACTOR_ENCRYPTION_KEY is set: the setting is the key', () => {
    const dataDir = folder();
    const key = crypto.randomBytes(32);
    expect(withFactorKey({ ...loadConfig({ FACTOR_ENCRYPTION_KEY: key.toString('hex') }), dataDir }).factorEncryptionKey).toEqual(key);
    expect(fs.existsSync(factorKeyFile({ dataDir }))).toBe(false);
  });

  it('holding no key stops the start, naming the file and what is valid', () => {
    const dataDir = folder();
    fs.mkdirSync(dataDir);
    fs.writeFileSync(factorKeyFile({ dataDir }), 'not a key\n', { mode: 0o600 });
    expect(() => withFactorKey({ ...loadConfig({}), dataDir })).toThrow(
      new RegExp(`^The second-factor key file ${factorKeyFile({ dataDir }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(used while FACTOR_ENCRYPTION_KEY is unset\\) must be a 32-byte key written as 64 hex digits or 44 base64`),
    );
  });
});

describe('the start', () => {
  it('makes the key after the database and seals a plain-text TOTP secret so that its codes still pass', { timeout: 300_000 }, async () => {
    const dataDir = folder();
    fs.cpSync(pgliteTemplateDir(), dataDir, { recursive: true });
    const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const legacy = await openPglite(dataDir);
    const [user] = await legacy.query<{ id: number }>('SELECT id FROM users ORDER BY id LIMIT 1');
    // As 0028-era code wrote it: the base32 secret itself.
    await legacy.query('INSERT INTO totp_factors (user_id, secret, created_at, confirmed_at) VALUES ($1, $2, now(), now())', [user!.id, plain]);
    await legacy.close();

    const logs: string[] = [];
    const config = { ...loadConfig({}), dataDir, backupDir: undefined, seedDemo: false };
    const db = await prepareDatabase(config, (m) => logs.push(m));
    try {
      const key = withFactorKey(config).factorEncryptionKey;
      expect(fs.statSync(factorKeyFile(config)).mode & 0o777).toBe(0o600);
      const [row] = await db.query<{ secret: string }>('SELECT secret FROM totp_factors WHERE user_id = $1', [user!.id]);
      expect(row!.secret).toMatch(/^v1:/);
      expect(row!.secret).not.toContain(plain);
      expect(openTotpSecret(key, user!.id, row!.secret)).toBe(plain);
      expect(openTotpSecret(key, user!.id + 1, row!.secret)).toBeUndefined();
      const now = new Date();
      expect(await totpStep(openTotpSecret(key, user!.id, row!.secret)!, await generate({ secret: plain, epoch: Math.floor(now.getTime() / 1000) }), now, null)).toBeTypeOf('number');
      expect(logs).toContain('Encrypted 1 authenticator-app secret(s) that were stored in plain text.');
    } finally {
      await db.close();
    }

    // The next start finds nothing to seal; with another key it warns, naming the user and the way back.
    const again: string[] = [];
    const other = { ...config, factorEncryptionKey: crypto.randomBytes(32) };
    const reopened = await prepareDatabase(other, (m) => again.push(m));
    await reopened.close();
    expect(again.join('\n')).not.toMatch(/Encrypted/);
    expect(again.join('\n')).toMatch(new RegExp(`Warning: 1 authenticator-app secret\\(s\\) do not open with the second-factor key \\(users ${user!.id}\\).*Set FACTOR_ENCRYPTION_KEY`));
  });
});
