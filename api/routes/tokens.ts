import { createRoute, z } from '@hono/zod-openapi';
import { hashToken, newToken } from '../auth/tokens.js';
import { query } from '../db/sqlFiles.js';
import { ApiError, MESSAGES, notFound } from '../errors.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { audit } from '../services/audit.js';
import { newRouter } from '../validation.js';

const TokenCreate = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'name must not be empty' }).max(100, { error: 'name must be at most 100 characters' })
      .openapi({ example: 'QGIS på min dator' }),
  })
  .openapi('ApiTokenCreate');

export const TokenInfo = z
  .object({ id: z.number().int(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable() })
  .openapi('ApiToken');

export const TokenCreated = z
  .object({
    id: z.number().int(),
    name: z.string(),
    token: z.string().openapi({ description: 'The secret; shown only in this answer. Send it as "Authorization: Bearer <token>".' }),
    created_at: z.string(),
  })
  .openapi('ApiTokenCreated');

const me = (c: { var: { user: { id: number; email: string } | undefined } }) => {
  if (!c.var.user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
  return c.var.user;
};

/** Personal API tokens for GIS clients (QGIS, GDAL): created, listed and revoked by their own user. */
export const tokensRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/tokens',
      tags: ['Auth'],
      summary: 'Create a personal API token',
      description: 'The token is returned once, in this answer; only its SHA-256 is stored. It acts with your role until revoked.',
      request: { body: { required: true, content: { 'application/json': { schema: TokenCreate } } } },
      responses: {
        201: { description: 'The new token, with its secret.', content: { 'application/json': { schema: TokenCreated } } },
        ...errorResponses(400, 401, 415),
      },
    }),
    async (c) => {
      const user = me(c);
      const { name } = c.req.valid('json');
      const { db, clock } = c.var.deps;
      const token = newToken();
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const [created] = await tx.query<{ id: number; name: string; created_at: string }>(query('tokens_create'), [user.id, name, hashToken(token), now.toISOString()]);
        await audit(tx, { at: now, user, action: 'create', entity: 'api_token', entityId: created!.id, after: { name } });
        return created!;
      });
      return c.json({ id: row.id, name: row.name, token, created_at: row.created_at }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/tokens',
      tags: ['Auth'],
      summary: 'Your personal API tokens (without secrets)',
      responses: {
        200: { description: 'Your unrevoked tokens.', content: { 'application/json': { schema: z.object({ tokens: z.array(TokenInfo) }) } } },
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const user = me(c);
      const tokens = await c.var.deps.db.query<z.infer<typeof TokenInfo>>(query('tokens_list'), [user.id]);
      return c.json({ tokens }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/auth/tokens/{id}',
      tags: ['Auth'],
      summary: 'Revoke one of your personal API tokens',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked.' }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const user = me(c);
      const { id } = c.req.valid('param');
      const { db, clock } = c.var.deps;
      const now = clock();
      await db.transaction(async (tx) => {
        const [revoked] = await tx.query<{ id: number; name: string }>(query('tokens_revoke'), [id, user.id, now.toISOString()]);
        if (!revoked) throw notFound('API token of yours', id);
        await audit(tx, { at: now, user, action: 'delete', entity: 'api_token', entityId: id, before: { name: revoked.name } });
      });
      return c.body(null, 204);
    },
  );
