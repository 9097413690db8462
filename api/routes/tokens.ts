import { z } from '@hono/zod-openapi';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { createToken, listTokens, revokeToken } from '../services/tokens.js';
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

/** Personal API tokens for GIS clients (QGIS, GDAL): created, listed and revoked by their own user. */
export const tokensRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/auth/tokens',
      tags: ['Auth'],
      summary: 'Create a personal API token',
      description: 'The token is returned once, in this answer; only its SHA-256 is stored. It acts with your role until revoked.',
      body: TokenCreate,
      ok: { status: 201, description: 'The new token, with its secret.', schema: TokenCreated },
    }),
    async (c) => {
      const { name } = c.req.valid('json');
      return c.json(await createToken(contextOf(c), name), 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/auth/tokens',
      tags: ['Auth'],
      summary: 'Your personal API tokens (without secrets)',
      ok: { status: 200, description: 'Your unrevoked tokens.', schema: z.object({ tokens: z.array(TokenInfo) }) },
    }),
    async (c) => {
      return c.json({ tokens: await listTokens(contextOf(c)) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'delete',
      path: '/auth/tokens/{id}',
      tags: ['Auth'],
      summary: 'Revoke one of your personal API tokens',
      request: { params: IdParam },
      ok: { status: 204, description: 'Revoked.' },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await revokeToken(contextOf(c), id);
      return c.body(null, 204);
    },
  );
