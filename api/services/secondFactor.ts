import QRCode from 'qrcode';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { hashRecoveryCode, newRecoveryCodes } from '../auth/recoveryCodes.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { isSealed } from '../auth/secretBox.js';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpStep, totpUri } from '../auth/totp.js';
import { registrationOptions, verifyRegistration, type RelyingParty, type StoredPasskey } from '../auth/webauthn.js';
import { DEFAULTS } from '../config.js';
import { statement } from '../db/statements.js';
import type { Queryable } from '../db/types.js';
import type { CurrentUser } from '../env.js';
import { ApiError, MESSAGES, notFound, ruleError } from '../errors.js';
import { audit } from './audit.js';
import { writerOf, type RequestContext } from './context.js';
import { releaseLoginAttempt, reserveLoginAttempt, settleLoginAttempt } from './rateLimit.js';
import { challengeCreate, factorStatus, passkeyList, totpGet, totpUse, type FactorStatusRow } from './secondFactorLogin.js';
import { userByEmail } from './sessions.js';

const totpStart = statement('sf_totp_start', ['user_id', 'secret', 'now']);
const totpDelete = statement('sf_totp_delete', ['user_id']);
const totpSecrets = statement('sf_totp_secrets', []);
const totpSeal = statement('sf_totp_seal', ['user_id', 'plain', 'sealed']);
const recoveryDelete = statement('sf_recovery_delete', ['user_id']);
const recoveryReplace = statement('sf_recovery_replace', ['user_id', 'hashes', 'now']);
const registrationTake = statement('sf_challenge_take_registration', ['user_id', 'now']);
const passkeyInsert = statement('sf_passkey_insert', ['user_id', 'credential_id', 'public_key', 'counter', 'transports', 'name', 'now']);
const passkeyDelete = statement('sf_passkey_delete', ['id', 'user_id']);
const passkeysDeleteAll = statement('sf_passkeys_delete_all', ['user_id']);
const challengesDeleteUser = statement('sf_challenges_delete_user', ['user_id']);
const userSessionsEnd = statement('sf_user_sessions_end', ['user_id']);
const userGet = statement('sf_user_get', ['id']);
const settingGet = statement('sf_setting_get', []);
const settingPut = statement('sf_setting_put', ['required_for', 'now']);

/** A passkey as its owner sees it: never the key itself. */
export interface PasskeyInfo { id: number; name: string; created_at: string; last_used_at: string | null }

/** The caller's second factor as the enrolment page shows it. */
export interface SecondFactorState {
  required: boolean;
  totp: { confirmed_at: string } | null;
  recovery_codes_left: number;
  passkeys: PasskeyInfo[];
}

