/**
 * Sign-in with an OpenID provider ("Logga in med ditt arbetskonto"): the start of the
 * authorization request, the callback that finds or makes the account and opens the
 * same kind of session a password sign-in opens, the provider's end-session URL at sign
 * out, and the administrator's claim → role mappings.
 */
import { authorizationUrl, endSessionUrl, exchangeCode, newPendingLogin, OidcSignInError, type ProviderIdentity } from '../auth/oidcProvider.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { DEFAULTS, type OidcConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import { ROLES, type Role } from '../schemas/common.js';
import type { RoleMappingsInputT, RoleMappingsT } from '../schemas/oidc.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { sessionCreate, sessionDelete, userByEmail } from './sessions.js';
import { roleSourceSet, sessionsDelete as sessionsOfUserDelete, tokensRevokeAll, type RoleSource } from './users.js';

const startLock = statement('oidc_start_lock', ['address']);
const loginPut = statement('oidc_login_put', ['key_hash', 'state', 'nonce', 'code_verifier', 'now', 'minutes', 'address', 'max_live']);
const identityLock = statement('oidc_identity_lock', ['issuer', 'subject']);
const loginTake = statement('oidc_login_take', ['key_hash', 'now', 'minutes']);
const identityUser = statement('oidc_identity_user', ['issuer', 'subject']);
const identityLink = statement('oidc_identity_link', ['issuer', 'subject', 'user_id', 'now', 'role_source']);
const groupsApply = statement('oidc_user_groups_apply', ['user_id', 'role', 'active', 'now']);
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
 * only in the browser that started it, and only once. Each start holds a row until its
 * callback or its expiry, so one client address may have at most
 * DEFAULTS.oidcStartsPerAddress under way (429 with Retry-After past that, before the
 * provider is asked anything); expired rows are swept at every start.
 */
export async function beginOidcSignIn(ctx: RequestContext, oidc: OidcConfig, redirectUrl: string, address: string): Promise<OidcStart> {
  const pending = newPendingLogin();
  const key = newToken();
  const row = await ctx.db.transaction(async (tx) => {
    await startLock.run(tx, { address });
    return (await loginPut.one<{ stored: boolean; retry_s: number }>(tx, {
      key_hash: hashToken(key), state: pending.state, nonce: pending.nonce, code_verifier: pending.codeVerifier,
      now: ctx.now.toISOString(), minutes: DEFAULTS.oidcLoginMinutes, address, max_live: DEFAULTS.oidcStartsPerAddress,
    }))!;
  });
  if (!row.stored) {
    const retry = Math.max(1, row.retry_s);
    throw new ApiError('too_many_requests', `Too many sign-ins with the work account under way from your address. Try again after ${retry} seconds.`,
      { params: { retry_after_seconds: retry } }, { 'Retry-After': String(retry) });
  }
  const url = await authorizationUrl(oidc, redirectUrl, pending);
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
 * matches. An account the provider made gets its role from the mappings at every sign-in
 * ({@link applyGroups}). Sign-ins of one identity run one after another (a lock on it), so
 * two first sign-ins at once make one account. An inactive account never gets a session.
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
    await identityLock.run(tx, { issuer: identity.issuer, subject: identity.subject });
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
  const mapped = () => roleFor(claimAt(identity.claims, oidc.roleClaim), mappings);
  const known = await identityUser.one<AccountRow & { role_source: RoleSource }>(tx, { issuer: identity.issuer, subject: identity.subject });
  if (known) return applyGroups(tx, ctx, known, mapped());
  const email = emailOf(identity.claims);
  const link = { issuer: identity.issuer, subject: identity.subject, now: ctx.now.toISOString() };
  const emailTaken = () => new OidcSignInError('email_taken', `The account with ${email} is tied to another identity at a provider.`);
  const existing = await userByEmail.one<AccountRow>(tx, { email });
  if (existing) {
    if (identity.claims.email_verified !== true) {
      throw new OidcSignInError('email_taken', `An account with ${email} exists and the provider does not vouch for the address (email_verified), so it is not tied to this identity.`);
    }
    // one identity per account: another subject with the same address is someone else (or a reused address)
    if (await identityOfUser.one(tx, { user_id: existing.id })) throw emailTaken();
    if (!(await identityLink.one(tx, { ...link, user_id: existing.id, role_source: 'local' }))) throw emailTaken();
    await audit(tx, { at: ctx.now, user: existing, action: 'update', entity: 'user', entityId: existing.id, details: { identity: 'oidc', issuer: identity.issuer } });
    return existing;
  }
  const role = mapped();
  // Another identity's first sign-in with this e-mail may have made the account meanwhile (no row back).
  const made = await userInsert.one<AccountRow>(tx, { email, name: nameOf(identity.claims, email), role: role ?? 'viewer', active: role !== undefined, now: link.now });
  if (!made || !(await identityLink.one(tx, { ...link, user_id: made.id, role_source: 'groups' }))) throw emailTaken();
  await audit(tx, {
    at: ctx.now, user: made, action: 'create', entity: 'user', entityId: made.id,
    after: { email: made.email, name: made.name, role: made.role, active: made.active }, details: { method: 'oidc', issuer: identity.issuer, waiting: !made.active },
  });
  return made;
}

/**
 * The role a sign-in's claim values give an account the provider made (role source
 * `groups` or `override`); the provider is the source of truth. A value that maps sets
 * the highest role it maps to and lets a waiting account in (the source `groups` again).
 * None mapping sends a `groups` account back to waiting (inactive, its sessions ended and
 * its API tokens revoked, as when an administrator disables it); an `override` account
 * keeps what an administrator gave it. An account tied after it existed (`local`) and one
 * an administrator disabled by hand are left as they are. Every change audited.
 */
async function applyGroups(tx: Queryable, ctx: RequestContext, account: AccountRow & { role_source: RoleSource }, role: Role | undefined): Promise<AccountRow> {
  const { role_source: source, ...row } = account;
  if (source === 'local' || (source === 'override' && !row.active)) return row;
  const next = role !== undefined ? { role, active: true, source: 'groups' as const } : source === 'override' ? undefined : { role: row.role, active: false, source };
  if (!next || (next.role === row.role && next.active === row.active && next.source === source)) return row;
  const now = ctx.now.toISOString();
  const after = (await groupsApply.one<AccountRow>(tx, { user_id: row.id, role: next.role, active: next.active, now }))!;
  if (next.source !== source) await roleSourceSet.run(tx, { user_id: row.id, role_source: next.source });
  let tokensRevoked = 0;
  if (!after.active) {
    await sessionsOfUserDelete.run(tx, { user_id: row.id });
    tokensRevoked = (await tokensRevokeAll.run(tx, { user_id: row.id, now })).length;
  }
  await audit(tx, {
    at: ctx.now, user: after, action: 'update', entity: 'user', entityId: row.id,
    before: { role: row.role, active: row.active, role_source: source }, after: { role: after.role, active: after.active, role_source: next.source },
    details: { method: 'oidc', reason: role === undefined ? 'no_mapped_group' : 'mapped_group', waiting: !after.active, ...(tokensRevoked ? { api_tokens_revoked: tokensRevoked } : {}) },
  });
  return after;
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
