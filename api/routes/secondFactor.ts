import { createRoute, z } from '@hono/zod-openapi';
import { relyingPartyOf } from '../auth/webauthn.js';
import { clientAddress } from '../http/clientAddress.js';
import { contextOf, factorKeyOf } from '../http/context.js';
import { clearPendingCookie, readPendingCookie, readSessionCookie, setSessionCookie } from '../http/cookies.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { publicOrigin } from '../http/publicOrigin.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import {
  addPasskey, confirmTotp, getSecondFactor, getSecondFactorSetting, passkeyRegistrationOptions, removePasskey, removeTotp,
  renewRecoveryCodes, resetSecondFactor, SECOND_FACTOR_REQUIRED_FOR, setSecondFactorSetting, startTotp,
} from '../services/secondFactor.js';
import { passkeySignInOptions, signInWithPasskey, signInWithRecoveryCode, signInWithTotp, type SecondStep } from '../services/secondFactorLogin.js';
import type { SignedIn } from '../services/sessions.js';
import { newRouter } from '../validation.js';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { Me } from './auth.js';

const Code = z.string().trim().regex(/^\d{6}$/, { error: 'code must be the six digits the authenticator app shows' });

const SecondStepBody = z
  .strictObject({
    code: Code.optional().openapi({ description: 'The six digits the authenticator app shows now.' }),
    recovery_code: z.string().trim().min(1, { error: 'recovery_code must not be empty' }).max(40, { error: 'recovery_code must be at most 40 characters' }).optional()
      .openapi({ description: 'One of the recovery codes shown at enrolment (each works once).' }),
  })
  .refine((b) => (b.code === undefined) !== (b.recovery_code === undefined), { error: 'send either code or recovery_code', path: ['code'] })
  .openapi('SecondFactorCode');

/** A WebAuthn answer as @simplewebauthn/browser gives it (checked in full by @simplewebauthn/server). */
const WebAuthnResponse = z
  .looseObject({ id: z.string().min(1).max(1400), type: z.literal('public-key', { error: 'response.type must be "public-key"' }) })
  .openapi('WebAuthnResponse', { description: 'The JSON of the credential the browser returned (startRegistration / startAuthentication of @simplewebauthn/browser).' });

const PasskeyVerify = z.strictObject({ response: WebAuthnResponse }).openapi('PasskeySignIn');

const WebAuthnOptions = z.looseObject({ challenge: z.string() }).openapi('WebAuthnOptions', { description: 'Options for navigator.credentials (as @simplewebauthn/browser takes them); the challenge works once, for a few minutes.' });

const CurrentPassword = z
  .strictObject({ current_password: z.string().min(1, { error: 'current_password must not be empty' }).max(256, { error: 'current_password must be at most 256 characters' }) })
  .openapi('CurrentPassword');

