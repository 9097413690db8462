import { z } from '@hono/zod-openapi';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwordPolicy.js';
import { notFound } from '../errors.js';
import { etagOf, requireIfMatch } from '../http/conditional.js';
import { IdParam, ROLES } from '../schemas/common.js';
import { createUser, getUser, listUsers, updateUser } from '../services/users.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { newRouter } from '../validation.js';

const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { error: `password must be at most ${MAX_PASSWORD_LENGTH} characters` })
  .openapi({ description: `${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters, no composition rules; refused (400 \`weak_password\`) when it is a common or breached password or the account's e-mail address.` });

const Name = z.string().trim().min(1, { error: 'name must not be empty' }).max(200, { error: 'name must be at most 200 characters' });

export const User = z
  .object({
    id: z.number().int(), email: z.string(), name: z.string(), role: z.enum(ROLES), active: z.boolean(),
    must_change_password: z.boolean().openapi({ description: 'The password was set by an administrator and is temporary: until its owner chooses their own, the account can only change it, read /api/auth/me and sign out.' }),
    version: z.number().int(), created_at: z.string(), updated_at: z.string(),
    role_source: z.enum(['local', 'groups', 'override']).openapi({
      description: 'Who decides the role. `local`: administrators (every account not made by the work account). `groups`: made by a sign-in with the work account, ' +
        'so every sign-in sets the role its groups map to (GET /api/settings/oidc-role-mappings), and with none the account waits again. `override`: such an account whose role ' +
        'or enabled state an administrator changed by hand; that holds while its groups map to no role, and the next sign-in at which they do makes it `groups` again.',
    }),
    waiting: z.boolean().openapi({ description: 'Made by a sign-in with the work account whose groups map to no role, and not let in: inactive until a group maps to a role or an administrator enables it.' }),
  })
  .openapi('User');

const UserCreate = z
  .strictObject({
    email: z.string().trim().toLowerCase().email({ error: 'email must be an e-mail address' }).max(200, { error: 'email must be at most 200 characters' }),
    name: Name,
    role: z.enum(ROLES),
    password: Password,
  })
  .openapi('UserCreate');

const UserPatch = z
  .strictObject({ name: Name.optional(), role: z.enum(ROLES).optional(), active: z.boolean().optional(), password: Password.optional() })
  .refine((v) => Object.keys(v).length > 0, { error: 'send at least one of name, role, active, password' })
  .openapi('UserPatch');


/** User administration (admins only). Every change is audited; password hashes never leave the database. */
export const usersRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get', path: '/users', tags: ['Users'], summary: 'All user accounts', role: 'admin',
      ok: { status: 200, description: 'The accounts.', schema: z.object({ users: z.array(User) }) },
    }),
    async (c) => c.json({ users: await listUsers(contextOf(c)) }, 200),
  )
  .openapi(
    jsonRoute({
      method: 'post', path: '/users', tags: ['Users'], summary: 'Create a user account', role: 'admin',
      body: UserCreate,
      ok: { status: 201, description: 'The new account; `ETag` carries its version.', schema: User },
      errors: [409],
    }),
    async (c) => {
      const user = await createUser(contextOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(user.version));
      return c.json(user, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/users/{id}', tags: ['Users'], summary: 'One user account', role: 'admin',
      request: { params: IdParam },
      ok: { status: 200, description: 'The account; `ETag` carries its version.', schema: User },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = await getUser(contextOf(c), id);
      if (!user) throw notFound('user', id);
      c.header('ETag', etagOf(user.version));
      return c.json(user, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'patch', path: '/users/{id}', tags: ['Users'], summary: 'Change a user account', role: 'admin',
      description: 'Needs `If-Match`. A changed role or enabled state of an account with `role_source` `groups` makes it `override` (see User). Disabling an account (`active: false`) or setting its password ends all its sessions and revokes all its API tokens for good (enabling it again does not bring them back). The last active administrator cannot be demoted or disabled.',
      request: { params: IdParam },
      body: UserPatch,
      ok: { status: 200, description: 'The changed account.', schema: User },
      ifMatch: true,
      errors: [409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const version = requireIfMatch(c);
      const user = await updateUser(contextOf(c), id, version, change);
      c.header('ETag', etagOf(user.version));
      return c.json(user, 200);
    },
  );
