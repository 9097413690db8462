/**
 * The published OpenAPI document against the real API: no component name stands for
 * two different schemas, an independent validator (swagger-parser) accepts the document,
 * and every route answers a real request with JSON that its declared response schema
 * accepts (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { OpenAPIHono } from '@hono/zod-openapi';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TEST_USERS } from './fixtures.js';
import { createTestContext } from './harness.js';
import { generate } from 'otplib';
import { SoftAuthenticator } from './softAuthenticator.js';

const t = await createTestContext();

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
};
let doc: Doc;
beforeAll(async () => {
  doc = await t.getJson('anonymous', '/api/openapi.json');
});

describe('OpenAPI components', () => {
  it('no component name is registered for two different schemas', () => {
    // The generator keeps the first schema it meets under a name and silently drops the
    // others, so generate each route alone and compare what each says the name means.
    const byName = new Map<string, Map<string, string[]>>();
    for (const def of t.app.openAPIRegistry.definitions) {
      if (def.type !== 'route') continue;
      const alone = new OpenAPIHono();
      alone.openAPIRegistry.registerPath(def.route);
      const one = alone.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'one route', version: '1' } });
      for (const [name, schema] of Object.entries(one.components?.schemas ?? {})) {
        const variants = byName.get(name) ?? new Map<string, string[]>();
        const json = JSON.stringify(schema);
        variants.set(json, [...(variants.get(json) ?? []), `${def.route.method.toUpperCase()} ${def.route.path}`]);
        byName.set(name, variants);
      }
    }
    const clashes = [...byName].filter(([, variants]) => variants.size > 1).map(([name, variants]) => `${name}: ${[...variants.values()].map((routes) => routes[0]).join(' vs ')}`);
    expect(clashes).toEqual([]);
  });
});

describe('the served document', () => {
  it('is valid OpenAPI 3.1 for swagger-parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('declares every path parameter as required', () => {
    const optional = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        ((op as { parameters?: { in: string; name: string; required?: boolean }[] }).parameters ?? [])
          .filter((p) => p.in === 'path' && p.required !== true)
          .map((p) => `${method.toUpperCase()} ${path} {${p.name}}`)));
    expect(optional).toEqual([]);
  });
});

interface Step {
  /** The route of the document, `METHOD /path/{param}`. */
  route: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The expected status (2xx). */
  status: number;
  /** Send the session cookie of `sessionCookie` instead of the admin's API token. */
  cookie?: boolean;
}

/** A small GeoJSON file of one area, imported for real (the test database has no areas). */
const AREA_FILE = JSON.stringify({
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[[11.95, 57.66], [12.05, 57.66], [12.05, 57.72], [11.95, 57.72], [11.95, 57.66]]] },
    properties: { name: 'Schema test area', id: 'schema-area-1' },
  }],
});

