import { generateSecret, generateURI, verify } from 'otplib';
import { DEFAULTS } from '../config.js';
import { open, seal, SecretBoxError } from './secretBox.js';

/** The issuer authenticator apps show next to the account. */
const ISSUER = 'Platssamverkan';

/** A new TOTP secret: 160 random bits, base32 (what authenticator apps take). */
export const newTotpSecret = (): string => generateSecret();

/**
 * The additional data a user's TOTP secret is sealed with: its column and its owner, so a
 * sealed secret copied into another account's row (or another column) does not open.
 */
const aadOf = (userId: number): string => `totp_factors.secret:${userId}`;

/** A user's TOTP secret as stored: AES-256-GCM under the factor key, bound to the user (api/auth/secretBox.ts). */
export const sealTotpSecret = (key: Buffer, userId: number, secret: string): string => seal(key, secret, aadOf(userId));

/**
 * The base32 secret of a stored TOTP secret, or undefined when it does not open: sealed with
 * another key, for another user, altered, or plain text (plain text is sealed at start, see
 * `sealPlainTotpSecrets`; one found later was not written by this application).
 */
export function openTotpSecret(key: Buffer, userId: number, stored: string): string | undefined {
  try {
    return open(key, stored, aadOf(userId));
  } catch (err) {
    if (err instanceof SecretBoxError) return undefined;
    throw err;
  }
}

/** The `otpauth://` address a QR code carries for an authenticator app to scan. */
export const totpUri = (secret: string, email: string): string => generateURI({ issuer: ISSUER, label: email, secret });

/**
 * The time step of a right code, or undefined. A code is taken within
 * `DEFAULTS.totpToleranceSeconds` of `now` (clock drift), and only when its step is after
 * `afterStep` (the latest one accepted), so a code that passed once never passes again.
 */
export async function totpStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: DEFAULTS.totpToleranceSeconds,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
