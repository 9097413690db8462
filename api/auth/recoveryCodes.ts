import crypto from 'node:crypto';
import { DEFAULTS } from '../config.js';

/** Letters and digits a person cannot mix up when copying a code from paper (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new set of recovery codes, `xxxxx-xxxxx` each (about 49 random bits). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: DEFAULTS.recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A typed code as it is stored: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

/** The stored form: SHA-256 of the normalised code. The codes are random, so a slow hash would add nothing. */
export const hashRecoveryCode = (code: string): string => crypto.createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
