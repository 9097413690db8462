import { generateSecret, generateURI, verify } from 'otplib';
import { DEFAULTS } from '../config.js';

/** The issuer authenticator apps show next to the account. */
const ISSUER = 'Platssamverkan';

/** A new TOTP secret: 160 random bits, base32 (what authenticator apps take). */
export const newTotpSecret = (): string => generateSecret();

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
