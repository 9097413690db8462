/**
 * The OpenID provider as this product talks to it, through `openid-client` (a certified
 * relying party): discovery, the authorization request with PKCE, the code exchange that
 * checks state, nonce and the verifier, and the end-session URL. Only this module imports
 * the library, so a change of its API touches one file.
 */
import * as client from 'openid-client';
import { isLoopbackUrl, type OidcConfig } from '../config.js';

/** The provider's discovery, made once per issuer and client and kept; a failed one is forgotten so the next sign-in tries again. */
const discovered = new Map<string, Promise<client.Configuration>>();

/** The library's configuration for a provider (its metadata from discovery and our client). */
export function providerOf(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}\n${oidc.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    // Plain http only to this machine's loopback (config.ts refuses it anywhere else).
    const execute = issuer.protocol === 'http:' && isLoopbackUrl(issuer) ? [client.allowInsecureRequests] : [];
    found = client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, { execute });
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

/** What one authorization request needs checked when the browser comes back. */
export interface PendingLogin { state: string; nonce: string; codeVerifier: string }

/** A new state, nonce and PKCE verifier (each 32 random bytes). */
export const newPendingLogin = (): PendingLogin =>
  ({ state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() });

/** The provider's authorization URL for a pending login: code flow, S256 challenge. */
export async function authorizationUrl(oidc: OidcConfig, redirectUrl: string, pending: PendingLogin): Promise<URL> {
  const config = await providerOf(oidc);
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUrl,
    scope: oidc.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/** Why a callback was refused, as the sign-in page names it (`?signin_error=`). */
export type OidcRefusal = 'expired' | 'state' | 'nonce' | 'denied' | 'provider' | 'claims' | 'email_taken';

/** A refused sign-in: the reason the page shows, and the library's words for the log. */
export class OidcSignInError extends Error {
  override readonly name = 'OidcSignInError';
  constructor(readonly reason: OidcRefusal, message: string) {
    super(message);
  }
}

/** The person the provider signed in, with the ID token kept for signing out there. */
export interface ProviderIdentity { issuer: string; subject: string; claims: Record<string, unknown>; idToken: string }

/**
 * Exchanges the code in `callbackUrl` for tokens; the library checks the state, the ID
 * token's signature, issuer, audience, expiry and nonce, and sends the PKCE verifier.
 * The claims are the ID token's, with the userinfo endpoint's added when it has one
 * (many providers put groups and e-mail only there).
 */
export async function exchangeCode(oidc: OidcConfig, callbackUrl: URL, redirectUrl: string, pending: PendingLogin): Promise<ProviderIdentity> {
  let config: client.Configuration;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    config = await providerOf(oidc);
    tokens = await client.authorizationCodeGrant(
      config, callbackUrl,
      { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true },
      { redirect_uri: redirectUrl },
    );
  } catch (err) {
    throw refusal(err);
  }
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new OidcSignInError('provider', 'The provider answered without an ID token.');
  let claims: Record<string, unknown> = { ...idClaims };
  if (config.serverMetadata().userinfo_endpoint) {
    try {
      // the library checks that userinfo is about the same subject as the ID token
      claims = { ...pickExtra(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
    } catch (err) {
      throw new OidcSignInError('provider', `The provider's userinfo answer was refused: ${(err as Error).message}`);
    }
  }
  return { issuer: String(idClaims.iss), subject: idClaims.sub, claims, idToken: tokens.id_token };
}

/** Userinfo claims that the ID token lacks or that describe the person (not iss, aud, nonce…). */
function pickExtra(info: Record<string, unknown>): Record<string, unknown> {
  const { sub: _sub, ...rest } = info;
  return rest;
}

/**
 * The library's error as a reason the sign-in page can name. openid-client wraps the
 * error of the check that failed (oauth4webapi's, which names the parameter or claim) in
 * a general one, so the whole chain of causes is read.
 */
function refusal(err: unknown): OidcSignInError {
  if (err instanceof client.AuthorizationResponseError) return new OidcSignInError('denied', `The provider refused the sign-in: ${err.error}`);
  const words: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const { message, claim, cause } = e as { message?: unknown; claim?: unknown; cause?: unknown };
    if (typeof message === 'string') words.push(message);
    if (typeof claim === 'string') words.push(`"${claim}" claim`);
    e = cause;
  }
  const all = words.join(' / ') || String(err);
  if (/"state"/.test(all)) return new OidcSignInError('state', all);
  if (/"nonce"/.test(all)) return new OidcSignInError('nonce', all);
  return new OidcSignInError('provider', all);
}

/**
 * Where the browser goes to sign out at the provider too (RP-initiated logout), or
 * undefined when its discovery names no end-session endpoint.
 */
export async function endSessionUrl(oidc: OidcConfig, idToken: string, postLogoutRedirectUrl: string): Promise<string | undefined> {
  const config = await providerOf(oidc);
  if (!config.serverMetadata().end_session_endpoint) return undefined;
  return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUrl }).href;
}
