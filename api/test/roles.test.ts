/**
 * The role table (SECURITY.md): every route of the OpenAPI document, called as
 * anonymous and as each role, answers exactly 401 (anonymous), 403 (role too low) or
 * something other than 401/403 (allowed). A route missing from EXPECTED fails the
 * test, so every new route must be classified here. For 200 answers of the main read
 * routes, the exact set of fields is asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from './harness.js';

const t = await createTestContext();

type Access = 'public' | 'second_step' | 'viewer' | 'editor' | 'admin';

/**
 * Who may call each route: `public` needs no sign-in; `second_step` needs no sign-in but the
 * pending cookie of a password step (`ps_second_factor`), so every caller here, who has
 * none, gets 401 (or 400 for the empty body); otherwise the lowest role allowed.
 */
const EXPECTED: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/client-config': 'public',
  'GET /api/docs': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/config': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'POST /api/auth/logout': 'viewer',
  'POST /api/auth/password': 'viewer',
  'GET /api/auth/me': 'viewer',
  'POST /api/auth/tokens': 'viewer',
  'GET /api/auth/tokens': 'viewer',
  'DELETE /api/auth/tokens/{id}': 'viewer',
  'GET /api/auth/sessions': 'viewer',
  'DELETE /api/auth/sessions/{id}': 'viewer',
  'POST /api/auth/login/totp': 'second_step',
  'POST /api/auth/login/passkey/options': 'second_step',
  'POST /api/auth/login/passkey/verify': 'second_step',
  'GET /api/auth/second-factor': 'viewer',
  'POST /api/auth/second-factor/totp': 'viewer',
  'DELETE /api/auth/second-factor/totp': 'viewer',
  'POST /api/auth/second-factor/totp/confirm': 'viewer',
  'POST /api/auth/second-factor/recovery-codes': 'viewer',
  'POST /api/auth/second-factor/passkeys/options': 'viewer',
  'POST /api/auth/second-factor/passkeys': 'viewer',
  'DELETE /api/auth/second-factor/passkeys/{id}': 'viewer',
  'POST /api/users/{id}/second-factor/reset': 'admin',
  'GET /api/settings/second-factor': 'viewer',
  'PUT /api/settings/second-factor': 'admin',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'GET /api/users/{id}': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/contact-persons/{id}/export': 'admin',
  'POST /api/contact-persons/{id}/inactivate': 'admin',
  'POST /api/contact-persons/purge': 'admin',
  'GET /api/units': 'viewer',
  'POST /api/units': 'editor',
  'GET /api/units/{id}': 'viewer',
  'PATCH /api/units/{id}': 'editor',
  'DELETE /api/units/{id}': 'editor',
  'GET /api/units/{id}/dependents': 'editor',
  'POST /api/import/{layer}': 'admin',
  'POST /api/base-data/import': 'admin',
  'GET /api/base-data/import/{job_id}': 'admin',
  'GET /api/base-data': 'viewer',
  'GET /api/addresses': 'viewer',
  'GET /api/places/check': 'viewer',
  'GET /api/units/{id}/suggestions': 'editor',
  'POST /api/units/{id}/suggestions/{osm_type}/{osm_id}/accept': 'editor',
  'POST /api/units/{id}/suggestions/{osm_type}/{osm_id}/dismiss': 'editor',
  'GET /api/units/{id}/zones': 'viewer',
  'GET /api/units/{id}/walk-zones': 'viewer',
  'GET /api/units/{id}/contacts': 'viewer',
  'GET /api/units/{id}/child-places': 'viewer',
  'GET /api/information-needs': 'viewer',
  'POST /api/site-analysis': 'viewer',
  'GET /api/site-analyses': 'viewer',
  'POST /api/site-analyses': 'viewer',
  'GET /api/site-analyses/{id}': 'viewer',
  'PATCH /api/site-analyses/{id}': 'viewer',
  'DELETE /api/site-analyses/{id}': 'viewer',
  'GET /api/actors': 'viewer',
  'GET /api/child-places': 'viewer',
  'GET /api/settings/zone-radii': 'viewer',
  'PUT /api/settings/zone-radii': 'admin',
  'GET /api/settings/walking': 'viewer',
  'PUT /api/settings/walking': 'admin',
  'GET /api/settings/oidc-role-mappings': 'admin',
  'PUT /api/settings/oidc-role-mappings': 'admin',
  'GET /api/tiles/{layer}/{z}/{x}/{y}': 'viewer',
  'GET /api/basemap/style.json': 'viewer',
  'GET /api/basemap/tiles/{version}/{z}/{x}/{y}': 'viewer',
  'GET /api/basemap/fonts/{fontstack}/{range}': 'viewer',
  'GET /api/units/{id}/activities': 'viewer',
  'POST /api/units/{id}/activities': 'editor',
  'GET /api/activities/{id}': 'viewer',
  'PATCH /api/activities/{id}': 'editor',
  'DELETE /api/activities/{id}': 'editor',
  'POST /api/information-needs/mark-informed': 'editor',
  'GET /api/follow-ups': 'viewer',
  'GET /api/implementation': 'viewer',
  'GET /api/exports/information-needs.csv': 'viewer',
  'GET /api/exports/follow-ups.csv': 'viewer',
  'GET /api/exports/implementation.csv': 'viewer',
  'GET /api/units/{id}/principles': 'viewer',
  'PUT /api/units/{id}/principles/{principle}': 'editor',
  'POST /api/actors': 'editor',
  'GET /api/actors/{id}': 'viewer',
  'PATCH /api/actors/{id}': 'editor',
  'DELETE /api/actors/{id}': 'editor',
  'POST /api/actors/{id}/contact-persons': 'editor',
  'GET /api/contact-persons/{id}': 'viewer',
  'PATCH /api/contact-persons/{id}': 'editor',
  'DELETE /api/contact-persons/{id}': 'editor',
  'POST /api/child-places': 'editor',
  'GET /api/child-places/{id}': 'viewer',
  'PATCH /api/child-places/{id}': 'editor',
  'DELETE /api/child-places/{id}': 'editor',
  'GET /api/areas': 'viewer',
  'GET /api/areas/{id}/summary': 'viewer',
  'GET /api/exports/{layer}': 'viewer',
  'GET /api/exports/all.gpkg': 'viewer',
  'GET /api/units/{id}/contacts/export': 'viewer',
  'GET /ogc': 'viewer',
  'GET /ogc/conformance': 'viewer',
  'GET /ogc/collections': 'viewer',
  'GET /ogc/collections/{collectionId}': 'viewer',
  'GET /ogc/collections/{collectionId}/queryables': 'viewer',
  'GET /ogc/collections/{collectionId}/items': 'viewer',
  'GET /ogc/collections/{collectionId}/items/{featureId}': 'viewer',
};

