/** AES-256-GCM sealing of secrets at rest: what opens, and everything that must not. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal, SEALED_PREFIX, SecretBoxError } from './secretBox.js';

const key = crypto.randomBytes(32);
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const aad = 'totp_factors.secret:42';

/** The sealed value with one bit of its raw bytes (iv | ciphertext | tag) flipped. */
function flipped(sealed: string, bit: number): string {
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  raw[bit >> 3]! ^= 1 << (bit & 7);
  return SEALED_PREFIX + raw.toString('base64');
}

describe('seal and open', () => {
  it('round-trips, names its format, and hides the plaintext', () => {
    const sealed = seal(key, secret, aad);
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain(secret);
    // iv 12 + ciphertext as long as the secret + tag 16.
    expect(Buffer.from(sealed.slice(3), 'base64')).toHaveLength(12 + secret.length + 16);
    expect(open(key, sealed, aad)).toBe(secret);
    expect(open(key, seal(key, 'å ä ö', aad), aad)).toBe('å ä ö');
  });

  it('uses a new random IV every time: the same secret seals differently', () => {
    const a = seal(key, secret, aad);
    const b = seal(key, secret, aad);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64').subarray(0, 12)).not.toEqual(Buffer.from(b.slice(3), 'base64').subarray(0, 12));
  });

  it('refuses every single flipped bit, in the IV, the ciphertext and the tag', () => {
    const sealed = seal(key, secret, aad);
    const bits = (12 + secret.length + 16) * 8;
    for (let bit = 0; bit < bits; bit++) expect(() => open(key, flipped(sealed, bit), aad), `bit ${bit}`).toThrow(SecretBoxError);
  });

  it('refuses another owner (additional data): a secret moved to another account does not open', () => {
    const sealed = seal(key, secret, aad);
    expect(() => open(key, sealed, 'totp_factors.secret:43')).toThrow(SecretBoxError);
    expect(() => open(key, sealed, 'totp_factors.secret:420')).toThrow(SecretBoxError);
    expect(() => open(key, sealed, '')).toThrow(SecretBoxError);
  });

  it('refuses another key', () => {
    const sealed = seal(key, secret, aad);
    expect(() => open(crypto.randomBytes(32), sealed, aad)).toThrow(/wrong key, wrong owner, or altered/);
  });

  it('refuses plain text, an unknown version, and a value cut short', () => {
    expect(() => open(key, secret, aad)).toThrow(/Not a sealed value/);
    expect(() => open(key, `v2:${seal(key, secret, aad).slice(3)}`, aad)).toThrow(SecretBoxError);
    expect(() => open(key, seal(key, secret, aad).slice(0, 20), aad)).toThrow(SecretBoxError);
    expect(() => open(key, 'v1:', aad)).toThrow(/too short/);
  });

  it('takes only a 32-byte key', () => {
    expect(() => seal(crypto.randomBytes(16), secret, aad)).toThrow(/32 bytes, got 16/);
    expect(() => open(crypto.randomBytes(31), seal(key, secret, aad), aad)).toThrow(/32 bytes, got 31/);
  });
});
