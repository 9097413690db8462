import { createRoute, z } from '@hono/zod-openapi';
import { contextOf } from '../http/context.js';
import { health } from '../services/health.js';
import { newRouter } from '../validation.js';

const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgresql']),
    postgis: z.string().openapi({ example: '3.6.2' }),
  })
  .openapi('Health');

export const healthRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['System'],
    summary: 'Liveness and database check',
    security: [],
    responses: { 200: { description: 'The API and its database answer.', content: { 'application/json': { schema: Health } } } },
  }),
  async (c) => {
    const { database, postgis } = await health(contextOf(c));
    return c.json({ status: 'ok' as const, database, postgis }, 200);
  },
);

const ClientConfig = z
  .object({
    basemap_style_url: z.string().openapi({ description: 'The MapLibre style the client loads (BASEMAP_STYLE_URL); the client falls back to a local style when it cannot be reached.' }),
    tile_threshold: z.number().int().openapi({
      description: 'Most actors or child places of a map view the client loads as GeoJSON (TILE_THRESHOLD); when more match, it draws that layer from `/api/tiles`.',
    }),
  })
  .openapi('ClientConfig');

/** Settings the browser client needs before signing in. */
export const clientConfigRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/client-config',
    tags: ['System'],
    summary: 'Client settings (basemap style, tile threshold)',
    security: [],
    responses: { 200: { description: 'Settings for the web client.', content: { 'application/json': { schema: ClientConfig } } } },
  }),
  (c) => c.json({ basemap_style_url: c.var.deps.config.basemapStyleUrl, tile_threshold: c.var.deps.config.tileThreshold }, 200),
);