const CALLERS = ['anonymous', 'viewer', 'editor', 'admin'] as const;
const RANK = { viewer: 1, editor: 2, admin: 3 } as const;

/** Values for path parameters: ids that do not exist, so allowed writes change nothing. */
const PATH_VALUES: Record<string, string> = { id: '999999', layer: 'units', z: '14', x: '8741', y: '4795', principle: 'respect' };

interface Route { key: string; method: string; path: string; hasBody: boolean; needsIfMatch: boolean }

let routes: Route[] = [];

beforeAll(async () => {
  const doc = await t.getJson('anonymous', '/api/openapi.json');
  routes = Object.entries(doc.paths as Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[]; description?: string }>>)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      hasBody: !!op.requestBody,
      needsIfMatch: (op.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match') || /If-Match/.test(op.description ?? ''),
    })));
});

function urlOf(r: Route): string {
  return r.path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? 'x');
}

describe('role table', () => {
  it('every route in the OpenAPI document is classified', () => {
    expect(routes.length).toBeGreaterThan(10);
    const unclassified = routes.map((r) => r.key).filter((k) => !(k in EXPECTED));
    expect(unclassified, 'add these routes to EXPECTED in api/test/roles.test.ts').toEqual([]);
    // Classified routes that are not (yet) in the API only warn: route files land in any order.
    const gone = Object.keys(EXPECTED).filter((k) => !routes.some((r) => r.key === k));
    if (gone.length) console.warn(`roles.test.ts: classified routes the API does not have: ${gone.join(', ')}`);
  });

  it('answers each caller exactly: 401 anonymous, 403 too low, otherwise allowed', async () => {
    const failures: string[] = [];
    const table: string[] = [];
    for (const r of routes) {
      const access = EXPECTED[r.key];
      if (!access) continue;
      const row: string[] = [];
      for (const caller of CALLERS) {
        const headers: Record<string, string> = r.needsIfMatch ? { 'if-match': '"1"' } : {};
        const res = await t.request(caller, r.method, urlOf(r), r.hasBody ? {} : undefined, headers);
        const status = res.status;
        row.push(`${caller}=${status}`);
        let ok: boolean;
        if (access === 'public') ok = status !== 401 && status !== 403;
        else if (access === 'second_step') ok = status === 401 || (r.hasBody && status === 400);
        else if (caller === 'anonymous') ok = status === 401;
        else if (RANK[caller] < RANK[access]) ok = status === 403;
        else ok = status !== 401 && status !== 403;
        if (status >= 500) ok = false;
        if (!ok) failures.push(`${r.key} as ${caller}: got ${status}, expected ${access === 'public' ? 'not 401/403' : access === 'second_step' ? '401 (400 for the body)' : caller === 'anonymous' ? 401 : RANK[caller] < RANK[access] ? 403 : 'not 401/403'} (${access})`);
      }
      table.push(`${r.key.padEnd(48)} ${access.padEnd(7)} ${row.join(' ')}`);
    }
    if (process.env.PRINT_ROLE_TABLE) console.log(table.join('\n'));
    expect(failures).toEqual([]);
  });
});

