import { hash, verify } from '@node-rs/argon2';
import { DEFAULTS } from '../config.js';
import { ApiError } from '../errors.js';

/** argon2id parameters: OWASP's m = 19 MiB, t = 2, p = 1 (SECURITY.md). Verifying reads them from the stored hash. */
export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let running = 0;
const waiting: Array<() => void> = [];

/** Password checks and hashes started since start, and those running and waiting now: figures for monitoring, and what the sign-in tests count. */
export const hashingStats = {
  verifies: 0,
  hashes: 0,
  get running() {
    return running;
  },
  get waiting() {
    return waiting.length;
  },
};

/**
 * Runs `fn` when one of DEFAULTS.hashConcurrency slots is free, so a login flood
 * cannot take every thread of the pool (and 19 MiB per hash) from the rest of the
 * API. When DEFAULTS.hashQueueMax calls already wait, answers 503 at once rather than
 * queueing without bound.
 */
async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= DEFAULTS.hashConcurrency) {
    if (waiting.length >= DEFAULTS.hashQueueMax) {
      throw new ApiError('unavailable', 'The server is busy checking passwords. Try again in a moment.', undefined, { 'Retry-After': '1' });
    }
    // the slot is handed over by the call that frees it, so a newcomer cannot take it in between
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export const hashPassword = (password: string): Promise<string> =>
  withHashSlot(() => {
    hashingStats.hashes++;
    return hash(password, ARGON2_OPTIONS);
  });

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  withHashSlot(() => {
    hashingStats.verifies++;
    return verify(passwordHash, password).catch(() => false);
  });

/** A hash of a random password, verified against when the account is unknown so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-' + Math.random()));