const signedIn = (ctx: RequestContext): CurrentUser => {
  if (!ctx.user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
  return ctx.user;
};

const infoOf = ({ id, name, created_at, last_used_at }: PasskeyInfo): PasskeyInfo => ({ id, name, created_at, last_used_at });

export async function getSecondFactor(ctx: RequestContext): Promise<SecondFactorState> {
  const me = signedIn(ctx);
  const s = (await factorStatus.one<FactorStatusRow>(ctx.db, { user_id: me.id }))!;
  const passkeys = await passkeyList.run<PasskeyInfo>(ctx.db, { user_id: me.id });
  return {
    required: s.required, totp: s.totp_confirmed_at ? { confirmed_at: s.totp_confirmed_at } : null,
    recovery_codes_left: s.recovery_codes_left, passkeys: passkeys.map(infoOf),
  };
}

/**
 * Starts TOTP enrolment: a new secret, shown in this answer only (as text for manual entry
 * and as a QR code of its otpauth:// address). It works for sign-in once a code from it is
 * confirmed. A confirmed factor is a 409: remove it first.
 */
export async function startTotp(ctx: RequestContext, factorKey: Buffer): Promise<{ secret: string; otpauth_uri: string; qr_data_url: string }> {
  const me = writerOf(ctx);
  const secret = newTotpSecret();
  const row = await totpStart.one(ctx.db, { user_id: me.id, secret: sealTotpSecret(factorKey, me.id, secret), now: ctx.now.toISOString() });
  if (!row) throw ruleError('conflict', 'already_enrolled', 'An authenticator app is set up already: remove it before setting up another.');
  const otpauth_uri = totpUri(secret, me.email);
  return { secret, otpauth_uri, qr_data_url: await QRCode.toDataURL(otpauth_uri, { margin: 2, width: 240 }) };
}

/** What the check of stored TOTP secrets at start found. */
export interface TotpSecretCheck { sealed_now: number; unreadable_user_ids: number[] }

/**
 * Run at every start, after the migrations: seals the TOTP secrets still in plain text
 * (written before secrets were encrypted, or restored from a backup of that time), and
 * lists the sealed ones that do not open with this key (the database came with another
 * key, or a row was moved or altered). Those users' codes are refused until the right key
 * is configured; a recovery code or an administrator's reset gets them in meanwhile.
 */
export async function sealPlainTotpSecrets(db: Queryable, factorKey: Buffer): Promise<TotpSecretCheck> {
  const result: TotpSecretCheck = { sealed_now: 0, unreadable_user_ids: [] };
  for (const { user_id, secret } of await totpSecrets.run<{ user_id: number; secret: string }>(db, {})) {
    if (!isSealed(secret)) {
      if (await totpSeal.one(db, { user_id, plain: secret, sealed: sealTotpSecret(factorKey, user_id, secret) })) result.sealed_now++;
    } else if (openTotpSecret(factorKey, user_id, secret) === undefined) {
      result.unreadable_user_ids.push(user_id);
    }
  }
  return result;
}

/**
 * New recovery codes when the user has none (their first factor): returned once, stored as
 * hashes. Runs in the transaction that adds the factor.
 */
async function firstRecoveryCodes(tx: Queryable, userId: number, now: Date): Promise<string[] | null> {
  const s = (await factorStatus.one<FactorStatusRow>(tx, { user_id: userId }))!;
  if (s.recovery_codes_left > 0) return null;
  return replaceRecoveryCodes(tx, userId, now);
}

async function replaceRecoveryCodes(tx: Queryable, userId: number, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await recoveryDelete.run(tx, { user_id: userId });
  await recoveryReplace.run(tx, { user_id: userId, hashes: JSON.stringify(codes.map(hashRecoveryCode)), now: now.toISOString() });
  return codes;
}

/** Confirms TOTP enrolment with a code from the app (that code cannot then sign in); the first factor brings recovery codes, shown once. Audited. */
export async function confirmTotp(ctx: RequestContext, factorKey: Buffer, code: string): Promise<{ recovery_codes: string[] | null }> {
  const me = writerOf(ctx);
  const f = await totpGet.one<{ secret: string; confirmed: boolean; last_used_step: string | number | null }>(ctx.db, { user_id: me.id });
  const secret = f && openTotpSecret(factorKey, me.id, f.secret);
  if (!f || !secret) throw ruleError('bad_request', 'wrong_second_factor', 'code: start the set-up first (POST /api/auth/second-factor/totp).', { attempts_left: null }, ['code']);
  if (f.confirmed) throw ruleError('conflict', 'already_enrolled', 'The authenticator app is confirmed already.');
  const step = await totpStep(secret, code, ctx.now, f.last_used_step === null ? null : Number(f.last_used_step));
  return ctx.db.transaction(async (tx) => {
    if (step === undefined || !(await totpUse.one(tx, { user_id: me.id, step, now: ctx.now.toISOString() }))) {
      throw ruleError('bad_request', 'wrong_second_factor', 'code: this is not the current code of the authenticator app.', { attempts_left: null }, ['code']);
    }
    const recovery_codes = await firstRecoveryCodes(tx, me.id, ctx.now);
    await audit(tx, { at: ctx.now, user: me, action: 'update', entity: 'user', entityId: me.id, details: { second_factor: 'totp_added', by: 'self' } });
    return { recovery_codes };
  });
}

/**
 * The caller's own password, checked like a sign-in (counted first; a wrong one is a 400
 * naming `current_password` and a failed sign-in). Asked before a factor is removed or the
 * recovery codes replaced, so a session left open cannot strip the account's second factor.
 */
async function checkOwnPassword(ctx: RequestContext, me: CurrentUser, password: string, address: string): Promise<void> {
  const attempt = await reserveLoginAttempt(ctx.db, me.email, address, ctx.now);
  const stored = await userByEmail.one<{ password_hash: string }>(ctx.db, { email: me.email });
  let ok: boolean;
  try {
    ok = await verifyPassword(stored?.password_hash ?? (await dummyPasswordHash()), password) && !!stored;
  } catch (err) {
    await releaseLoginAttempt(ctx.db, attempt);
    throw err;
  }
  await settleLoginAttempt(ctx.db, attempt, ok, ctx.now);
  if (!ok) throw ruleError('bad_request', 'wrong_password', 'current_password: this is not your current password.', {}, ['current_password']);
}

/** With the last factor gone the recovery codes go too: alone they are no factor. */
async function dropOrphanRecoveryCodes(tx: Queryable, userId: number): Promise<void> {
  const s = (await factorStatus.one<FactorStatusRow>(tx, { user_id: userId }))!;
  if (!s.totp_confirmed_at && s.passkey_count === 0) await recoveryDelete.run(tx, { user_id: userId });
}

/** Removes the caller's authenticator app (the current password required). Audited. */
export async function removeTotp(ctx: RequestContext, currentPassword: string, address: string): Promise<void> {
  const me = writerOf(ctx);
  await checkOwnPassword(ctx, me, currentPassword, address);
  await ctx.db.transaction(async (tx) => {
    if (!(await totpDelete.one(tx, { user_id: me.id }))) throw new ApiError('not_found', 'No authenticator app is set up.');
    await dropOrphanRecoveryCodes(tx, me.id);
    await audit(tx, { at: ctx.now, user: me, action: 'update', entity: 'user', entityId: me.id, details: { second_factor: 'totp_removed', by: 'self' } });
  });
}

/** New recovery codes in place of the old ones (the current password required; a factor must be set). Audited. */
export async function renewRecoveryCodes(ctx: RequestContext, currentPassword: string, address: string): Promise<{ recovery_codes: string[] }> {
  const me = writerOf(ctx);
  await checkOwnPassword(ctx, me, currentPassword, address);
  return ctx.db.transaction(async (tx) => {
    const s = (await factorStatus.one<FactorStatusRow>(tx, { user_id: me.id }))!;
    if (!s.totp_confirmed_at && s.passkey_count === 0) throw new ApiError('not_found', 'Set up an authenticator app or a passkey first: recovery codes stand in for one.');
    const recovery_codes = await replaceRecoveryCodes(tx, me.id, ctx.now);
    await audit(tx, { at: ctx.now, user: me, action: 'update', entity: 'user', entityId: me.id, details: { second_factor: 'recovery_codes_renewed', by: 'self' } });
    return { recovery_codes };
  });
}

/** WebAuthn options to register a passkey; the challenge is kept server side, for one use within minutes. */
export async function passkeyRegistrationOptions(ctx: RequestContext, rp: RelyingParty) {
  const me = writerOf(ctx);
  const existing = await passkeyList.run<StoredPasskey>(ctx.db, { user_id: me.id });
  const options = await registrationOptions(rp, me, existing);
  await ctx.db.transaction(async (tx) => {
    await registrationTake.run(tx, { user_id: me.id, now: ctx.now.toISOString() });
    await challengeCreate.run(tx, {
      token_hash: hashToken(newToken()), user_id: me.id, purpose: 'passkey_register', challenge: options.challenge,
      address: null, user_agent: null, now: ctx.now.toISOString(), minutes: DEFAULTS.secondFactorPendingMinutes,
    });
  });
  return options;
}

/** Registers a passkey from the browser's answer to the latest challenge (used up either way); the first factor brings recovery codes. Audited. */
export async function addPasskey(ctx: RequestContext, rp: RelyingParty, name: string, response: unknown): Promise<{ passkey: PasskeyInfo; recovery_codes: string[] | null }> {
  const me = writerOf(ctx);
  const taken = await registrationTake.one<{ challenge: string }>(ctx.db, { user_id: me.id, now: ctx.now.toISOString() });
  const refused = (why: string) => ruleError('bad_request', 'wrong_second_factor', `response: ${why}`, { attempts_left: null }, ['response']);
  if (!taken) throw refused('no registration is waiting (it expired or was used): start again with POST /api/auth/second-factor/passkeys/options.');
  const credential = await verifyRegistration(rp, taken.challenge, response);
  if (!credential) throw refused('the browser\'s answer does not match the challenge, this site or the key.');
  return ctx.db.transaction(async (tx) => {
    const passkey = await passkeyInsert.one<PasskeyInfo>(tx, {
      user_id: me.id, credential_id: credential.credential_id, public_key: credential.public_key, counter: credential.counter,
      transports: JSON.stringify(credential.transports), name, now: ctx.now.toISOString(),
    });
    if (!passkey) throw ruleError('conflict', 'duplicate', 'This passkey is registered already.');
    const recovery_codes = await firstRecoveryCodes(tx, me.id, ctx.now);
    await audit(tx, { at: ctx.now, user: me, action: 'update', entity: 'user', entityId: me.id, details: { second_factor: 'passkey_added', passkey: passkey.id, by: 'self' } });
    return { passkey, recovery_codes };
  });
}

/** Removes one of the caller's passkeys (the current password required); another user's is a 404. Audited. */
export async function removePasskey(ctx: RequestContext, id: number, currentPassword: string, address: string): Promise<void> {
  const me = writerOf(ctx);
  await checkOwnPassword(ctx, me, currentPassword, address);
  await ctx.db.transaction(async (tx) => {
    if (!(await passkeyDelete.one(tx, { id, user_id: me.id }))) throw notFound('passkey of yours', id);
    await dropOrphanRecoveryCodes(tx, me.id);
    await audit(tx, { at: ctx.now, user: me, action: 'update', entity: 'user', entityId: me.id, details: { second_factor: 'passkey_removed', passkey: id, by: 'self' } });
  });
}

export interface SecondFactorReset { totp_removed: boolean; passkeys_removed: number; recovery_codes_removed: number; sessions_ended: number }

/**
 * An administrator's reset of a user's lost second factor: their authenticator app,
 * passkeys, recovery codes and pending sign-ins go, and their sessions end, in one
 * transaction with the audit entry. The user then signs in with the password alone and
 * (when their role must have one) sets up a new factor before anything else.
 */
export async function resetSecondFactor(ctx: RequestContext, userId: number): Promise<SecondFactorReset> {
  const me = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const user = await userGet.one<{ id: number; email: string }>(tx, { id: userId });
    if (!user) throw notFound('user', userId);
    const totp_removed = !!(await totpDelete.one(tx, { user_id: userId }));
    const passkeys_removed = (await passkeysDeleteAll.run(tx, { user_id: userId })).length;
    const recovery_codes_removed = (await recoveryDelete.run(tx, { user_id: userId })).length;
    await challengesDeleteUser.run(tx, { user_id: userId });
    const sessions_ended = (await userSessionsEnd.run(tx, { user_id: userId })).length;
    const result = { totp_removed, passkeys_removed, recovery_codes_removed, sessions_ended };
    await audit(tx, { at: ctx.now, user: me, action: 'update', entity: 'user', entityId: userId, details: { second_factor: 'reset', by: 'admin', ...result } });
    return result;
  });
}

