/**
 * OpenID Connect sign-in: which values of the provider's role claim (OIDC_ROLE_CLAIM,
 * `groups` by default) give which role when an account is made at its first sign-in.
 */
import { z } from '@hono/zod-openapi';
import { ROLES } from './common.js';

/** Most mappings one setting holds: a handful of groups per role in practice. */
export const ROLE_MAPPINGS_MAX = 100;

const RoleMapping = z
  .strictObject({
    claim_value: z.string({ error: 'claim_value must be text: a group or role name as the provider sends it' })
      .trim().min(1, { error: 'claim_value must not be empty' }).max(200, { error: 'claim_value must be at most 200 characters' }),
    role: z.enum(ROLES, { error: `role must be one of: ${ROLES.join(', ')}` }),
  })
  .openapi('OidcRoleMapping');

export const RoleMappingsInput = z
  .strictObject({
    mappings: z.array(RoleMapping).max(ROLE_MAPPINGS_MAX, { error: `mappings must hold at most ${ROLE_MAPPINGS_MAX} entries` })
      .refine((list) => new Set(list.map((m) => m.claim_value)).size === list.length, { error: 'mappings must name each claim_value once' }),
  })
  .openapi('OidcRoleMappingsInput', {
    description: 'Claim values (compared exactly, case included) and the role each gives. A person with values of several mappings gets the highest of their roles; with none, the account waits for an administrator.',
    example: { mappings: [{ claim_value: 'platssamverkan-redaktorer', role: 'editor' }, { claim_value: 'platssamverkan-admin', role: 'admin' }] },
  });
export type RoleMappingsInputT = z.infer<typeof RoleMappingsInput>;

export const RoleMappings = z
  .object({
    mappings: z.array(RoleMapping),
    claim: z.string().nullable().openapi({ description: 'The claim the values are read from (OIDC_ROLE_CLAIM); null when OpenID Connect sign-in is off.' }),
    updated_at: z.string().openapi({ description: 'When the mappings were last changed (ISO 8601).' }),
  })
  .openapi('OidcRoleMappings');
export type RoleMappingsT = z.infer<typeof RoleMappings>;

export const AuthConfig = z
  .object({
    oidc: z.boolean().openapi({ description: 'Whether "Sign in with your work account" (GET /api/auth/oidc/start) is on.' }),
    local_passwords: z.boolean().openapi({ description: 'Whether sign-in with an e-mail and password (POST /api/auth/login) is on.' }),
  })
  .openapi('AuthConfig');
export type AuthConfigT = z.infer<typeof AuthConfig>;
