import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type AuthenticatorTransport, type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * Who the browser must see as the relying party: the host name (rpID) and the origin
 * users reach the product at (PUBLIC_URL, else the request's own). Passed in by the
 * route, so the services stay free of HTTP.
 */
export interface RelyingParty { id: string; origin: string }

export const relyingPartyOf = (origin: string): RelyingParty => ({ id: new URL(origin).hostname, origin });

/** A stored passkey as the ceremonies need it. */
export interface StoredPasskey { credential_id: string; public_key: string; counter: number; transports: string[] }

const transportsOf = (t: string[]) => t as AuthenticatorTransport[];

/** Options for `navigator.credentials.create`, excluding the user's passkeys so one authenticator is not registered twice. */
export function registrationOptions(rp: RelyingParty, user: { id: number; email: string; name: string }, existing: StoredPasskey[]): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: 'Platssamverkan', rpID: rp.id, userName: user.email, userDisplayName: user.name,
    userID: new TextEncoder().encode(`user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** The new credential when the browser's answer matches the challenge, origin and rpID; undefined when it does not. */
export async function verifyRegistration(rp: RelyingParty, challenge: string, response: unknown): Promise<StoredPasskey | undefined> {
  try {
    const result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false,
    });
    if (!result.verified) return undefined;
    const c = result.registrationInfo.credential;
    return { credential_id: c.id, public_key: Buffer.from(c.publicKey).toString('base64url'), counter: c.counter, transports: c.transports ?? [] };
  } catch {
    // A malformed or forged answer is the user's (or an attacker's) input: a refusal, not a 500.
    return undefined;
  }
}

/** Options for `navigator.credentials.get`, naming the user's own passkeys. */
export function authenticationOptions(rp: RelyingParty, passkeys: StoredPasskey[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: rp.id, userVerification: 'preferred',
    allowCredentials: passkeys.map((p) => ({ id: p.credential_id, transports: transportsOf(p.transports) })),
  });
}

/** The passkey's new signature counter when the answer is a valid signature by it over the challenge; undefined otherwise. */
export async function verifyAuthentication(rp: RelyingParty, challenge: string, passkey: StoredPasskey, response: unknown): Promise<number | undefined> {
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id,
      credential: { id: passkey.credential_id, publicKey: Buffer.from(passkey.public_key, 'base64url'), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: false,
    });
    return result.verified ? result.authenticationInfo.newCounter : undefined;
  } catch {
    return undefined;
  }
}
