import crypto from 'node:crypto';

/** Key length of AES-256, in bytes. */
export const SECRET_BOX_KEY_BYTES = 32;

/** The prefix naming the stored format, so a later one can be told apart and the old one still read. */
export const SEALED_PREFIX = 'v1:';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: the wrong key, the wrong owner (additional data), altered bytes, or not a sealed value at all. */
export class SecretBoxError extends Error {}

/**
 * Encrypts `plaintext` with AES-256-GCM under `key`, a random 12-byte IV each time, and
 * `aad` authenticated but not stored (the owner the value belongs to: opening it with
 * another owner fails). Returns `v1:` + base64 of iv | ciphertext | tag.
 */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  checkKey(key);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** The plaintext of a value from `seal` with the same key and `aad`; throws SecretBoxError otherwise. */
export function open(key: Buffer, sealed: string, aad: string): string {
  checkKey(key);
  if (!isSealed(sealed)) throw new SecretBoxError(`Not a sealed value (it does not start with ${SEALED_PREFIX}).`);
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('The sealed value is too short.');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('The sealed value does not open with this key for this owner (wrong key, wrong owner, or altered).');
  }
}

/** Whether a stored value is in a sealed format (as opposed to plain text written before encryption). */
export const isSealed = (stored: string): boolean => stored.startsWith(SEALED_PREFIX);

function checkKey(key: Buffer): void {
  if (key.length !== SECRET_BOX_KEY_BYTES) throw new Error(`A secret box key has ${SECRET_BOX_KEY_BYTES} bytes, got ${key.length}.`);
}
