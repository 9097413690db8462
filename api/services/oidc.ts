/**
 * Sign-in with an OpenID provider ("Logga in med ditt arbetskonto"): the start of the
 * authorization request, the callback that finds or makes the account and opens the
 * same kind of session a password sign-in opens, the provider's end-session URL at sign
 * out, and the administrator's claim → role mappings.
 */
import { authorizationUrl, endSessionUrl, exchangeCode, newPendingLogin, OidcSignInError, type ProviderIdentity } from '../auth/oidcProvider.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { DEFAULTS, type OidcConfig } from '../config.js';
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { ROLES, type Role } from '../schemas/common.js';
import type { RoleMappingsInputT, RoleMappingsT } from '../schemas/oidc.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { sessionCreate, sessionDelete, userByEmail } from './sessions.js';

const loginPut = statement('oidc_login_put', ['key_hash', 'state', 'nonce', 'code_verifier', 'now', 'minutes']);
const loginTake = statement('oidc_login_take', ['key_hash', 'now', 'minutes']);
const identityUser = statement('oidc_identity_user', ['issuer', 'subject']);
const identityLink = statement('oidc_identity_link', ['issuer', 'subject', 'user_id', 'now']);
const identityOfUser = statement('oidc_identity_of_user', ['user_id']);
const userInsert = statement('oidc_user_insert', ['email', 'name', 'role', 'active', 'now']);
const idTokenSet = statement('oidc_session_id_token_set', ['token_hash', 'id_token']);
const idTokenOf = statement('oidc_session_id_token', ['token_hash']);
const mappingsGet = statement('oidc_role_mappings', []);
const mappingsPut = statement('oidc_role_mappings_put', ['mappings', 'now']);

/** Where the provider sends the browser back, and our half of the request to keep in a short-lived cookie. */
export interface OidcStart { key: string; url: string }

/**
 * Begins a sign-in: a fresh state, nonce and PKCE verifier are stored under the hash of
 * a random key that only the browser holds (an HttpOnly cookie), so a callback is taken
 * only in the browser that started it, and only once.
 */
export async function beginOidcSignIn(ctx: RequestContext, oidc: OidcConfig, redirectUrl: string): Promise<OidcStart> {
  const pending = newPendingLogin();
  const url = await authorizationUrl(oidc, redirectUrl, pending);
  const key = newToken();
  await loginPut.run(ctx.db, {
    key_hash: hashToken(key), state: pending.state, nonce: pending.nonce, code_verifier: pending.codeVerifier,
    now: ctx.now.toISOString(), minutes: DEFAULTS.oidcLoginMinutes,
  });
  return { key, url: url.href };
}

export interface OidcCallback {
  /** The key of the browser's sign-in cookie; undefined when it sent none. */
  key: string | undefined;
  /** The callback URL as the browser called it (its query holds code and state). */
  callbackUrl: URL;
  redirectUrl: string;
  address: string;
  userAgent: string | undefined;
  previousToken: string | undefined;
}

/** A finished callback: signed in with a new session token, or an account that waits for an administrator. */
export type OidcOutcome = { signedIn: true; token: string } | { signedIn: false; waiting: true };

interface AccountRow { id: number; email: string; name: string; role: Role; active: boolean; must_change_password: boolean }

/**
 * Finishes a sign-in. The pending request is taken (deleted) first, whatever follows, so
 * a state, nonce or verifier is never checked twice. The account is the one tied to the
 * provider's issuer and subject; at a first sign-in it is tied to the account with the
 * same e-mail when the provider vouches for that address (`email_verified`), else a new
 * account is made with the role of the claim mappings, or inactive (waiting) when none
 * matches. An inactive account never gets a session.
 */
export async function finishOidcSignIn(ctx: RequestContext, oidc: OidcConfig, req: OidcCallback): Promise<OidcOutcome> {
  const { db, now } = ctx;
  const pending = req.key
    ? await loginTake.one<{ state: string; nonce: string; code_verifier: string; fresh: boolean }>(db, { key_hash: hashToken(req.key), now: now.toISOString(), minutes: DEFAULTS.oidcLoginMinutes })
    : undefined;
  if (!pending?.fresh) throw new OidcSignInError('expired', 'No sign-in under way in this browser, or it began too long ago.');
  const identity = await exchangeCode(oidc, req.callbackUrl, req.redirectUrl, { state: pending.state, nonce: pending.nonce, codeVerifier: pending.code_verifier });
  const mappings = await readMappings(db);
  return db.transaction(async (tx) => {
    const account = await accountOf(tx, ctx, oidc, identity, mappings);
    if (!account.active) return { signedIn: false, waiting: true } as const;
    const token = newToken();
    if (req.previousToken) await sessionDelete.run(tx, { token_hash: hashToken(req.previousToken) });
    await sessionCreate.run(tx, { token_hash: hashToken(token), user_id: account.id, now: now.toISOString(), user_agent: req.userAgent ?? null, address: req.address });
    await idTokenSet.run(tx, { token_hash: hashToken(token), id_token: identity.idToken });
    await audit(tx, { at: now, user: account, action: 'login', entity: 'session', entityId: account.id, details: { address: req.address, method: 'oidc' } });
    return { signedIn: true, token } as const;
  });
}