describe('every route answers with what the document declares', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const failures: string[] = [];
  const called = new Set<string>();
  let sessionCookie = '';

  function validatorFor(route: string, status: number, type: string) {
    const [method, path] = route.split(' ') as [string, string];
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op) return `not in the document`;
    const response = op.responses[String(status)];
    if (!response) return `status ${status} is not declared (declared: ${Object.keys(op.responses).join(', ')})`;
    const media = Object.keys(response.content ?? {}).find((m) => type.startsWith(m));
    if (response.content && !media) return `content type "${type}" is not declared (declared: ${Object.keys(response.content).join(', ')})`;
    if (!media || !/json/.test(media)) return undefined;
    const key = `${route} ${status} ${media}`;
    if (!validators.has(key)) {
      const schema = JSON.parse(JSON.stringify(response.content![media]!.schema).replaceAll('"#/components/', '"openapi.json#/components/'));
      validators.set(key, ajv.compile(schema));
    }
    return validators.get(key)!;
  }

  async function call(step: Step): Promise<Response> {
    const headers: Record<string, string> = { ...step.headers };
    if (step.cookie) headers.cookie = sessionCookie;
    else headers.authorization = `Bearer ${TEST_USERS.admin.token}`;
    if (step.body !== undefined) headers['content-type'] = 'application/json';
    const res = await t.app.request(`http://localhost${step.url}`, {
      method: step.route.split(' ')[0], headers, body: step.body === undefined ? undefined : JSON.stringify(step.body),
    });
    const text = await res.clone().text();
    called.add(step.route);
    if (res.status !== step.status) {
      failures.push(`${step.route} (${step.url}): status ${res.status}, expected ${step.status}: ${text.slice(0, 300)}`);
      return res;
    }
    const type = res.headers.get('content-type') ?? '';
    const validate = validatorFor(step.route, res.status, type);
    if (typeof validate === 'string') failures.push(`${step.route}: ${validate}`);
    else if (validate && !validate(JSON.parse(text))) {
      failures.push(`${step.route} (${step.url}) ${res.status}: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 600)}`);
    }
    return res;
  }

  const ok = async (step: Omit<Step, 'status'> & { status?: number }) => {
    const res = await call({ status: 200, ...step });
    return { res, body: /json/.test(res.headers.get('content-type') ?? '') ? await res.json() : await res.text(), etag: res.headers.get('etag') ?? '' };
  };

  it('calls every route of the document as an administrator', async () => {
    ajv.addSchema({ $id: 'openapi.json', components: doc.components });
    const units = (await t.getJson('admin', '/api/units')).features as { id: number; properties: { sensitivity: string; status: string } }[];
    const unitId = units.find((u) => u.properties.sensitivity === 'public' && u.properties.status === 'open')!.id;
    const actorId = (await t.getJson('admin', '/api/actors?limit=1')).features[0].id as number;
    const childPlaceId = (await t.getJson('admin', '/api/child-places?limit=1')).features[0].id as number;
    const [person] = await t.db.query<{ id: number }>('SELECT id FROM contact_persons WHERE active ORDER BY id LIMIT 1');
    const today = new Date().toISOString().slice(0, 10);
    const point = { type: 'Point', coordinates: [11.99, 57.68] };

    await ok({ route: 'GET /api/health', url: '/api/health' });
    await ok({ route: 'GET /api/client-config', url: '/api/client-config' });
    await ok({ route: 'GET /api/docs', url: '/api/docs' });
    await ok({ route: 'GET /api/auth/config', url: '/api/auth/config' });
    // Before the sign-in below, the session cookie is empty: no one is signed in.
    await ok({ route: 'GET /api/auth/me', url: '/api/auth/me?optional=true', cookie: true, status: 204 });
    // OpenID Connect is off in this app (no OIDC_ISSUER): 404; the flow's redirects are tested in api/routes/oidc.test.ts
    await ok({ route: 'GET /api/auth/oidc/start', url: '/api/auth/oidc/start', status: 404 });
    await ok({ route: 'GET /api/auth/oidc/callback', url: '/api/auth/oidc/callback?code=x&state=y', status: 404 });
    const login = await ok({ route: 'POST /api/auth/login', url: '/api/auth/login', body: { email: TEST_USERS.admin.email, password: TEST_PASSWORD } });
    sessionCookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0]!;
    await ok({ route: 'GET /api/auth/me', url: '/api/auth/me' });
    const token = await ok({ route: 'POST /api/auth/tokens', url: '/api/auth/tokens', body: { name: 'schema test' }, status: 201 });
    await ok({ route: 'GET /api/auth/tokens', url: '/api/auth/tokens' });
    await ok({ route: 'DELETE /api/auth/tokens/{id}', url: `/api/auth/tokens/${token.body.id}`, status: 204 });
    // A second session of the admin's (another browser), listed and then ended from this one.
    const other = await t.app.request('http://localhost/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: TEST_USERS.admin.email, password: TEST_PASSWORD }),
    });
    expect(other.status).toBe(200);
    const sessions = await ok({ route: 'GET /api/auth/sessions', url: '/api/auth/sessions', cookie: true });
    const otherSession = (sessions.body.sessions as { id: number; current: boolean }[]).find((s) => !s.current)!;
    await ok({ route: 'DELETE /api/auth/sessions/{id}', url: `/api/auth/sessions/${otherSession.id}`, status: 204, cookie: true });
    const saved = await ok({ route: 'POST /api/site-analyses', url: '/api/site-analyses', status: 201,
      body: { name: 'Schematest', sites: [{ label: 'A', lon: 11.99, lat: 57.68, name: 'Provgatan 1' }, { label: 'B', lon: 12.0, lat: 57.69 }] } });
    await ok({ route: 'GET /api/site-analyses', url: '/api/site-analyses' });
    await ok({ route: 'GET /api/site-analyses/{id}', url: `/api/site-analyses/${saved.body.id}` });
    await ok({ route: 'PATCH /api/site-analyses/{id}', url: `/api/site-analyses/${saved.body.id}`, body: { name: 'Schematest omdöpt' } });
    await ok({ route: 'DELETE /api/site-analyses/{id}', url: `/api/site-analyses/${saved.body.id}`, status: 204 });

    await ok({ route: 'GET /api/users', url: '/api/users' });
    const user = await ok({ route: 'POST /api/users', url: '/api/users', status: 201, body: { email: 'schema.test@test.example', name: 'Schema Test', role: 'viewer', password: 'a long enough password 1' } });
    const userRead = await ok({ route: 'GET /api/users/{id}', url: `/api/users/${user.body.id}` });
    await ok({ route: 'PATCH /api/users/{id}', url: `/api/users/${user.body.id}`, body: { name: 'Schema Test 2' }, headers: { 'if-match': userRead.etag } });
    await ok({ route: 'GET /api/audit', url: '/api/audit?limit=5' });

    await ok({ route: 'GET /api/units', url: '/api/units' });
    await ok({ route: 'GET /api/units/{id}', url: `/api/units/${unitId}` });
    const unit = await ok({
      route: 'POST /api/units', url: '/api/units', status: 201,
      body: { type: 'Feature', geometry: point, properties: { name: 'Schema test unit', kind: 'supported_housing', places: 4 } },
    });
    const patched = await ok({ route: 'PATCH /api/units/{id}', url: `/api/units/${unit.body.id}`, body: { properties: { places: 5 } }, headers: { 'if-match': unit.etag } });
    await ok({ route: 'GET /api/units/{id}/zones', url: `/api/units/${unitId}/zones` });
    await ok({ route: 'GET /api/units/{id}/walk-zones', url: `/api/units/${unitId}/walk-zones?minutes=5,10` });
    await ok({ route: 'GET /api/units/{id}/dependents', url: `/api/units/${unitId}/dependents` });
    await ok({ route: 'GET /api/units/{id}/contacts', url: `/api/units/${unitId}/contacts` });
    await ok({ route: 'GET /api/units/{id}/child-places', url: `/api/units/${unitId}/child-places` });
    await ok({ route: 'GET /api/addresses', url: '/api/addresses?q=Kungsportsavenyen%201' });
    await ok({ route: 'GET /api/places/check', url: '/api/places/check?lon=11.97&lat=57.70' });
    for (const [id, value, name] of [[9001, 'cafe', 'Schematestkaféet'], [9002, 'library', 'Schematestbiblioteket']] as const) {
      await t.db.query(
        `INSERT INTO base_pois (osm_type, osm_id, key, value, name, tags, geom)
         SELECT 'node', $2, 'amenity', $3, $4, jsonb_build_object('amenity', $3::text, 'name', $4::text), ST_Translate(location::geometry, 0.0004, 0) FROM units WHERE id = $1`,
        [unitId, id, value, name],
      );
    }
    await ok({ route: 'GET /api/units/{id}/suggestions', url: `/api/units/${unitId}/suggestions` });
    await ok({ route: 'POST /api/units/{id}/suggestions/{osm_type}/{osm_id}/accept', url: `/api/units/${unitId}/suggestions/node/9001/accept`, status: 201 });
    await ok({ route: 'POST /api/units/{id}/suggestions/{osm_type}/{osm_id}/dismiss', url: `/api/units/${unitId}/suggestions/node/9002/dismiss`, status: 204 });
    await ok({ route: 'GET /api/units/{id}/contacts/export', url: `/api/units/${unitId}/contacts/export` });
    await ok({ route: 'GET /api/units/{id}/contacts/export', url: `/api/units/${unitId}/contacts/export?format=vcf` });
    await ok({ route: 'GET /api/units/{id}/contacts/export', url: `/api/units/${unitId}/contacts/export?format=csv&dialect=standard` });
    await ok({ route: 'GET /api/information-needs', url: '/api/information-needs?limit=5' });
    await ok({ route: 'POST /api/site-analysis', url: '/api/site-analysis', body: { lon: 11.99, lat: 57.68 } });

    const activity = await ok({ route: 'POST /api/units/{id}/activities', url: `/api/units/${unitId}/activities`, status: 201, body: { kind: 'observation', date: today, note: 'Schema test' } });
    await ok({ route: 'GET /api/units/{id}/activities', url: `/api/units/${unitId}/activities` });
    const activityRead = await ok({ route: 'GET /api/activities/{id}', url: `/api/activities/${activity.body.id}` });
    const activityPatched = await ok({ route: 'PATCH /api/activities/{id}', url: `/api/activities/${activity.body.id}`, body: { note: 'Schema test 2' }, headers: { 'if-match': activityRead.etag } });
    await ok({ route: 'GET /api/follow-ups', url: '/api/follow-ups' });
    await ok({ route: 'DELETE /api/activities/{id}', url: `/api/activities/${activity.body.id}`, status: 204, headers: { 'if-match': activityPatched.etag } });
    const need = (await t.getJson('admin', `/api/units/${unitId}/child-places`)).features[0];
    await ok({ route: 'POST /api/information-needs/mark-informed', url: '/api/information-needs/mark-informed', status: 201, body: { unit_id: unitId, child_place_ids: [need.id], date: today } });
    await ok({ route: 'GET /api/implementation', url: '/api/implementation' });
    await ok({ route: 'GET /api/exports/information-needs.csv', url: '/api/exports/information-needs.csv' });
    await ok({ route: 'GET /api/exports/follow-ups.csv', url: '/api/exports/follow-ups.csv' });
    await ok({ route: 'GET /api/exports/implementation.csv', url: '/api/exports/implementation.csv' });
    await ok({ route: 'GET /api/units/{id}/principles', url: `/api/units/${unit.body.id}/principles` });
    await ok({ route: 'PUT /api/units/{id}/principles/{principle}', url: `/api/units/${unit.body.id}/principles/4`, body: { status: 'in_progress', evidence: 'Schema test', last_reviewed: today } });

    await ok({ route: 'GET /api/actors', url: '/api/actors?limit=3' });
    await ok({ route: 'GET /api/actors/{id}', url: `/api/actors/${actorId}` });
    const actor = await ok({ route: 'POST /api/actors', url: '/api/actors', status: 201, body: { type: 'Feature', geometry: point, properties: { name: 'Schema test actor', category: 'shop' } } });
    const actorPatched = await ok({ route: 'PATCH /api/actors/{id}', url: `/api/actors/${actor.body.id}`, body: { properties: { organisation: 'Schema AB' } }, headers: { 'if-match': actor.etag } });
    const created = await ok({ route: 'POST /api/actors/{id}/contact-persons', url: `/api/actors/${actor.body.id}/contact-persons`, status: 201, body: { name: 'Schema Person', role: 'Butikschef' } });
    await ok({ route: 'GET /api/contact-persons/{id}', url: `/api/contact-persons/${person!.id}` });
    const personPatched = await ok({ route: 'PATCH /api/contact-persons/{id}', url: `/api/contact-persons/${created.body.id}`, body: { phone: '+46 31 123 45 67' }, headers: { 'if-match': created.etag } });
    await ok({ route: 'GET /api/contact-persons/{id}/export', url: `/api/contact-persons/${created.body.id}/export` });
    await ok({ route: 'DELETE /api/contact-persons/{id}', url: `/api/contact-persons/${created.body.id}`, status: 204, headers: { 'if-match': personPatched.etag } });
    await ok({ route: 'POST /api/contact-persons/{id}/inactivate', url: `/api/contact-persons/${person!.id}/inactivate` });
    await ok({ route: 'POST /api/contact-persons/purge', url: '/api/contact-persons/purge' });
    await ok({ route: 'DELETE /api/actors/{id}', url: `/api/actors/${actor.body.id}`, status: 204, headers: { 'if-match': actorPatched.etag } });

    await ok({ route: 'GET /api/child-places', url: '/api/child-places?limit=3' });
    await ok({ route: 'GET /api/child-places/{id}', url: `/api/child-places/${childPlaceId}` });
    const place = await ok({ route: 'POST /api/child-places', url: '/api/child-places', status: 201, body: { type: 'Feature', geometry: point, properties: { name: 'Schema test playground', kind: 'playground' } } });
    const placePatched = await ok({ route: 'PATCH /api/child-places/{id}', url: `/api/child-places/${place.body.id}`, body: { properties: { operator: 'Park och natur' } }, headers: { 'if-match': place.etag } });
    await ok({ route: 'DELETE /api/child-places/{id}', url: `/api/child-places/${place.body.id}`, status: 204, headers: { 'if-match': placePatched.etag } });

    await ok({ route: 'POST /api/import/{layer}', url: '/api/import/areas', body: { format: 'geojson', content: AREA_FILE, level: 'city_area', dry_run: false } });
    // The upload itself (202, then the job) is exercised in api/routes/baseData.test.ts; here an empty file's refusal and an unknown job.
    await ok({ route: 'POST /api/base-data/import', url: '/api/base-data/import?name=empty.osm.pbf', status: 400, headers: { 'content-type': 'application/octet-stream' } });
    await ok({ route: 'GET /api/base-data/import/{job_id}', url: '/api/base-data/import/00000000-0000-4000-8000-000000000000', status: 404 });
    await ok({ route: 'GET /api/base-data', url: '/api/base-data' });
    const areas = await ok({ route: 'GET /api/areas', url: '/api/areas?limit=3' });
    const areaId = areas.body.features[0].id as number;
    await ok({ route: 'GET /api/areas/{id}/summary', url: `/api/areas/${areaId}/summary` });
    await ok({ route: 'GET /api/exports/{layer}', url: '/api/exports/units' });
    await ok({ route: 'GET /api/exports/{layer}', url: '/api/exports/areas?format=gpkg' });
    await ok({ route: 'GET /api/exports/{layer}', url: '/api/exports/areas?crs=EPSG:3006' });
    await ok({ route: 'GET /api/exports/{layer}', url: '/api/exports/actors?format=csv&crs=EPSG:3006&dialect=standard' });
    await ok({ route: 'GET /api/exports/{layer}', url: '/api/exports/units?crs=EPSG:2400', status: 400 });
    await ok({ route: 'GET /api/exports/all.gpkg', url: '/api/exports/all.gpkg' });
    await ok({ route: 'GET /api/exports/all.gpkg', url: '/api/exports/all.gpkg?crs=EPSG:3007' });
    const radii = await ok({ route: 'GET /api/settings/zone-radii', url: '/api/settings/zone-radii' });
    await ok({ route: 'PUT /api/settings/zone-radii', url: '/api/settings/zone-radii', body: { immediate: radii.body.immediate, neighbourhood: radii.body.neighbourhood, area: radii.body.area } });
    const walking = await ok({ route: 'GET /api/settings/walking', url: '/api/settings/walking' });
    await ok({ route: 'PUT /api/settings/walking', url: '/api/settings/walking', body: { walking_speed_kmh: walking.body.walking_speed_kmh, information_distance: walking.body.information_distance } });
    const mappings = await ok({ route: 'GET /api/settings/oidc-role-mappings', url: '/api/settings/oidc-role-mappings' });
    await ok({ route: 'PUT /api/settings/oidc-role-mappings', url: '/api/settings/oidc-role-mappings', body: { mappings: mappings.body.mappings } });
    await ok({ route: 'GET /api/tiles/{layer}/{z}/{x}/{y}', url: '/api/tiles/units/12/2184/1268.mvt' });
    const basemap = await ok({ route: 'GET /api/basemap/style.json', url: '/api/basemap/style.json' });
    const basemapTiles = (basemap.body.sources.protomaps.tiles[0] as string).replace('http://localhost', '');
    await ok({ route: 'GET /api/basemap/tiles/{version}/{z}/{x}/{y}', url: basemapTiles.replace('{z}/{x}/{y}', '14/8747/5077') });
    await ok({ route: 'GET /api/basemap/fonts/{fontstack}/{range}', url: '/api/basemap/fonts/Noto%20Sans%20Regular/0-255.pbf' });

    await ok({ route: 'GET /ogc', url: '/ogc' });
    await ok({ route: 'GET /ogc/conformance', url: '/ogc/conformance' });
    await ok({ route: 'GET /ogc/collections', url: '/ogc/collections' });
    await ok({ route: 'GET /ogc/collections/{collectionId}', url: '/ogc/collections/units' });
    await ok({ route: 'GET /ogc/collections/{collectionId}/queryables', url: '/ogc/collections/units/queryables' });
    await ok({ route: 'GET /ogc/collections/{collectionId}/items', url: '/ogc/collections/areas/items?limit=2' });
    await ok({ route: 'GET /ogc/collections/{collectionId}/items/{featureId}', url: `/ogc/collections/units/items/${unitId}` });

    await ok({ route: 'DELETE /api/units/{id}', url: `/api/units/${unit.body.id}`, status: 204, headers: { 'if-match': patched.etag } });
    // The second factor: the admin enrols an authenticator app and a passkey, signs in with each, removes them; then the reset and the setting.
    await ok({ route: 'GET /api/auth/second-factor', url: '/api/auth/second-factor' });
    // The code is made for the app's clock, which stands still from the file's start (on a busy machine, minutes ago).
    const totpAt = new Date();
    t.setNow(totpAt);
    const totp = await ok({ route: 'POST /api/auth/second-factor/totp', url: '/api/auth/second-factor/totp' });
    const code = await generate({ secret: totp.body.secret as string, epoch: Math.floor(totpAt.getTime() / 1000) });
    const confirmed = await ok({ route: 'POST /api/auth/second-factor/totp/confirm', url: '/api/auth/second-factor/totp/confirm', body: { code } });
    await ok({ route: 'POST /api/auth/second-factor/recovery-codes', url: '/api/auth/second-factor/recovery-codes', body: { current_password: TEST_PASSWORD } });
    expect(confirmed.body.recovery_codes).toHaveLength(10);
    const key = new SoftAuthenticator('http://localhost');
    const registration = await ok({ route: 'POST /api/auth/second-factor/passkeys/options', url: '/api/auth/second-factor/passkeys/options' });
    const passkey = await ok({ route: 'POST /api/auth/second-factor/passkeys', url: '/api/auth/second-factor/passkeys', status: 201, body: { name: 'Schemanyckel', response: key.register(registration.body) } });
    const pendingLogin = async () => {
      const res = await t.app.request('http://localhost/api/auth/login', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: TEST_USERS.admin.email, password: TEST_PASSWORD }),
      });
      expect(await res.json()).toMatchObject({ second_factor_required: true });
      return /ps_second_factor=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    };
    const fresh = await ok({ route: 'POST /api/auth/second-factor/recovery-codes', url: '/api/auth/second-factor/recovery-codes', body: { current_password: TEST_PASSWORD } });
    await ok({ route: 'POST /api/auth/login/totp', url: '/api/auth/login/totp', body: { recovery_code: fresh.body.recovery_codes[0] }, headers: { cookie: await pendingLogin() } });
    const pending = await pendingLogin();
    const assertion = await ok({ route: 'POST /api/auth/login/passkey/options', url: '/api/auth/login/passkey/options', headers: { cookie: pending } });
    await ok({ route: 'POST /api/auth/login/passkey/verify', url: '/api/auth/login/passkey/verify', body: { response: key.authenticate(assertion.body) }, headers: { cookie: pending } });
    await ok({ route: 'DELETE /api/auth/second-factor/passkeys/{id}', url: `/api/auth/second-factor/passkeys/${passkey.body.passkey.id}`, status: 204, body: { current_password: TEST_PASSWORD } });
    await ok({ route: 'DELETE /api/auth/second-factor/totp', url: '/api/auth/second-factor/totp', status: 204, body: { current_password: TEST_PASSWORD } });
    await ok({ route: 'POST /api/users/{id}/second-factor/reset', url: `/api/users/${user.body.id}/second-factor/reset` });
    const required = await ok({ route: 'GET /api/settings/second-factor', url: '/api/settings/second-factor' });
    await ok({ route: 'PUT /api/settings/second-factor', url: '/api/settings/second-factor', body: { required_for: required.body.required_for } });

    // The admin's own password last but one: it revokes the admin's API token the steps above use.
    await ok({ route: 'POST /api/auth/password', url: '/api/auth/password', body: { current_password: TEST_PASSWORD, new_password: 'ett nytt lösenord för schemat' }, cookie: true });
    await ok({ route: 'POST /api/auth/logout', url: '/api/auth/logout', status: 204, cookie: true });

    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((r) => !called.has(r)), 'routes of the document this test does not call: add a step').toEqual([]);
    expect(failures).toEqual([]);
  });
});
