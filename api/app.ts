import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requireRole, resolveUser } from './auth/middleware.js';
import { OPENAPI_PATH } from './auth/basic.js';
import { DEFAULTS } from './config.js';
import type { AppDeps, AppEnv } from './env.js';
import { ApiError, ERROR_STATUS, errorBody, MESSAGES, ruleError, type ErrorCode } from './errors.js';
import { compressAnswers } from './http/compression.js';
import { documentedSessionCookie } from './http/cookies.js';
import { closeAfterRefusedBody, csrfGuard, jsonKeyGuard, noStore, securityHeaders } from './http/security.js';
import { authRoutes } from './routes/auth.js';
import { oidcRoutes } from './routes/oidc.js';
import { auditRoutes } from './routes/audit.js';
import { privacyRoutes } from './routes/privacy.js';
import { tokensRoutes } from './routes/tokens.js';
import { secondFactorRoutes } from './routes/secondFactor.js';
import { usersRoutes } from './routes/users.js';
import { docsRoutes } from './routes/docs.js';
import { informationNeedsRoutes } from './routes/informationNeeds.js';
import { layerRoutes } from './routes/layers.js';
import { proximityRoutes } from './routes/proximity.js';
import { walkingRoutes } from './routes/walking.js';
import { settingsRoutes } from './routes/settings.js';
import { walkingSettingsRoutes } from './routes/walkingSettings.js';
import { siteAnalysisRoutes } from './routes/siteAnalysis.js';
import { siteAnalysesRoutes } from './routes/siteAnalyses.js';
import { clientConfigRoutes, healthRoutes } from './routes/health.js';
import { tilesRoutes } from './routes/tiles.js';
import { basemapRoutes } from './routes/basemap.js';
import { recordRoutes } from './routes/records.js';
import { unitsRoutes } from './routes/units.js';
import { importRoutes } from './routes/import.js';
import { ogcRoutes } from './ogc/routes.js';
import { areasRoutes } from './routes/areas.js';
import { exportsRoutes } from './routes/exports.js';
import { activitiesRoutes } from './routes/activities.js';
import { outreachRoutes } from './routes/outreach.js';
import { principlesRoutes } from './routes/principles.js';
import { addressRoutes } from './routes/addresses.js';
import { suggestionRoutes } from './routes/suggestions.js';
import { baseDataRoutes } from './routes/baseData.js';
import { isProtectedHousingViolation, protectedHousingMessage } from './services/protectedHousing.js';
import { validationHook } from './validation.js';

/** The built client, served from the same port as the API. */
export const CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

/** API paths anyone may call without signing in. */
const PUBLIC_API_PATHS = new Set([
  '/api/health', '/api/client-config', '/api/auth/login', OPENAPI_PATH, '/api/docs',
  '/api/auth/login/totp', '/api/auth/login/passkey/options', '/api/auth/login/passkey/verify',
  '/api/auth/config', '/api/auth/oidc/start', '/api/auth/oidc/callback',
]);

const ME_PATH = '/api/auth/me';

