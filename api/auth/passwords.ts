import { hash, verify } from '@node-rs/argon2';

/** argon2id parameters: OWASP's m = 19 MiB, t = 2, p = 1 (SECURITY.md). */
export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** At most this many hashes run at once, so a login flood cannot starve the API. */
export const MAX_CONCURRENT_HASHES = 2;

let running = 0;
const waiting: Array<() => void> = [];

async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string): Promise<string> => withHashSlot(() => hash(password, ARGON2_OPTIONS));

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  withHashSlot(() => verify(passwordHash, password).catch(() => false));

/** A hash of a random password, verified against when the account is unknown so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-' + Math.random()));