/** The account of a provider identity, tied or made at its first sign-in (audited as the person's own creation). */
async function accountOf(tx: Queryable, ctx: RequestContext, oidc: OidcConfig, identity: ProviderIdentity, mappings: RoleMappingsT['mappings']): Promise<AccountRow> {
  const known = await identityUser.one<AccountRow>(tx, { issuer: identity.issuer, subject: identity.subject });
  if (known) return known;
  const email = emailOf(identity.claims);
  const link = { issuer: identity.issuer, subject: identity.subject, now: ctx.now.toISOString() };
  const existing = await userByEmail.one<AccountRow>(tx, { email });
  if (existing) {
    if (identity.claims.email_verified !== true) {
      throw new OidcSignInError('email_taken', `An account with ${email} exists and the provider does not vouch for the address (email_verified), so it is not tied to this identity.`);
    }
    // one identity per account: another subject with the same address is someone else (or a reused address)
    if (await identityOfUser.one(tx, { user_id: existing.id })) {
      throw new OidcSignInError('email_taken', `The account with ${email} is tied to another identity at a provider.`);
    }
    await identityLink.run(tx, { ...link, user_id: existing.id });
    await audit(tx, { at: ctx.now, user: existing, action: 'update', entity: 'user', entityId: existing.id, details: { identity: 'oidc', issuer: identity.issuer } });
    return existing;
  }
  const role = roleFor(claimAt(identity.claims, oidc.roleClaim), mappings);
  const made = (await userInsert.one<AccountRow>(tx, { email, name: nameOf(identity.claims, email), role: role ?? 'viewer', active: role !== undefined, now: link.now }))!;
  await identityLink.run(tx, { ...link, user_id: made.id });
  await audit(tx, {
    at: ctx.now, user: made, action: 'create', entity: 'user', entityId: made.id,
    after: { email: made.email, name: made.name, role: made.role, active: made.active }, details: { method: 'oidc', issuer: identity.issuer, waiting: !made.active },
  });
  return made;
}

/** The e-mail the account is made with: required, as every account has one. */
function emailOf(claims: Record<string, unknown>): string {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 200) throw new OidcSignInError('claims', 'The provider sent no usable e-mail address (scope email, claim email).');
  return email;
}

/** The display name: `name`, else given and family name, else the e-mail (every account has a name). */
function nameOf(claims: Record<string, unknown>, email: string): string {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const name = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || email;
  return name.slice(0, 200);
}

/**
 * A claim by name, or by a dotted path into nested claims when no claim has the whole name
 * (Keycloak's `realm_access.roles`); names with dots of their own (URLs) are read whole first.
 */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let at: unknown = claims;
  for (const part of name.split('.')) {
    if (!at || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** The highest role among the mappings the claim's values match (a string or a list of strings), or undefined for none. */
export function roleFor(claim: unknown, mappings: RoleMappingsT['mappings']): Role | undefined {
  const values = new Set((Array.isArray(claim) ? claim : [claim]).filter((v): v is string => typeof v === 'string'));
  let best: Role | undefined;
  for (const m of mappings) {
    if (values.has(m.claim_value) && (best === undefined || ROLES.indexOf(m.role) > ROLES.indexOf(best))) best = m.role;
  }
  return best;
}

/**
 * Where the browser goes to sign out at the provider too, for a session opened with it
 * (read before the session is ended); undefined for a password session or a provider
 * without an end-session endpoint. A provider that cannot be reached leaves the local
 * sign-out as it is.
 */
export async function oidcSignOutUrl(ctx: RequestContext, oidc: OidcConfig | undefined, token: string | undefined, postLogoutRedirectUrl: string): Promise<string | undefined> {
  if (!oidc || !token || ctx.user?.via !== 'session') return undefined;
  const row = await idTokenOf.one<{ id_token: string | null }>(ctx.db, { token_hash: hashToken(token) });
  if (!row?.id_token) return undefined;
  try {
    return await endSessionUrl(oidc, row.id_token, postLogoutRedirectUrl);
  } catch {
    return undefined;
  }
}

async function readMappings(db: Queryable): Promise<RoleMappingsT['mappings']> {
  return shown(await mappingsGet.one<{ mappings: string; updated_at: string }>(db, {}), undefined).mappings;
}

function shown(row: { mappings: string; updated_at: string } | undefined, claim: string | undefined): RoleMappingsT {
  if (!row) throw new Error('The oidc_role_mappings setting is missing from the settings table.');
  return { mappings: JSON.parse(row.mappings) as RoleMappingsT['mappings'], claim: claim ?? null, updated_at: row.updated_at };
}

/** The claim → role mappings, read on the primary (an administrator reads them to change them). */
export const getRoleMappings = async (ctx: RequestContext, oidc: OidcConfig | undefined): Promise<RoleMappingsT> =>
  shown(await mappingsGet.one(ctx.db, {}), oidc?.roleClaim);

/** Replaces the mappings; the change and its audit entry (before and after) in one transaction. They apply to accounts made after it. */
export async function setRoleMappings(ctx: RequestContext, oidc: OidcConfig | undefined, input: RoleMappingsInputT): Promise<RoleMappingsT> {
  const user = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = shown(await mappingsGet.one(tx, {}), oidc?.roleClaim);
    const after = shown(await mappingsPut.one(tx, { mappings: JSON.stringify(input.mappings), now: ctx.now.toISOString() }), oidc?.roleClaim);
    await audit(tx, { at: ctx.now, user, action: 'update', entity: 'setting', entityId: 'oidc_role_mappings', before: before.mappings, after: after.mappings });
    return after;
  });
}
