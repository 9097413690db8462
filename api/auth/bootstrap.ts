import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/types.js';
import { statement } from '../db/statements.js';
import { usersInsert } from '../services/users.js';
import { passwordProblem } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';

/** Fallback e-mail of the first administrator when ADMIN_EMAIL is not set. */
const usersCount = statement('user_count', []);

export const DEFAULT_ADMIN_EMAIL = 'admin@platssamverkan.local';

/**
 * Creates the first administrator in a database without users: from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated password that is printed once and written to
 * a file only the owner can read. There is never a default account, and ADMIN_PASSWORD
 * must pass the same rules as every password (the start fails with the reason).
 */
export async function ensureFirstAdmin(db: Database, config: Config, log: (m: string) => void = console.log): Promise<void> {
  const row = await usersCount.one<{ n: number }>(db, {});
  if (row && row.n > 0) return;
  const email = (config.adminEmail ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  let password = config.adminPassword;
  const problem = password === undefined ? undefined : passwordProblem(password, email);
  if (problem) {
    throw new Error(`ADMIN_PASSWORD is refused: it ${problem}. Set another one, or leave ADMIN_PASSWORD unset to have a password generated and shown once.`);
  }
  const generated = password === undefined;
  password ??= crypto.randomBytes(15).toString('base64url');
  await usersInsert.run(db, { email, name: 'Administratör', role: 'admin', password_hash: await hashPassword(password), now: new Date().toISOString() });
  if (!generated) {
    log(`Created the first administrator ${email} (password from ADMIN_PASSWORD).`);
    return;
  }
  const file = path.join(config.dataDir, 'initial-admin-password.txt');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  log(`\nCreated the first administrator. Sign in with:\n  e-mail:   ${email}\n  password: ${password}\n(shown once; also written to ${file}, readable only by you)\n`);
}