export const SECOND_FACTOR_REQUIRED_FOR = ['none', 'admin', 'editor'] as const;
export type SecondFactorRequiredFor = (typeof SECOND_FACTOR_REQUIRED_FOR)[number];
export interface SecondFactorSetting { required_for: SecondFactorRequiredFor; updated_at: string }

export async function getSecondFactorSetting(ctx: RequestContext): Promise<SecondFactorSetting> {
  return (await settingGet.one<SecondFactorSetting>(ctx.reader, {})) ?? { required_for: 'none', updated_at: ctx.now.toISOString() };
}

/** Sets who must have a second factor; the change and its audit entry (before and after) in one transaction. */
export async function setSecondFactorSetting(ctx: RequestContext, requiredFor: SecondFactorRequiredFor): Promise<SecondFactorSetting> {
  const me = writerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await settingGet.one<SecondFactorSetting>(tx, {});
    const after = (await settingPut.one<SecondFactorSetting>(tx, { required_for: requiredFor, now: ctx.now.toISOString() }))!;
    await audit(tx, {
      at: ctx.now, user: me, action: 'update', entity: 'setting', entityId: 'second_factor_required_for',
      before: { required_for: before?.required_for ?? 'none' }, after: { required_for: after.required_for },
    });
    return after;
  });
}