const PasskeyInfo = z.object({ id: z.number().int(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable() }).openapi('Passkey');

const SecondFactorState = z
  .object({
    required: z.boolean().openapi({ description: 'Whether your role must have a second factor (setting second_factor_required_for).' }),
    totp: z.object({ confirmed_at: z.string() }).nullable().openapi({ description: 'The authenticator app, once confirmed.' }),
    recovery_codes_left: z.number().int(),
    passkeys: z.array(PasskeyInfo),
  })
  .openapi('SecondFactor');

const RecoveryCodes = z.array(z.string()).openapi({ description: 'Single-use recovery codes, shown in this answer only: keep them somewhere safe.' });

const RequiredFor = z.enum(SECOND_FACTOR_REQUIRED_FOR, { error: `required_for must be one of ${SECOND_FACTOR_REQUIRED_FOR.join(', ')}` });
const SecondFactorSetting = z
  .object({ required_for: RequiredFor.openapi({ description: '`none`; `admin`: administrators; `editor`: editors and administrators.' }), updated_at: z.string() })
  .openapi('SecondFactorSetting');

const rpOf = (c: Context<AppEnv>) => relyingPartyOf(publicOrigin(c));

const stepOf = (c: Context<AppEnv>): SecondStep => ({
  pendingToken: readPendingCookie(c), address: clientAddress(c), previousToken: readSessionCookie(c), userAgent: c.req.header('user-agent'),
});

/** The session cookie in place of the pending one, and the user as GET /api/auth/me shows them. */
function signedInAnswer(c: Context<AppEnv>, { user, token }: { user: SignedIn; token: string }) {
  clearPendingCookie(c);
  setSessionCookie(c, token);
  return c.json({ id: user.id, email: user.email, name: user.name, role: user.role, must_change_password: user.must_change_password, second_factor_enrolment_required: false }, 200);
}

const secondStepDescription =
  'The second step of sign-in, after POST /api/auth/login answered `second_factor_required` and set the pending cookie. ' +
  'Each answer counts in the sign-in limits (429 with Retry-After); a wrong one is 401 `wrong_second_factor` with `attempts_left`, and after ' +
  'five the pending sign-in ends (401 `second_factor_pending_missing`: sign in with the password again, as after its five minutes).';

/** The error answers of the second step of sign-in, its 401 saying what it means there (no session is involved). */
const secondStepErrors = (...statuses: number[]) => ({
  ...errorResponses(...statuses),
  401: {
    ...errorResponses(401)[401]!,
    description: 'A wrong or used answer (`wrong_second_factor`), or no sign-in waiting for a second factor (`second_factor_pending_missing`: no `ps_second_factor` cookie, expired, or ended after five wrong answers).',
  },
});

/** The second factor: the second step of sign-in, one's own enrolment, and the administrator's reset and setting. */
export const secondFactorRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/totp',
      tags: ['Auth'],
      summary: 'Finish signing in with an authenticator code or a recovery code; sets the session cookie',
      description: `${secondStepDescription} A code is refused a second time within its window; a recovery code works once.`,
      security: [],
      request: { body: { required: true, content: { 'application/json': { schema: SecondStepBody } } } },
      responses: { 200: { description: 'Signed in.', content: { 'application/json': { schema: Me } } }, ...secondStepErrors(400, 415, 429, 503) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const ctx = contextOf(c);
      const done = body.code !== undefined ? await signInWithTotp(ctx, factorKeyOf(c), stepOf(c), body.code) : await signInWithRecoveryCode(ctx, stepOf(c), body.recovery_code!);
      return signedInAnswer(c, done);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/passkey/options',
      tags: ['Auth'],
      summary: 'WebAuthn options to finish signing in with a passkey',
      description: 'For the pending sign-in (its cookie); a new challenge each time, the previous one void.',
      security: [],
      responses: { 200: { description: 'Options for startAuthentication.', content: { 'application/json': { schema: WebAuthnOptions } } }, ...secondStepErrors(400) },
    }),
    async (c) => c.json(await passkeySignInOptions(contextOf(c), readPendingCookie(c), rpOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/passkey/verify',
      tags: ['Auth'],
      summary: 'Finish signing in with a passkey; sets the session cookie',
      description: `${secondStepDescription} The answer must be signed over the latest challenge, for this site's origin and host name.`,
      security: [],
      request: { body: { required: true, content: { 'application/json': { schema: PasskeyVerify } } } },
      responses: { 200: { description: 'Signed in.', content: { 'application/json': { schema: Me } } }, ...secondStepErrors(400, 415, 429, 503) },
    }),
    async (c) => signedInAnswer(c, await signInWithPasskey(contextOf(c), stepOf(c), rpOf(c), c.req.valid('json').response)),
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/auth/second-factor',
      tags: ['Auth'],
      summary: 'Your second factor: authenticator app, recovery codes left, passkeys',
      ok: { status: 200, description: 'Your second factor.', schema: SecondFactorState },
    }),
    async (c) => c.json(await getSecondFactor(contextOf(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/auth/second-factor/totp',
      tags: ['Auth'],
      summary: 'Start setting up an authenticator app (TOTP)',
      description: 'A new secret, in this answer only, as text and as a QR code; it signs in once confirmed with a code (POST …/totp/confirm). Starting again replaces an unconfirmed secret; a confirmed one is a 409 `already_enrolled`.',
      ok: { status: 200, description: 'The secret to enter in the app.', schema: z.object({ secret: z.string(), otpauth_uri: z.string(), qr_data_url: z.string().openapi({ description: 'A PNG data URL of the QR code of otpauth_uri.' }) }).openapi('TotpEnrolment') },
      errors: [409],
    }),
    async (c) => c.json(await startTotp(contextOf(c), factorKeyOf(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/auth/second-factor/totp/confirm',
      tags: ['Auth'],
      summary: 'Confirm the authenticator app with a code from it',
      description: 'A wrong code is 400 `wrong_second_factor` naming `code`. With your first factor come recovery codes, in this answer only (else `recovery_codes` is null). Audited.',
      body: z.strictObject({ code: Code }).openapi('TotpConfirm'),
      ok: { status: 200, description: 'Confirmed.', schema: z.object({ recovery_codes: RecoveryCodes.nullable() }) },
      errors: [409],
    }),
    async (c) => c.json(await confirmTotp(contextOf(c), factorKeyOf(c), c.req.valid('json').code), 200),
  )
  .openapi(
    jsonRoute({
      method: 'delete',
      path: '/auth/second-factor/totp',
      tags: ['Auth'],
      summary: 'Remove your authenticator app (your password required)',
      description: 'A wrong `current_password` is 400 `wrong_password` and counts as a failed sign-in. With no factor left the recovery codes go too. Audited.',
      body: CurrentPassword,
      ok: { status: 204, description: 'Removed.' },
      errors: [404, 429, 503],
    }),
    async (c) => {
      await removeTotp(contextOf(c), c.req.valid('json').current_password, clientAddress(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/auth/second-factor/recovery-codes',
      tags: ['Auth'],
      summary: 'New recovery codes in place of the old ones (your password required)',
      description: 'Needs a factor set (404 otherwise). Audited.',
      body: CurrentPassword,
      ok: { status: 200, description: 'The new codes.', schema: z.object({ recovery_codes: RecoveryCodes }) },
      errors: [404, 429, 503],
    }),
    async (c) => c.json(await renewRecoveryCodes(contextOf(c), c.req.valid('json').current_password, clientAddress(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/auth/second-factor/passkeys/options',
      tags: ['Auth'],
      summary: 'WebAuthn options to register a passkey',
      description: 'The challenge is kept server side and works once, for a few minutes; your passkeys are excluded.',
      ok: { status: 200, description: 'Options for startRegistration.', schema: WebAuthnOptions },
    }),
    async (c) => c.json(await passkeyRegistrationOptions(contextOf(c), rpOf(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/auth/second-factor/passkeys',
      tags: ['Auth'],
      summary: 'Register a passkey from the browser\'s answer',
      description: 'The answer must match the latest challenge (used up either way), this site\'s origin and host name: else 400 `wrong_second_factor` naming `response`. With your first factor come recovery codes, in this answer only. Audited.',
      body: z.strictObject({
        name: z.string().trim().min(1, { error: 'name must not be empty' }).max(100, { error: 'name must be at most 100 characters' }).openapi({ example: 'Min telefon' }),
        response: WebAuthnResponse,
      }).openapi('PasskeyCreate'),
      ok: { status: 201, description: 'Registered.', schema: z.object({ passkey: PasskeyInfo, recovery_codes: RecoveryCodes.nullable() }) },
      errors: [409],
    }),
    async (c) => {
      const { name, response } = c.req.valid('json');
      return c.json(await addPasskey(contextOf(c), rpOf(c), name, response), 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'delete',
      path: '/auth/second-factor/passkeys/{id}',
      tags: ['Auth'],
      summary: 'Remove one of your passkeys (your password required)',
      description: 'Another user\'s passkey is a 404. With no factor left the recovery codes go too. Audited.',
      request: { params: IdParam },
      body: CurrentPassword,
      ok: { status: 204, description: 'Removed.' },
      errors: [429, 503],
    }),
    async (c) => {
      await removePasskey(contextOf(c), c.req.valid('param').id, c.req.valid('json').current_password, clientAddress(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/users/{id}/second-factor/reset',
      tags: ['Users'],
      summary: 'Reset a user\'s lost second factor (admin)',
      description: 'Removes their authenticator app, passkeys and recovery codes and ends their sessions; they sign in with the password alone and set up a new factor. Audited.',
      role: 'admin',
      request: { params: IdParam },
      ok: {
        status: 200, description: 'Reset.',
        schema: z.object({ totp_removed: z.boolean(), passkeys_removed: z.number().int(), recovery_codes_removed: z.number().int(), sessions_ended: z.number().int() }).openapi('SecondFactorReset'),
      },
    }),
    async (c) => c.json(await resetSecondFactor(contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/settings/second-factor',
      tags: ['Settings'],
      summary: 'Who must have a second factor',
      ok: { status: 200, description: 'The setting.', schema: SecondFactorSetting },
    }),
    async (c) => c.json(await getSecondFactorSetting(contextOf(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: 'put',
      path: '/settings/second-factor',
      tags: ['Settings'],
      summary: 'Set who must have a second factor (admin)',
      description: 'An account the setting names that has no factor can, after its password, only set one up (403 `second_factor_enrolment_required` elsewhere). Audited (before and after).',
      role: 'admin',
      body: z.strictObject({ required_for: RequiredFor }).openapi('SecondFactorSettingInput'),
      ok: { status: 200, description: 'The new setting.', schema: SecondFactorSetting },
    }),
    async (c) => c.json(await setSecondFactorSetting(contextOf(c), c.req.valid('json').required_for), 200),
  );