/** Builds the whole application (API, OpenAPI document, client). `server.ts` alone listens. */
/** The OSM base data upload: the file itself as the body, with its own body limit. */
const OSM_IMPORT_PATH = '/api/base-data/import';

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID());
    await next();
    c.header('X-Request-Id', c.var.requestId);
  });
  app.use('*', compressAnswers());
  app.use('*', securityHeaders(deps.config.basemapStyleUrl));
  app.use('/api/*', noStore);
  app.use('/api/*', csrfGuard((p) => (p === OSM_IMPORT_PATH ? ['application/octet-stream'] : [])));
  app.use('/api/*', closeAfterRefusedBody);
  const entityLimit = bodyLimit({
    maxSize: DEFAULTS.entityBodyLimitBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `The body is larger than the limit of ${DEFAULTS.entityBodyLimitBytes / 1024} kB.`);
    },
  });
  const importLimit = bodyLimit({
    maxSize: DEFAULTS.importBodyLimitBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `The import body is larger than the limit of ${DEFAULTS.importBodyLimitBytes / 1024 / 1024} MB.`);
    },
  });
  const osmImportLimit = bodyLimit({
    maxSize: DEFAULTS.osmImportBodyLimitBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `The OSM file is larger than the limit of ${DEFAULTS.osmImportBodyLimitBytes / 1024 / 1024} MB; clip the extract to the region (osmium extract -b …).`);
    },
  });
  app.use('/api/*', (c, next) => (c.req.path === OSM_IMPORT_PATH ? osmImportLimit(c, next) : c.req.path.startsWith('/api/import/') ? importLimit(c, next) : entityLimit(c, next)));
  app.use('/api/*', jsonKeyGuard);
  app.use('/api/*', resolveUser);
  app.use('/api/*', async (c, next) => {
    if (PUBLIC_API_PATHS.has(c.req.path)) return next();
    // "Who is signed in, if anyone": the web app's first question, answered 204 to no one (routes/auth.ts).
    if (!c.var.user && c.req.path === ME_PATH && c.req.query('optional') === 'true') return next();
    return requireRole('viewer')(c, next);
  });

  app.route('/api', healthRoutes);
  app.route('/api', clientConfigRoutes);
  app.route('/api', authRoutes);
  app.route('/api', oidcRoutes);
  app.route('/api', tokensRoutes);
  app.route('/api', secondFactorRoutes);
  app.route('/api', usersRoutes);
  app.route('/api', auditRoutes);
  app.route('/api', privacyRoutes);
  app.route('/api', unitsRoutes);
  // Before exportsRoutes: its /exports/{layer} would otherwise catch /exports/information-needs.csv.
  app.route('/api', activitiesRoutes);
  app.route('/api', outreachRoutes);
  app.route('/api', principlesRoutes);
  app.route('/api', recordRoutes);
  app.route('/api', importRoutes);
  app.route('/api', areasRoutes);
  app.route('/api', exportsRoutes);
  app.route('/api', proximityRoutes);
  app.route('/api', walkingRoutes);
  app.route('/api', informationNeedsRoutes);
  app.route('/api', siteAnalysisRoutes);
  app.route('/api', siteAnalysesRoutes);
  app.route('/api', addressRoutes);
  app.route('/api', suggestionRoutes);
  app.route('/api', baseDataRoutes);
  app.route('/api', layerRoutes);
  app.route('/api', settingsRoutes);
  app.route('/api', walkingSettingsRoutes);
  app.route('/api', docsRoutes(app));
  app.route('/api', tilesRoutes);
  app.route('/api', basemapRoutes);

  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Platssamverkan API',
      version: '1',
      description: 'Units, their zones, neighbourhood actors and child places for the place-collaboration model. JSON, snake_case, GeoJSON (RFC 7946, WGS 84).',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey', in: 'cookie', name: documentedSessionCookie(deps.config),
    description: 'The session cookie set by POST /api/auth/login: `__Host-ps_session` where the product is reached over https, `ps_session` over plain http.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'tokenBasic', {
    type: 'http', scheme: 'basic',
    description: 'For GIS clients that cannot send a Bearer header (QGIS): HTTP Basic with a personal API token as the password (any user name; the account e-mail reads best), accepted only on /ogc and /api/tiles (and the OpenAPI document /ogc links to), and only over https or from the server\'s own machine.',
  });

  app.all('/api/*', (c) => {
    throw new ApiError('not_found', MESSAGES.routeNotFound(c.req.method, c.req.path));
  });

  // GIS clients given the address with a trailing slash: the same resource without it.
  app.get('/ogc/*', async (c, next) => {
    if (!c.req.path.endsWith('/')) return next();
    // From the URL's own (percent-encoded) path: a decoded one could hold characters no
    // header may carry.
    const url = new URL(c.req.url);
    return c.redirect(`${url.pathname.replace(/\/+$/, '')}${url.search}`, 308);
  });
  app.route('/ogc', ogcRoutes);
  // An unknown OGC path is the OGC API's JSON 404, never the web app's page (which a GIS
  // client would fail to read as a layer without saying why).
  app.all('/ogc/*', (c) => {
    throw new ApiError('not_found', MESSAGES.ogcPathNotFound(c.req.method, c.req.path));
  });

  mountClient(app);

  app.onError((err, c) => {
    const requestId = c.var.requestId;
    const mapped = toApiError(err);
    if (mapped) {
      if (mapped.headers) for (const [k, v] of Object.entries(mapped.headers)) c.header(k, v);
      return c.json(errorBody(mapped.code, mapped.message, mapped.details), ERROR_STATUS[mapped.code]);
    }
    console.error(`[${requestId}] ${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody('internal', MESSAGES.internal, undefined, requestId), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found', MESSAGES.routeNotFound(c.req.method, c.req.path)), 404));
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * Maps what a request can cause to a client error: our own ApiError, Hono's
 * HTTPException (malformed JSON and the like), and database errors that bad data
 * can still reach despite validation (constraint and data exceptions, classes 23
 * and 22). Anything else, SQLSTATE XX000 (an internal error of PostgreSQL or
 * PostGIS) included, is a server fault and becomes a bland 500 with the request id:
 * input that could raise one is validated before it reaches the database.
 */
function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === err.status)?.[0] ?? 'bad_request') as ErrorCode;
    const message = err.status === 400 && /json/i.test(err.message) ? 'The body is not valid JSON.' : err.message || code;
    return new ApiError(code === 'internal' ? 'bad_request' : code, message);
  }
  const sqlState = (err as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
    if (sqlState === '23505') {
      const column = /Key \(([a-z_]+)\)/.exec(String((err as { detail?: unknown }).detail ?? ''))?.[1];
      return ruleError('conflict', 'duplicate', 'A record with the same unique value (such as external_id or e-mail) already exists.', column ? { field: column } : {});
    }
    if (sqlState === '23503') return ruleError('conflict', 'in_use', 'The record refers to, or is referred to by, another record.');
    if (isProtectedHousingViolation(err)) return new ApiError('protected_housing', protectedHousingMessage('The unit\'s name or description'));
    if (sqlState.startsWith('23') || sqlState.startsWith('22')) {
      return new ApiError('bad_request', 'The data was rejected by a database rule: check the values and their ranges.');
    }
  }
  return undefined;
}

/**
 * Serves the built client, with index.html for every other non-API path (client-side routing).
 * A missing file under /assets/ is a 404: answered with the page, a stale or mistyped asset name
 * would be cached for a year as if it were that script or style.
 */
function mountClient(app: OpenAPIHono<AppEnv>): void {
  const root = path.relative(process.cwd(), CLIENT_DIR) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // The build wrote .br and .gz beside each file (scripts/precompress.ts): served as they are.
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('/assets/*', (c) => c.notFound());
  app.get('*', (c) => {
    const index = path.join(CLIENT_DIR, 'index.html');
    if (!fs.existsSync(index)) return c.text('The client is not built: run "npm run build".', 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