describe('fields of 200 answers', () => {
  let restrictedId: number;
  beforeAll(async () => {
    const [r] = await t.db.query<{ id: number }>("SELECT id FROM units WHERE sensitivity = 'restricted' ORDER BY id LIMIT 1");
    restrictedId = r!.id;
  });

  const UNIT_PROPS = ['address', 'contact_email', 'contact_hours', 'contact_name', 'contact_phone', 'created_at', 'description', 'external_id', 'is_demo',
    'kind', 'location_precision', 'name', 'operator', 'places', 'radii', 'radii_custom', 'sensitivity', 'status', 'updated_at', 'version'];
  const FEATURE = ['geometry', 'id', 'properties', 'type'];
  const COLLECTION = ['features', 'type'];
  const CHILD_PLACE_NEAR = ['address', 'contact_email', 'contact_name', 'contact_phone', 'contact_role', 'distance_m', 'external_id', 'information', 'kind', 'name', 'operator', 'priority', 'ring', 'stages', 'version'];

  /** path (with {id} = the restricted unit) → [top-level keys, feature keys?, properties keys?]. */
  const FIELDS: Record<string, [string[], string[]?, string[]?]> = {
    '/api/health': [['database', 'postgis', 'status']],
    '/api/client-config': [['basemap_style_url', 'tile_threshold']],
    '/api/auth/me': [['email', 'id', 'must_change_password', 'name', 'role', 'second_factor_enrolment_required']],
    '/api/auth/second-factor': [['passkeys', 'recovery_codes_left', 'required', 'totp']],
    '/api/settings/second-factor': [['required_for', 'updated_at']],
    '/api/auth/config': [['local_passwords', 'oidc']],
    '/api/auth/tokens': [['tokens']],
    '/api/auth/sessions': [['sessions']],
    '/api/site-analyses': [['site_analyses']],
    '/api/units': [COLLECTION, FEATURE, UNIT_PROPS],
    '/api/units/{id}': [FEATURE, FEATURE, UNIT_PROPS],
    '/api/units/{id}/zones': [COLLECTION, FEATURE, ['radius_m', 'ring']],
    '/api/units/{id}/contacts': [COLLECTION, FEATURE, ['address', 'category', 'contact_about', 'contact_persons', 'distance_m', 'email', 'external_id', 'last_contacted_at', 'name', 'organisation', 'phone', 'ring', 'version', 'walk_m', 'walk_min', 'website']],
    '/api/units/{id}/walk-zones': [['features', 'type', 'walking']],
    '/api/units/{id}/child-places': [COLLECTION, FEATURE, [...CHILD_PLACE_NEAR, 'ring_basis', 'walk_m', 'walk_min'].sort()],
    '/api/information-needs': [
      ['by_priority', 'by_status', 'features', 'number_matched', 'number_returned', 'type'], FEATURE, [...CHILD_PLACE_NEAR, 'child_place_id', 'unit_id', 'unit_name', 'walk_m'].sort(),
    ],
    '/api/actors?limit=1': [['features', 'number_matched', 'number_returned', 'type'], FEATURE, ['address', 'category', 'contact_about', 'contact_persons', 'email', 'external_id', 'name', 'organisation', 'phone', 'version', 'website']],
    '/api/child-places?limit=1': [['features', 'number_matched', 'number_returned', 'type'], FEATURE, ['address', 'contact_email', 'contact_name', 'contact_phone', 'contact_role', 'external_id', 'kind', 'name', 'operator', 'stages', 'version']],
    '/api/settings/zone-radii': [['area', 'immediate', 'neighbourhood', 'updated_at']],
    '/api/settings/walking': [['information_distance', 'updated_at', 'walking_speed_kmh']],
    '/api/follow-ups': [['follow_ups', 'number_matched', 'number_returned']],
    '/api/implementation': [['areas', 'principles', 'units']],
    '/api/units/{id}/activities': [['activities', 'number_matched', 'number_returned']],
    '/api/units/{id}/principles': [['principles', 'unit_id']],
  };
  const ADMIN_FIELDS: Record<string, string[]> = {
    '/api/users': ['users'],
    '/api/audit': ['entries', 'number_matched', 'number_returned'],
    '/api/settings/oidc-role-mappings': ['claim', 'mappings', 'updated_at'],
  };

  for (const role of ['viewer', 'editor', 'admin'] as const) {
    it(`${role}: exact fields of the main read routes`, async () => {
      for (const [path, [top, feature, props]] of Object.entries(FIELDS)) {
        const body = await t.getJson(role, path.replace('{id}', String(restrictedId)));
        expect(Object.keys(body).sort(), path).toEqual([...top].sort());
        const f = body.type === 'Feature' ? body : body.features?.[0];
        if (feature) {
          expect(f, `${path} has a feature`).toBeDefined();
          expect(Object.keys(f).sort(), path).toEqual(feature);
          expect(Object.keys(f.properties).sort(), path).toEqual(props);
        }
      }
      for (const [path, top] of Object.entries(ADMIN_FIELDS)) {
        const res = await t.request(role, 'GET', path);
        if (role !== 'admin') expect(res.status).toBe(403);
        else expect(Object.keys(await res.json()).sort()).toEqual(top);
      }
    });
  }

  it('a viewer gets a restricted unit without address and coarse; an editor exactly', async () => {
    const v = await t.getJson('viewer', `/api/units/${restrictedId}`);
    expect(v.properties).toMatchObject({ address: null, location_precision: 'coarse', sensitivity: 'restricted' });
    const e = await t.getJson('editor', `/api/units/${restrictedId}`);
    expect(e.properties.address).toEqual(expect.any(String));
    expect(e.properties.location_precision).toBe('exact');
  });
});
